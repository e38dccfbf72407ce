/**
 * Completion of the named parameters a menu command takes and the line has not given yet; after `where`,
 * the menu's properties; in the first positional slot of `set`/`remove`/..., the items the document names.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { ParameterSchema, ValueType } from '../../schema/types.js';
import { parameterDetail } from '../support/schemaText.js';
import { availableIn, makeItem, type CompletionRequest } from './request.js';

/** Commands that read properties rather than set them: read-only (status) properties make sense there. */
const READING_COMMANDS: ReadonlySet<string> = new Set(['print', 'find', 'get', 'export']);

export function parameterNameItems(
  request: CompletionRequest,
  menuPath: readonly string[],
  command: string,
  given: ReadonlySet<string>,
  positionalIndex: number,
  inWhere: boolean,
): CompletionItem[] {
  const { schema } = request;
  const items: CompletionItem[] = [];
  const positional = schema.getCommand(menuPath, command)?.positional ?? [];
  // `get <item> <|>`, `unset <item> <|>`: the slot takes the name of one of the menu's properties.
  if (!inWhere && positional[positionalIndex] === 'value-name') return propertyNameItems(request, menuPath, command);
  // A slot already filled by position (`set $i`, `remove [find]`) is not offered again by name.
  const filled = new Set(positional.slice(0, positionalIndex));
  const parameters = inWhere ? schema.getMenu(menuPath)?.parameters ?? [] : schema.getParameters(menuPath, command);
  for (const parameter of parameters) {
    if (!inWhere && (given.has(parameter.name) || filled.has(parameter.name))) continue;
    if (!inWhere && parameter.readOnly && !READING_COMMANDS.has(command)) continue;
    // `copy-from`, `place-before`: arguments of `add`, not properties a filter can test.
    if (inWhere && parameter.onlyFor?.length) continue;
    if (!availableIn(request, parameter)) continue;
    const takesValue = !inWhere && hasValueCompletions(parameter.type);
    items.push(
      makeItem(request, parameter.name, {
        kind: CompletionItemKind.Property,
        detail: parameterDetail(parameter),
        doc: inWhere ? undefined : { of: 'parameter', menu: menuPath, command, name: parameter.name },
        insert: inWhere || isFlag(parameter) || request.beforeEquals ? parameter.name : `${parameter.name}=`,
        group: parameter.required ? 1 : 3,
        retrigger: takesValue && !request.beforeEquals,
      }),
    );
  }
  if (!inWhere && positionalIndex === 0) items.push(...itemNameItems(request, menuPath, command));
  return items;
}

/** The menu's properties as bare names, for the `value-name` slot of `get`, `unset` and `edit`. */
function propertyNameItems(request: CompletionRequest, menuPath: readonly string[], command: string): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const parameter of request.schema.getMenu(menuPath)?.parameters ?? []) {
    // `copy-from`, `place-before` are arguments of `add`, not properties; `unset` clears settable ones only.
    if (parameter.onlyFor?.length || (parameter.readOnly && command !== 'get') || !availableIn(request, parameter)) continue;
    items.push(
      makeItem(request, parameter.name, {
        kind: CompletionItemKind.Property,
        detail: parameterDetail(parameter),
        doc: { of: 'parameter', menu: menuPath, command, name: parameter.name },
        group: parameter.required ? 1 : 3,
      }),
    );
  }
  return items;
}

/** A flag-style argument (`print detail`, `as-value`) is written without `=value`. */
function isFlag(parameter: ParameterSchema): boolean {
  return parameter.type.kind === 'any' && parameter.summary.toLowerCase().startsWith('flag');
}

function hasValueCompletions(type: ValueType): boolean {
  return ['bool', 'enum', 'enumList', 'reference', 'oneOf'].includes(type.kind) || ((type.kind === 'integer' || type.kind === 'time') && !!type.keywords?.length);
}

/** Names of the menu's items that the document defines, for `set <name>`, `remove <name>`. */
function itemNameItems(request: CompletionRequest, menuPath: readonly string[], command: string): CompletionItem[] {
  const slot = request.schema.getCommand(menuPath, command)?.positional?.[0];
  if (slot !== 'numbers' && slot !== 'number') return [];
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  const path = menuPath.join('/');
  for (const object of request.analysis.symbols.objects) {
    if (object.menuPath.join('/') !== path || seen.has(object.name)) continue;
    seen.add(object.name);
    const line = request.analysis.lines.positionAt(object.span.start).line + 1;
    items.push(makeItem(request, object.name, { kind: CompletionItemKind.Reference, detail: `${object.kind} (line ${line})`, group: 4 }));
  }
  for (const name of request.schema.getMenu(menuPath)?.builtinNames ?? []) {
    if (seen.has(name)) continue;
    seen.add(name);
    items.push(makeItem(request, name, { kind: CompletionItemKind.Reference, detail: 'built-in', group: 4 }));
  }
  return items;
}
