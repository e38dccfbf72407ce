/**
 * Loads a RouterOS command tree in the public restraml format (the JSON that `/console/inspect` crawls
 * produce: nodes `{"_type": "dir" | "path" | "cmd" | "arg", "desc"?: string, "_completion"?: {...}}` keyed by
 * path segment) and turns it into names-level MenuSchema-s. The file is the user's: every failure becomes a
 * message, never an exception.
 */
import fs from 'node:fs';
import type { CommandSchema, MenuSchema, ParameterSchema, ValueType } from './types.js';

export interface CommandTree {
  /** RouterOS version from the file's `_meta.version`, else from a version-named folder on its path (`7.22.3/inspect.json`). */
  readonly version?: string;
  /** Every directory of the tree that has at least one command, with coverage 'names'. */
  readonly menus: readonly MenuSchema[];
  /** Commands at the root of the tree (global commands such as `local`, and root commands such as `ping`). */
  readonly rootCommands: readonly string[];
}

export interface CommandTreeLoadResult {
  readonly tree?: CommandTree;
  readonly error?: string;
}

/** A JSON node of the tree; only the fields this loader reads. */
interface RawNode {
  readonly _type?: unknown;
  readonly desc?: unknown;
  readonly _completion?: unknown;
  readonly [segment: string]: unknown;
}

const isObject = (value: unknown): value is RawNode => typeof value === 'object' && value !== null && !Array.isArray(value);
const isDirectory = (node: RawNode) => node._type === 'dir' || node._type === 'path';

