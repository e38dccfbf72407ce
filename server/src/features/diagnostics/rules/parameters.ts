/** Rules about named arguments: unknown names, bad values, required, duplicates, combinations. */
import { staticText } from '../../../analysis/symbols.js';
import type { ParameterRequirement } from '../../../schema/types.js';
import type { Rule, RuleReport } from '../rule.js';
import { closestMatch } from '../suggest.js';
import { checkValue } from '../../../schema/values/values.js';
import { abbreviationOf } from '../../../analysis/menuContext.js';
import { knownMenuCommands, menuText, namedValue, parameterOf } from './shared.js';

export const unknownParameter: Rule = {
  code: 'unknown-parameter',
  defaultSeverity: 'error',
  description: 'A parameter the command does not take in this menu; RouterOS refuses the line ("unknown parameter").',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const checked of knownMenuCommands(analysis.commands, schema)) {
      // Menus known only by name cannot tell an unknown parameter from one the schema has not described.
      if (checked.menu.coverage !== 'full') continue;
      const path = checked.command.menuPath;
      const known = schema.getParameters(path, checked.schemaCommand.name);
      for (const arg of checked.named) {
        const name = arg.name.text;
        if (parameterOf(schema, checked, name)) continue;
        // RouterOS accepts an unambiguous abbreviation of a parameter name (`add-def` for add-default-route).
        if (abbreviationOf(name, known.map((p) => p.name))) continue;
        // "Belongs to" is only helpful for a menu next to this one (/ppp secret vs /ppp profile, pppoe-server vs
        // pppoe-server server); a namesake in an unrelated menu would mislead.
        const elsewhere = schema
          .findParameterElsewhere(name)
          .filter((l) => l.menuPath.join(' ') !== path.join(' ') && l.menuPath[0] === path[0] && !l.parameter.readOnly)
          .sort((a, b) => sharedPrefix(b.menuPath, path) - sharedPrefix(a.menuPath, path));
        const suggestion = closestMatch(name, known.map((p) => p.name));
        let message = `\`${name}\` is not a parameter of ${menuText(path)} ${checked.schemaCommand.name}`;
        const data: Record<string, unknown> = {};
        if (name === 'enabled' && known.some((p) => p.name === 'disabled')) {
          message += ': RouterOS has `disabled` instead; write `disabled=no`';
          data.replacement = 'disabled';
        } else if (suggestion) {
          message += `: did you mean \`${suggestion}\`?`;
          data.replacement = suggestion;
        } else if (elsewhere.length > 0) {
          const near = elsewhere[0]!;
          message += `: this parameter belongs to \`${menuText(near.menuPath)}\``;
          data.moveTo = near.menuPath;
        }
        reports.push({ message, span: arg.name.span, data });
      }
    }
    return reports;
  },
};

export const invalidValue: Rule = {
  code: 'invalid-value',
  defaultSeverity: 'error',
  description: 'A value RouterOS would refuse for this parameter: not one of its values, out of range, or not an address, time or MAC.',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const checked of knownMenuCommands(analysis.commands, schema)) {
      for (const arg of checked.named) {
        if (!arg.value) continue;
        const param = parameterOf(schema, checked, arg.name.text);
        if (!param) continue;
        // In menus known by name only, enum lists may differ between versions; numbers, addresses, times and
        // yes/no are the same everywhere, so those are still checked.
        if (checked.menu.coverage !== 'full' && !STABLE_KINDS.has(param.type.kind)) continue;
        const text = staticText(arg.value);
        if (text === undefined) continue; // a variable or expression: only the router knows its value
        if (text === '' && arg.value.kind === 'string') continue; // `name=""` clears a value
        const message = checkValue(text, param.type, arg.name.text);
        if (message) reports.push({ message, span: arg.value.span });
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

const STABLE_KINDS: ReadonlySet<string> = new Set(['integer', 'ipv4', 'ipv4Prefix', 'ipv4Match', 'mac', 'bool', 'time']);

export const missingRequiredParameter: Rule = {
  code: 'missing-required-parameter',
  defaultSeverity: 'error',
  description: 'An `add` without a parameter RouterOS needs (interface on a PPPoE client, chain on a mangle rule, name on a PPP secret).',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const checked of knownMenuCommands(analysis.commands, schema)) {
      if (checked.schemaCommand.name !== 'add' || checked.menu.coverage !== 'full') continue;
      const given = new Set(checked.named.map((a) => a.name.text));
      if (given.has('copy-from')) continue; // the copied item supplies them
      const missing = checked.menu.parameters.filter((p) => p.required && !given.has(p.name));
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
  check({ analysis }) {
    const reports: RuleReport[] = [];
    for (const command of analysis.commands) {
      if (command.kind !== 'menu-command') continue;
      const seen = new Map<string, number>();
      for (const arg of command.node.args ?? []) {
        if (arg.kind !== 'named') continue;
        const name = arg.name.text;
        const first = seen.get(name);
        if (first !== undefined) {
          const line = analysis.lines.positionAt(first).line + 1;
          reports.push({ message: `\`${name}\` is given twice on this command (first on line ${line}); the last value wins`, span: arg.name.span });
        } else {
          seen.set(name, arg.name.span.start);
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
    for (const checked of knownMenuCommands(analysis.commands, schema)) {
      if (checked.schemaCommand.name !== 'add') continue; // on `set`, the other values live on the router
      const valueOf = (name: string): { given: boolean; value?: string } => {
        const arg = checked.named.find((a) => a.name.text === name);
        if (arg) return { given: true, value: namedValue(checked.named, name) };
        return { given: false, value: parameterOf(schema, checked, name)?.default };
      };
      for (const arg of checked.named) {
        const param = parameterOf(schema, checked, arg.name.text);
        if (!param) continue;
        const own = namedValue(checked.named, arg.name.text);
        const triggered = [
          ...(param.requires ?? []).map((r) => ({ requirement: r, because: `\`${arg.name.text}\`` })),
          ...(param.valueRequires ?? [])
            .filter((v) => own !== undefined && v.values.includes(own))
            .flatMap((v) => v.requires.map((r) => ({ requirement: r, because: `${arg.name.text}=${own}` }))),
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
