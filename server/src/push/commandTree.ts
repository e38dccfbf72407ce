/**
 * Reads a router's command tree through `POST /rest/console/inspect` and builds a tree in the restraml format
 * (`{ "ip": { "_type": "dir", "address": { "_type": "dir", "add": { "_type": "cmd", "address": { "_type": "arg",
 * "desc": "A.B.C.D    (IP address)" } } } } }`), which `routeros.commandTreeFile` points the schema loader at.
 *
 * Names come from `{"request":"child","path":...}` (reference C.1: replies `name, node-type`). Argument hints, on
 * request, come from `{"request":"syntax","path":<the argument's path>}` (C.1: replies `nested, nonorm, symbol,
 * symbol-type, text`): the `text` of the row whose `symbol` is the argument itself is its value hint, the string the
 * schema loader turns into a type (`desc` in the restraml format). A reply without such a row leaves the argument
 * without a hint rather than guessing from another row. Hints cost one request per argument (tens of thousands on
 * RouterOS 7), so they are optional.
 *
 * The tree depends on the RouterOS version AND the installed packages (an extra package adds menus), so the cache
 * key names both, and the file records what it holds in `_meta` (which the loader skips): version, packages, whether
 * a bound stopped the walk early (`truncated`: a partial tree must never pass for a complete one), and whether it
 * has argument hints.
 *
 * The walk is bounded in nodes, depth and time (every request has the transport's timeout) and can be cancelled.
 * A few names are never descended into, because inspecting them has crashed the router's REST server.
 */
import { createHash } from 'node:crypto';

export interface InspectClient {
  inspect(body: Record<string, string>, signal?: AbortSignal): Promise<unknown>;
}

export interface CommandTreeNode {
  _type: 'dir' | 'cmd' | 'arg';
  desc?: string;
  [child: string]: CommandTreeNode | string | undefined;
}

export type CommandTree = Record<string, CommandTreeNode>;

export interface ReadTreeOptions {
  readonly maxNodes?: number;
  readonly maxDepth?: number;
  /** Requests in flight at once (the router is small; keep it low). */
  readonly concurrency?: number;
  /** Also read each argument's value hint (one `request=syntax` per argument). */
  readonly argumentHints?: boolean;
  readonly signal?: AbortSignal;
  readonly progress?: (visited: number, currentPath: string) => void;
}

export interface ReadTreeResult {
  readonly tree: CommandTree;
  readonly nodes: number;
  /** Arguments that got a value hint. */
  readonly hints: number;
  /** True when a bound stopped the walk early (the tree is partial). */
  readonly truncated: boolean;
}

/**
 * Inspecting these names has crashed the REST server on some versions. As commands (`:do`) and arguments they
 * belong to the scripting language, which the built-in schema already knows, so the walk does not ask for their
 * children. Menus that happen to share a name (`/routing rule`, `/routing filter rule`) are real menus and are
 * walked: leaving them out would make every command in them "unknown".
 */
const NEVER_DESCEND_INTO_COMMAND = new Set(['where', 'do', 'else', 'rule', 'command', 'on-error']);

function isMenu(type: string): boolean {
  return type === 'dir' || type === 'path';
}

type WorkItem =
  | { readonly kind: 'children'; readonly path: string[]; readonly into: Record<string, unknown> }
  | { readonly kind: 'hint'; readonly path: string[]; readonly node: CommandTreeNode };

export async function readCommandTree(client: InspectClient, options: ReadTreeOptions = {}): Promise<ReadTreeResult> {
  const maxNodes = options.maxNodes ?? 60_000;
  const maxDepth = options.maxDepth ?? 16;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const tree: CommandTree = {};
  let nodes = 0;
  let hints = 0;
  let truncated = false;
  const queue: WorkItem[] = [{ kind: 'children', path: [], into: tree }];

  const visit = async (item: WorkItem): Promise<void> => {
    if (item.kind === 'hint') {
      const reply = await client.inspect({ request: 'syntax', path: item.path.join(',') }, options.signal);
      const hint = argumentHint(reply, item.path[item.path.length - 1]);
      if (hint !== undefined) {
        item.node.desc = hint;
        hints++;
      }
      return;
    }
    const reply = await client.inspect({ request: 'child', path: item.path.join(',') }, options.signal);
    for (const child of childEntries(reply)) {
      if (nodes >= maxNodes) {
        truncated = true;
        return;
      }
      nodes++;
      const node: CommandTreeNode = { _type: child.type };
      item.into[child.name] = node;
      if (child.type === 'arg') {
        if (options.argumentHints) queue.push({ kind: 'hint', path: [...item.path, child.name], node });
        continue;
      }
      if (!isMenu(child.type) && NEVER_DESCEND_INTO_COMMAND.has(child.name)) continue;
      if (item.path.length + 1 >= maxDepth) {
        truncated = true;
        continue;
      }
      queue.push({ kind: 'children', path: [...item.path, child.name], into: node as unknown as Record<string, unknown> });
    }
    options.progress?.(nodes, item.path.join(' '));
  };

  // A small pool of workers drains the queue; workers exit when the queue is empty and nothing is in flight.
  let inFlight = 0;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const pump = (): void => {
      if (failed) return;
      if (options.signal?.aborted) {
        failed = true;
        reject(new Error('Cancelled while reading the command tree.'));
        return;
      }
      while (inFlight < concurrency && queue.length > 0) {
        const item = queue.shift() as WorkItem;
        // Past the node bound only hint requests for nodes already read may still run.
        if (item.kind === 'children' && nodes >= maxNodes) {
          truncated = true;
          continue;
        }
        inFlight++;
        visit(item).then(
          () => {
            inFlight--;
            pump();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
      if (inFlight === 0) resolve();
    };
    pump();
  });
  return { tree, nodes, hints, truncated };
}

interface ChildEntry {
  readonly name: string;
  readonly type: 'dir' | 'cmd' | 'arg';
}

/** `[{"type":"child","name":"add","node-type":"cmd"}, ...]` -> entries; anything else is ignored. */
function childEntries(reply: unknown): ChildEntry[] {
  if (!Array.isArray(reply)) return [];
  const entries: ChildEntry[] = [];
  for (const row of reply) {
    if (!row || typeof row !== 'object') continue;
    const record = row as Record<string, unknown>;
    const name = record.name;
    const nodeType = record['node-type'];
    if (typeof name !== 'string' || name === '' || name.startsWith('_')) continue;
    const type = nodeType === 'cmd' ? 'cmd' : nodeType === 'arg' ? 'arg' : nodeType === 'dir' || nodeType === 'path' ? 'dir' : undefined;
    if (type) entries.push({ name, type });
  }
  return entries;
}

/** The `text` of the syntax row that describes the argument itself (its `symbol` is the argument's name). */
function argumentHint(reply: unknown, argument: string | undefined): string | undefined {
  if (!Array.isArray(reply) || argument === undefined) return undefined;
  for (const row of reply) {
    if (!row || typeof row !== 'object') continue;
    const record = row as Record<string, unknown>;
    if (record.symbol !== argument || typeof record.text !== 'string') continue;
    const text = record.text.trim();
    if (text !== '') return text;
  }
  return undefined;
}

/** One installed package (the fields `/system/package` lists that change the command tree). */
export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly disabled?: boolean;
}

