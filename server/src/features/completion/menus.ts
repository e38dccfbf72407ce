/** Completion of menu paths and menu commands: `/ip fi` -> firewall, `/ip/fire` -> firewall, `add`, `print`. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { globalCommandItems } from './globals.js';
import { availableIn, makeItem, type CompletionRequest } from './request.js';

export function menuAndCommandItems(request: CompletionRequest, path: readonly string[], statementStart: boolean): CompletionItem[] {
  const { schema } = request;
  const items: CompletionItem[] = [];
  for (const child of schema.childMenus(path)) {
    const menu = schema.getMenu([...path, child]);
    if (menu && !availableIn(request, menu)) continue;
    items.push(
      makeItem(request, child, {
        kind: CompletionItemKind.Module,
        detail: menu?.summary ?? 'menu',
        doc: { of: 'menu', menu: [...path, child] },
        group: 2,
      }),
    );
  }
  for (const command of schema.getCommands(path)) {
    if (!availableIn(request, command)) continue;
    items.push(
      makeItem(request, command.name, {
        kind: CompletionItemKind.Function,
        detail: command.summary,
        doc: { of: 'command', menu: path, command: command.name },
        group: 1,
      }),
    );
  }
  if (path.length === 0) items.push(...otherRootNameItems(request, items));
  // At the start of a statement a global command may be written without its colon (`if`, `foreach`, `local`).
  if (statementStart) items.push(...globalCommandItems(request, 4));
  return items;
}

/**
 * Root names the schema knows without describing them (`/container`, `/certificate`, `/user-manager`, and with a
 * command tree loaded every menu of that tree): still real places to go, so they are offered after the described
 * ones.
 */
function otherRootNameItems(request: CompletionRequest, offered: readonly CompletionItem[]): CompletionItem[] {
  const { schema } = request;
  const seen = new Set(offered.map((item) => item.label));
  const items: CompletionItem[] = [];
  for (const name of schema.rootNames()) {
    // Names that are global commands (`/do`, `/beep`) are offered as such at the start of a statement.
    if (seen.has(name) || schema.getGlobalCommand(name)) continue;
    seen.add(name);
    items.push(makeItem(request, name, { kind: CompletionItemKind.Module, detail: 'not described by the schema', group: 3 }));
  }
  return items;
}
