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
  // At the start of a statement a global command may be written without its colon (`if`, `foreach`, `local`).
  if (statementStart) items.push(...globalCommandItems(request, 4));
  return items;
}
