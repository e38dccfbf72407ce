/**
 * Hover: what the word under the cursor means. Menus, commands, parameters and values are explained from the
 * schema service (summary, docs, type, values, default, versions, example, manual link); variables and named
 * objects from the document's symbols. No RouterOS text is written here.
 */
import type { Hover } from 'vscode-languageserver-types';
import type { DocumentAnalysis, ResolvedCommand } from '../analysis/types.js';
import type { AnyNode, NamedArgument, Word } from '../core/ast.js';
import type { RouterOsVersion } from '../core/version.js';
import type { ParameterSchema, SchemaService } from '../schema/types.js';
import { commandAt, menuPathOfPathWord } from './support/commands.js';
import { spanContains, spanToRange } from './support/ranges.js';
import { docMarkdown, parameterMarkdown, valueDocLine } from './support/schemaText.js';

export interface HoverServices {
  readonly schema: SchemaService;
}

export function provideHover(analysis: DocumentAnalysis, offset: number, services: HoverServices): Hover | null {
  const { command, path } = commandAt(analysis, offset, false);
  const node = path[path.length - 1];
  if (!node) return null;
  const markdown =
    variableHover(analysis, offset) ??
    (command ? commandPartHover(analysis, command, path, offset, services.schema) : undefined);
  if (!markdown) return null;
  return { contents: { kind: 'markdown', value: markdown.text }, range: spanToRange(analysis.lines, markdown.span) };
}

interface HoverText {
  readonly text: string;
  readonly span: { start: number; end: number };
}

function variableHover(analysis: DocumentAnalysis, offset: number): HoverText | undefined {
  const { symbols, lines } = analysis;
  const declared = symbols.variables.find((variable) => spanContains(variable.span, offset, false));
  const reference = declared ? undefined : symbols.variableReferences.find((ref) => spanContains(ref.span, offset, false));
  const variable = declared ?? reference?.declaration;
  const span = declared?.span ?? reference?.span;
  if (!span) return undefined;
  const name = declared?.name ?? reference?.name ?? '';
  if (!variable) return { text: `**$${name}**\n\nNot declared in this document before this point.`, span };
  const line = lines.positionAt(variable.span.start).line + 1;
  const kind = variable.kind === 'function' ? 'function' : `${variable.kind} variable`;
  return { text: `**$${name}**: ${kind}, declared on line ${line}`, span };
}

function commandPartHover(
  analysis: DocumentAnalysis,
  command: ResolvedCommand,
  path: readonly AnyNode[],
  offset: number,
  schema: SchemaService,
): HoverText | undefined {
  const target = analysis.target.version;
  const pathIndex = command.pathWords.findIndex((word) => spanContains(word.span, offset, false));
  if (pathIndex >= 0) return menuHover(schema, menuPathOfPathWord(command, pathIndex), command.pathWords[pathIndex]!, target);
  if (command.commandWord && spanContains(command.commandWord.span, offset, false)) {
    return command.kind === 'global'
      ? globalHover(schema, command.commandWord, target)
      : commandHover(schema, command.menuPath, command.commandWord, target);
  }
  const argument = path.find((node): node is NamedArgument => node.kind === 'named');
  if (argument) return argumentHover(analysis, command, argument, offset, schema);
  const flag = path.find((node) => node.kind === 'flag');
  if (flag?.kind === 'flag') {
    const parameter = parameterOf(schema, command, flag.name.text);
    if (parameter) return { text: parameterMarkdown(parameter, docsOf(schema, command, parameter.name), undefined, target), span: flag.span };
  }
  return undefined;
}

function menuHover(schema: SchemaService, menuPath: readonly string[], word: Word, target: RouterOsVersion): HoverText | undefined {
  const menu = schema.getMenu(menuPath);
  const title = `**/${menuPath.join(' ')}**`;
  if (!menu) {
    if (!schema.isMenuOrDirectory(menuPath)) return undefined;
    const children = schema.childMenus(menuPath);
    return { text: `${title}\n\n${children.map((child) => `\`${child}\``).join(', ')}`, span: word.span };
  }
  const text = docMarkdown(title, menu.summary, schema.getDocs(menuPath), menu.manualUrl, { window: menu, target });
  return { text, span: word.span };
}

function commandHover(schema: SchemaService, menuPath: readonly string[], word: Word, target: RouterOsVersion): HoverText | undefined {
  const command = schema.getCommand(menuPath, word.text);
  if (!command) return undefined;
  const title = `**${word.text}** in /${menuPath.join(' ')}`;
  const text = docMarkdown(title, command.summary, schema.getDocs(menuPath, { command: word.text }), schema.getMenu(menuPath)?.manualUrl, { window: command, target });
  return { text, span: word.span };
}

function globalHover(schema: SchemaService, word: Word, target: RouterOsVersion): HoverText | undefined {
  const command = schema.getGlobalCommand(word.text);
  if (!command) return undefined;
  const docs = schema.getGlobalDocs(command.name);
  const body = docMarkdown(`**:${command.name}**`, command.summary, docs, undefined, { window: command, target });
  // The reference page shows the syntax in its own `- Syntax:` line; the schema's is added only when it does not.
  const documented = !!docs?.markdown && (/^- Syntax:/m.test(docs.markdown) || docs.markdown.includes(command.syntax));
  if (!command.syntax || documented) return { text: body, span: word.span };
  return { text: `${body}\n\n\`\`\`routeros\n${command.syntax}\n\`\`\``, span: word.span };
}

