/**
 * Helpers shared by the rules: the menu commands the schema knows, each named argument resolved once to the
 * parameter it means (RouterOS accepts an unambiguous abbreviation: `interf=ether1` is `interface=ether1`), and
 * whether a loaded command tree speaks for the target version.
 */
import type { NamedArgument } from '../../../core/ast.js';
import { emptyObjectList } from '../../../core/lists.js';
import type { DocumentAnalysis, ResolvedCommand } from '../../../analysis/types.js';
import type { CommandSchema, MenuSchema, ParameterSchema, SchemaService } from '../../../schema/types.js';
import { staticText } from '../../../analysis/symbols.js';
import { parseVersion } from '../../../core/version.js';

/** A named argument with the parameter it means. */
export interface CheckedArgument {
  readonly arg: NamedArgument;
  /** The full parameter name: the written name, or the one name it abbreviates. Undefined when unknown or ambiguous. */
  readonly name?: string;
  readonly param?: ParameterSchema;
  /** For an abbreviation that fits several parameters: those parameters' names. */
  readonly candidates?: readonly string[];
}

export interface CheckedCommand {
  readonly command: ResolvedCommand;
  readonly menu: MenuSchema;
  readonly schemaCommand: CommandSchema;
  readonly named: readonly NamedArgument[];
  /** The named arguments in order, each resolved to its parameter. */
  readonly args: readonly CheckedArgument[];
}

/**
 * Menu commands whose menu and command the schema knows, with their named arguments. Most rules need this
 * list, so it is computed once per analysis (and schema) and shared.
 */
const cache = new WeakMap<readonly ResolvedCommand[], { schema: SchemaService; list: CheckedCommand[] }>();

/** Drops the list of `commands` (diagnostics call this when all rules have run). */
export function forgetKnownMenuCommands(commands: readonly ResolvedCommand[]): void {
  cache.delete(commands);
}

export function knownMenuCommands(commands: readonly ResolvedCommand[], schema: SchemaService): readonly CheckedCommand[] {
  const cached = cache.get(commands);
  if (cached && cached.schema === schema) return cached.list;
  const list: CheckedCommand[] = [];
  // Indexed loops, one pass over the arguments: this runs over every command of the document.
  for (let c = 0; c < commands.length; c++) {
    const command = commands[c]!;
    if (command.kind !== 'menu-command' || !command.commandName) continue;
    const menu = schema.getMenu(command.menuPath);
    if (!menu) continue;
    const schemaCommand = schema.getCommand(command.menuPath, command.commandName);
    if (!schemaCommand) continue;
    const all = command.node.args;
    let named: NamedArgument[] = NO_NAMED;
    let args: CheckedArgument[] = NO_CHECKED;
    // `configuration.country=x .mode=ap`: a name starting with `.` continues the dotted prefix of the one before.
    let dotted = '';
    for (let a = 0; a < all.length; a++) {
      const arg = all[a]!;
      if (arg.kind !== 'named') continue;
      if (named === NO_NAMED) {
        named = [];
        args = [];
      }
      const text = arg.name.text;
      const written = dotted && text.startsWith('.') ? dotted + text.slice(1) : text;
      if (written.includes('.')) dotted = written.slice(0, written.lastIndexOf('.') + 1);
      named.push(arg);
      args.push(resolveArgument(schema, command.menuPath, schemaCommand.name, arg, written));
    }
    list.push({ command, menu, schemaCommand, named, args });
  }
  cache.set(commands, { schema, list });
  return list;
}

/** Shared by the commands without named arguments (never written to; see core/lists.ts for why not `[]`). */
const NO_NAMED: NamedArgument[] = emptyObjectList();
const NO_CHECKED: CheckedArgument[] = emptyObjectList();

/** The result of matching a written name against a set of names, RouterOS style. */
export type NameMatch =
  | { readonly kind: 'exact' | 'abbreviation'; readonly name: string }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[] }
  | { readonly kind: 'none' };

