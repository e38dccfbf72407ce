/**
 * The markdown convention of docs/reference/*.md, and its parser. One page per menu (or one for the global
 * commands, one for the common commands):
 *
 *     ---
 *     menu: /interface pppoe-client      (or `globals: true`, or `common: true`)
 *     manual: https://help.mikrotik.com/docs/display/ROS/PPPoE
 *     ---
 *     # Any title
 *     Text up to the first `##` heading documents the menu itself.
 *     ## parameter: max-mtu              (a property of the menu)
 *     ## command: monitor                (a command of the menu)
 *     ## :local                          (a global command, on the globals page)
 *     Body text. A line `Example: `...`` becomes the entry's example; `Manual: <url>` overrides the page link.
 *
 * The parser is pure (text in, entries and problems out) so the build script and the tests share it.
 */
import type { DocEntry } from './types.js';

export interface MenuDocs {
  readonly menu?: DocEntry;
  readonly parameters: Readonly<Record<string, DocEntry>>;
  readonly commands: Readonly<Record<string, DocEntry>>;
}

/** The shape of server/src/generated/docs.json. */
export interface DocsBundle {
  /** Keyed by the menu path as written in the front matter, normalised to "/a b c". */
  readonly menus: Readonly<Record<string, MenuDocs>>;
  /** Documentation of common commands (add, set, print, ...) used when a menu page has no section of its own. */
  readonly common: Readonly<Record<string, DocEntry>>;
  /** Global commands by name, without the colon. */
  readonly globals: Readonly<Record<string, DocEntry>>;
}

export type PageKind = { readonly kind: 'menu'; readonly menu: string } | { readonly kind: 'globals' } | { readonly kind: 'common' };

export interface ParsedPage {
  readonly page?: PageKind;
  readonly manualUrl?: string;
  readonly menu?: DocEntry;
  readonly parameters: Record<string, DocEntry>;
  readonly commands: Record<string, DocEntry>;
  readonly globals: Record<string, DocEntry>;
  readonly problems: readonly string[];
}

export function menuKey(path: readonly string[]): string {
  return '/' + path.join(' ');
}

function normaliseMenu(text: string): string {
  return menuKey(text.split(/[\s/]+/).filter((s) => s.length > 0));
}

const HEADING = /^##\s+(?:(parameter|command):\s*(\S+)|:(\S+))\s*$/;
const EXAMPLE = /^Example:\s*`(.+)`\s*$/;
const MANUAL = /^Manual:\s*(\S+)\s*$/;

/** Parses one page. `fileName` only appears in problem messages. */
export function parseReferencePage(text: string, fileName: string): ParsedPage {
  const problems: string[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let index = 0;
  const front = new Map<string, string>();
  if (lines[0]?.trim() === '---') {
    index = 1;
    while (index < lines.length && lines[index].trim() !== '---') {
      const match = /^([\w-]+):\s*(.*)$/.exec(lines[index].trim());
      if (match) front.set(match[1], match[2].trim());
      index++;
    }
    index++;
  } else {
    problems.push(`${fileName}: missing front matter (a --- block with menu:, globals: or common:)`);
  }
  let page: PageKind | undefined;
  if (front.has('menu')) page = { kind: 'menu', menu: normaliseMenu(front.get('menu') ?? '') };
  else if (front.get('globals') === 'true') page = { kind: 'globals' };
  else if (front.get('common') === 'true') page = { kind: 'common' };
  else problems.push(`${fileName}: front matter needs menu:, globals: true or common: true`);
  const manualUrl = front.get('manual') || undefined;

  const parameters = table<DocEntry>();
  const commands = table<DocEntry>();
  const globals = table<DocEntry>();
  let menu: DocEntry | undefined;

  // Sections: the intro (heading undefined) and one per `##` heading.
  let heading: RegExpExecArray | undefined;
  let body: string[] = [];
  const flush = () => {
    const entry = toEntry(body, manualUrl);
    if (!heading) {
      if (entry.markdown.length > 0) menu = entry;
    } else if (heading[3] !== undefined) {
      store(globals, heading[3], entry, 'global');
    } else if (heading[1] === 'parameter') {
      store(parameters, heading[2], entry, 'parameter');
    } else {
      store(commands, heading[2], entry, 'command');
    }
  };
  const store = (table: Record<string, DocEntry>, name: string, entry: DocEntry, what: string) => {
    if (Object.prototype.hasOwnProperty.call(table, name)) problems.push(`${fileName}: ${what} ${name} is documented twice`);
    if (entry.markdown.length === 0) problems.push(`${fileName}: ${what} ${name} has an empty section`);
    table[name] = entry;
  };
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (line.startsWith('## ')) {
      flush();
      const match = HEADING.exec(line.trim());
      if (!match) problems.push(`${fileName}:${index + 1}: heading must be "## parameter: name", "## command: name" or "## :name"`);
      heading = match ?? undefined;
      body = [];
      if (!match) heading = undefined;
      continue;
    }
    // The page title is not part of the menu text.
    if (!heading && line.startsWith('# ')) continue;
    body.push(line);
  }
  flush();
  return { page, manualUrl, menu, parameters, commands, globals, problems };
}

/** A map-like object without a prototype, so a heading named `__proto__` or `constructor` is just a name. */
function table<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function toEntry(lines: readonly string[], manualUrl: string | undefined): DocEntry {
  let example: string | undefined;
  let manual = manualUrl;
  const kept: string[] = [];
  for (const line of lines) {
    const ex = EXAMPLE.exec(line.trim());
    if (ex) {
      example = ex[1];
      continue;
    }
    const link = MANUAL.exec(line.trim());
    if (link) {
      manual = link[1];
      continue;
    }
    kept.push(line);
  }
  const markdown = kept.join('\n').trim();
  return { markdown, example, manualUrl: manual };
}

/** Folds parsed pages into one bundle; problems of all pages are returned together. */
export function buildDocsBundle(pages: readonly ParsedPage[]): { bundle: DocsBundle; problems: string[] } {
  const menus = table<MenuDocs>();
  const common = table<DocEntry>();
  const globals = table<DocEntry>();
  const problems: string[] = [];
  for (const page of pages) {
    problems.push(...page.problems);
    if (!page.page) continue;
    if (page.page.kind === 'globals') Object.assign(globals, page.globals);
    else if (page.page.kind === 'common') Object.assign(common, page.commands);
    else menus[page.page.menu] = { menu: page.menu, parameters: page.parameters, commands: page.commands };
  }
  return { bundle: { menus, common, globals }, problems };
}
