/**
 * Which menu each command runs in, and which of its leading words are path, command and positional values.
 *
 * RouterOS resolves this at parse time with its command tree; we do it with the schema service. Where the schema
 * knows nothing (a menu outside the bundled schema and no command tree loaded), the first word that is one of the
 * common menu verbs ends the path: `/interface wireguard peers add` runs `add` in `/interface wireguard peers`.
 */
import type { CommandStatement, Word } from '../core/ast.js';
import { emptyObjectList } from '../core/lists.js';
import type { SchemaService } from '../schema/types.js';
import type { CommandKind } from './types.js';

/** Verbs that most menus have; used to end a path the schema does not know. */
export const COMMON_MENU_VERBS: ReadonlySet<string> = new Set([
  'add', 'set', 'remove', 'print', 'find', 'get', 'enable', 'disable', 'export', 'edit', 'comment', 'move',
  'unset', 'reset', 'monitor', 'reset-counters', 'reset-counters-all', 'run', 'scan', 'import',
]);

export interface CommandResolution {
  readonly kind: CommandKind;
  readonly menuPath: readonly string[];
  readonly pathWords: readonly Word[];
  readonly commandWord?: Word;
  readonly commandName?: string;
  readonly positionalWords: readonly Word[];
  /** The path was written with `/` between levels somewhere (`/ip/address`, `/ip firewall/mangle add`): v7 only. */
  readonly slashPath?: boolean;
}

/**
 * The shape of a resolution without the word objects, so that it can be reused for every line that has the
 * same words in the same menu (an export repeats `add` under one menu thousands of times).
 */
interface ResolutionShape {
  readonly kind: CommandKind;
  readonly menuPath: readonly string[];
  /** Indices into `words` of the path words. */
  readonly pathIndices: readonly number[];
  readonly commandIndex: number;
  readonly commandName?: string;
}

interface ShapeNode {
  shape?: ResolutionShape;
  next?: Map<string, ShapeNode>;
}

/**
 * Resolves commands with a memo of shapes, per schema. Create one per analysis pass.
 */
export function createCommandResolver(schema: SchemaService): (node: CommandStatement, currentMenu: readonly string[]) => CommandResolution {
  // A trie per (menu array, prefix, has-arguments) over the word texts: no key string is built per command (the
  // menu arrays are interned by the analysis, so the same menu is the same array).
  const memo = new Map<readonly string[], Map<string, ShapeNode>>();
  // Lines in a row mostly share their menu: the last menu's entry is kept at hand.
  let lastMenu: readonly string[] | undefined;
  let lastByStart: Map<string, ShapeNode> | undefined;
  return (node, currentMenu) => {
    if (node.callee || !node.words?.length || (node.words.length > 8)) return resolveCommand(node, currentMenu, schema);
    let byStart = currentMenu === lastMenu ? lastByStart : memo.get(currentMenu);
    if (!byStart) memo.set(currentMenu, (byStart = new Map()));
    lastMenu = currentMenu;
    lastByStart = byStart;
    const start = (node.args ?? []).length > 0 ? (node.prefix === 'slash' ? 'S' : node.prefix === 'colon' ? 'C' : 'N') : (node.prefix === 'slash' ? 's' : node.prefix === 'colon' ? 'c' : 'n');
    let trie = byStart.get(start);
    if (!trie) byStart.set(start, (trie = {}));
    for (const word of node.words) {
      // A word split at `/` (`firewall/mangle`) yields words of its own, which a shape cannot index.
      if (word.text.includes('/')) return resolveCommand(node, currentMenu, schema);
      const next: Map<string, ShapeNode> = (trie.next ??= new Map());
      let child = next.get(word.text);
      if (!child) next.set(word.text, (child = {}));
      trie = child;
    }
    let shape = trie.shape;
    if (!shape) {
      const full = resolveCommand(node, currentMenu, schema);
      shape = {
        kind: full.kind,
        menuPath: full.menuPath,
        pathIndices: full.pathWords.map((w) => node.words.indexOf(w)),
        commandIndex: full.commandWord ? node.words.indexOf(full.commandWord) : -1,
        commandName: full.commandName,
      };
      trie.shape = shape;
      return full;
    }
    const commandWord = shape.commandIndex >= 0 ? node.words[shape.commandIndex] : undefined;
    return {
      kind: shape.kind,
      menuPath: shape.menuPath,
      pathWords: shape.pathIndices.length === 0 ? NO_WORDS : shape.pathIndices.map((i) => node.words[i]!),
      commandWord,
      commandName: shape.commandName,
      positionalWords: (shape.kind === 'global' || shape.kind === 'menu-command') && shape.commandIndex + 1 < node.words.length ? node.words.slice(shape.commandIndex + 1) : NO_WORDS,
      slashPath: node.slashPath,
    };
  };
}

