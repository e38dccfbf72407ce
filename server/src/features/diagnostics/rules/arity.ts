/** Rule: more positional values than a command takes (`get` takes an item and a property name). */
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
    return reports;
  },
};
