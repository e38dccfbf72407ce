/**
 * Reads a router's command tree through `POST /rest/console/inspect {"request":"child","path":...}` and builds a
 * tree in the restraml format (`{ "ip": { "_type": "dir", "address": { "_type": "dir", "add": { "_type": "cmd",
 * "address": { "_type": "arg" } } } } }`), which `routeros.commandTreeFile` points the schema loader at.
 *
 * The walk is bounded in nodes, depth and time (every request has the transport's timeout) and can be cancelled.
 * A few names are never descended into, because inspecting them has crashed the router's REST server.
 */

export interface InspectClient {
  inspect(body: Record<string, string>, signal?: AbortSignal): Promise<unknown>;
}

export interface CommandTreeNode {
  _type: 'dir' | 'cmd' | 'arg';
  [child: string]: CommandTreeNode | string;
}

export type CommandTree = Record<string, CommandTreeNode>;

export interface ReadTreeOptions {
  readonly maxNodes?: number;
  readonly maxDepth?: number;
  /** Requests in flight at once (the router is small; keep it low). */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly progress?: (visited: number, currentPath: string) => void;
}

export interface ReadTreeResult {
  readonly tree: CommandTree;
  readonly nodes: number;
  /** True when a bound stopped the walk early (the tree is partial). */
  readonly truncated: boolean;
}

/** Inspecting these has crashed the REST server on some versions; their children are not needed for linting. */
const NEVER_DESCEND = new Set(['where', 'do', 'else', 'rule', 'command', 'on-error']);

export async function readCommandTree(client: InspectClient, options: ReadTreeOptions = {}): Promise<ReadTreeResult> {
  const maxNodes = options.maxNodes ?? 60_000;
  const maxDepth = options.maxDepth ?? 16;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const tree: CommandTree = {};
  let nodes = 0;
  let truncated = false;
  // Each entry: the path segments to inspect, and the object its children go into.
  const queue: Array<{ path: string[]; into: Record<string, unknown> }> = [{ path: [], into: tree }];

  const visit = async (item: { path: string[]; into: Record<string, unknown> }): Promise<void> => {
    const reply = await client.inspect({ request: 'child', path: item.path.join(',') }, options.signal);
    for (const child of childEntries(reply)) {
      if (nodes >= maxNodes) {
        truncated = true;
        return;
      }
      nodes++;
      const node: CommandTreeNode = { _type: child.type };
      item.into[child.name] = node;
      if (child.type === 'arg' || NEVER_DESCEND.has(child.name)) continue;
      if (item.path.length + 1 >= maxDepth) {
        truncated = true;
        continue;
      }
      queue.push({ path: [...item.path, child.name], into: node as unknown as Record<string, unknown> });
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
      while (inFlight < concurrency && queue.length > 0 && nodes < maxNodes) {
        const item = queue.shift() as { path: string[]; into: Record<string, unknown> };
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
      if (queue.length > 0 && nodes >= maxNodes) truncated = true;
      if (inFlight === 0) resolve();
    };
    pump();
  });
  return { tree, nodes, truncated };
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

/** A file name for the cached tree of one RouterOS version (`7.16.2 (stable)` -> `inspect-7.16.2.json`). */
export function commandTreeFileName(routerVersion: string): string {
  const numeric = /\d+(?:\.\d+){0,2}(?:(?:beta|rc)\d+)?/.exec(routerVersion);
  return `inspect-${numeric ? numeric[0] : 'unknown'}.json`;
}
