/**
 * Problems found by the lexer and parser, before they become `Problem`s.
 *
 * Problem codes produced by server/src/core (stable; rules are keyed by them):
 * - `syntax`               general syntax error (unexpected token, missing value, bad command start, ...)
 * - `unterminated-string`  a `"` string with no closing quote
 * - `invalid-escape`       a `\x` inside a string that RouterOS does not accept
 * - `unbalanced-bracket`   a missing or unexpected `(` `)` `[` `]` `{` `}`
 * - `misplaced-comment`    a `#` where RouterOS does not start a comment (`} # c`, `:put 2 #c`, inside `( )`)
 * - `space-before-equals`  `name =value` / `do = {`: RouterOS allows no whitespace before `=`
 * - `missing-equals`       `do {` / `else {`: a script argument written without `=`
 * - `single-quote`         `'text'`: RouterOS has no single-quoted strings
 * - `stray-backslash`      a `\` outside a string that is not a line continuation
 * - `empty-array`          `{}` used as an array value (RouterOS rejects it)
 * - `nesting-too-deep`     brackets nested beyond the parser's bound; the group is skipped
 *
 * Messages can mention positions ("the `(` at 3:5"). Code nested in strings is parsed in decoded
 * coordinates and mapped back to the file later, so a message is a function of a position formatter and
 * is only turned into text once every offset is a file offset.
 */
import type { Span } from './ast.js';

export type PositionFormatter = (offset: number) => string;

export interface RawProblem {
  readonly code: string;
  span: Span;
  describe: (at: PositionFormatter) => string;
  /** Found in code inside a string (`source="..."`): it fails when that code runs, not on import. */
  nested?: boolean;
  /** Problems of one group on consecutive lines are one mistake (a pasted banner): they are reported once. */
  group?: string;
}

export const Code = {
  syntax: 'syntax',
  unterminatedString: 'unterminated-string',
  invalidEscape: 'invalid-escape',
  unbalancedBracket: 'unbalanced-bracket',
  misplacedComment: 'misplaced-comment',
  spaceBeforeEquals: 'space-before-equals',
  missingEquals: 'missing-equals',
  singleQuote: 'single-quote',
  strayBackslash: 'stray-backslash',
  emptyArray: 'empty-array',
  nestingTooDeep: 'nesting-too-deep',
} as const;

/** A problem whose message does not depend on positions. */
export function problem(code: string, start: number, end: number, message: string): RawProblem {
  return { code, span: { start, end }, describe: () => message };
}

/** Shows a token's text in a message, shortened so a 10 kB garbage word does not flood the editor. */
export function quoteText(text: string): string {
  const oneLine = text.replace(/[\r\n\t]+/g, ' ');
  const shown = oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
  return `\`${shown}\``;
}