/**
 * The empty word list every resolution without path or positional words shares: most commands of an export have
 * neither, and 40,000 empty arrays are 2.5 MB kept for as long as the document is open.
 */
// Made like the tree's own empty lists (see core/lists.ts), so loops over word lists see one kind of array.
const NO_WORDS: readonly Word[] = emptyObjectList();

/**
 * Splits a command's words into path, command and positional words.
 * @param currentMenu the menu in force where the command is written (for relative paths)
 */
export function resolveCommand(node: CommandStatement, currentMenu: readonly string[], schema: SchemaService): CommandResolution {
  let words = node.words ?? [];
  let slashPath = node.slashPath;
  if (node.callee) {
    return { kind: 'call', menuPath: currentMenu, pathWords: [], positionalWords: words };
  }
  if (node.prefix === 'colon') {
    const [first, ...rest] = words;
    return { kind: 'global', menuPath: currentMenu, pathWords: [], commandWord: first, commandName: first ? globalName(first.text, schema) : undefined, positionalWords: rest };
  }

  const absolute = node.prefix === 'slash';
  // A colon-less global command (`local x 1`, `if (...) do={...}`) is written where a menu command could be:
  // the menu's own command wins, as in RouterOS.
  if (!absolute && words.length > 0) {
    const first = words[0]!.text;
    const menuHasIt = schema.getCommand(currentMenu, first) !== undefined;
    if (!menuHasIt && schema.getGlobalCommand(first) && !schema.isMenuOrDirectory([...currentMenu, first])) {
      return { kind: 'global', menuPath: currentMenu, pathWords: [], commandWord: words[0], commandName: first, positionalWords: words.slice(1) };
    }
  }

  const path: string[] = absolute ? [] : [...currentMenu];
  const pathWords: Word[] = [];
  let index = 0;
  for (; index < words.length; index++) {
    let word = words[index]!;
    const split = word.text.length > 1 && word.text.includes('/') ? splitAtSlashes(word) : undefined;
    if (split && (menuSegment(path, split[0]!.text, schema) !== undefined || schema.getCommand(path, split[0]!.text) || COMMON_MENU_VERBS.has(split[0]!.text))) {
      // `/ip firewall/mangle add`, `mangle/add`: the two spellings mixed on one line. Only a word that starts
      // with a menu or command is split, and only before the command: `remove flash/backup.rsc` keeps its value.
      words = [...words.slice(0, index), ...split, ...words.slice(index + 1)];
      word = words[index]!;
      slashPath = true;
    }
    if (word.text === '..') {
      path.pop();
      pathWords.push(word);
      continue;
    }
    if (word.text === '/') continue;
    const segment = menuSegment(path, word.text, schema);
    if (segment !== undefined) {
      path.push(segment);
      pathWords.push(word);
      continue;
    }
    if (schema.getCommand(path, word.text) || COMMON_MENU_VERBS.has(word.text)) break;
    if (path.length === 0 || schema.getMenu(path)?.coverage === 'full') break;
    // A word the schema does not know below a menu it does not describe in full: a sub-menu it has not heard
    // of (`/interface wireguard` without a command tree), unless a command is abbreviated (`rem` for remove).
    if (abbreviationOf(word.text, [...schema.getCommands(path).map((c) => c.name), ...COMMON_MENU_VERBS])) break;
    path.push(word.text);
    pathWords.push(word);
  }

  if (index >= words.length) {
    // Only path words: a menu change (`/ip address`), or a menu block (`/ip firewall filter { ... }`).
    const hasArgs = (node.args ?? []).length > 0;
    if (!hasArgs) return { kind: 'menu-change', menuPath: path, pathWords, positionalWords: [], slashPath };
    return { kind: 'unknown', menuPath: path, pathWords, positionalWords: [], slashPath };
  }
  const commandWord = words[index]!;
  const commandNames = [...schema.getCommands(path).map((c) => c.name), ...COMMON_MENU_VERBS];
  return {
    kind: 'menu-command',
    menuPath: path,
    pathWords,
    commandWord,
    // RouterOS accepts any unambiguous abbreviation (`rem` for remove); keep the written word otherwise.
    commandName: schema.getCommand(path, commandWord.text) ? commandWord.text : (abbreviationOf(commandWord.text, commandNames) ?? commandWord.text),
    positionalWords: words.slice(index + 1),
    slashPath,
  };
}

