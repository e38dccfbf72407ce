/** Completion of global commands (`:put`, `:foreach`) and of their arguments (`:for i from=`, `:log info`). */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { parameterDetail } from '../support/schemaText.js';
import { availableIn, makeItem, type CompletionRequest } from './request.js';
import { variableItems } from './variables.js';

export function globalCommandItems(request: CompletionRequest, group = 1): CompletionItem[] {
  const { schema } = request;
  return schema
    .getGlobalCommands()
    .filter((command) => availableIn(request, command))
    .map((command) =>
      makeItem(request, command.name, {
        kind: CompletionItemKind.Keyword,
        detail: command.syntax || command.summary,
        doc: { of: 'global', name: command.name },
        group,
      }),
    );
}

export function globalArgumentItems(
  request: CompletionRequest,
  name: string,
  given: ReadonlySet<string>,
  positionalIndex: number,
): CompletionItem[] {
  const command = request.schema.getGlobalCommand(name);
  if (!command) return [];
  const items: CompletionItem[] = [];
  if (positionalIndex === 0 && command.subcommands?.length) {
    for (const sub of command.subcommands) items.push(makeItem(request, sub, { kind: CompletionItemKind.Function, group: 1 }));
  }
  // `:set <name>` changes an existing variable: offer the names in scope, without the `$`.
  if (positionalIndex === 0 && name === 'set') items.push(...variableItems(request));
  const positional = new Set(command.positional ?? []);
  for (const parameter of command.parameters) {
    if (given.has(parameter.name) || positional.has(parameter.name) || !availableIn(request, parameter)) continue;
    items.push(
      makeItem(request, parameter.name, {
        kind: CompletionItemKind.Property,
        detail: parameterDetail(parameter),
        doc: { of: 'global-parameter', command: name, name: parameter.name },
        insert: request.beforeEquals ? parameter.name : `${parameter.name}=`,
        group: parameter.required ? 2 : 3,
        retrigger: !request.beforeEquals,
      }),
    );
  }
  return items;
}