/** A short, order-independent hash of the installed package set (names, versions, and whether each is disabled). */
export function packageSetHash(packages: readonly PackageInfo[]): string {
  const lines = packages.map((p) => `${p.name}@${p.version}${p.disabled ? ' disabled' : ''}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 12);
}

/** What a cached tree file holds, in its `_meta` (the schema loader reads only `version` from it). */
export interface CommandTreeMeta {
  readonly version: string;
  readonly packages: readonly string[];
  readonly packagesHash: string;
  readonly nodes: number;
  readonly truncated: boolean;
  readonly argumentHints: boolean;
  readonly source: 'router';
  readonly readAt: string;
}

export function makeTreeMeta(routerVersion: string, packages: readonly PackageInfo[], result: ReadTreeResult, argumentHints: boolean, now = new Date()): CommandTreeMeta {
  return {
    version: numericVersion(routerVersion),
    packages: packages.map((p) => `${p.name}@${p.version}${p.disabled ? ' (disabled)' : ''}`).sort(),
    packagesHash: packageSetHash(packages),
    nodes: result.nodes,
    truncated: result.truncated,
    argumentHints,
    source: 'router',
    readAt: now.toISOString(),
  };
}

/** The JSON to write: the tree with its `_meta` first. */
export function treeFileJson(tree: CommandTree, meta: CommandTreeMeta): string {
  return JSON.stringify({ _meta: meta, ...tree });
}

/** `_meta` of a cached tree file, if it has a readable one (files written before it existed have none). */
export function readTreeMeta(json: unknown): CommandTreeMeta | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const meta = (json as Record<string, unknown>)._meta;
  if (!meta || typeof meta !== 'object') return undefined;
  const m = meta as Record<string, unknown>;
  if (typeof m.version !== 'string' || typeof m.packagesHash !== 'string' || typeof m.truncated !== 'boolean') return undefined;
  return {
    version: m.version,
    packages: Array.isArray(m.packages) ? m.packages.filter((p): p is string => typeof p === 'string') : [],
    packagesHash: m.packagesHash,
    nodes: typeof m.nodes === 'number' ? m.nodes : 0,
    truncated: m.truncated,
    argumentHints: m.argumentHints === true,
    source: 'router',
    readAt: typeof m.readAt === 'string' ? m.readAt : '',
  };
}

/** One line for the user: what a tree file holds, saying plainly when it is partial. */
export function describeTree(meta: CommandTreeMeta): string {
  const parts = [`RouterOS ${meta.version}`, `${meta.packages.length} package(s)`, `${meta.nodes} nodes`, meta.argumentHints ? 'with argument types' : 'names only'];
  if (meta.truncated) parts.push('PARTIAL: a limit was reached');
  return parts.join(', ');
}

/**
 * The cache file for one RouterOS version and package set: `inspect-7.16.2-<packages hash>[-hints].json`. A tree read
 * with argument hints is a different file from one without, so neither replaces the other silently.
 */
export function commandTreeFileName(routerVersion: string, packagesHash: string, argumentHints: boolean): string {
  const safeHash = packagesHash.replace(/[^0-9a-f]/gi, '').slice(0, 16) || 'nopackages';
  return `inspect-${numericVersion(routerVersion)}-${safeHash}${argumentHints ? '-hints' : ''}.json`;
}

function numericVersion(routerVersion: string): string {
  const numeric = /\d+(?:\.\d+){0,2}(?:(?:beta|rc)\d+)?/.exec(routerVersion);
  return numeric ? numeric[0] : 'unknown';
}
