/**
 * Checks of the arguments of global commands (`:put`, `:local`, `:for`, `:retry`, ...). Each reports under the
 * code of the same mistake on a menu command (unknown-parameter, invalid-value, ...), so one setting governs
 * both; extraChecks.ts attaches them to those rules.
 */
import type { Span } from '../../../core/ast.js';
import { inVersionWindow } from '../../../core/version.js';
import { staticText } from '../../../analysis/symbols.js';
import { abbreviationOf } from '../../../analysis/menuContext.js';
import type { GlobalCommandSchema, ParameterSchema } from '../../../schema/types.js';
import { checkValue } from '../../../schema/values/values.js';
import type { RuleContext, RuleReport } from '../rule.js';
import { closestMatch } from '../suggest.js';
import { globalCalls, type GlobalCall, type GlobalValue } from './globalCalls.js';

/** `:local`, `:global` and `:set` take the variable's name as a value, not as `name=`. */
const VARIABLE_COMMANDS = new Set(['local', 'global', 'set']);

/** What an argument name looks like. */
const ARGUMENT_NAME = /^[A-Za-z][\w-]*$/;

/** How to name a missing positional value in a message. */
const SLOT_LABELS: Readonly<Record<string, string>> = {
  name: 'a variable name',
  counter: 'a loop variable',
  error: 'a variable that receives the error message',
  condition: 'a condition',
  command: 'a block of code',
};

/** Words that join two values into an expression: written between values without `( )` they are values too. */
const OPERATOR_WORD = /^(?:[-+*/%.,<>=!~&|^]+|and|or|in)$/;

function spanOf(first: Span, last: Span): Span {
  return { start: first.start, end: last.end };
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}

function slotCount(call: GlobalCall): number {
  return call.global.positional?.length ?? 0;
}

/** too-many-arguments: `:put 1 2`, `:local x 1 2`, `:pick "abc" 0 1 2`, `:delay 1s 2s`. */
export function extraGlobalValues({ analysis, schema }: RuleContext): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const call of globalCalls(analysis, schema)) {
    if (!call.slotsKnown || call.unreadable) continue;
    const extra = call.values.filter((v) => !v.slot);
    if (extra.length === 0 || extra.every((v) => v.reported)) continue;
    const first = extra.find((v) => !v.reported)!;
    const count = slotCount(call);
    const takes = count === 0 ? 'takes no values' : `takes ${count === 1 ? 'one value' : `at most ${count} values`}`;
    const hint = extra.some((v) => v.word && OPERATOR_WORD.test(v.word.text)) ? ': to compute a value, put the expression in `( )`' : '';
    reports.push({
      message: `\`:${call.global.name}\` ${takes} (\`${call.global.syntax}\`); ${extra.length === 1 ? 'this value is one' : `these ${extra.length} values are`} too many ("expected end of command")${hint}`,
      span: spanOf(first.span, extra[extra.length - 1]!.span),
    });
  }
  return reports;
}

