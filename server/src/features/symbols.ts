/**
 * Document symbols: an outline by menu and object. Each bare path line of an export opens a section
 * (`/ppp profile`) holding the commands below it, named after the object they create when they create one
 * (`pppoe-out1`, `profile-100M`); global variables and functions at the top of the script are listed too.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { DocumentAnalysis, ObjectSymbol, ResolvedCommand, VariableSymbol } from '../analysis/types.js';
import type { CommandStatement } from '../core/ast.js';
import type { ObjectKind } from '../schema/types.js';
import { spanToRange } from './support/ranges.js';

const OBJECT_SYMBOL_KIND: Readonly<Record<ObjectKind, SymbolKind>> = {
  interface: SymbolKind.Interface,
  'interface-list': SymbolKind.Enum,
  bridge: SymbolKind.Interface,
  'ppp-profile': SymbolKind.Object,
  'ppp-secret': SymbolKind.Key,
  'ip-pool': SymbolKind.Array,
  'ipv6-pool': SymbolKind.Array,
  'address-list': SymbolKind.Array,
  'routing-table': SymbolKind.Struct,
  'connection-mark': SymbolKind.Constant,
  'packet-mark': SymbolKind.Constant,
  'firewall-chain': SymbolKind.Event,
  'pppoe-service': SymbolKind.Object,
  script: SymbolKind.Function,
  queue: SymbolKind.Object,
  'layer7-protocol': SymbolKind.String,
};

export function provideDocumentSymbols(analysis: DocumentAnalysis): DocumentSymbol[] {
  const objectsByValueStart = new Map<number, ObjectSymbol>();
  for (const object of analysis.symbols.objects) {
    // An interface-menu object is listed twice (its own kind and `interface`); the specific kind wins.
    if (!objectsByValueStart.has(object.span.start) || object.kind !== 'interface') objectsByValueStart.set(object.span.start, object);
  }
  const variablesByStart = new Map<number, VariableSymbol>();
  for (const variable of analysis.symbols.variables) variablesByStart.set(variable.span.start, variable);
  const topLevel = new Set<CommandStatement>();
  for (const statement of analysis.parse.script.statements ?? []) if (statement.kind === 'command') topLevel.add(statement);

  const result: DocumentSymbol[] = [];
  let section: DocumentSymbol | undefined;
  for (const command of analysis.commands) {
    if (!topLevel.has(command.node)) continue;
    if (command.kind === 'menu-change') {
      section = sectionSymbol(analysis, command);
      result.push(section);
      continue;
    }
    const symbol = commandSymbol(analysis, command, objectsByValueStart, variablesByStart);
    if (!symbol) continue;
    if (section && command.kind === 'menu-command' && command.pathWords.length === 0) {
      section.children!.push(symbol);
      section.range = { start: section.range.start, end: symbol.range.end };
    } else {
      section = undefined;
      result.push(symbol);
    }
  }
  return result;
}

function sectionSymbol(analysis: DocumentAnalysis, command: ResolvedCommand): DocumentSymbol {
  const range = spanToRange(analysis.lines, command.node.span);
  return {
    name: `/${command.menuPath.join(' ')}`,
    kind: SymbolKind.Namespace,
    range,
    selectionRange: range,
    children: [],
  };
}

function commandSymbol(
  analysis: DocumentAnalysis,
  command: ResolvedCommand,
  objectsByValueStart: ReadonlyMap<number, ObjectSymbol>,
  variablesByStart: ReadonlyMap<number, VariableSymbol>,
): DocumentSymbol | undefined {
  const node = command.node;
  const range = spanToRange(analysis.lines, node.span);
  if (command.kind === 'global') {
    const name = command.positionalWords[0];
    if (!name || (command.commandName !== 'global' && command.commandName !== 'local')) return undefined;
    const declaration = variablesByStart.get(name.span.start);
    const isFunction = declaration?.kind === 'function';
    return {
      name: name.text,
      detail: `:${command.commandName}${isFunction ? ' function' : ''}`,
      kind: isFunction ? SymbolKind.Function : SymbolKind.Variable,
      range,
      selectionRange: spanToRange(analysis.lines, name.span),
    };
  }
  if (command.kind !== 'menu-command' || !command.commandWord) return undefined;
  for (const arg of node.args ?? []) {
    if (arg.kind !== 'named' || !arg.value) continue;
    const object = objectsByValueStart.get(arg.value.span.start);
    if (!object) continue;
    return {
      name: object.name,
      detail: `${object.kind} (${command.commandName})`,
      kind: OBJECT_SYMBOL_KIND[object.kind] ?? SymbolKind.Object,
      range,
      selectionRange: spanToRange(analysis.lines, object.span),
    };
  }
  const path = command.pathWords.length ? `/${command.menuPath.join(' ')} ` : '';
  return {
    name: `${path}${command.commandName ?? ''} ${argumentSummary(analysis.text, node)}`.trim(),
    kind: SymbolKind.Method,
    range,
    selectionRange: spanToRange(analysis.lines, command.commandWord.span),
  };
}

/** The first named arguments as written, shortened: enough to tell rules of one section apart. */
function argumentSummary(text: string, node: CommandStatement): string {
  const parts: string[] = [];
  for (const arg of node.args ?? []) {
    if (parts.length >= 3) break;
    if (arg.kind === 'named') parts.push(text.slice(arg.span.start, arg.span.end).replace(/\\\r?\n\s*/g, ''));
  }
  const summary = parts.join(' ');
  return summary.length > 60 ? `${summary.slice(0, 57)}...` : summary;
}
