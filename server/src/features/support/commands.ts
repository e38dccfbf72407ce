/**
 * Questions about the commands of an analysed document that several features ask: which ResolvedCommand
 * belongs to a CommandStatement node, and which menu is in force at an offset (the menu a new command typed
 * there would run in). Lookup tables are built once per DocumentAnalysis and kept in WeakMaps, so they live
 * exactly as long as the analysis of that document version.
 */
import type { AnyNode, CommandStatement, Script, Statement } from '../../core/ast.js';
import type { DocumentAnalysis, ResolvedCommand } from '../../analysis/types.js';
import { lastStartingAtOrBefore, nodePathAt } from './walk.js';

const resolvedByNode = new WeakMap<DocumentAnalysis, Map<CommandStatement, ResolvedCommand>>();

export function resolvedCommandOf(analysis: DocumentAnalysis, node: CommandStatement): ResolvedCommand | undefined {
  let map = resolvedByNode.get(analysis);
  if (!map) {
    map = new Map();
    for (const command of analysis.commands) map.set(command.node, command);
    resolvedByNode.set(analysis, map);
  }
  return map.get(node);
}

/** The innermost command whose span contains the offset, with the chain of nodes leading to it. */
export function commandAt(
  analysis: DocumentAnalysis,
  offset: number,
  inclusiveEnd = true,
): { command?: ResolvedCommand; path: AnyNode[] } {
  const path = nodePathAt(analysis.parse.script, offset, inclusiveEnd);
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i]!;
    if (node.kind === 'command') return { command: resolvedCommandOf(analysis, node), path };
  }
  return { path };
}

export interface MenuInForce {
  /** The menu a command starting at the offset runs in (path words of its own still to be applied). */
  readonly menuPath: readonly string[];
  /** True inside code nested in a string (`source="..."`), which always starts at the root menu. */
  readonly inNestedString: boolean;
}

/**
 * The menu in force at `offset`: the last bare path line (`/ip address`) before it in the same script, else the
 * menu its container inherits (`/ip firewall filter { ... }`, `[ ... ]` inside a command, a `do={}` block), else
 * the root. Used with the start of the line being completed.
 */
export function menuInForce(analysis: DocumentAnalysis, offset: number): MenuInForce {
  const path = nodePathAt(analysis.parse.script, offset, true);
  const inNestedString = path.some((node) => node.kind === 'string');
  return { menuPath: menuFromPath(analysis, path, offset), inNestedString };
}

function menuFromPath(analysis: DocumentAnalysis, path: readonly AnyNode[], offset: number): readonly string[] {
  for (let i = path.length - 1; i >= 0; i--) {
    const container = path[i]!;
    if (container.kind !== 'script' && container.kind !== 'substitution') continue;
    if (container.kind === 'substitution') {
      // `[find ...]` without a path runs in the menu of the command that holds the brackets.
      const holder = nearestCommand(path, i);
      return holder ? (resolvedCommandOf(analysis, holder)?.menuPath ?? []) : [];
    }
    // A bare path line changes the menu for the following lines of its script (never inside `[...]`).
    const changed = lastMenuChangeBefore(analysis, container, offset);
    if (changed) return changed.menuPath;
    const owner = path[i - 1];
    if (!owner) return [];
    if (owner.kind === 'string') return [];
    if (owner.kind === 'block') {
      const holder = path[i - 2];
      if (holder?.kind === 'command' && holder.block === owner) return resolvedCommandOf(analysis, holder)?.menuPath ?? [];
      // A `do={...}` body or a bare `{...}` scope inherits the menu in force where the block starts.
      return menuFromPath(analysis, path.slice(0, i - 1), owner.span.start);
    }
    return [];
  }
  return [];
}

function nearestCommand(path: readonly AnyNode[], below: number): CommandStatement | undefined {
  for (let i = below - 1; i >= 0; i--) {
    const node = path[i]!;
    if (node.kind === 'command') return node;
  }
  return undefined;
}

const menuChangeIndex = new WeakMap<DocumentAnalysis, WeakMap<object, Statement[]>>();

/** The last `menu-change` statement of `container` that ends at or before `offset`. */
function lastMenuChangeBefore(
  analysis: DocumentAnalysis,
  container: Script,
  offset: number,
): ResolvedCommand | undefined {
  let perContainer = menuChangeIndex.get(analysis);
  if (!perContainer) {
    perContainer = new WeakMap();
    menuChangeIndex.set(analysis, perContainer);
  }
  let changes = perContainer.get(container);
  if (!changes) {
    changes = (container.statements ?? []).filter(
      // A menu block (`/ip firewall filter { ... }`) runs its block in that menu but leaves the current menu alone.
      (statement) =>
        statement.kind === 'command' && !statement.block && resolvedCommandOf(analysis, statement)?.kind === 'menu-change',
    );
    perContainer.set(container, changes);
  }
  for (let i = lastStartingAtOrBefore(changes, offset); i >= 0; i--) {
    const statement = changes[i]!;
    if (statement.span.end <= offset && statement.kind === 'command') return resolvedCommandOf(analysis, statement);
  }
  return undefined;
}

/** For each path word of a command, the menu path it names (`/ip firewall` -> ['ip'], ['ip','firewall']). */
export function menuPathOfPathWord(command: ResolvedCommand, wordIndex: number): readonly string[] {
  const remaining = command.pathWords.length - 1 - wordIndex;
  const hasParentStep = command.pathWords.some((word) => word.text === '..');
  if (hasParentStep || remaining < 0) return command.menuPath;
  return command.menuPath.slice(0, Math.max(0, command.menuPath.length - remaining));
}