/** `firewall/mangle` as the words `firewall` and `mangle`, with their own spans; undefined unless every part is a name. */
function splitAtSlashes(word: Word): Word[] | undefined {
  const parts = word.text.split('/');
  if (parts.some((part) => !/^[A-Za-z0-9][\w.-]*$/.test(part))) return undefined;
  const words: Word[] = [];
  let offset = word.span.start;
  for (const part of parts) {
    words.push({ kind: 'word', span: { start: offset, end: offset + part.length }, text: part });
    offset += part.length + 1;
  }
  return words;
}

/**
 * The menu a word names below `path`: the word itself, or the one name it abbreviates (RouterOS accepts
 * `/sys` for `/system`, `/int` for `/interface`). Undefined when it names no menu the schema knows.
 */
function menuSegment(path: readonly string[], word: string, schema: SchemaService): string | undefined {
  if (schema.isMenuOrDirectory([...path, word])) return word;
  if (path.length === 0 && schema.isRootName(word) && schema.getGlobalCommand(word) === undefined && !COMMON_MENU_VERBS.has(word) && !ROOT_COMMANDS.has(word)) return word;
  const children = path.length === 0 ? [...new Set([...schema.childMenus([]), ...ROOT_MENU_CANDIDATES(schema)])] : schema.childMenus(path);
  const full = abbreviationOf(word, children);
  if (full === undefined || full === word) return undefined;
  // A command of the menu written in full wins over a sub-menu it abbreviates (`/disk set` is not `/disk settings`).
  if (schema.getCommand(path, word)) return undefined;
  return full;
}

/** Root names that are commands, not menus. */
const ROOT_COMMANDS: ReadonlySet<string> = new Set(['export', 'import', 'ping', 'password', 'quit', 'redo', 'undo', 'setup', 'beep', 'blink', 'do', 'tr069']);

function ROOT_MENU_CANDIDATES(schema: SchemaService): string[] {
  return schema.rootNames().filter((name) => !ROOT_COMMANDS.has(name));
}

/** `word` itself if it is among `names`, else the single name it is a prefix of; undefined if none or ambiguous. */
export function abbreviationOf(word: string, names: Iterable<string>): string | undefined {
  let found: string | undefined;
  for (const name of names) {
    if (name === word) return name;
    if (word.length >= 2 && name.startsWith(word)) {
      if (found !== undefined && found !== name) return undefined;
      found = name;
    }
  }
  return found;
}

/**
 * The global command a `:word` names: the word itself, the directory form `log/error` (v7 writes sub-commands
 * of global directories with a slash), or the one global it abbreviates (`:pic` for `:pick`).
 */
function globalName(word: string, schema: SchemaService): string {
  const base = word.includes('/') ? word.slice(0, word.indexOf('/')) : word;
  if (schema.getGlobalCommand(base)) return base;
  return abbreviationOf(base, schema.getGlobalCommands().map((g) => g.name)) ?? word;
}
