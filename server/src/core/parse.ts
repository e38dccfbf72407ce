/**
 * The entry point of the language core: text -> tokens (lexer.ts) -> CST (grammar.ts) -> AST (astBuilder.ts).
 *
 * Every span in the result is an absolute offset into the file text, also for code nested in strings.
 * `parseScript` never throws: an internal failure becomes one problem and an empty script.
 */
import type { Script, Span, Statement } from './ast.js';
import { AstBuilder } from './astBuilder.js';
import { grammar, type CstNode } from './grammar.js';
import { lexInBatches } from './lexer.js';
import { parserErrorProblems } from './parserErrors.js';
import { isSimpleRun, isWellFormedSimpleRun } from './simpleStatements.js';
import type { Problem } from './problems.js';
import { Code, type RawProblem } from './syntaxProblems.js';
import { LineIndex } from './text.js';

export interface ParseResult {
  /** The syntax tree; all spans are absolute offsets into the file text, also for nested code. */
  script: Script;
  /** Lexical and syntax problems, including those found in nested scripts, ordered by position. */
  problems: Problem[];
  /** Spans of comments (`# ...`), for folding, semantic tokens and `# rsc-disable-next-line`. */
  comments: Span[];
}

interface CoreResult {
  script: Script;
  problems: RawProblem[];
  comments: Span[];
}

/**
 * Tokens per parser run. A big export is parsed in slices that end at a line break outside all brackets, so
 * each slice's CST is small and short-lived (one CST for a whole 50,000-line export costs more in garbage
 * collection than the parsing itself).
 */
const SLICE_TOKENS = 300;

/**
 * - `simpleStatementFastPath`: whether plain lines skip the Chevrotain parser (simpleStatements.ts);
 * - `batchTokens`: the file is lexed, parsed and built a batch of whole lines of at least this many tokens at a
 *   time, so tokens do not outlive their batch (see lexInBatches).
 * Tests compare the trees made with other settings.
 */
export const parserOptions = { simpleStatementFastPath: true, batchTokens: 4096 };

/** Lexes, parses and builds one text; `depth` counts how deep inside strings this code is. */
function parseCore(text: string, depth: number): CoreResult {
  const nextBatch = lexInBatches(text, parserOptions.batchTokens);
  const parser = grammar();
  let batch = nextBatch();
  const problems = batch.problems;
  const comments = batch.comments;
  const builder = new AstBuilder(text, problems, comments, depth, parseCore, batch.commentsInBraces);
  const statements: Statement[] = [];
  const fastPath = parserOptions.simpleStatementFastPath;

  const build = (cst: CstNode): void => {
    for (const statement of builder.script(cst, { start: 0, end: text.length }).statements) statements.push(statement);
  };
  for (;;) {
    const { tokens, topLevelBreaks } = batch;
    const parse = (from: number, to: number): void => {
      parser.input = from === 0 && to === tokens.length ? tokens : tokens.slice(from, to);
      const cst = parser.script();
      if (parser.errors.length > 0) problems.push(...parserErrorProblems(parser.errors, text, text.length));
      build(cst);
    };

    // The token stream is cut at line breaks outside all brackets into lines; runs of simple lines take the fast
    // path, the other lines go to the parser in slices of about SLICE_TOKENS tokens.
    let runStart = 0;
    let runSimple = false;
    let lineStart = 0;
    const flush = (end: number): void => {
      if (end <= runStart) return;
      if (runSimple && isWellFormedSimpleRun(tokens, runStart, end)) builder.simpleStatements(tokens, runStart, end, statements);
      else parse(runStart, end);
      runStart = end;
    };
    for (let k = 0; k <= topLevelBreaks.length; k++) {
      const lineEnd = k < topLevelBreaks.length ? topLevelBreaks[k]! + 1 : tokens.length;
      if (lineEnd <= lineStart) continue;
      const simple = fastPath && isSimpleRun(tokens, lineStart, lineEnd);
      if (lineStart > runStart && (simple !== runSimple || lineStart - runStart >= SLICE_TOKENS)) flush(lineStart);
      if (runStart === lineStart) runSimple = simple;
      lineStart = lineEnd;
    }
    flush(tokens.length);
    if (batch.done) break;
    batch = nextBatch();
  }
  parser.input = [];
  return { script: { kind: 'script', span: { start: 0, end: text.length }, statements }, problems, comments };
}

/** Problems that may appear several times on one line: each is its own mistake. */
const REPEATABLE_CODES = new Set<string>([Code.invalidEscape, Code.unterminatedString, Code.spaceBeforeEquals]);

/** `lines`: the document's line index, if the caller has one (saves building a second). */
export function parseScript(text: string, lines?: LineIndex): ParseResult {
  try {
    const core = parseCore(text, 0);
    return { script: core.script, problems: finishProblems(core.problems, text, lines), comments: sortSpans(core.comments) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      script: { kind: 'script', span: { start: 0, end: text.length }, statements: [] },
      problems: [{ code: 'internal-error', message: `internal parser error, please report it: ${detail}`, span: { start: 0, end: Math.min(1, text.length) }, severity: 'error' }],
      comments: [],
    };
  }
}

/**
 * Orders problems, keeps spans inside the text, and keeps one problem per line (the first), except for
 * problems that are independent mistakes (bad escapes): a follow-on error on the same line only adds noise.
 */
function finishProblems(raw: RawProblem[], text: string, knownLines?: LineIndex): Problem[] {
  if (raw.length === 0) return [];
  const lines = knownLines ?? new LineIndex(text);
  const format = (offset: number): string => {
    const position = lines.positionAt(offset);
    return `${position.line + 1}:${position.character + 1}`;
  };
  const sorted = raw
    .map((found) => {
      const start = Math.max(0, Math.min(found.span.start, text.length));
      const end = Math.max(start, Math.min(found.span.end, text.length));
      return { found, start, end };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const problems: Problem[] = [];
  const usedLines = new Set<number>();
  const seen = new Set<string>();
  let lastGroup: { group: string; line: number; index: number; lines: number } | undefined;
  for (const { found, start, end } of sorted) {
    const line = lines.positionAt(start).line;
    if (found.group && lastGroup?.group === found.group && line - lastGroup.line <= 1 && line > lastGroup.line) {
      // The same junk on the next line: widen the first problem instead of repeating it.
      const first = problems[lastGroup.index]!;
      lastGroup.line = line;
      lastGroup.lines++;
      const base = first.message.replace(/ \(and the next \d+ lines?\)$/, '');
      const more = lastGroup.lines - 1;
      problems[lastGroup.index] = { ...first, span: { start: first.span.start, end }, message: `${base} (and the next ${more} line${more === 1 ? '' : 's'})` };
      usedLines.add(line);
      continue;
    }
    const key = `${start}:${end}:${found.code}`;
    if (seen.has(key)) continue;
    if (usedLines.has(line) && !REPEATABLE_CODES.has(found.code)) continue;
    seen.add(key);
    if (!REPEATABLE_CODES.has(found.code)) usedLines.add(line);
    if (found.group) lastGroup = { group: found.group, line, index: problems.length, lines: 1 };
    const message = found.describe(format);
    problems.push(found.nested
      ? { code: found.code, message: `${message} (in the code inside this string)`, span: { start, end }, severity: 'error', data: { nested: true } }
      : { code: found.code, message, span: { start, end }, severity: 'error' });
  }
  return problems;
}

function sortSpans(spans: Span[]): Span[] {
  return spans.slice().sort((a, b) => a.start - b.start);
}
