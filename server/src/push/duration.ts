/**
 * A rough estimate of how long `/import` will run a script, for the REST transport's hard limit: the router kills a
 * REST request after 60 s (reference C.1), and an import killed half-way leaves an unknown state. The reference gives
 * no per-command timing, so the estimate only counts what the text itself promises:
 *
 *  - `:delay` with a literal duration at the top level of the script runs exactly once: it is a known minimum;
 *  - a `:delay` inside a block (a loop, an `:if`, a function), a `:delay` with a computed duration, or a command that
 *    waits on the network (`/tool fetch`) may take any time: a risk, not a number;
 *  - a very long script may simply take long: a risk above a line count (a heuristic threshold, stated as such).
 *
 * This is text scanning, not parsing: the push code runs in the editor's client too, where the full parser is not
 * loaded. Strings are skipped so that braces and `:delay` inside quotes do not count.
 */

export interface RunEstimate {
  /** Seconds the script is certain to spend in top-level `:delay`s. */
  readonly minimumSeconds: number;
  /** Command lines (non-empty, non-comment). */
  readonly commandLines: number;
  /** Why it may run longer than the minimum, in words for the confirmation. */
  readonly risks: readonly string[];
}

/** Above this many command lines a script is called "long" (a heuristic: the reference has no timing per command). */
export const LONG_SCRIPT_LINES = 1000;

const DELAY = /(?:^|[\s;{[])(?::delay|delay)(?=[\s;\]}]|$)(?:[ \t]+(?:delay-time=)?([^\s;}\]]+))?/;
const NETWORK_WAIT = /(?:^|[\s;{[/])(?:tool\s+fetch|\/tool\/fetch|fetch\s+url=)/;

export function estimateRun(text: string): RunEstimate {
  let minimumSeconds = 0;
  let commandLines = 0;
  let blockDelays = 0;
  let unknownDelays = 0;
  let networkWaits = 0;
  let depth = 0;
  let inString = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const startDepth = depth;
    const { code, endDepth, endInString } = stripStrings(rawLine, depth, inString);
    depth = endDepth;
    inString = endInString;
    const trimmed = code.trim();
    if (trimmed === '' || (startDepth === 0 && trimmed.startsWith('#'))) continue;
    commandLines++;
    const delay = DELAY.exec(code);
    if (delay) {
      const seconds = delay[1] === undefined ? undefined : parseDuration(delay[1]);
      // A delay that starts at the top level and is not inside a block opened on the same line runs exactly once.
      const topLevel = startDepth === 0 && !code.slice(0, delay.index).includes('{');
      if (seconds === undefined) unknownDelays++;
      else if (topLevel) minimumSeconds += seconds;
      else blockDelays++;
    }
    if (NETWORK_WAIT.test(code)) networkWaits++;
  }
  const risks: string[] = [];
  if (blockDelays > 0) risks.push(`${blockDelays} :delay inside a block (loop or condition) that may run more than once`);
  if (unknownDelays > 0) risks.push(`${unknownDelays} :delay with a duration only known when it runs`);
  if (networkWaits > 0) risks.push(`${networkWaits} /tool fetch that waits on the network`);
  if (commandLines > LONG_SCRIPT_LINES) risks.push(`${commandLines} command lines (a long script)`);
  return { minimumSeconds, commandLines, risks };
}

/**
 * RouterOS durations as `:delay` takes them: `5`, `5s`, `500ms`, `1m30s`, `1h`, `1d`, `1w`, `00:01:30`. Returns
 * undefined for anything else (a variable, an expression), which the caller treats as unknown.
 */
export function parseDuration(raw: string): number | undefined {
  const text = raw.replace(/^"|"$/g, '').trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const clock = /^(?:(\d+)d)?(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text);
  if (clock) return Number(clock[1] ?? 0) * 86400 + Number(clock[2]) * 3600 + Number(clock[3]) * 60 + Number(clock[4]);
  const units: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1, ms: 0.001 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) return undefined;
  return parts.reduce((total, part) => total + Number(part[1]) * units[part[2]], 0);
}

/** Blanks out string contents (keeping their quotes) and tracks `{}` depth across lines. */
function stripStrings(line: string, depth: number, inString: boolean): { code: string; endDepth: number; endInString: boolean } {
  let code = '';
  let level = depth;
  let quoted = inString;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '\\') {
        i++;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        code += ch;
      }
      continue;
    }
    if (ch === '"') {
      quoted = true;
      code += ch;
      continue;
    }
    if (ch === '{') level++;
    else if (ch === '}') level = Math.max(0, level - 1);
    code += ch;
  }
  // A string left open at the end of a line continues only after a backslash continuation; otherwise it ends here.
  const continues = quoted && /\\$/.test(line);
  return { code, endDepth: level, endInString: continues };
}
