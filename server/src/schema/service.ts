/**
 * The SchemaService: one object answering every question about menus, commands, parameters and docs.
 * It layers two sources: the bundled schema (data/*, written by this project) and, optionally, a command tree
 * loaded from a file (commandTree.ts). Bundled 'full' menus win outright; a menu known to both keeps the
 * bundled types and gains the tree's extra names; a menu only in the tree is served at coverage 'names'.
 * All lookups go through maps built once here (per-command parameter maps are built on first use).
 */
import { ROOT_NAMES } from './data/rootNames.js';
import type { CommandTree } from './commandTree.js';
import { COMMON_COMMAND_NAMES, commonCommand } from './data/commonCommands.js';
import { bundledGlobals, bundledMenus } from './data/index.js';
import { COMPLETE_DIRECTORIES, PACKAGE_MENUS } from './data/directories.js';
import { pathOf } from './data/build.js';
import { bundledDocs } from './docs.js';
import type { DocsBundle } from './docsFormat.js';
import { menuKey } from './docsFormat.js';
import type {
  CommandSchema,
  DocEntry,
  GlobalCommandSchema,
  LoadedCommandTree,
  MenuSchema,
  ParameterLocation,
  ParameterSchema,
  SchemaService,
} from './types.js';

export interface SchemaServiceOptions {
  /** A command tree loaded by loadCommandTree, layered under the bundled schema. */
  readonly commandTree?: CommandTree;
  /** Replaces the bundled menus (tests of the layering itself). */
  readonly menus?: readonly MenuSchema[];
  /** Replaces the generated documentation (tests). */
  readonly docs?: DocsBundle;
}

/** Commands whose named arguments include properties marked read-only (they filter, they do not write). */
const FILTERING_COMMANDS = new Set(['find']);
const COMMON_NAMES = new Set(COMMON_COMMAND_NAMES);

/** Root names (lead's addition: see data/rootNames.ts). */
const ROOT_NAME_SET = new Set(ROOT_NAMES);

/**
 * Menu keys of path arrays, remembered per array: analysis hands the same path array to every rule, so a
 * 50,000-line export costs one string join per distinct command rather than one per lookup. Path resolution
 * asks about an array while it still grows and shrinks at its end (`/ip fire mangle`), so an entry is trusted
 * only while the array's length and last segment are what they were.
 */
const keyCache = new WeakMap<readonly string[], { readonly length: number; readonly last: string | undefined; readonly key: string }>();
function keyOf(path: readonly string[]): string {
  const cached = keyCache.get(path);
  const last = path[path.length - 1];
  if (cached && cached.length === path.length && cached.last === last) return cached.key;
  const key = menuKey(path);
  keyCache.set(path, { length: path.length, last, key });
  return key;
}

