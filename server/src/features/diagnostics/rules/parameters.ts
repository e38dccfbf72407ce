/** Rules about named arguments: unknown names, bad values, required, duplicates, combinations. */
import type { NamedArgument } from '../../../core/ast.js';
import { staticText } from '../../../analysis/symbols.js';
import type { MenuSchema, ParameterRequirement, ParameterSchema, SchemaService, ValueType } from '../../../schema/types.js';
import type { Rule, RuleReport } from '../rule.js';
import { closestMatch } from '../suggest.js';
import { findValueProblem } from '../../../schema/values/values.js';
import { argumentFor, knownMenuCommands, menuNameAuthority, menuText, oneSlipAway, valueFor, type CheckedCommand } from './shared.js';

export const unknownParameter: Rule = {
  code: 'unknown-parameter',
  defaultSeverity: 'error',
  description: 'A parameter the command does not take in this menu, or an abbreviation that fits several; RouterOS refuses the line.',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const checked of knownMenuCommands(analysis.commands, schema)) {
      // Only a menu whose names are all known (described in full, or listed by a command tree of the target
      // release) can tell an unknown parameter from one the schema has not described.
      const authority = menuNameAuthority(checked.menu, analysis, schema);
      if (authority === 'none') continue;
      // `find` filters by any property, read-only ones included, which a command tree does not list.
      if (checked.menu.coverage !== 'full' && checked.schemaCommand.name === 'find') continue;
      if (checked.args.every((a) => a.param)) continue;
      const path = checked.command.menuPath;
      const commandName = checked.schemaCommand.name;
      const known = schema.getParameters(path, commandName).map((p) => p.name);
      for (const argument of checked.args) {
        if (argument.param) continue;
        const name = argument.arg.name.text;
        if (authority === 'typos') {
          // A tree of another or an unstated release: only a slip from one of its names is surely wrong.
          const near = oneSlipAway(name, known);
          if (near) reports.push({ message: `\`${name}\` is not a parameter of ${menuText(path)} ${commandName}: did you mean \`${near}\`?`, span: argument.arg.name.span, data: { replacement: near } });
          continue;
        }
        if (argument.candidates) {
          reports.push({
            message: `\`${name}\` is ambiguous in ${menuText(path)} ${commandName}: ${argument.candidates.join(', ')}; write more of the name`,
            span: argument.arg.name.span,
          });
          continue;
        }
        reports.push({ ...describeUnknown(schema, checked, name, known), span: argument.arg.name.span });
      }
    }
    return reports;
  },
};

/** The message (and quick-fix data) for a parameter name the command does not take. */
function describeUnknown(
  schema: SchemaService,
  checked: CheckedCommand,
  name: string,
  known: readonly string[],
): { message: string; data: Record<string, unknown> } {
  const path = checked.command.menuPath;
  const commandName = checked.schemaCommand.name;
  let message = `\`${name}\` is not a parameter of ${menuText(path)} ${commandName}`;
  const data: Record<string, unknown> = {};
  const suggestion = closestMatch(name, known);
  // A property of this very menu that this command does not take (a status value on `add`, any property on a
  // command that takes none): say so, and never send the user to another menu.
  const own = checked.menu.parameters.find((p) => p.name === name);
  if (name === 'enabled' && known.includes('disabled')) {
    message += ': RouterOS has `disabled` instead; write `disabled=no`';
    data.replacement = 'disabled';
  } else if (own) {
    message = own.readOnly
      ? `\`${name}\` is a read-only property of ${menuText(path)}: \`${commandName}\` cannot set it`
      : `\`${commandName}\` in ${menuText(path)} does not take \`${name}\`, a property of the menu`;
  } else if (suggestion) {
    message += `: did you mean \`${suggestion}\`?`;
    data.replacement = suggestion;
  } else {
    // "Belongs to" is only helpful for a menu next to this one (/ppp secret vs /ppp profile, pppoe-server vs
    // pppoe-server server); a namesake in an unrelated menu would mislead.
    const elsewhere = schema
      .findParameterElsewhere(name)
      .filter((l) => l.menuPath.join(' ') !== path.join(' ') && l.menuPath[0] === path[0] && !l.parameter.readOnly)
      .sort((a, b) => sharedPrefix(b.menuPath, path) - sharedPrefix(a.menuPath, path));
    if (elsewhere.length > 0) {
      const near = elsewhere[0]!;
      message += `: this parameter belongs to \`${menuText(near.menuPath)}\``;
      data.moveTo = near.menuPath;
    }
  }
  return { message, data };
}

