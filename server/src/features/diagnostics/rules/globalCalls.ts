/**
 * How the arguments of a global command line up with the command's schema: which values fill which positional
 * slot, which values are one too many, which words name an argument but lack their `=`, which are flags. The
 * global-command rules all read this, so it is computed once per analysis.
 *
 * The parser keeps the leading bare words of a line in `words` and everything after the first other item in
 * `args` (bare words there become `flag` arguments), so a value may be a word in either place: `:put 1 2` has
 * the words `put 1 2`, `:put "a" b` has a positional string and a flag `b`.
 */
import type { Expression, NamedArgument, Span, Word } from '../../../core/ast.js';
import type { DocumentAnalysis, ResolvedCommand } from '../../../analysis/types.js';
import type { GlobalCommandSchema, ParameterSchema, SchemaService } from '../../../schema/types.js';
import { COMMON_MENU_VERBS } from '../../../analysis/menuContext.js';

const NOTHING_GIVEN: ReadonlySet<string> = new Set();

/** Levels of `:log`; its other sub-commands (`find`, `get`, `print`) are menu commands of /log. */
const LOG_LEVELS = new Set(['debug', 'info', 'warning', 'error']);

/** A value given without a name: a bare word or an expression. */
export interface GlobalValue {
  readonly span: Span;
  /** Set for a bare word (`1`, `10x`, `a-b`). */
  readonly word?: Word;
  /** Set for any other value (`"text"`, `(1 + 2)`, `[...]`, `{...}`, `$x`). */
  readonly expression?: Expression;
  /** The positional slot the value fills; undefined when the command has no slot left for it. */
  readonly slot?: ParameterSchema;
  /** The parser already reported a problem here (`:if (...) {` without `do=`): rules say nothing more. */
  readonly reported?: boolean;
}

/** `from 1` for `from=1`: a word that names an argument, written without `=`. */
export interface MissingEquals {
  readonly name: Word;
  readonly parameter: ParameterSchema;
  /** The value written after the name, if any. */
  readonly value?: GlobalValue;
}

export interface GlobalCall {
  readonly command: ResolvedCommand;
  readonly global: GlobalCommandSchema;
  /** The word that names the command (`for` of `:for`). */
  readonly commandWord: Word;
  /** False for a command whose positional slots the schema does not describe: only its names are checked. */
  readonly slotsKnown: boolean;
  readonly named: readonly NamedArgument[];
  readonly values: readonly GlobalValue[];
  readonly missingEquals: readonly MissingEquals[];
  /** Flags given by name (`as-string` of `:execute`). */
  readonly flags: readonly Word[];
  /** A `#` word where no value is expected (`:for ... do={} #c`): the start of a comment RouterOS refuses. */
  readonly hashWord?: Word;
  /** True when the parser already reported a problem inside this command that may have confused its arguments. */
  readonly unreadable: boolean;
}

const cache = new WeakMap<DocumentAnalysis, { schema: SchemaService; calls: GlobalCall[] }>();

/** Drops the global calls of `analysis` (diagnostics call this when all rules have run). */
export function forgetGlobalCalls(analysis: DocumentAnalysis): void {
  cache.delete(analysis);
}

/** The global commands of a document with their arguments laid out, once per analysis and schema. */
export function globalCalls(analysis: DocumentAnalysis, schema: SchemaService): readonly GlobalCall[] {
  const cached = cache.get(analysis);
  if (cached && cached.schema === schema) return cached.calls;
  const reported = parserProblemStarts(analysis);
  const structural = structuralProblemStarts(analysis);
  const calls: GlobalCall[] = [];
  for (const command of analysis.commands) {
    if (!isCheckedGlobal(command)) continue;
    const global = schema.getGlobalCommand(command.commandName!);
    if (!global) continue;
    const call = layOut(command, global, reported);
    if (!call) continue;
    const span = command.node.span;
    call.unreadable = anyWithin(structural, span.start, span.end);
    calls.push(call);
  }
  cache.set(analysis, { schema, calls });
  return calls;
}

/**
 * A global command whose arguments can be checked. Written without `:`, a name that is also a common menu verb
 * (`set`, `find`, `import`) is a menu command in a menu the schema does not know (`/ip service` then
 * `set telnet disabled=yes`) far more often than a global.
 */
export function isCheckedGlobal(command: ResolvedCommand): boolean {
  if (command.kind !== 'global' || !command.commandName || !command.commandWord) return false;
  return command.node.prefix === 'colon' || !COMMON_MENU_VERBS.has(command.commandName);
}

/** Offsets where the parser reported a problem: a rule that finds something there would say it twice. */
export function parserProblemStarts(analysis: DocumentAnalysis): ReadonlySet<number> {
  return new Set(analysis.parse.problems.map((p) => p.span.start));
}

const STRUCTURAL_CODES = new Set(['syntax', 'unbalanced-bracket', 'unterminated-string', 'nesting-too-deep', 'internal-error']);

/** Where problems start after which the parser's reading of a line cannot be trusted to the argument; sorted. */
function structuralProblemStarts(analysis: DocumentAnalysis): number[] {
  const starts: number[] = [];
  for (const found of analysis.parse.problems) if (STRUCTURAL_CODES.has(found.code)) starts.push(found.span.start);
  return starts.sort((a, b) => a - b);
}

