/**
 * Quick fixes for findings whose fix is obvious: replace a misspelt name, move a line to the menu its
 * parameter belongs to (only when the rest of the line fits there), or remove a parameter that belongs to
 * another menu. Edits are spans into the document; the server turns them into LSP code actions.
 */
import type { NamedArgument, Span } from '../../core/ast.js';
import type { DocumentAnalysis, ResolvedCommand } from '../../analysis/types.js';
import { abbreviationOf } from '../../analysis/menuContext.js';
import type { SchemaService } from '../../schema/types.js';
import type { Finding } from './rule.js';

export interface TextChange {
  readonly span: Span;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly code: string;
  readonly changes: readonly TextChange[];
  readonly preferred: boolean;
}

export function getQuickFixes(analysis: DocumentAnalysis, finding: Finding, schema?: SchemaService): QuickFix[] {
  const data = finding.data ?? {};
  const fixes: QuickFix[] = [];
  if (typeof data.replacement === 'string') {
    if (data.replaceWithPrefix) {
      // `:system` -> `/system`: the colon is part of the span's left neighbour.
      const start = Math.max(0, finding.span.start - 1);
      fixes.push({ title: `Change to \`${data.replacement}\``, code: finding.code, preferred: true, changes: [{ span: { start, end: finding.span.end }, newText: data.replacement }] });
    } else {
      fixes.push({ title: `Change to \`${data.replacement}\``, code: finding.code, preferred: true, changes: [{ span: finding.span, newText: data.replacement }] });
    }
  }
  if (Array.isArray(data.moveTo)) fixes.push(...moveOrRemoveFixes(analysis, finding, data.moveTo as string[], schema));
  return fixes;
}

/**
 * A parameter written in the wrong menu: moving the line helps only when every other argument of the line is
 * also a parameter of the target menu (else the move trades one unknown parameter for others); otherwise the
 * offer is to remove the stray parameter.
 */
function moveOrRemoveFixes(analysis: DocumentAnalysis, finding: Finding, target: readonly string[], schema: SchemaService | undefined): QuickFix[] {
  const command = analysis.commands.find((c) => c.node.span.start <= finding.span.start && finding.span.end <= c.node.span.end && c.kind === 'menu-command');
  if (!command?.commandWord) return [];
  const argument = (command.node.args ?? []).find(
    (arg): arg is NamedArgument => arg.kind === 'named' && arg.name.span.start === finding.span.start && arg.name.span.end === finding.span.end,
  );
  const menu = `/${target.join(' ')}`;
  if (schema && !lineFitsMenu(command, argument, target, schema)) {
    if (!argument) return [];
    return [{ title: `Remove \`${argument.name.text}\` (it belongs to ${menu})`, code: finding.code, preferred: false, changes: [{ span: removalSpan(analysis.text, argument.span), newText: '' }] }];
  }
  const first = command.pathWords[0];
  const span: Span = first
    ? { start: command.node.prefix === 'slash' ? command.node.span.start : first.span.start, end: command.pathWords[command.pathWords.length - 1]!.span.end }
    : { start: command.commandWord.span.start, end: command.commandWord.span.start };
  return [{ title: `Move this line to ${menu}`, code: finding.code, preferred: false, changes: [{ span, newText: first ? menu : `${menu} ` }] }];
}

/** True when the command exists in `target` and takes every named argument of the line there. */
function lineFitsMenu(command: ResolvedCommand, moved: NamedArgument | undefined, target: readonly string[], schema: SchemaService): boolean {
  const name = command.commandName ?? '';
  if (!schema.getCommand(target, name)) return false;
  const known = schema.getParameters(target, name).map((parameter) => parameter.name);
  for (const arg of command.node.args ?? []) {
    if (arg.kind !== 'named' || arg === moved) continue;
    const written = arg.name.text;
    // RouterOS accepts an unambiguous abbreviation of a parameter name in the target menu too.
    if (!schema.getParameter(target, name, written) && !abbreviationOf(written, known)) return false;
  }
  return true;
}

/** The argument with the blanks before it, so `a=1 b=2 c=3` loses ` b=2` and keeps single spacing. */
function removalSpan(text: string, span: Span): Span {
  let start = span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: span.end };
}