export const invalidValue: Rule = {
  code: 'invalid-value',
  defaultSeverity: 'error',
  description: 'A value RouterOS would refuse for this parameter: not one of its values, out of range, or not an address, time or MAC (a range written backwards is a warning).',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    // An export repeats the same values thousands of times (`chain=forward`, `disabled=no`): judge each
    // (parameter type, name, text) once per document.
    // Maps by type, then name, then text: no key string to build per value.
    const judged = new Map<ValueType, Map<string, Map<string, ReturnType<typeof findValueProblem> | null>>>();
    const problemOf = (text: string, type: ValueType, name: string) => {
      let byName = judged.get(type);
      if (!byName) judged.set(type, (byName = new Map()));
      let byText = byName.get(name);
      if (!byText) byName.set(name, (byText = new Map()));
      let found = byText.get(text);
      if (found === undefined) byText.set(text, (found = findValueProblem(text, type, name) ?? null));
      return found ?? undefined;
    };
    const known = knownMenuCommands(analysis.commands, schema);
    for (let c = 0; c < known.length; c++) {
      const checked = known[c]!;
      const args = checked.args;
      for (let a = 0; a < args.length; a++) {
        const { arg, name, param } = args[a]!;
        if (!arg.value || !param || !name) continue;
        // In menus known by name only, enum lists may differ between versions; numbers, addresses, times and
        // yes/no are the same everywhere, and so are lists the data marks as stable, so those are still checked.
        if (checked.menu.coverage !== 'full' && !STABLE_KINDS.has(param.type.kind) && !param.stableValues) continue;
        const text = staticText(arg.value);
        if (text === undefined) continue; // a variable or expression: only the router knows its value
        if (text === '' && arg.value.kind === 'string') continue; // `name=""` clears a value
        const problem = problemOf(text, param.type, name);
        if (problem) reports.push({ message: problem.message, span: arg.value.span, severity: problem.doubtful ? 'warning' : undefined });
      }
    }
    return reports;
  },
};

/** How many leading path segments two menus share. */
function sharedPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

// A pattern (address ranges, port lists, ...) has the same syntax in every version.
const STABLE_KINDS: ReadonlySet<string> = new Set(['integer', 'ipv4', 'ipv4Prefix', 'ipv4Match', 'mac', 'bool', 'time', 'pattern']);

const requiredByMenu = new WeakMap<MenuSchema, readonly ParameterSchema[]>();
function requiredParameters(menu: MenuSchema): readonly ParameterSchema[] {
  let required = requiredByMenu.get(menu);
  if (!required) requiredByMenu.set(menu, (required = menu.parameters.filter((p) => p.required)));
  return required;
}

export const missingRequiredParameter: Rule = {
  code: 'missing-required-parameter',
  defaultSeverity: 'error',
  description: 'An `add` without a parameter RouterOS needs (interface on a PPPoE client, chain on a mangle rule, name on a PPP secret).',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const checked of knownMenuCommands(analysis.commands, schema)) {
      if (checked.schemaCommand.name !== 'add' || checked.menu.coverage !== 'full') continue;
      const required = requiredParameters(checked.menu);
      if (required.length === 0) continue;
      const given = new Set(checked.args.map((a) => a.name ?? a.arg.name.text));
      if (given.has('copy-from')) continue; // the copied item supplies them
      const missing = required.filter((p) => !given.has(p.name));
      if (missing.length === 0) continue;
      const names = missing.map((p) => `\`${p.name}\``).join(', ');
      reports.push({
        message: `${menuText(checked.command.menuPath)} add needs ${names}`,
        span: checked.command.commandWord!.span,
        data: { missing: missing.map((p) => p.name) },
      });
    }
    return reports;
  },
};

