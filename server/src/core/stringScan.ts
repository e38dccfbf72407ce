/**
 * Finding where a `"` string ends, and checking its escapes.
 *
 * A string can hold code: `"$[:pick "abc" 0 1]"` and `"$($a + 1)"` contain brackets and even quotes of their
 * own, so the end of a string is found by scanning interpolations with their nesting. Escape problems are
 * reported for the string's own text only; code inside `$[ ]` / `$( )` is checked when it is parsed.
 */
import { Code, problem, type RawProblem } from './syntaxProblems.js';

export interface StringScan {
  /** Offset just past the closing quote, or the text length when the string never closes. */
  readonly end: number;
  readonly unterminated: boolean;
  /** Offset of the first raw line break inside the string (not a `\` continuation), or -1. */
  readonly firstNewline: number;
}

/** Interpolations nested deeper than this are read as plain text. */
const MAX_INTERPOLATION_DEPTH = 32;

const SIMPLE_ESCAPES = new Set(['"', '\\', 'n', 'r', 't', '$', '_', '?', 'a', 'b', 'f', 'v']);

export function isUpperHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70);
}
function isAnyHex(code: number): boolean {
  return isUpperHex(code) || (code >= 97 && code <= 102);
}

/** Scans the string whose opening quote is at `start`. */
export function scanString(text: string, start: number, problems: RawProblem[], depth: number): StringScan {
  const length = text.length;
  let firstNewline = -1;
  let i = start + 1;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) return { end: i + 1, unterminated: false, firstNewline };
    if (code === 92 /* \ */) {
      i = scanEscape(text, i, problems);
      continue;
    }
    if (code === 36 /* $ */ && depth < MAX_INTERPOLATION_DEPTH) {
      const next = text.charCodeAt(i + 1);
      if (next === 34 /* " */ && !quotedNameFollows(text, i + 1, depth)) {
        // `"x$"`: the quote after `$` closes this string; it does not open a `$"name"` that runs on to the next
        // line and swallows the code there.
        i++;
        continue;
      }
      if (next === 40 /* ( */ || next === 91 /* [ */ || next === 34 /* " */) {
        const inner = next === 34 ? scanString(text, i + 1, [], depth + 1) : scanInterpolation(text, i + 1, depth + 1);
        if (inner.unterminated) {
          return { end: length, unterminated: true, firstNewline: firstNewline >= 0 ? firstNewline : inner.firstNewline };
        }
        i = inner.end;
        continue;
      }
    }
    if ((code === 10 || code === 13) && firstNewline < 0) firstNewline = i;
    i++;
  }
  return { end: length, unterminated: true, firstNewline };
}

/** A `$"name"` interpolation whose quoted name closes on the same line starts at the quote at `quote`. */
export function quotedNameFollows(text: string, quote: number, depth: number): boolean {
  const inner = scanString(text, quote, [], depth + 1);
  return !inner.unterminated && inner.firstNewline < 0;
}

/** Scans `\x` at `i`; returns the offset after it. Reports escapes RouterOS rejects. */
function scanEscape(text: string, i: number, problems: RawProblem[]): number {
  const length = text.length;
  if (i + 1 >= length) return i + 1;
  const next = text.charAt(i + 1);
  if (SIMPLE_ESCAPES.has(next)) return i + 2;
  const nextCode = text.charCodeAt(i + 1);
  if (isUpperHex(nextCode) && isUpperHex(text.charCodeAt(i + 2))) return i + 3;
  if (nextCode === 32 || nextCode === 9 || nextCode === 10 || nextCode === 13) {
    let j = i + 1;
    while (j < length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const after = text.charCodeAt(j);
    if (after === 13) return text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    if (after === 10) return j + 1;
    return i + 2; // `\` + one space or tab: the pair is swallowed
  }
  if (isAnyHex(nextCode) && isAnyHex(text.charCodeAt(i + 2))) {
    const shown = text.slice(i, i + 3);
    problems.push(problem(Code.invalidEscape, i, i + 3,
      `\`${shown}\` is not a RouterOS escape: a hex escape needs two upper-case digits (\`${shown.toUpperCase()}\`)`));
    return i + 3;
  }
  const shown = text.slice(i, i + 2);
  problems.push(problem(Code.invalidEscape, i, i + 2,
    `\`${shown}\` is not a RouterOS escape: write \`\\\\\` for a backslash; valid escapes are \\" \\\\ \\n \\r \\t \\$ \\_ \\? \\a \\b \\f \\v and \\XX (two upper-case hex digits)`));
  return i + 2;
}

/** Scans `$( ... )` or `$[ ... ]` inside a string, from the opening bracket at `open`. */
export function scanInterpolation(text: string, open: number, depth: number): StringScan {
  const length = text.length;
  const stack: number[] = [text.charCodeAt(open) === 40 ? 41 : 93];
  let i = open + 1;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 34) {
      const inner = scanString(text, i, [], depth + 1);
      if (inner.unterminated) return { end: length, unterminated: true, firstNewline: inner.firstNewline };
      i = inner.end;
      continue;
    }
    if (code === 92) {
      // An escape or a continuation (`\` + CRLF counts as one).
      i += text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10 ? 3 : 2;
      continue;
    }
    if (code === 10 || code === 13) {
      // `$[ ]` / `$( )` end on their line. Stopping here also keeps a file full of unclosed `"$[` lines linear.
      return { end: i, unterminated: true, firstNewline: i };
    }
    if (code === 40) stack.push(41);
    else if (code === 91) stack.push(93);
    else if (code === 123) stack.push(125);
    else if (code === 41 || code === 93 || code === 125) {
      if (stack[stack.length - 1] === code) stack.pop();
      if (stack.length === 0) return { end: i + 1, unterminated: false, firstNewline: -1 };
    }
    i++;
  }
  return { end: length, unterminated: true, firstNewline: -1 };
}
