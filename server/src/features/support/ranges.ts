/**
 * Conversions between tree spans (file offsets) and LSP ranges. Features work in offsets internally and convert
 * only at the edge, with the LineIndex that analysis built once for the document version.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Span } from '../../core/ast.js';
import type { LineIndex } from '../../core/text.js';

export function spanToRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function offsetsToRange(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

/** True when `offset` lies in the span; `inclusiveEnd` also accepts the position just after the last character. */
export function spanContains(span: Span, offset: number, inclusiveEnd = true): boolean {
  return span.start <= offset && (inclusiveEnd ? offset <= span.end : offset < span.end);
}
