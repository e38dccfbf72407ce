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
 *
 * Line numbers: one rule for the dry run and the real import. With `verbose=yes` the router echoes `#line N` (the
 * file line) before each statement it reads, and a position printed after such a marker counts from that statement
 * (`(line 2 column 3)` after `#line 9` is file line 10). A position with no marker before it is a file line. The
 * reference shows markers only in dry-run reports (A.14); a verbose import that echoes them is read the same way,
 * because the same verbose reader prints them, and reading one report two ways is what put errors on wrong lines.
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

/** Everything with a position in one report, in the order the router printed it, lines already mapped to the file. */
interface ReportPositions {
  readonly syntax: RouterLineError[];
  readonly runtime: RouterLineError[];
  /** Both kinds in printed order. */
  readonly all: RouterLineError[];
  /** The last `#line N` marker echoed (where a verbose import stopped). */
  readonly lastMarker?: number;
}

export function parseImportOutput(rawText: string, dryRun: boolean): ImportOutcome {
  const text = rawText.replace(/\r\n?/g, '\n');
  if (MISSING_FILE.test(text)) return { kind: 'missing-file', text };
  const report = readPositions(text);

  if (dryRun) {
    const count = DRY_RUN_COUNT.exec(text);
    if (count || report.all.length > 0) {
      return { kind: 'dry-run-errors', errors: report.all, reportedCount: count ? Number(count[1]) : undefined, text };
    }
    if (DRY_RUN_CLEAN.test(text)) return { kind: 'dry-run-clean', text };
    return { kind: 'unknown', text };
  }

  // An error line wins over a success line: a partial success is not a success.
  if (report.runtime.length > 0) return { kind: 'runtime-error', errors: [report.runtime[0]], text };
  if (report.syntax.length > 0) return { kind: 'syntax-error', errors: [report.syntax[0]], text };
  const scriptError = /Script Error:\s*(.+)/.exec(text);
  if (scriptError) {
    // verbose=yes may drop the line from the trap; the last `#line N` the router echoed is where it stopped.
    const message = scriptError[1].trim();
    if (report.lastMarker !== undefined) return { kind: 'runtime-error', errors: [{ line: report.lastMarker, message }], text };
    return { kind: 'error-without-line', message, text };
  }
  if (endsWithSuccess(text)) return { kind: 'success', text };
  return { kind: 'unknown', text };
}

/**
 * The router prints the success line last. A script may `:put` the same words itself, so the sentence anywhere
 * else in the output (with anything after it) proves nothing and leaves the outcome unknown.
 */
function endsWithSuccess(text: string): boolean {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.length > 0 && SUCCESS.test(lines[lines.length - 1]);
}

/**
 * Reads every position in a report. A runtime error names the failing command and its line, `(<command>; line N)`;
 * the trailing `(:import; line 1)` is the import command itself and is skipped. A syntax error gives
 * `(line L column C)`. Either counts from the last `#line N` marker when there is one (see the file comment).
 */
function readPositions(text: string): ReportPositions {
  const syntax: RouterLineError[] = [];
  const runtime: RouterLineError[] = [];
  const all: RouterLineError[] = [];
  let marker: number | undefined;
  const fileLine = (reported: number): number => (marker === undefined ? reported : marker + reported - 1);
  for (const textLine of text.split('\n')) {
    const markerMatch = LINE_MARKER.exec(textLine.trim());
    if (markerMatch) {
      marker = Number(markerMatch[1]);
      continue;
    }
    const location = lineLocations(textLine).find((candidate) => !candidate.command.startsWith(':import'));
    if (location) {
      const error = { line: fileLine(location.line), message: messageBefore(textLine, location.start), command: location.command };
      runtime.push(error);
      all.push(error);
      continue;
    }
    const position = SYNTAX_POSITION.exec(textLine);
    if (position) {
      const error = { line: fileLine(Number(position[1])), column: Number(position[2]), message: messageBefore(textLine, position.index) };
      syntax.push(error);
      all.push(error);
    }
  }
  return { syntax, runtime, all, lastMarker: marker };
}

function messageBefore(textLine: string, end: number): string {
  return textLine.slice(0, end).replace(/^.*?Script Error:\s*/, '').trim();
}

interface LineLocation {
  readonly start: number;
  readonly command: string;
  readonly line: number;
}

/**
 * `(<command>; line N)` groups of one line. Parentheses are balanced while scanning back, because both the message
 * (`out of range (00:00:10 .. 1d00:00:00)`) and the command (`/interface/list/member/add (list)`) may contain some.
 */
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