export function createSchemaService(options: SchemaServiceOptions = {}): SchemaService {
  const menus = layerMenus(options.menus ?? bundledMenus, options.commandTree);
  const docs = options.docs ?? bundledDocs;

  const menuByKey = new Map<string, MenuSchema>();
  const children = new Map<string, Set<string>>();
  const elsewhere = new Map<string, ParameterLocation[]>();
  const commandsByMenu = new Map<string, Map<string, CommandSchema>>();
  // Every prefix of a path is a directory; record each segment under its parent.
  const directories = new Set<string>();
  const addDirectory = (path: readonly string[]) => {
    directories.add(menuKey(path));
    for (let depth = 0; depth < path.length; depth++) {
      const parent = menuKey(path.slice(0, depth));
      directories.add(parent);
      let set = children.get(parent);
      if (!set) children.set(parent, (set = new Set()));
      set.add(path[depth]!);
    }
  };
  for (const directory of COMPLETE_DIRECTORIES) for (const name of directory.subMenus) addDirectory([...pathOf(directory.path), name]);
  // Package menus below the root are directories too; those at the root are root names (data/rootNames.ts).
  for (const text of PACKAGE_MENUS) if (pathOf(text).length > 1) addDirectory(pathOf(text));
  for (const menu of menus) {
    const key = menuKey(menu.path);
    menuByKey.set(key, menu);
    commandsByMenu.set(key, new Map(menu.commands.map((c) => [c.name, c])));
    addDirectory(menu.path);
    for (const parameter of menu.parameters) {
      let list = elsewhere.get(parameter.name);
      if (!list) elsewhere.set(parameter.name, (list = []));
      list.push({ menuPath: menu.path, parameter });
    }
  }
  // Writable properties and in-depth menus first: they are the better suggestion.
  for (const list of elsewhere.values()) {
    list.sort((a, b) => rank(a) - rank(b) || menuKey(a.menuPath).localeCompare(menuKey(b.menuPath)));
    function rank(location: ParameterLocation): number {
      const menu = menuByKey.get(menuKey(location.menuPath));
      return (location.parameter.readOnly ? 2 : 0) + (menu?.coverage === 'full' ? 0 : 1);
    }
  }
  const globalList = [...bundledGlobals, ...treeOnlyGlobals(options.commandTree)];
  const globals = new Map(globalList.map((g) => [g.name, g]));

  const parameterCache = new Map<string, Map<string, { list: readonly ParameterSchema[]; byName: Map<string, ParameterSchema> }>>();
  function parametersOf(path: readonly string[], commandName: string) {
    // Two lookups by existing strings: rules ask this for every argument of a 50,000-line export.
    const menuKeyText = keyOf(path);
    let byCommand = parameterCache.get(menuKeyText);
    if (!byCommand) {
      byCommand = new Map();
      parameterCache.set(menuKeyText, byCommand);
    }
    const cached = byCommand.get(commandName);
    if (cached) return cached;
    const menu = menuByKey.get(menuKeyText);
    const cmd = commandsByMenu.get(menuKeyText)?.get(commandName);
    const byName = new Map<string, ParameterSchema>();
    if (menu && cmd) {
      for (const p of cmd.parameters ?? []) if (!byName.has(p.name)) byName.set(p.name, p);
      if (cmd.takesProperties) {
        const filtering = FILTERING_COMMANDS.has(commandName);
        for (const p of menu.parameters) {
          if (byName.has(p.name)) continue;
          if (p.readOnly && !filtering) continue;
          if (p.onlyFor && !p.onlyFor.includes(commandName)) continue;
          byName.set(p.name, p);
        }
      }
    }
    const entry = { list: [...byName.values()], byName };
    byCommand.set(commandName, entry);
    return entry;
  }

  const completeDirectories = new Set(COMPLETE_DIRECTORIES.map((d) => menuKey(pathOf(d.path))));
  const packageMenus = PACKAGE_MENUS.map(pathOf);
  const tree = describeTree(options.commandTree);

  return {
    getMenu: (path) => menuByKey.get(keyOf(path)),
    childMenus: (path) => [...(children.get(keyOf(path)) ?? [])].sort(),
    listsAllSubMenus: (path) => completeDirectories.has(keyOf(path)),
    isPackageMenu: (path) => packageMenus.some((p) => p.length <= path.length && p.every((segment, i) => path[i] === segment)),
    commandTree: () => tree,
    isMenuOrDirectory: (path) => directories.has(keyOf(path)),
    // The root's key is menuKey([]) ('/'): its children are the top-level menus, its commands the root commands.
    isRootName: (name) =>
      ROOT_NAME_SET.has(name) || children.get(menuKey([]))?.has(name) === true || commandsByMenu.get(menuKey([]))?.has(name) === true,
    rootNames: () => [...new Set([...ROOT_NAMES, ...(children.get(menuKey([])) ?? [])])],
    getCommands: (path) => menuByKey.get(keyOf(path))?.commands ?? [],
    getCommand: (path, command) => commandsByMenu.get(keyOf(path))?.get(command),
    getParameters: (path, command) => parametersOf(path, command).list,
    getParameter: (path, command, name) => parametersOf(path, command).byName.get(name),
    findParameterElsewhere: (name) => elsewhere.get(name) ?? [],
    getGlobalCommands: () => globalList,
    getGlobalCommand: (name) => globals.get(name.startsWith(':') ? name.slice(1) : name),
    getDocs: (path, item) => docsFor(docs, menuByKey.get(keyOf(path)), path, item),
    getGlobalDocs: (name) => own(docs.globals, name.startsWith(':') ? name.slice(1) : name),
    allMenus: () => menus,
  };
}

/** What the service tells about a loaded tree: its version and its directories (every prefix of its menus). */
function describeTree(tree: CommandTree | undefined): LoadedCommandTree | undefined {
  if (!tree) return undefined;
  const directories = new Set<string>([menuKey([])]);
  for (const menu of tree.menus) for (let depth = 1; depth <= menu.path.length; depth++) directories.add(menuKey(menu.path.slice(0, depth)));
  return { version: tree.version, hasDirectory: (path) => directories.has(keyOf(path)) };
}

function docsFor(
  docs: DocsBundle,
  menu: MenuSchema | undefined,
  path: readonly string[],
  item: { parameter?: string; command?: string } | undefined,
): DocEntry | undefined {
  const page = own(docs.menus, keyOf(path));
  if (!item || (item.parameter === undefined && item.command === undefined)) {
    if (page?.menu) return page.menu;
    // Menus without a page still get their one-line summary, so hover on a path is never empty.
    return menu?.summary ? { markdown: menu.summary, manualUrl: menu.manualUrl } : undefined;
  }
  if (item.parameter !== undefined) return own(page?.parameters, item.parameter);
  const name = item.command ?? '';
  return own(page?.commands, name) ?? (COMMON_NAMES.has(name) ? own(docs.common, name) : undefined);
}

