/**
 * Turns the console text of RouterOS `/import ... verbose=yes [dry-run]` into a structured outcome.
 *
 * The router gives no exit status (over SSH it is always 0), so the text is the only evidence. The rule that
 * matters most: text we do not recognise is an UNKNOWN outcome, never a success.
 *
 * Shapes recognised (recorded from real routers, see the reference A.14 / C.3):
 *   success        `Script file loaded and executed successfully`
 *   syntax error   `expected name value (line 7 column 1)` (whole file parsed first, nothing applied)
 *   runtime error  `Script Error: failure: already have ... (/interface/bridge/add; line 2) (:import; line 1)`
 *                  (stops there, earlier lines stay applied)
 *   dry run        `#line N` / the line / `bad command name this (line 1 column 1)` ... then
 *                  `Script Error: found 5 error(s) in import file`, or `No syntax errors found in the import file`
 *   missing file   `Cannot open import file, file does not exist (:import; line 1)`
 */

export interface RouterLineError {
  /** 1-based line in the pushed file. */
  readonly line: number;
  /** 1-based column, when the router gave one. */
  readonly column?: number;
  readonly message: string;
  /** The command path the router named, e.g. `/interface/bridge/add`. */
  readonly command?: string;
}

export type ImportOutcome =
  | { readonly kind: 'success'; readonly text: string }
  | { readonly kind: 'dry-run-clean'; readonly text: string }
  | { readonly kind: 'dry-run-errors'; readonly errors: RouterLineError[]; readonly reportedCount?: number; readonly text: string }
  | { readonly kind: 'syntax-error'; readonly errors: RouterLineError[]; readonly text: string }
  | { readonly kind: 'runtime-error'; readonly errors: RouterLineError[]; readonly text: string }
  | { readonly kind: 'missing-file'; readonly text: string }
  /** A `Script Error` without a usable line number. Something failed; where is not known. */
  | { readonly kind: 'error-without-line'; readonly message: string; readonly text: string }
  | { readonly kind: 'unknown'; readonly text: string };

const SUCCESS = /Script file loaded and executed successfully/;
const DRY_RUN_CLEAN = /No syntax errors found/i;
const DRY_RUN_COUNT = /found (\d+) error\(s\) in import file/i;
const MISSING_FILE = /Cannot open import file, file does not exist/i;
const SYNTAX_POSITION = /\(line (\d+) column (\d+)\)/;
const LINE_MARKER = /^#line (\d+)\s*$/;

export function parseImportOutput(rawText: string, dryRun: boolean): ImportOutcome {
  const text = rawText.replace(/\r\n?/g, '\n');
  if (MISSING_FILE.test(text)) return { kind: 'missing-file', text };

  if (dryRun) {
    const errors = dryRunErrors(text);
    const count = DRY_RUN_COUNT.exec(text);
    if (count || errors.length > 0) {
      return { kind: 'dry-run-errors', errors, reportedCount: count ? Number(count[1]) : undefined, text };
    }
    if (DRY_RUN_CLEAN.test(text)) return { kind: 'dry-run-clean', text };
    return { kind: 'unknown', text };
  }

  // An error line wins over a success line: a partial success is not a success.
  const runtime = runtimeError(text);
  if (runtime) return { kind: 'runtime-error', errors: [runtime], text };
  const syntax = syntaxError(text);
  if (syntax) return { kind: 'syntax-error', errors: [syntax], text };
  const scriptError = /Script Error:\s*(.+)/.exec(text);
  if (scriptError) {
    // verbose=yes may drop the line from the trap; the last `#line N` the router echoed is where it stopped.
    const line = lastLineMarker(text);
    const message = scriptError[1].trim();
    if (line !== undefined) return { kind: 'runtime-error', errors: [{ line, message }], text };
    return { kind: 'error-without-line', message, text };
  }
  if (SUCCESS.test(text)) return { kind: 'success', text };
  return { kind: 'unknown', text };
}

/**
 * A runtime error names the failing command and its line: `(<command>; line N)`. The trailing `(:import; line 1)`
 * is the import command itself and is skipped. Parentheses are balanced while scanning back, because both the
 * message (`out of range (00:00:10 .. 1d00:00:00)`) and the command (`/interface/list/member/add (list)`) may
 * contain some.
 */
function runtimeError(text: string): RouterLineError | undefined {
  for (const textLine of text.split('\n')) {
    for (const location of lineLocations(textLine)) {
      if (location.command.startsWith(':import')) continue;
      const message = textLine.slice(0, location.start).replace(/^.*?Script Error:\s*/, '').trim();
      return { line: location.line, message, command: location.command };
    }
  }
  return undefined;
}

interface LineLocation {
  readonly start: number;
  readonly command: string;
  readonly line: number;
}

function lineLocations(textLine: string): LineLocation[] {
  const found: LineLocation[] = [];
  const pattern = /; line (\d+)\)/g;
  for (let match = pattern.exec(textLine); match; match = pattern.exec(textLine)) {
    let depth = 0;
    let open = -1;
    for (let i = match.index - 1; i >= 0; i--) {
      const ch = textLine[i];
      if (ch === ')') depth++;
      else if (ch === '(') {
        if (depth === 0) {
          open = i;
          break;
        }
        depth--;
      }
    }
    if (open < 0) continue;
    found.push({ start: open, command: textLine.slice(open + 1, match.index).trim(), line: Number(match[1]) });
  }
  return found;
}

function syntaxError(text: string): RouterLineError | undefined {
  for (const textLine of text.split('\n')) {
    const position = SYNTAX_POSITION.exec(textLine);
    if (!position) continue;
    const message = textLine.slice(0, position.index).replace(/^.*?Script Error:\s*/, '').trim();
    return { line: Number(position[1]), column: Number(position[2]), message };
  }
  return undefined;
}

/**
 * In a dry-run report each problem follows a `#line N` marker (the file line) and the echoed source line; the
 * `(line L column C)` in the message counts from that statement, so a statement continued over several lines
 * reports L > 1.
 */
function dryRunErrors(text: string): RouterLineError[] {
  const errors: RouterLineError[] = [];
  let statementLine: number | undefined;
  for (const textLine of text.split('\n')) {
    const marker = LINE_MARKER.exec(textLine.trim());
    if (marker) {
      statementLine = Number(marker[1]);
      continue;
    }
    const position = SYNTAX_POSITION.exec(textLine);
    if (!position) continue;
    const relative = Number(position[1]);
    const line = statementLine === undefined ? relative : statementLine + relative - 1;
    const message = textLine.slice(0, position.index).replace(/^.*?Script Error:\s*/, '').trim();
    errors.push({ line, column: Number(position[2]), message });
  }
  return errors;
}

function lastLineMarker(text: string): number | undefined {
  let last: number | undefined;
  for (const textLine of text.split('\n')) {
    const marker = LINE_MARKER.exec(textLine.trim());
    if (marker) last = Number(marker[1]);
  }
  return last;
}