/** Reads and converts the file at `filePath`. Never throws. */
export function loadCommandTree(filePath: string): CommandTreeLoadResult {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `Command tree file not found: ${filePath}` };
    if (code === 'EISDIR') return { error: `Command tree path is a directory, not a file: ${filePath}` };
    return { error: `Cannot read command tree file ${filePath}: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `Command tree file ${filePath} is not valid JSON: ${(error as Error).message}` };
  }
  const result = commandTreeFromJson(json, filePath);
  const folderVersion = versionFromPath(filePath);
  if (!result.tree || result.tree.version || !folderVersion) return result;
  return { tree: { ...result.tree, version: folderVersion } };
}

/**
 * The version a tree's path names: collections of crawled trees keep one folder per RouterOS version
 * (`restraml/7.22.3/inspect.json`), and a file named after its version (`routeros-7.22.3.json`) says it too.
 */
export function versionFromPath(filePath: string): string | undefined {
  const parts = filePath.split(/[\\/]/).reverse();
  for (const part of parts) {
    const match = /(?:^|[^\d.])(\d+\.\d+(?:\.\d+)?)(?:[^\d.]|$)/.exec(part.replace(/\.json$/i, ''));
    if (match && /^[67]\./.test(match[1]!)) return match[1];
  }
  return undefined;
}

/** Converts already-parsed JSON (for example a tree derived from a live router). Never throws. */
export function commandTreeFromJson(json: unknown, source = 'command tree'): CommandTreeLoadResult {
  if (!isObject(json)) return { error: `${source} is not a RouterOS command tree: expected a JSON object at the top level.` };
  const rootCommands: string[] = [];
  let sawTypedNode = false;
  for (const [segment, child] of Object.entries(json)) {
    if (segment.startsWith('_') || !isObject(child)) continue;
    if (child._type === 'cmd') rootCommands.push(segment);
    if (child._type === 'cmd' || isDirectory(child)) sawTypedNode = true;
  }
  if (!sawTypedNode) {
    return { error: `${source} is not a RouterOS command tree: no top-level entries with "_type": "dir", "path" or "cmd" (restraml inspect.json format expected).` };
  }
  const menus: MenuSchema[] = [];
  collectMenus(json, [], menus);
  const meta = json._meta;
  const version = isObject(meta) && typeof meta.version === 'string' ? meta.version : undefined;
  return { tree: { version, menus, rootCommands } };
}

/** Depth-first walk (RouterOS trees are about ten levels deep, so recursion is safe). */
function collectMenus(node: RawNode, path: readonly string[], out: MenuSchema[]): void {
  const commands: CommandSchema[] = [];
  for (const [segment, child] of Object.entries(node)) {
    if (segment.startsWith('_') || !isObject(child)) continue;
    if (child._type === 'cmd') commands.push(toCommand(segment, child));
    else if (isDirectory(child)) collectMenus(child, [...path, segment], out);
  }
  if (commands.length === 0) return;
  commands.sort((a, b) => a.name.localeCompare(b.name));
  out.push({
    path,
    summary: '',
    coverage: 'names',
    commands,
    parameters: menuProperties(commands),
    // A `set` without item numbers means a settings menu such as `/ip dns`.
    singleton: isSingleton(commands) || undefined,
  });
}

function isSingleton(commands: readonly CommandSchema[]): boolean {
  const set = commands.find((c) => c.name === 'set');
  const add = commands.find((c) => c.name === 'add');
  return !!set && !add && !(set.parameters ?? []).some((p) => p.name === 'numbers');
}

/** Item numbers and similar selectors are command slots, not properties. */
const SELECTOR_ARGS = new Set(['numbers', 'number', 'value-name']);

/** The menu's properties: the union of what `add` and `set` accept. */
function menuProperties(commands: readonly CommandSchema[]): ParameterSchema[] {
  const byName = new Map<string, ParameterSchema>();
  for (const name of ['add', 'set']) {
    const cmd = commands.find((c) => c.name === name);
    for (const p of cmd?.parameters ?? []) {
      if (SELECTOR_ARGS.has(p.name) || byName.has(p.name)) continue;
      byName.set(p.name, p.name === 'copy-from' || p.name === 'place-before' ? { ...p, onlyFor: ['add'] } : p);
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function toCommand(name: string, node: RawNode): CommandSchema {
  const parameters: ParameterSchema[] = [];
  for (const [segment, child] of Object.entries(node)) {
    if (segment.startsWith('_') || !isObject(child) || child._type !== 'arg') continue;
    parameters.push({ name: segment, type: typeFromArg(child), summary: typeof child.desc === 'string' ? child.desc.trim() : '' });
  }
  parameters.sort((a, b) => a.name.localeCompare(b.name));
  return { name, summary: '', parameters };
}

/**
 * A rough value type from the arg's `desc` hint; `_completion` values become suggestions. Completion lists of a
 * crawled router also hold live object names (`ether1`), so they are offered as an open set (enum or anything),
 * except a bare yes/no pair, which is a boolean.
 */
export function typeFromArg(node: RawNode): ValueType {
  const fromDesc = typeof node.desc === 'string' ? typeFromDescription(node.desc) : undefined;
  if (fromDesc) return fromDesc;
  const values = completionValues(node._completion);
  if (values.length === 2 && values.includes('yes') && values.includes('no')) return { kind: 'bool' };
  if (values.length > 0) return { kind: 'oneOf', types: [{ kind: 'enum', values }, { kind: 'any' }] };
  return { kind: 'any' };
}

function completionValues(completion: unknown): string[] {
  if (!isObject(completion)) return [];
  const values: string[] = [];
  for (const [value, info] of Object.entries(completion)) {
    const style = isObject(info) ? info.style : undefined;
    // Separators and prefixes (`,`, `!`) are syntax hints, and object styles are live names, not a value set.
    if (style === 'syntax-meta' || style === 'dir' || (typeof style === 'string' && style.startsWith('obj'))) continue;
    values.push(value);
  }
  return values;
}

const RANGE = /^(-?\d+)\.\.(-?\d+)$/;
const ENUM_SET = /^([\w.-]+(?:\|[\w.-]+)+)\[,\w+\*\]$/;
const ENUM_ONE = /^([\w.-]+(?:\s*\|\s*[\w.-]+)+)$/;

/** Maps the hint strings RouterOS prints (`string value, max length 31`, `time interval`, `A.B.C.D (IP address)`). */
export function typeFromDescription(raw: string): ValueType | undefined {
  const desc = raw.trim();
  if (desc === 'script') return { kind: 'script' };
  if (desc.startsWith('string value') || desc.startsWith('hexadecimal string value')) {
    const min = /min length (\d+)/.exec(desc);
    const max = /max length (\d+)/.exec(desc);
    return { kind: 'string', minLength: min ? Number(min[1]) : undefined, maxLength: max ? Number(max[1]) : undefined };
  }
  // Every type read from a hint is open (types.ts OpenForm): the hint names only the numeric form.
  if (desc.endsWith('(time interval)') || desc === 'time interval') return { kind: 'time', openKeywords: true };
  if (desc.endsWith('(IP address range)')) return { kind: 'ipv4Match', openKeywords: true };
  if (/^A\.B\.C\.D\s+\(IP address\)$/.test(desc)) return { kind: 'ipv4', openKeywords: true };
  if (desc.endsWith('(IP prefix)')) return { kind: 'ipv4Prefix', openKeywords: true };
  if (desc.endsWith('(IPv6 prefix)')) return { kind: 'ipv6Prefix', openKeywords: true };
  if (desc.endsWith('(MAC address)')) return { kind: 'mac', openKeywords: true };
  const range = RANGE.exec(desc);
  if (range) return { kind: 'integer', min: Number(range[1]), max: Number(range[2]), openKeywords: true };
  const set = ENUM_SET.exec(desc);
  if (set) return { kind: 'enumList', values: set[1].split('|') };
  const one = ENUM_ONE.exec(desc);
  if (one) return { kind: 'enum', values: one[1].split('|').map((v) => v.trim()) };
  return undefined;
}