/** Whether a sorted list holds an offset in [start, end). */
function anyWithin(sorted: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < start) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low]! < end;
}

/** The parameters of each global command by name, built once. */
const parametersByGlobal = new WeakMap<GlobalCommandSchema, ReadonlyMap<string, ParameterSchema>>();
function parametersOf(global: GlobalCommandSchema): ReadonlyMap<string, ParameterSchema> {
  let map = parametersByGlobal.get(global);
  if (!map) {
    map = new Map(global.parameters.map((p) => [p.name, p]));
    parametersByGlobal.set(global, map);
  }
  return map;
}

type Item =
  | { readonly kind: 'word'; readonly word: Word }
  | { readonly kind: 'value'; readonly span: Span; readonly expression: Expression }
  | { readonly kind: 'named'; readonly arg: NamedArgument };

function layOut(command: ResolvedCommand, global: GlobalCommandSchema, reported: ReadonlySet<number>): { -readonly [K in keyof GlobalCall]: GlobalCall[K] } | undefined {
  let words = command.positionalWords;
  if (global.subcommands?.length) {
    // Only `:log <level>` takes values; the other directories (`:environment print`, `:terminal ...`) and the
    // /log menu commands behind `:log find` are not described here. A missing level is missing-subcommand's.
    if (global.name !== 'log') return undefined;
    const written = command.commandWord!.text;
    const level = written.includes('/') ? written.slice(written.indexOf('/') + 1) : words[0]?.text;
    if (!level || !LOG_LEVELS.has(level)) return undefined;
    if (!written.includes('/')) words = words.slice(1);
  }

  const items: Item[] = words.map((word) => ({ kind: 'word', word }));
  for (const arg of command.node.args ?? []) {
    if (arg.kind === 'named') items.push({ kind: 'named', arg });
    else if (arg.kind === 'positional') items.push({ kind: 'value', span: arg.span, expression: arg.value });
    else if (arg.kind === 'flag') items.push({ kind: 'word', word: arg.name });
    // `!x` is read as a word too: as an argument of a global command it is a value.
    else if (arg.kind === 'unset') items.push({ kind: 'word', word: { kind: 'word', span: arg.span, text: `!${arg.name.text}` } });
  }

  const slotsKnown = global.positional !== undefined;
  const parameters = parametersOf(global);
  const named: NamedArgument[] = [];
  for (const item of items) if (item.kind === 'named') named.push(item.arg);
  const namedGiven = named.length === 0 ? NOTHING_GIVEN : new Set(named.map((a) => a.name.text));
  // A slot given by name (`:local name=x`) is not filled again by a value.
  const openSlots: ParameterSchema[] = [];
  for (const slot of global.positional ?? []) {
    const parameter = namedGiven.has(slot) ? undefined : parameters.get(slot);
    if (parameter) openSlots.push(parameter);
  }

  const values: GlobalValue[] = [];
  const missingEquals: MissingEquals[] = [];
  const flags: Word[] = [];
  let hashWord: Word | undefined;
  const valueOf = (item: Item): GlobalValue | undefined => {
    if (item.kind === 'word') return { span: item.word.span, word: item.word };
    if (item.kind === 'value') return { span: item.span, expression: item.expression };
    return undefined;
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'named') continue;
    const start = item.kind === 'word' ? item.word.span.start : item.span.start;
    const slotLeft = openSlots.length > 0;
    if (item.kind === 'word') {
      const text = item.word.text;
      // With no value expected, `#` starts the rest of the line, which RouterOS then refuses as one more value.
      if (text.startsWith('#') && !slotLeft && slotsKnown) {
        if (!reported.has(start)) hashWord = item.word;
        break;
      }
      const parameter = parameters.get(text);
      if (parameter?.flag) {
        flags.push(item.word);
        continue;
      }
      const next = items[i + 1];
      const nextValue = next ? valueOf(next) : undefined;
      // A word that names an argument, where no value is expected (`:for i from 1`) or followed by code that a
      // bare word cannot be (`:retry command {...}`, `:onerror e in {...}`).
      const nameOfArgument = parameter && slotsKnown && !namedGiven.has(text) && !reported.has(start);
      if (nameOfArgument && (!slotLeft || (parameter.type.kind === 'script' && nextValue))) {
        if (nextValue) i++;
        missingEquals.push({ name: item.word, parameter, value: nextValue });
        continue;
      }
      // `:foreach k, v in=...`: a space after the comma still names two loop variables.
      if (slotLeft && openSlots[0]!.name === 'counter' && text.endsWith(',') && next?.kind === 'word') {
        i++;
        values.push({ span: { start, end: next.word.span.end }, word: { kind: 'word', span: { start, end: next.word.span.end }, text: `${text}${next.word.text}` }, slot: openSlots.shift() });
        continue;
      }
    }
    const slot = openSlots.shift();
    const wasReported = reported.has(start);
    // Written out rather than spread: one object shape for every value keeps this loop fast on big exports.
    values.push(item.kind === 'word'
      ? { span: item.word.span, word: item.word, expression: undefined, slot, reported: wasReported }
      : { span: item.span, word: undefined, expression: item.expression, slot, reported: wasReported });
  }
  return { command, global, commandWord: command.commandWord!, slotsKnown, named, values, missingEquals, flags, hashWord, unreadable: false };
}