export const duplicateParameter: Rule = {
  code: 'duplicate-parameter',
  defaultSeverity: 'warning',
  description: 'The same parameter given twice on one line; RouterOS keeps the last value, which is rarely what was meant.',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    // Where the schema knows the command, an abbreviation counts as the parameter it stands for (`name=a na=b`).
    // knownMenuCommands keeps the commands' order, so it is read alongside them instead of through a map.
    const known = knownMenuCommands(analysis.commands, schema);
    let nextKnown = 0;
    // Lines have a handful of arguments: a pairwise look is cheaper than a map per command.
    const names: string[] = [];
    const starts: number[] = [];
    const commands = analysis.commands;
    for (let c = 0; c < commands.length; c++) {
      const command = commands[c]!;
      if (command.kind !== 'menu-command') continue;
      const checked = known[nextKnown]?.command === command ? known[nextKnown++] : undefined;
      names.length = 0;
      starts.length = 0;
      const named = checked ? checked.args : (command.node.args ?? []).filter((a): a is NamedArgument => a.kind === 'named').map((arg) => ({ arg, name: undefined }));
      for (let k = 0; k < named.length; k++) {
        const { arg, name: fullName } = named[k]!;
        const name = fullName ?? arg.name.text;
        const index = names.indexOf(name);
        if (index >= 0) {
          const line = analysis.lines.positionAt(starts[index]!).line + 1;
          reports.push({ message: `\`${name}\` is given twice on this command (first on line ${line}); the last value wins`, span: arg.name.span });
        } else {
          names.push(name);
          starts.push(arg.name.span.start);
        }
      }
    }
    return reports;
  },
};

export const parameterCombination: Rule = {
  code: 'parameter-combination',
  defaultSeverity: 'warning',
  description: 'A parameter that only has an effect together with another (new-mss needs action=change-mss, which needs protocol=tcp and tcp-flags=syn).',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    const known = knownMenuCommands(analysis.commands, schema);
    for (let c = 0; c < known.length; c++) {
      const checked = known[c]!;
      if (checked.schemaCommand.name !== 'add') continue; // on `set`, the other values live on the router
      const valueOf = (name: string): { given: boolean; value?: string } => {
        if (argumentFor(checked, name)) return { given: true, value: valueFor(checked, name) };
        return { given: false, value: schema.getParameter(checked.command.menuPath, checked.schemaCommand.name, name)?.default };
      };
      const args = checked.args;
      for (let a = 0; a < args.length; a++) {
        const { arg, name, param } = args[a]!;
        if (!param || !name || (!param.requires && !param.valueRequires)) continue;
        const own = arg.value ? staticText(arg.value) : undefined;
        const triggered = [
          ...(param.requires ?? []).map((r) => ({ requirement: r, because: `\`${name}\`` })),
          ...(param.valueRequires ?? [])
            .filter((v) => own !== undefined && v.values.includes(own))
            .flatMap((v) => v.requires.map((r) => ({ requirement: r, because: `${name}=${own}` }))),
        ];
        for (const { requirement, because } of triggered) {
          const other = valueOf(requirement.parameter);
          if (other.given && other.value === undefined) continue; // a variable or expression: cannot tell
          const problem = unmet(requirement, other.given, other.value);
          if (!problem) continue;
          reports.push({ message: `${because} only takes effect ${problem}`, span: arg.name.span });
        }
      }
    }
    return reports;
  },
};

/** Describes why a requirement is not met, or undefined when it is. */
function unmet(requirement: ParameterRequirement, given: boolean, value: string | undefined): string | undefined {
  const name = requirement.parameter;
  const mode = requirement.match ?? 'oneOf';
  const has = given ? ` (this rule has ${name}=${value})` : '';
  if (!given && requirement.satisfiedByDefault) return undefined;
  if (requirement.values.length === 0) return given ? undefined : `with \`${name}\` on the same rule`;
  if (mode === 'noneOf') {
    if (!given) return `with ${name} set to something other than ${requirement.values.join(', ')}`;
    return requirement.values.includes((value ?? '').replace(/^!/, '')) ? `when ${name} is not ${requirement.values.join(', ')}${has}` : undefined;
  }
  if (mode === 'contains') {
    const items = (value ?? '').split(',');
    if (given && requirement.values.some((v) => items.includes(v))) return undefined;
    return `with ${name} including ${requirement.values.join(' or ')}${has}`;
  }
  if (given && value !== undefined && requirement.values.includes(value.replace(/^!/, '')) && !value.startsWith('!')) return undefined;
  if (!given && value !== undefined && requirement.values.includes(value)) return undefined; // the default satisfies it
  const wanted = requirement.values.length === 1 ? `${name}=${requirement.values[0]}` : `${name} one of ${requirement.values.join(', ')}`;
  return `with ${wanted}${has}`;
}
