/**
 * `# rsc-disable-next-line CODE[, CODE...]` comments: silence findings on the next line (all codes when none is
 * named). Read from the parser's comment spans, so a `#` inside a value never counts.
 */
import type { DocumentAnalysis } from '../../analysis/types.js';

const DIRECTIVE = /^#\s*rsc-disable-next-line\b\s*(.*)$/;

/** Map from 0-based line to the codes disabled on it (`*` = all). */
export function collectSuppressions(analysis: DocumentAnalysis): Map<number, Set<string>> {
  const result = new Map<number, Set<string>>();
  // Most documents have no directive at all: one search instead of a look at every comment.
  if (!analysis.text.includes('rsc-disable-next-line')) return result;
  for (const span of analysis.parse.comments ?? []) {
    const text = analysis.text.slice(span.start, span.end);
    const match = DIRECTIVE.exec(text);
    if (!match) continue;
    const line = analysis.lines.positionAt(span.start).line + 1;
    const codes = match[1]!.split(/[\s,]+/).filter(Boolean);
    const set = result.get(line) ?? new Set<string>();
    if (codes.length === 0) set.add('*');
    for (const code of codes) set.add(code);
    result.set(line, set);
  }
  return result;
}
