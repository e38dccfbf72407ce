/**
 * Folding ranges: `{ }` blocks and `[ ]` substitutions that span lines, commands continued over several lines
 * with `\`, the sections of an export (a bare path line and the commands under it), and runs of comment lines.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis/types.js';
import type { Span } from '../core/ast.js';
import { walk } from './support/walk.js';

export function provideFoldingRanges(analysis: DocumentAnalysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    if (endLine <= startLine) return;
    const key = `${startLine}:${endLine}`;
    if (seen.has(key)) return;
    seen.add(key);
    ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const lineOf = (offset: number) => analysis.lines.positionAt(offset).line;

  // Blocks fold up to the line before their closing brace, so the brace stays visible; commands fold whole.
  walk(analysis.parse.script, (node) => {
    if (node.kind === 'block' || node.kind === 'substitution' || node.kind === 'array') {
      const start = lineOf(node.span.start);
      const end = lineOf(node.span.end);
      add(start, endsWithCloser(analysis.text, node.span) ? end - 1 : end);
    } else if (node.kind === 'command') {
      add(lineOf(node.span.start), lineOf(node.span.end));
    } else if (node.kind === 'word' || node.kind === 'literal' || node.kind === 'variable') {
      return false;
    }
    return undefined;
  });

  addExportSections(analysis, add);
  addCommentRuns(analysis, lineOf, add);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function endsWithCloser(text: string, span: Span): boolean {
  const last = text[span.end - 1];
  return last === '}' || last === ']' || last === ')';
}

/** From each top-level bare path line to the last line before the next one (or the last command under it). */
function addExportSections(analysis: DocumentAnalysis, add: (start: number, end: number, kind?: FoldingRangeKind) => void): void {
  const lineOf = (offset: number) => analysis.lines.positionAt(offset).line;
  const topLevel = analysis.parse.script.statements ?? [];
  let sectionStart: number | undefined;
  let sectionEnd = 0;
  const menuChanges = new Set(analysis.commands.filter((c) => c.kind === 'menu-change' && !c.node.block).map((c) => c.node));
  for (const statement of topLevel) {
    const isSectionStart = statement.kind === 'command' && menuChanges.has(statement);
    if (isSectionStart) {
      if (sectionStart !== undefined) add(sectionStart, sectionEnd, FoldingRangeKind.Region);
      sectionStart = lineOf(statement.span.start);
    }
    sectionEnd = lineOf(statement.span.end);
  }
  if (sectionStart !== undefined) add(sectionStart, sectionEnd, FoldingRangeKind.Region);
}

function addCommentRuns(
  analysis: DocumentAnalysis,
  lineOf: (offset: number) => number,
  add: (start: number, end: number, kind?: FoldingRangeKind) => void,
): void {
  let runStart = -1;
  let runEnd = -2;
  for (const span of analysis.parse.comments ?? []) {
    const line = lineOf(span.start);
    // Only whole-line comments form a run; a comment after code on its line stands alone.
    const lineText = analysis.lines.lineText(line);
    if (lineText.slice(0, span.start - analysis.lines.lineStart(line)).trim() !== '') continue;
    if (line === runEnd + 1) {
      runEnd = line;
      continue;
    }
    if (runStart >= 0) add(runStart, runEnd, FoldingRangeKind.Comment);
    runStart = line;
    runEnd = line;
  }
  if (runStart >= 0) add(runStart, runEnd, FoldingRangeKind.Comment);
}
