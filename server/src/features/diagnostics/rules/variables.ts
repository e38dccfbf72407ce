/**
 * Rules about variables: names RouterOS cannot read as a variable name (`:local in 1`, `:local a-b 1`), and
 * variables used without a `:local`/`:global` declaration in sight (facts A.5).
 */
import type { Span, Word } from '../../../core/ast.js';
import type { DocumentAnalysis } from '../../../analysis/types.js';
import type { SchemaService } from '../../../schema/types.js';
import type { Rule, RuleReport } from '../rule.js';
import { globalCalls, isCheckedGlobal } from './globalCalls.js';
import { keepShapeOf } from '../../../core/keepShapes.js';

/** Operators spelt as words: never a variable name (facts A.1). */
const KEYWORDS = new Set(['and', 'or', 'in']);

/** What RouterOS reads as a variable name without quotes. */
const PLAIN_NAME = /^[A-Za-z0-9_]+$/;

/** The argument that names a variable, per command: the declared, set or loop variable. */
const NAME_SLOTS: Readonly<Record<string, string>> = { local: 'name', global: 'name', set: 'name', for: 'counter', foreach: 'counter', onerror: 'error' };

export const invalidVariableName: Rule = {
  code: 'invalid-variable-name',
  defaultSeverity: 'error',
  description: 'A variable name RouterOS cannot read: a keyword (`and`, `or`, `in`) or, without quotes, anything but letters, digits and `_` (`:local "a-b" 1`).',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const call of globalCalls(analysis, schema)) {
      const slot = NAME_SLOTS[call.global.name];
      if (!slot || call.unreadable) continue;
      const word = call.values.find((v) => v.slot?.name === slot && !v.reported)?.word;
      if (!word || word.text.startsWith('!') || word.text.startsWith('#')) continue;
      // `:foreach k,v in=...` names a key and a value variable.
      const parts = call.global.name === 'foreach' ? splitNames(word) : [word];
      for (const part of parts) {
        const problem = nameProblem(part.text, `:${call.global.name}`);
        if (problem) reports.push({ ...problem, span: part.span });
      }
    }
    return reports;
  },
};

function nameProblem(name: string, command: string): Omit<RuleReport, 'span'> | undefined {
  // The manual says keywords cannot name variables, yet `:local in $1` is found in scripts in use: a warning.
  if (KEYWORDS.has(name)) return { message: `\`${name}\` is an operator keyword, which the manual says cannot name a variable: choose another name`, severity: 'warning' };
  if (PLAIN_NAME.test(name)) return undefined;
  return {
    message: `\`${name}\` needs quotes to be a variable name (plain names have only letters, digits and \`_\`): write \`${command} "${name}" ...\` and use it as \`$"${name}"\``,
    data: { replacement: `"${name}"` },
  };
}

function splitNames(word: Word): { text: string; span: Span }[] {
  const parts: { text: string; span: Span }[] = [];
  let offset = word.span.start;
  for (const text of word.text.split(',')) {
    if (text) parts.push({ text, span: { start: offset, end: offset + text.length } });
    offset += text.length + 1;
  }
  return parts;
}

/**
 * Variables that RouterOS hands to the code of an event (facts A.5): DHCP server `lease-script`, DHCP client and
 * DHCPv6 client `script`, PPP profile `on-up`/`on-down`, hotspot user profile `on-login`/`on-logout`. A file may
 * be the body of such a script, so they are accepted anywhere.
 */
const EVENT_VARIABLES = new Set([
  'leaseBound', 'leaseServerName', 'leaseActMAC', 'leaseActIP', 'lease-hostname', 'lease-options',
  'bound', 'server-address', 'lease-address', 'gateway-address', 'vendor-specific', 'interface',
  'pd-valid', 'pd-prefix', 'na-valid', 'na-address', 'options',
  'user', 'local-address', 'remote-address', 'caller-id', 'called-id',
  'username', 'mac-address', 'address',
]);

/** Code given to a menu command that runs as a script of its own, with no variables from the router. */
const PLAIN_SCRIPT_ARGUMENTS = new Set(['source', 'on-event']);

interface Region {
  readonly span: Span;
  /** Which undeclared names the region accepts. */
  readonly accepts: (name: string) => boolean;
}