/** unknown-parameter: `:for ... stepp=1`, `:retry ... maxx=3`, `:foreach ... else={}`, `:local a=1`. */
export function unknownGlobalArguments({ analysis, schema }: RuleContext): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const call of globalCalls(analysis, schema)) {
    const names = call.global.parameters.map((p) => p.name);
    for (const arg of call.named) {
      const name = arg.name.text;
      // Names that are no words (`!` of a stray `!=`) are a syntax matter, not an unknown argument.
      if (!ARGUMENT_NAME.test(name) || names.includes(name) || abbreviationOf(name, names)) continue;
      const command = `:${call.global.name}`;
      if (VARIABLE_COMMANDS.has(call.global.name) && call.values.length === 0) {
        // `:local a=1`: the name is a value of its own, then the value.
        const value = arg.value ? analysis.text.slice(arg.value.span.start, arg.value.span.end) : '';
        reports.push({
          message: `\`${command}\` takes the variable name and the value as two values: write \`${command} ${name}${value ? ` ${value}` : ''}\``,
          span: { start: arg.name.span.start, end: arg.name.span.end + 1 },
          data: { replacement: `${name} ` },
        });
        continue;
      }
      const suggestion = closestMatch(name, names);
      const list = names.length <= 8 ? ` (it takes ${quoted(names)})` : '';
      reports.push({
        message: `\`${name}\` is not an argument of \`${command}\`${suggestion ? `: did you mean \`${suggestion}\`?` : list}`,
        span: arg.name.span,
        data: suggestion ? { replacement: suggestion } : undefined,
      });
    }
  }
  return reports;
}

/** invalid-value: `:delay 10x`, `:serialize to=yaml`, `:resolve ... type=bogus`, `:convert ... to=bogus`. */
export function invalidGlobalValues({ analysis, schema }: RuleContext): RuleReport[] {
  const reports: RuleReport[] = [];
  const check = (parameter: ParameterSchema | undefined, text: string | undefined, span: Span) => {
    if (!parameter || text === undefined) return;
    // `.5` is a time (facts A.6: `(.1)` is time), which the shared time check does not read.
    const written = parameter.type.kind === 'time' && /^\.\d/.test(text) ? `0${text}` : text;
    const message = checkValue(written, parameter.type, parameter.name);
    if (message) reports.push({ message, span });
  };
  for (const call of globalCalls(analysis, schema)) {
    for (const arg of call.named) {
      if (!arg.value) continue;
      const parameter = call.global.parameters.find((p) => p.name === arg.name.text);
      check(parameter, staticText(arg.value), arg.value.span);
    }
    for (const value of call.values) {
      if (value.reported || !value.slot) continue;
      // Only values written as they are: `$x`, `[...]` and `(...)` are known when the script runs.
      check(value.slot, value.word ? value.word.text : value.expression ? staticText(value.expression) : undefined, value.span);
    }
  }
  return reports;
}

/** missing-required-parameter: `:for i from=1 do={}` (no to=), `:onerror in={...}`, `:local`, `:if do={...}`. */
export function missingGlobalArguments({ analysis, schema }: RuleContext): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const call of globalCalls(analysis, schema)) {
    if (!call.slotsKnown || call.unreadable) continue;
    const facts = globalFacts(call.global);
    if (facts.required.length === 0) continue;
    let missing: ParameterSchema[] | undefined;
    for (const parameter of facts.required) if (!isGiven(call, parameter.name, facts.names)) (missing ??= []).push(parameter);
    if (!missing) continue;
    const parts = missing.map((p) => (facts.positional.has(p.name) ? SLOT_LABELS[p.name] ?? `a value for <${p.name}>` : `\`${p.name}=\``));
    reports.push({
      message: `\`:${call.global.name}\` needs ${parts.join(' and ')}: \`${call.global.syntax}\``,
      span: call.commandWord.span,
      data: { missing: missing.map((p) => p.name) },
    });
  }
  return reports;
}

/** What missing-argument checks need of a global command, worked out once per command. */
interface GlobalFacts {
  readonly names: ReadonlySet<string>;
  readonly positional: ReadonlySet<string>;
  readonly required: readonly ParameterSchema[];
}
const factsByGlobal = new WeakMap<GlobalCommandSchema, GlobalFacts>();
function globalFacts(global: GlobalCommandSchema): GlobalFacts {
  let facts = factsByGlobal.get(global);
  if (!facts) {
    facts = {
      names: new Set(global.parameters.map((p) => p.name)),
      positional: new Set(global.positional ?? []),
      required: global.parameters.filter((p) => p.required),
    };
    factsByGlobal.set(global, facts);
  }
  return facts;
}

/** Whether the call gives the argument `name`: by name, as a name missing its `=`, or as a positional value. */
function isGiven(call: GlobalCall, name: string, names: ReadonlySet<string>): boolean {
  for (const arg of call.named) if (arg.name.text === name) return true;
  // `:local a=1` names its variable, wrongly: unknown-parameter says how to write it.
  if (name === 'name' && VARIABLE_COMMANDS.has(call.global.name) && call.named.some((a) => !names.has(a.name.text))) return true;
  for (const missingEquals of call.missingEquals) if (missingEquals.parameter.name === name) return true;
  for (const value of call.values) if (value.slot?.name === name) return true;
  return false;
}