/** The written name itself if it is one of `names`, else the names it is a prefix of (one: an abbreviation). */
export function matchName(written: string, names: readonly string[]): NameMatch {
  if (names.includes(written)) return { kind: 'exact', name: written };
  if (written.length === 0) return { kind: 'none' };
  const candidates = names.filter((n) => n.startsWith(written));
  if (candidates.length === 1) return { kind: 'abbreviation', name: candidates[0]! };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates: [...candidates].sort() };
  return { kind: 'none' };
}

function resolveArgument(schema: SchemaService, path: readonly string[], command: string, arg: NamedArgument, written: string): CheckedArgument {
  const exact = schema.getParameter(path, command, written);
  if (exact) return { arg, name: written, param: exact };
  const match = matchName(written, schema.getParameters(path, command).map((p) => p.name));
  if (match.kind === 'abbreviation') return { arg, name: match.name, param: schema.getParameter(path, command, match.name) };
  if (match.kind === 'ambiguous') return { arg, candidates: match.candidates };
  return { arg };
}

/** The argument given for a parameter (by its full name or an abbreviation of it); the last one when given twice. */
export function argumentFor(checked: CheckedCommand, name: string): CheckedArgument | undefined {
  let found: CheckedArgument | undefined;
  for (const a of checked.args) if (a.name === name) found = a;
  return found;
}

/** The static value given for a parameter, if it is given and known without running the script. */
export function valueFor(checked: CheckedCommand, name: string): string | undefined {
  const value = argumentFor(checked, name)?.arg.value;
  return value ? staticText(value) : undefined;
}

/** The static value of a named argument in a command, if it is given and known without running the script. */
export function namedValue(named: readonly NamedArgument[], name: string): string | undefined {
  const arg = named.find((a) => a.name.text === name);
  return arg?.value ? staticText(arg.value) : undefined;
}

export function menuText(path: readonly string[]): string {
  return `/${path.join(' ')}`;
}

export function parameterOf(schema: SchemaService, checked: CheckedCommand, name: string): ParameterSchema | undefined {
  return schema.getParameter(checked.command.menuPath, checked.schemaCommand.name, name);
}

/**
 * How far the names a schema has for a menu can be trusted to be all there are:
 * - `complete`: every name is known (a menu described in full, or listed by a command tree of the target release);
 * - `typos`: a command tree lists the menu, but the document may be for another release (it names no version, or
 *   the tree does not say its own), so only a name one slip away from a listed one is reported;
 * - `none`: the schema may lack names of this menu; nothing is reported.
 */
export type NameAuthority = 'complete' | 'typos' | 'none';

/**
 * What a loaded command tree says about names for this document. Names come and go between releases
 * (`suppress-hw-offload` of `/ip route` is in 7.9 and gone by 7.22), so a tree speaks in full for its own release
 * only; for a document that names no version it still catches slips; for another release it says nothing.
 */
export function treeAuthority(analysis: DocumentAnalysis, schema: SchemaService): NameAuthority {
  const tree = schema.commandTree();
  if (!tree) return 'none';
  const own = tree.version ? parseVersion(tree.version) : undefined;
  const target = analysis.target.version;
  if (analysis.target.source === 'default' || !own) return target.major === (own?.major ?? 7) ? 'typos' : 'none';
  return own.major === target.major && own.minor === target.minor ? 'complete' : 'none';
}

/** The authority of the names of one menu for this document (see NameAuthority). */
export function menuNameAuthority(menu: MenuSchema, analysis: DocumentAnalysis, schema: SchemaService): NameAuthority {
  if (menu.coverage === 'full') return 'complete';
  return menu.namesComplete ? treeAuthority(analysis, schema) : 'none';
}

/** The name one slip away from `word` (a letter missing, extra or changed, or two neighbours swapped), if any. */
export function oneSlipAway(word: string, names: readonly string[]): string | undefined {
  return names.find((name) => name !== word && slipDistance(word, name, 1) === 1);
}

/** Edit distance that counts two swapped neighbours as one edit (optimal string alignment), capped at limit + 1. */
export function slipDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row.push(value);
    }
    rows.push(row);
  }
  return Math.min(rows[a.length]![b.length]!, limit + 1);
}
