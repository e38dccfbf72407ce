/**
 * Rule: the property `get` reads (`[/ppp secret get user1 password]`, or `value-name=password`) must be one the
 * menu has. Only menus described in full are checked: a command tree lists what add and set take, not the
 * read-only status values `get` can also read.
 */
import type { Span } from '../../../core/ast.js';
import { staticText } from '../../../analysis/symbols.js';
import type { Rule, RuleReport } from '../rule.js';
import { closestMatch } from '../suggest.js';
import { argumentFor, knownMenuCommands, matchName, menuText, type CheckedCommand } from './shared.js';

/** Properties of every item that menus do not list among their own: `about`, the note RouterOS attaches. */
const EVERY_ITEM_HAS: ReadonlySet<string> = new Set(['about']);

export const unknownProperty: Rule = {
  code: 'unknown-property',
  defaultSeverity: 'error',
  description: 'A property name after `get` that the menu does not have (`get user1 pasword`); the line fails when it runs.',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const checked of knownMenuCommands(analysis.commands, schema)) {
      if (checked.schemaCommand.name !== 'get' || checked.menu.coverage !== 'full') continue;
      const written = propertyRead(checked);
      // `.id`, `.nextid` and other dotted names are internal properties every item has, and so is `about`.
      if (!written || written.text.startsWith('.') || EVERY_ITEM_HAS.has(written.text)) continue;
      const names = checked.menu.parameters.map((p) => p.name);
      const match = matchName(written.text, names);
      if (match.kind === 'exact' || match.kind === 'abbreviation') continue;
      const where = menuText(checked.command.menuPath);
      if (match.kind === 'ambiguous') {
        reports.push({ message: `\`${written.text}\` is ambiguous in ${where}: ${match.candidates.join(', ')}; write more of the name`, span: written.span });
        continue;
      }
      const suggestion = closestMatch(written.text, names);
      reports.push({
        message: `\`${written.text}\` is not a property of ${where}${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`,
        span: written.span,
        data: suggestion ? { replacement: suggestion } : undefined,
      });
    }
    return reports;
  },
};

/** The property name a `get` reads, when it is written as plain text: `value-name=x` or the value-name slot. */
function propertyRead(checked: CheckedCommand): { text: string; span: Span } | undefined {
  const named = argumentFor(checked, 'value-name')?.arg;
  if (named) {
    const text = named.value ? staticText(named.value) : undefined;
    return text !== undefined && named.value ? { text, span: named.value.span } : undefined;
  }
  const slots = checked.schemaCommand.positional ?? [];
  let index = slots.indexOf('value-name');
  if (index < 0) return undefined;
  // `number=` given by name leaves the value-name as the first value.
  if (argumentFor(checked, 'number') && slots.indexOf('number') < index) index--;
  const flags = new Set((checked.schemaCommand.parameters ?? []).map((p) => p.name));
  const values: { text?: string; span: Span }[] = [
    ...checked.command.positionalWords.map((w) => ({ text: w.text, span: w.span })),
    ...(checked.command.node.args ?? []).flatMap((a) => {
      if (a.kind === 'positional') return [{ text: staticText(a.value), span: a.value.span }];
      // After a `[find ...]` the property name is parsed as a bare flag word.
      if (a.kind === 'flag' && !flags.has(a.name.text)) return [{ text: a.name.text, span: a.name.span }];
      return [];
    }),
  ].sort((a, b) => a.span.start - b.span.start);
  const value = values[index];
  return value?.text !== undefined ? { text: value.text, span: value.span } : undefined;
}