/** duplicate-parameter: `:if (...) do={...} else={...} else={...}`. */
export function duplicateGlobalArguments({ analysis, schema }: RuleContext): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const call of globalCalls(analysis, schema)) {
    const seen = new Map<string, number>();
    for (const arg of call.named) {
      const name = arg.name.text;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, arg.name.span.start);
        continue;
      }
      const line = analysis.lines.positionAt(first).line + 1;
      reports.push({ message: `\`${name}\` is given twice to \`:${call.global.name}\` (first on line ${line}); only one of them takes effect`, span: arg.name.span });
    }
  }
  return reports;
}

/** not-in-version: `:for ... on-error={}` before 7.19, `:resolve ... type=ipv6` before 7.15. */
export function globalArgumentVersions({ analysis, schema }: RuleContext): RuleReport[] {
  const version = analysis.target.version;
  const reports: RuleReport[] = [];
  for (const call of globalCalls(analysis, schema)) {
    // A command the target lacks altogether is reported once, on the command (versions.ts).
    if (!inVersionWindow(version, call.global)) continue;
    const given: { parameter: ParameterSchema; span: Span }[] = [
      ...call.named.flatMap((arg) => {
        const parameter = call.global.parameters.find((p) => p.name === arg.name.text);
        return parameter ? [{ parameter, span: arg.name.span }] : [];
      }),
      ...call.flags.flatMap((word) => {
        const parameter = call.global.parameters.find((p) => p.name === word.text);
        return parameter ? [{ parameter, span: word.span }] : [];
      }),
    ];
    for (const { parameter, span } of given) {
      if (inVersionWindow(version, parameter)) continue;
      const window = parameter.since && parameter.until ? `RouterOS ${parameter.since} to ${parameter.until}` : parameter.since ? `RouterOS ${parameter.since} and later` : `RouterOS before ${parameter.until}`;
      const nested = call.command.inNestedString;
      reports.push({
        message: `\`${parameter.name}\` of \`:${call.global.name}\` exists in ${window}; the target is ${version.text}${analysis.target.source === 'header' ? ' (from the export header)' : ''}${nested ? ' (this code runs from a string, so it fails only when it runs)' : ''}`,
        span,
        // Code in a string is compiled when it runs, possibly after an upgrade.
        severity: nested ? 'warning' : undefined,
      });
    }
  }
  return reports;
}

/** missing-equals: `:for i from 1 to 10`, `:do {...} while (...)`, `:foreach x in {...}`, `:retry command {...}`. */
export function missingEqualsInGlobals({ analysis, schema }: RuleContext): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const call of globalCalls(analysis, schema)) {
    if (call.unreadable) continue;
    for (const { name, parameter, value } of call.missingEquals) {
      const shown = value ? valueText(analysis.text, value) : '<value>';
      // Code after the word (`command {...}`) is the mistake the parser reports for `do {`: RouterOS refuses it.
      // `from 1`, `in $list`, `while (...)` appear in scripts that run in production, so RouterOS may well
      // accept them: a warning, for the documented form.
      const code = parameter.type.kind === 'script' && value?.expression?.kind === 'block';
      reports.push({
        message: code
          ? `\`${name.text}\` needs \`=\` right after it: write \`${name.text}=${shown}\``
          : `\`${name.text}\` is an argument of \`:${call.global.name}\`, documented as \`${name.text}=value\`: write \`${name.text}=${shown}\``,
        span: value ? spanOf(name.span, value.span) : name.span,
        severity: code ? undefined : 'warning',
      });
    }
  }
  return reports;
}

/** misplaced-comment: `:for ... do={...} #c` (the parser covers the commands whose values it can count). */
export function hashAfterGlobalValues({ analysis, schema }: RuleContext): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const call of globalCalls(analysis, schema)) {
    if (!call.hashWord) continue;
    reports.push({
      message: `\`#\` starts a comment only at the start of a command; \`:${call.global.name}\` has no value left to take it: put the comment on its own line`,
      span: call.hashWord.span,
    });
  }
  return reports;
}

/** The value as written, shortened for a message (`{...}` for a long block). */
function valueText(text: string, value: GlobalValue): string {
  const written = text.slice(value.span.start, value.span.end).replace(/\s+/g, ' ');
  if (written.length <= 24) return written;
  return written.startsWith('{') ? '{...}' : written.startsWith('(') ? '(...)' : written.startsWith('[') ? '[...]' : `${written.slice(0, 21)}...`;
}