function argumentHover(
  analysis: DocumentAnalysis,
  command: ResolvedCommand,
  argument: NamedArgument,
  offset: number,
  schema: SchemaService,
): HoverText | undefined {
  const parameter = parameterOf(schema, command, argument.name.text);
  if (!parameter) return undefined;
  const docs = docsOf(schema, command, parameter.name);
  const manualUrl = schema.getMenu(command.menuPath)?.manualUrl;
  const full = parameterMarkdown(parameter, docs, manualUrl, analysis.target.version);
  if (spanContains(argument.name.span, offset, false) || !argument.value) return { text: full, span: argument.name.span };

  // On the value: the meaning of that value if documented, what it refers to, else the parameter's docs.
  const valueSpan = argument.value.span;
  const valueText = argument.value.kind === 'literal' ? argument.value.text : undefined;
  const item = valueText ? listItemAt(valueText, valueSpan.start, offset) : undefined;
  const meaning = item ? valueMeaning(docs?.markdown, item) : undefined;
  if (meaning) {
    const negation = item?.startsWith('!') ? '\n\nThe leading `!` negates: the rule matches everything else.' : '';
    const about = parameter.summary ? `\n\n---\n\n\`${parameter.name}\`: ${parameter.summary}` : '';
    return { text: `**${parameter.name}=${item}**: ${meaning}${negation}${about}`, span: valueSpan };
  }
  const target = analysis.symbols.objectReferences.find((ref) => spanContains(ref.span, offset, false));
  if (target) {
    const definition = analysis.symbols.objects.find((object) => object.kind === target.kind && object.name === target.name);
    const where = definition
      ? `defined on line ${analysis.lines.positionAt(definition.span.start).line + 1}`
      : 'not defined in this document';
    return { text: `**${target.name}**: ${target.kind}, ${where}\n\n---\n\n${full}`, span: target.span };
  }
  return { text: full, span: valueSpan };
}

/**
 * What the reference section says about one value: `!established` is explained by `established`, and a value
 * with numbers after a word (`both-addresses:2/0`, `set:64`) by that word.
 */
function valueMeaning(markdown: string | undefined, item: string): string | undefined {
  const value = item.replace(/^!/, '');
  const word = value.includes(':') ? value.slice(0, value.indexOf(':')) : undefined;
  const documented = valueDocLine(markdown, value) ? value : word !== undefined && valueDocLine(markdown, word) ? word : undefined;
  if (documented === undefined) return undefined;
  // The line starts with the value itself (`mark-routing`: ...), which the hover title already shows.
  const line = valueDocLine(markdown, documented)!;
  const lead = ['**`' + documented + '`**', '`' + documented + '`'].find((prefix) => line.startsWith(prefix)) ?? '';
  return line.slice(lead.length).replace(/^\s*[:—-]?\s*/, '');
}

/** The comma-list item of `text` (starting at `start`) under `offset`. */
function listItemAt(text: string, start: number, offset: number): string {
  let itemStart = start;
  for (const item of text.split(',')) {
    if (offset < itemStart + item.length + 1) return item;
    itemStart += item.length + 1;
  }
  return text;
}

function parameterOf(schema: SchemaService, command: ResolvedCommand, name: string): ParameterSchema | undefined {
  if (command.kind === 'global') {
    return schema.getGlobalCommand(command.commandName ?? '')?.parameters.find((parameter) => parameter.name === name);
  }
  return schema.getParameter(command.menuPath, command.commandName ?? '', name);
}

function docsOf(schema: SchemaService, command: ResolvedCommand, parameter: string) {
  return command.kind === 'global' ? undefined : schema.getDocs(command.menuPath, { parameter });
}
