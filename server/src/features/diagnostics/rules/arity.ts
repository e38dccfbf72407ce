/** Rule: more positional values than a command takes (`get` takes an item and a property name). */
import type { ResolvedCommand } from '../../../analysis/types.js';
import type { Rule, RuleReport } from '../rule.js';
import { knownMenuCommands } from './shared.js';

export const tooManyArguments: Rule = {
  code: 'too-many-arguments',
  defaultSeverity: 'error',
  description: 'Extra values after a command that takes fewer; RouterOS answers "expected end of command".',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const checked of knownMenuCommands(analysis.commands, schema)) {
      const slots = checked.schemaCommand.positional;
      if (!slots) continue;
      // `get` takes the same slots in every menu; other commands are trusted only in menus described in full.
      if (checked.schemaCommand.name !== 'get' && checked.menu.coverage !== 'full') continue;
      const flags = new Set((checked.schemaCommand.parameters ?? []).map((p) => p.name));
      const properties = new Set(checked.schemaCommand.takesProperties ? checked.menu.parameters.map((p) => p.name) : []);
      const values = [
        ...checked.command.positionalWords.filter((w) => !flags.has(w.text) && !properties.has(w.text)),
        ...(checked.command.node.args ?? []).filter((a) => a.kind === 'positional'),
      ].sort((a, b) => a.span.start - b.span.start);
      if (values.length <= slots.length) continue;
      const extra = values[slots.length]!;
      reports.push({
        message: `\`${checked.schemaCommand.name}\` takes ${slots.length === 0 ? 'no values' : slots.join(' and ')}; this value is one too many ("expected end of command")`,
        span: extra.span,
      });
    }
    // `get` in a menu the schema does not know still takes just an item and a property name.
    for (const command of analysis.commands) {
      if (command.kind !== 'menu-command' || command.commandName !== 'get' || schema.getMenu(command.menuPath)) continue;
      const extra = extraGetValue(command);
      if (extra) reports.push({ message: '`get` takes an item and a property name; this value is one too many ("expected end of command")', span: extra });
    }
    return reports;
  },
};

/** Named arguments that fill the slots of `get`. */
const GET_SLOT_NAMES = new Set(['number', 'numbers', 'value-name']);

function extraGetValue(command: ResolvedCommand): { start: number; end: number } | undefined {
  const values = [
    ...command.positionalWords.map((w) => w.span),
    // `get` has no flags, so a bare word after its named arguments is a value too.
    ...(command.node.args ?? []).filter((a) => a.kind === 'positional' || a.kind === 'flag' || (a.kind === 'named' && GET_SLOT_NAMES.has(a.name.text))).map((a) => a.span),
  ].sort((a, b) => a.start - b.start);
  return values.length > 2 ? values[2] : undefined;
}