export const undeclaredVariable: Rule = {
  code: 'undeclared-variable',
  defaultSeverity: 'warning',
  description: 'A `$variable` with no `:local` or `:global` for it in scope; RouterOS refuses to run such a script. A global set by another script must still be declared with `:global name` where it is used.',
  check({ analysis, schema }) {
    const undeclared = analysis.symbols.variableReferences
      .filter((r) => !r.declaration && !/^\d+$/.test(r.name) && !EVENT_VARIABLES.has(r.name))
      .sort((a, b) => a.span.start - b.span.start);
    if (undeclared.length === 0) return [];
    const { regions, programs, menuSetTargets } = contexts(analysis, schema);
    const declared = new Set(analysis.symbols.variables.map((v) => v.name));
    // One finding per name and program (the file, or code stored by a command): at the first use.
    const groups = new Map<string, { first: Span; name: string; count: number }>();
    // The references are in document order: sweep the regions and programs along with them, keeping only those
    // that start before the reference and have not ended (a scan of all of them per reference was quadratic).
    const openRegions = new OpenSpans(regions, (r) => r.span);
    const openPrograms = new OpenSpans(programs, (p) => p);
    for (const ref of undeclared) {
      const inRegions = openRegions.at(ref.span.start);
      const inPrograms = openPrograms.at(ref.span.start);
      if (menuSetTargets.has(ref.span.start)) continue;
      if (inRegions.some((r) => ref.span.end <= r.span.end && r.accepts(ref.name))) continue;
      // `"$name_$date"`: the parser reads `name_`; scripts in use show that RouterOS stops the name before `_`.
      const underscore = ref.name.indexOf('_');
      if (underscore > 0 && declared.has(ref.name.slice(0, underscore))) continue;
      const program = innermost(inPrograms, ref.span)?.start ?? -1;
      const key = `${program}\u0000${ref.name}`;
      const group = groups.get(key);
      if (group) group.count++;
      else groups.set(key, { first: ref.span, name: ref.name, count: 1 });
    }
    return [...groups.values()].map(({ first, name, count }): RuleReport => {
      const plain = PLAIN_NAME.test(name) ? name : `"${name}"`;
      const more = count > 1 ? ` (used ${count} times)` : '';
      return {
        message: `\`${name}\` is not declared${more}: add \`:local ${plain}\` or \`:global ${plain}\` before its first use; RouterOS does not run a script that uses an undeclared variable`,
        span: first,
      };
    });
  },
};

/**
 * Spans swept in order of position: `at(offset)` (called with offsets that never decrease) returns the spans that
 * start at or before the offset and end at or after it.
 */
class OpenSpans<T> {
  private readonly sorted: T[];
  private next = 0;
  private readonly open: T[] = [];

  constructor(items: readonly T[], private readonly spanOf: (item: T) => Span) {
    this.sorted = [...items].sort((a, b) => spanOf(a).start - spanOf(b).start);
  }

  at(offset: number): readonly T[] {
    while (this.next < this.sorted.length && this.spanOf(this.sorted[this.next]!).start <= offset) this.open.push(this.sorted[this.next++]!);
    let kept = 0;
    for (const item of this.open) if (this.spanOf(item).end >= offset) this.open[kept++] = item;
    this.open.length = kept;
    return this.open;
  }
}

/** The region that starts last among those containing `span` (regions nest). */
function innermost(regions: readonly Span[], span: Span): Span | undefined {
  let best: Span | undefined;
  for (const region of regions) {
    if (region.start <= span.start && span.end <= region.end && (!best || region.start >= best.start)) best = region;
  }
  return best;
}

/**
 * Where names exist without a declaration, and what counts as one program:
 * - in a function body (`do={...}` of `:local`/`:global`/`:set`, code given to `:parse`) every name may be a
 *   parameter of the call;
 * - in code given to a menu command other than a stored script (`on-up`, `on-login`, `do=` of `monitor`), the
 *   router may provide variables (the session's, or the monitored properties);
 * - in a `where` filter, the item's properties;
 * - `set ether1 ...` without `:` in a menu the schema does not know is that menu's `set`, not `:set`.
 */
function contexts(analysis: DocumentAnalysis, schema: SchemaService): { regions: Region[]; programs: Span[]; menuSetTargets: Set<number> } {
  const regions: Region[] = [];
  const programs: Span[] = [];
  const menuSetTargets = new Set<number>();
  const anyName = () => true;
  // Indexed loops here and in other passes over every command: a `for...of` that runs before V8 has optimised
  // it allocates an iterator result per step, which on a 50,000-line export is megabytes of garbage per pass.
  const commands = analysis.commands;
  for (let c = 0; c < commands.length; c++) {
    const command = commands[c]!;
    const args = command.node.args ?? [];
    if (command.kind === 'global') {
      const name = command.commandName;
      if (name === 'set' && !isCheckedGlobal(command) && command.positionalWords[0]) menuSetTargets.add(command.positionalWords[0].span.start);
      for (let a = 0; a < args.length; a++) {
        const arg = args[a]!;
        if ((name === 'local' || name === 'global' || name === 'set') && arg.kind === 'named' && arg.name.text === 'do' && arg.value) regions.push({ span: arg.value.span, accepts: anyName });
        if (name === 'parse' && arg.kind === 'positional') regions.push({ span: arg.span, accepts: anyName });
      }
      continue;
    }
    // Menu commands, also those the schema cannot place (`/tool flood-ping ... do={...}`).
    if (command.kind !== 'menu-command' && command.kind !== 'unknown') continue;
    for (let a = 0; a < args.length; a++) {
      const arg = args[a]!;
      if (arg.kind === 'named' && arg.value && (arg.value.kind === 'block' || (arg.value.kind === 'string' && arg.value.nested))) {
        programs.push(arg.value.span);
        if (!PLAIN_SCRIPT_ARGUMENTS.has(arg.name.text)) regions.push({ span: arg.value.span, accepts: anyName });
      }
      if (arg.kind === 'where') {
        const menu = schema.getMenu(command.menuPath);
        const properties = new Set(schema.getParameters(command.menuPath, command.commandName ?? '').map((p) => p.name));
        // Inside `where`, a property name shadows a variable (facts A.5); a menu not known in full may have any.
        regions.push({ span: arg.span, accepts: menu?.coverage === 'full' ? (n) => properties.has(n) : anyName });
      }
    }
  }
  return { regions, programs, menuSetTargets };
}

// An idle sweep keeps the class's hidden class alive between runs (see keepShapes.ts).
keepShapeOf(new OpenSpans<Span>([], (span) => span));
