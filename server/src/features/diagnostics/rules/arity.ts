/**
 * Rule: more positional values than a command takes (`get` takes an item and a property name; `add` none, so a
 * bare word after it must be one of its flags). Also the `#` that follows a command's last value, which RouterOS
 * reads as one more value rather than as a comment (reported as misplaced-comment, see extraChecks.ts).
 */
import type { Expression, Span, Word } from '../../../core/ast.js';
import type { ResolvedCommand } from '../../../analysis/types.js';
import type { CommandSchema, MenuSchema } from '../../../schema/types.js';
import type { Rule, RuleContext, RuleReport } from '../rule.js';
import { closestMatch } from '../suggest.js';
import { abbreviationOf } from '../../../analysis/menuContext.js';
import { parserProblemStarts } from './globalCalls.js';
import { knownMenuCommands, menuText, type CheckedCommand } from './shared.js';

/** Commands that take no values in any menu, though the schema lists no slots for them. */
const NO_VALUE_COMMANDS = new Set(['add', 'print', 'export']);

/** A bare word or an expression given without a name, in the order written. */
interface MenuValue {
  readonly span: Span;
  readonly word?: Word;
  readonly expression?: Expression;
}

export const tooManyArguments: Rule = {
  code: 'too-many-arguments',
  defaultSeverity: 'error',
  description: 'Extra values after a command that takes fewer; RouterOS answers "expected end of command".',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const checked of knownMenuCommands(analysis.commands, schema)) {
      const slots = slotsOf(checked);
      if (!slots) continue;
      // `get` takes the same slots in every menu; other commands are trusted only in menus described in full.
      if (checked.schemaCommand.name !== 'get' && checked.menu.coverage !== 'full') continue;
      const flags = flagNames(checked);
      const values = valuesBeforeComment(checked).filter((v) => !v.word || !isFlag(v.word.text, flags));
      if (values.length <= slots.length) continue;
      const extra = values[slots.length]!;
      const name = checked.schemaCommand.name;
      if (extra.word && (flags.size > 0 || checked.schemaCommand.takesProperties)) {
        // A bare word where the command takes flags: most likely a misspelt flag or a value without its name.
        const suggestion = closestMatch(extra.word.text, flags);
        reports.push({
          message: `\`${extra.word.text}\` is not a flag or parameter of \`${name}\` in ${menuText(checked.command.menuPath)}, which takes ${slots.length === 0 ? 'no values' : slots.join(' and ')}${suggestion ? `: did you mean \`${suggestion}\`?` : ' ("expected end of command")'}`,
          span: extra.span,
          data: suggestion ? { replacement: suggestion } : undefined,
        });
        continue;
      }
      reports.push({
        message: `\`${name}\` takes ${slots.length === 0 ? 'no values' : slots.join(' and ')}; this value is one too many ("expected end of command")`,
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

/**
 * misplaced-comment: `/ip address print # c`. The parser cannot tell that `print` has no value left for the `#`
 * (it knows no menus); the schema can. Only the first `#` of a command: the words after it are its "comment".
 */
export function hashAfterMenuValues({ analysis, schema }: RuleContext): RuleReport[] {
  const reports: RuleReport[] = [];
  const reported = parserProblemStarts(analysis);
  for (const checked of knownMenuCommands(analysis.commands, schema)) {
    const name = checked.schemaCommand.name;
    const slots = slotsOf(checked);
    if (!slots || (name !== 'get' && name !== 'print' && checked.menu.coverage !== 'full')) continue;
    const flags = flagNames(checked);
    let count = 0;
    for (const value of valuesOf(checked.command, checked.menu.coverage === 'full')) {
      if (value.word?.text.startsWith('#')) {
        if (count >= slots.length && !reported.has(value.span.start)) {
          reports.push({
            message: `\`#\` starts a comment only at the start of a command; \`${name}\` has no value left to take it: put the comment on its own line`,
            span: value.word.span,
          });
        }
        break;
      }
      if (!value.word || !isFlag(value.word.text, flags)) count++;
    }
  }
  return reports;
}

/** The positional slots of a command, when known. */
function slotsOf(checked: CheckedCommand): readonly string[] | undefined {
  const slots = checked.schemaCommand.positional;
  if (slots) return slots;
  return NO_VALUE_COMMANDS.has(checked.schemaCommand.name) ? [] : undefined;
}

/** A flag's name, or an unambiguous abbreviation of one (`print count` for `count-only`), as RouterOS accepts. */
function isFlag(word: string, flags: ReadonlySet<string>): boolean {
  return flags.has(word) || abbreviationOf(word, flags) !== undefined;
}

/** Bare words a command accepts without `=`: its own arguments and, where it takes them, the menu's properties. */
function flagNames(checked: CheckedCommand): ReadonlySet<string> {
  // The same for every command of a kind in a menu: made once per (menu, command), not once per line.
  let byCommand = flagNamesByMenu.get(checked.menu);
  if (!byCommand) flagNamesByMenu.set(checked.menu, (byCommand = new Map()));
  let names = byCommand.get(checked.schemaCommand);
  if (!names) {
    const made = new Set((checked.schemaCommand.parameters ?? []).map((p) => p.name));
    if (checked.schemaCommand.takesProperties) for (const p of checked.menu.parameters) made.add(p.name);
    byCommand.set(checked.schemaCommand, (names = made));
  }
  return names;
}
const flagNamesByMenu = new WeakMap<MenuSchema, Map<CommandSchema, ReadonlySet<string>>>();

/**
 * Bare words and unnamed values after the command word, in order. Bare words after the first other argument
 * (`add chain=forward bogus`) count only where the menu is described in full: elsewhere they may be flags the
 * schema does not list.
 */
function valuesOf(command: ResolvedCommand, withFlags: boolean): MenuValue[] {
  const values: MenuValue[] = command.positionalWords.map((word) => ({ span: word.span, word }));
  for (const arg of command.node.args ?? []) {
    if (arg.kind === 'positional') values.push({ span: arg.span, expression: arg.value });
    else if (arg.kind === 'flag' && (withFlags || arg.name.text.startsWith('#'))) values.push({ span: arg.span, word: arg.name });
  }
  return values.sort((a, b) => a.span.start - b.span.start);
}

/** The values up to a `#` word (which, with the words after it, hashAfterMenuValues reports). */
function valuesBeforeComment(checked: CheckedCommand): MenuValue[] {
  const values = valuesOf(checked.command, checked.menu.coverage === 'full');
  const hash = values.findIndex((v) => v.word?.text.startsWith('#'));
  return hash < 0 ? values : values.slice(0, hash);
}

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
