/**
 * Quick fixes for findings whose fix is obvious: replace a misspelt name, move a line to the menu its
 * parameter belongs to, add a missing `$`-less prefix. Edits are spans into the document; the server turns
 * them into LSP code actions.
 */
import type { Span } from '../../core/ast.js';
import type { DocumentAnalysis } from '../../analysis/types.js';
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

export function getQuickFixes(analysis: DocumentAnalysis, finding: Finding): QuickFix[] {
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
  if (Array.isArray(data.moveTo)) {
    const menu = `/${(data.moveTo as string[]).join(' ')}`;
    const command = analysis.commands.find((c) => c.node.span.start <= finding.span.start && finding.span.end <= c.node.span.end && c.kind === 'menu-command');
    if (command?.commandWord) {
      const first = command.pathWords[0];
      const span: Span = first
        ? { start: command.node.prefix === 'slash' ? command.node.span.start : first.span.start, end: command.pathWords[command.pathWords.length - 1]!.span.end }
        : { start: command.commandWord.span.start, end: command.commandWord.span.start };
      fixes.push({ title: `Move this line to ${menu}`, code: finding.code, preferred: false, changes: [{ span, newText: first ? menu : `${menu} ` }] });
    }
  }
  return fixes;
}