/** A table lookup that ignores inherited names (`constructor`, `__proto__` are not documentation). */
function own<T>(table: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  return table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** Merges the bundled menus with the tree's (see the file comment for the rules). */
function layerMenus(bundled: readonly MenuSchema[], tree: CommandTree | undefined): readonly MenuSchema[] {
  if (!tree) return bundled;
  const treeByKey = new Map<string, MenuSchema>(tree.menus.map((m) => [menuKey(m.path), withoutGlobals(m)]));
  const result: MenuSchema[] = [];
  for (const menu of bundled) {
    const fromTree = treeByKey.get(menuKey(menu.path));
    treeByKey.delete(menuKey(menu.path));
    result.push(menu.coverage === 'full' || !fromTree ? menu : mergeNamesMenu(menu, fromTree));
  }
  for (const menu of treeByKey.values()) result.push(enrichTreeMenu(menu));
  return result;
}

/** Commands typed at the root of the tree rather than as global commands. */
const ROOT_MENU_COMMANDS = new Set(['ping', 'import', 'export']);

/**
 * Global commands the tree has and the bundled schema does not (a newer RouterOS): served at names level, with
 * the tree's arguments, so a script using them is not flagged.
 */
function treeOnlyGlobals(tree: CommandTree | undefined): GlobalCommandSchema[] {
  const root = tree?.menus.find((m) => m.path.length === 0);
  if (!root) return [];
  const known = new Set(bundledGlobals.map((g) => g.name));
  return root.commands
    .filter((c) => !known.has(c.name) && !ROOT_MENU_COMMANDS.has(c.name))
    .map((c) => ({ name: c.name, summary: '', syntax: `:${c.name}`, parameters: c.parameters ?? [] }));
}

/**
 * The tree lists global commands (`local`, `if`, ...) at its root next to root commands (`ping`, `import`); the
 * globals are served by getGlobalCommand (treeOnlyGlobals), so the root menu keeps only the root commands.
 */
function withoutGlobals(menu: MenuSchema): MenuSchema {
  if (menu.path.length > 0) return menu;
  return { ...menu, commands: menu.commands.filter((c) => ROOT_MENU_COMMANDS.has(c.name)) };
}

/** A bundled names-level menu plus the names only the tree knows. */
function mergeNamesMenu(bundled: MenuSchema, fromTree: MenuSchema): MenuSchema {
  const known = new Set(bundled.parameters.map((p) => p.name));
  const treeCommands = new Map(enrichTreeMenu(fromTree).commands.map((c) => [c.name, c]));
  // A command both know keeps its bundled slots and types and gains the arguments only the tree lists.
  const commands = bundled.commands.map((cmd) => {
    const other = treeCommands.get(cmd.name);
    treeCommands.delete(cmd.name);
    if (!other) return cmd;
    const names = new Set((cmd.parameters ?? []).map((p) => p.name));
    const extra = (other.parameters ?? []).filter((p) => !names.has(p.name) && !(cmd.takesProperties && known.has(p.name)));
    return extra.length ? { ...cmd, parameters: [...(cmd.parameters ?? []), ...extra] } : cmd;
  });
  // A status value the bundled data calls read-only that the tree lists for add or set is writable in that release
  // (`/ip firewall address-list add dynamic=yes`).
  const writable = new Set(fromTree.parameters.map((p) => p.name));
  const bundledParameters = bundled.parameters.map((p) => (p.readOnly && writable.has(p.name) ? { ...p, readOnly: false } : p));
  return {
    ...bundled,
    parameters: [...bundledParameters, ...fromTree.parameters.filter((p) => !known.has(p.name))],
    commands: [...commands, ...treeCommands.values()],
    namesComplete: true,
  };
}

/**
 * Common commands of a tree-only menu take the bundled slots and flags (positional `numbers`, print flags);
 * the tree's own argument list is kept alongside, so nothing the router accepts is lost.
 */
function enrichTreeMenu(menu: MenuSchema): MenuSchema {
  const commands = menu.commands.map((cmd) => {
    const shared = COMMON_NAMES.has(cmd.name) ? commonCommand(cmd.name, menu.singleton === true) : undefined;
    if (!shared) return cmd;
    const names = new Set((shared.parameters ?? []).map((p) => p.name));
    const extra = (cmd.parameters ?? []).filter((p) => !names.has(p.name) && !(shared.takesProperties && menu.parameters.some((m) => m.name === p.name)));
    return { ...shared, parameters: [...(shared.parameters ?? []), ...extra] };
  });
  return { ...menu, commands, namesComplete: true };
}
