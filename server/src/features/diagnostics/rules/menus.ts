/**
 * Rule: a word of a menu path that names no menu (`/ip firewall mangel`, `/ppp secrets`). Analysis takes such a
 * word for a sub-menu it has not heard of, because the bundled schema does not describe every menu; this rule
 * decides when that is a mistake after all:
 * - a command tree that speaks for the target version lists every menu, so any other word is one;
 * - the bundled data lists every sub-menu of some directories (`/ppp`, `/ip firewall`);
 * - without either, only a word a typo away from a known sibling (`mangel` for mangle) is reported, so that a
 *   real menu the schema does not describe is never called unknown.
 */
import type { ResolvedCommand } from '../../../analysis/types.js';
import type { SchemaService } from '../../../schema/types.js';
import type { Rule, RuleReport } from '../rule.js';
import { closestMatch } from '../suggest.js';
import { COMMON_MENU_VERBS } from '../../../analysis/menuContext.js';
import { matchName, menuText, oneSlipAway, treeAuthority, type NameAuthority } from './shared.js';

export const unknownMenu: Rule = {
  code: 'unknown-menu',
  defaultSeverity: 'error',
  description: 'A menu path with a word that is no menu there (`/ip firewall mangel`); RouterOS refuses the line with "bad command name".',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    const authority = treeAuthority(analysis, schema);
    for (const command of analysis.commands) {
      if (command.kind !== 'menu-command' && command.kind !== 'menu-change' && command.kind !== 'unknown') continue;
      const report = firstUnknownSegment(command, schema, authority);
      if (report) reports.push(report);
    }
    return reports;
  },
};

/** The first path word of a command that names no menu, reported once: the words after it depend on it. */
function firstUnknownSegment(command: ResolvedCommand, schema: SchemaService, authority: NameAuthority): RuleReport | undefined {
  // Every prefix of a known menu is known: the common case costs one lookup of the (shared) path array.
  if (command.pathWords.length === 0 || schema.isMenuOrDirectory(command.menuPath)) return undefined;
  // After the last `..`, each path word added one segment at the end of the menu path.
  const words = command.pathWords;
  let lastUp = -1;
  words.forEach((w, i) => {
    if (w.text === '..') lastUp = i;
  });
  const tail = words.slice(lastUp + 1);
  const start = command.menuPath.length - tail.length;
  if (start < 0) return undefined;
  for (let i = 0; i < tail.length; i++) {
    const path = command.menuPath.slice(0, start + i + 1);
    if (schema.isMenuOrDirectory(path)) continue;
    const parent = path.slice(0, -1);
    const segment = path[path.length - 1]!;
    // Below a menu nobody knows, or inside a package menu a tree may lack, nothing can be judged.
    if ((parent.length > 0 && !schema.isMenuOrDirectory(parent)) || schema.isPackageMenu(path)) return undefined;
    // Root names are judged by unknown-command (`bad command name` at the root).
    if (parent.length === 0 && schema.isRootName(segment)) return undefined;
    const siblings = schema.childMenus(parent);
    const commands = [...schema.getCommands(parent).map((c) => c.name), ...COMMON_MENU_VERBS];
    // RouterOS takes any unambiguous start of a name, one letter too (`/ip f` is /ip firewall, `[f]` is find).
    if (matchName(segment, siblings).kind !== 'none' || matchName(segment, commands).kind !== 'none') return undefined;
    const suggestion = judge(segment, parent, siblings, commands, schema, authority);
    if (suggestion === undefined) return undefined;
    const what = schema.getMenu(parent) ? 'a menu or command of' : 'a menu below';
    const where = parent.length === 0 ? 'not a menu at the root' : `not ${what} ${menuText(parent)}`;
    return {
      message: `\`${tail[i]!.text}\` is ${where}${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`,
      span: tail[i]!.span,
      data: suggestion ? { replacement: suggestion } : undefined,
    };
  }
  return undefined;
}

/**
 * Whether a word that names no known menu is a mistake: undefined when it may be a menu the schema lacks, else the
 * suggestion ('' when there is none).
 */
function judge(segment: string, parent: readonly string[], siblings: readonly string[], commands: readonly string[], schema: SchemaService, authority: NameAuthority): string | undefined {
  const inTree = schema.commandTree()?.hasDirectory(parent) === true;
  if (schema.listsAllSubMenus(parent) || (authority === 'complete' && inTree)) {
    return typoOf(segment, siblings) ?? closestMatch(segment, [...siblings, ...commands]) ?? '';
  }
  const typo = typoOf(segment, siblings);
  if (typo !== undefined) return typo;
  // A tree of another (or an unstated) release still tells a slip from a name of that release.
  if (authority === 'typos' && inTree) return oneSlipAway(segment, [...siblings, ...commands]);
  return undefined;
}

/**
 * The sibling a word is a slip of: two neighbouring letters swapped (`mangel`, `pppoe-clinet`) or a plural `s`
 * (`secrets`). Looser measures would hit real menus: `vlan` and `vxlan`, `ppp-client` and `pptp-client`, `gps` and
 * `ups` are one edit apart; a test checks these two slips against RouterOS's own trees.
 */
export function typoOf(word: string, siblings: readonly string[]): string | undefined {
  return siblings.find((sibling) => word === `${sibling}s` || isSwap(word, sibling));
}

/** True when `a` is `b` with one pair of neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (first >= 0) return i === first + 1 && a[first] === b[i] && a[i] === b[first] && a.slice(i + 1) === b.slice(i + 1);
    first = i;
  }
  return false;
}
