/** Rules about command names: unknown menu commands, unknown global commands, lines with no command. */
import type { Rule, RuleReport } from '../rule.js';
import { closestMatch } from '../suggest.js';
import { menuNameAuthority, oneSlipAway } from './shared.js';
import { parserProblemStarts } from './globalCalls.js';

function pathText(path: readonly string[]): string {
  return `/${path.join(' ')}`;
}

export const unknownCommand: Rule = {
  code: 'unknown-command',
  defaultSeverity: 'error',
  description: 'A command that the menu does not have; RouterOS refuses the whole script with "bad command name".',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const command of analysis.commands) {
      if (command.kind !== 'menu-command' || !command.commandWord || !command.commandName) continue;
      const path = command.menuPath;
      const menu = schema.getMenu(path);
      // Only a menu whose names are all known (described in full, or listed by a command tree of the target
      // release) can say that a command does not exist: a menu known by name may have commands its data lacks.
      const authority = menu ? menuNameAuthority(menu, analysis, schema) : 'none';
      if (path.length > 0 && authority === 'none') continue;
      if (schema.getCommand(path, command.commandName)) continue;
      // A tree of another or an unstated release: only a slip from one of its commands is reported.
      if (path.length > 0 && authority === 'typos' && !oneSlipAway(command.commandName, schema.getCommands(path).map((c) => c.name))) continue;
      if (path.length === 0) {
        // `on-event="Backup"`: a string holding just a name runs the script of that name.
        if (command.inNestedString && command.node.words.length === 1 && (command.node.args ?? []).length === 0) continue;
        // At the root: not a menu, not a root command, not a global command written without its colon.
        if (schema.isMenuOrDirectory([command.commandName]) || schema.getGlobalCommand(command.commandName) || schema.isRootName(command.commandName)) continue;
        const suggestion = closestMatch(command.commandName, [...schema.childMenus([]), ...schema.getCommands([]).map((c) => c.name)]);
        reports.push({
          message: `bad command name \`${command.commandName}\`: it is not a menu or a command${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`,
          span: command.commandWord.span,
          data: suggestion ? { replacement: suggestion } : undefined,
        });
        continue;
      }
      const names = schema.getCommands(path).map((c) => c.name);
      const submenus = schema.childMenus(path);
      const suggestion = closestMatch(command.commandName, [...names, ...submenus]);
      reports.push({
        message: `\`${command.commandName}\` is not a command of ${pathText(path)}${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`,
        span: command.commandWord.span,
        data: suggestion ? { replacement: suggestion } : undefined,
      });
    }
    return reports;
  },
};

export const unknownGlobalCommand: Rule = {
  code: 'unknown-global-command',
  defaultSeverity: 'error',
  description: 'A `:name` that is not a global command (a typo such as `:picl` for `:pick`); RouterOS answers "bad command name".',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const command of analysis.commands) {
      if (command.kind !== 'global' || command.node.prefix !== 'colon' || !command.commandWord) continue;
      const name = command.commandName ?? '';
      // `:system ...` reaches a root menu: RouterOS accepts it (see colon-before-menu for the style warning).
      if (schema.getGlobalCommand(name) || schema.isRootName(name)) continue;
      const suggestion = closestMatch(name, schema.getGlobalCommands().map((g) => g.name));
      reports.push({
        message: `\`:${name}\` is not a global command${suggestion ? `: did you mean \`:${suggestion}\`?` : ''}`,
        span: command.commandWord.span,
        data: suggestion ? { replacement: suggestion } : undefined,
      });
    }
    return reports;
  },
};

export const colonBeforeMenu: Rule = {
  code: 'colon-before-menu',
  defaultSeverity: 'warning',
  description: 'A menu written with `:` (`:system script run x`): RouterOS runs it, but `/` is the form everyone reads as a path.',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const command of analysis.commands) {
      if (command.kind !== 'global' || command.node.prefix !== 'colon' || !command.commandWord) continue;
      const name = command.commandName ?? '';
      if (schema.getGlobalCommand(name) || !schema.isMenuOrDirectory([name])) continue;
      reports.push({
        message: `\`:${name}\` is a menu: write \`/${name}\``,
        span: command.commandWord.span,
        data: { replacement: `/${name}`, replaceWithPrefix: true },
      });
    }
    return reports;
  },
};

export const missingCommand: Rule = {
  code: 'missing-command',
  defaultSeverity: 'error',
  description: 'A line with arguments but no command, often a wrapped line that lost its `\\` continuation.',
  check({ analysis }) {
    const reports: RuleReport[] = [];
    const reported = parserProblemStarts(analysis);
    for (const command of analysis.commands) {
      // Only a line that starts with `name=value`: words the schema cannot place belong to a menu it does not
      // know, and a line that starts with a value (`($f->"x") 1`, `[...]`) is an expression statement.
      if (command.kind !== 'unknown' || command.node.words.length > 0 || command.node.prefix !== undefined) continue;
      const first = command.node.args?.[0];
      // The parser reports most such lines itself (`a command cannot start with else=`): one mistake, one finding.
      if (!first || first.kind !== 'named' || reported.has(first.span.start)) continue;
      const hint = command.node.words.length === 0 && first.kind === 'named' ? ': if it continues the line above, end that line with `\\`' : '';
      reports.push({ message: `this line has no command${hint}`, span: first.span });
    }
    return reports;
  },
};

export const globalSubcommand: Rule = {
  code: 'missing-subcommand',
  defaultSeverity: 'error',
  description: 'A global command that needs a sub-command first, such as `:log info "text"`.',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    const reported = parserProblemStarts(analysis);
    for (const command of analysis.commands) {
      if (command.kind !== 'global' || !command.commandName || !command.commandWord) continue;
      const global = schema.getGlobalCommand(command.commandName);
      if (!global?.subcommands?.length) continue;
      // v7 also writes the sub-command after a slash: `:log/error "text"`.
      const word = command.commandWord.text;
      const sub = word.includes('/') ? word.slice(word.indexOf('/') + 1) : command.positionalWords[0]?.text;
      if (sub && global.subcommands.includes(sub)) continue;
      const span = command.positionalWords[0]?.span ?? command.node.args?.[0]?.span ?? command.commandWord.span;
      if (reported.has(span.start)) continue; // the parser already said so (`:log "text"`)
      reports.push({
        message: `\`:${global.name}\` needs one of ${global.subcommands.join(', ')} first: for example \`:${global.name} ${global.subcommands[0]} ...\``,
        span,
      });
    }
    return reports;
  },
};
