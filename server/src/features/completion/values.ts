/**
 * Completion of parameter values: enum members, yes/no, the next item of a comma list, keywords, and the
 * names of objects the document defines (interfaces, VLANs, PPP profiles, pools, address lists, routing
 * tables, marks) for parameters that refer to them.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { MenuSchema, ObjectKind, ParameterSchema, ValueType } from '../../schema/types.js';
import { PATTERN_PREFIXES } from '../../schema/values/patterns.js';
import { valueDocLine } from '../support/schemaText.js';
import { availableIn, makeItem, type CompletionRequest } from './request.js';

export function parameterValueItems(
  request: CompletionRequest,
  menuPath: readonly string[],
  command: string,
  parameterName: string,
  isGlobal: boolean,
  valueText: string,
): CompletionItem[] {
  const { schema } = request;
  const parameter = isGlobal
    ? schema.getGlobalCommand(command)?.parameters.find((p) => p.name === parameterName)
    : schema.getParameter(menuPath, command, parameterName);
  if (!parameter) return [];
  const doc = isGlobal ? undefined : schema.getDocs(menuPath, { parameter: parameterName })?.markdown;
  // Items already written before the last comma are not offered again.
  const written = new Set(valueText.split(',').slice(0, -1).map((item) => item.replace(/^!/, '')));
  const inList = valueText.includes(',');
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (item: CompletionItem) => {
    if (seen.has(item.label) || written.has(item.label)) return;
    seen.add(item.label);
    items.push(item);
  };
  collect({ request, parameter, menuPath, doc, inList, valueText, add }, parameter.type);
  return items;
}

interface ValueScope {
  readonly request: CompletionRequest;
  readonly parameter: ParameterSchema;
  /** The menu of the command being written (chains are looked up in the same table). */
  readonly menuPath: readonly string[];
  readonly doc: string | undefined;
  readonly inList: boolean;
  readonly valueText: string;
  readonly add: (item: CompletionItem) => void;
}

function collect(scope: ValueScope, type: ValueType): void {
  const { request, parameter, doc, inList, add } = scope;
  const word = (value: string, group: number, detail?: string) =>
    makeItem(request, value, {
      kind: CompletionItemKind.EnumMember,
      detail: detail ?? (value === parameter.default ? 'default' : undefined),
      documentation: valueDocLine(doc, value),
      group: value === parameter.default ? 0 : group,
    });
  switch (type.kind) {
    case 'bool':
      if (!inList) for (const value of ['yes', 'no']) add(word(value, 1));
      return;
    case 'enum':
      if (inList) return;
      for (const value of type.values) if (valueAvailable(request, type.valueVersions, value)) add(word(value, 1));
      return;
    case 'enumList':
      for (const value of type.values) if (valueAvailable(request, type.valueVersions, value)) add(word(value, 1));
      return;
    case 'integer':
    case 'time':
      if (!inList) for (const value of type.keywords ?? []) add(word(value, 2));
      return;
    case 'reference':
      if (inList && !type.list) return;
      for (const value of type.keywords ?? []) add(word(value, 2, 'built-in'));
      for (const item of objectNameItems(request, type.target, scope.menuPath)) add(item);
      return;
    case 'pattern':
      // `hash:denominator/remainder`, `set:64`: offer the word and its colon; the numbers are the user's.
      if (inList || scope.valueText.includes(':')) return;
      for (const prefix of PATTERN_PREFIXES[type.pattern] ?? []) {
        add(makeItem(request, `${prefix}:`, { kind: CompletionItemKind.EnumMember, detail: parameter.summary, documentation: valueDocLine(doc, prefix), group: 1 }));
      }
      return;
    case 'oneOf':
      for (const inner of type.types) collect(scope, inner);
      return;
    default:
      return;
  }
}

function valueAvailable(request: CompletionRequest, windows: ValueTypeVersions, value: string): boolean {
  const window = windows?.[value];
  return !window || availableIn(request, window);
}

type ValueTypeVersions = Extract<ValueType, { kind: 'enum' }>['valueVersions'];

/**
 * Kinds whose names belong to one menu: a firewall chain exists in its own table (`/ip firewall mangle` has
 * prerouting and the user chains of mangle rules; `srcnat` is a chain of `/ip firewall nat` only).
 */
const PER_MENU_KINDS: ReadonlySet<ObjectKind> = new Set(['firewall-chain']);

/** Names of objects of `target` kind: those the document defines, then the menus' built-in items. */
function objectNameItems(request: CompletionRequest, target: ObjectKind, menuPath: readonly string[]): CompletionItem[] {
  const { analysis, schema } = request;
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const perMenu = PER_MENU_KINDS.has(target);
  // In a menu that defines such names (a `jump-target` in mangle), only that menu's names count; elsewhere
  // (`/ppp profile incoming-filter`) the chains the document defines anywhere are candidates.
  const ownMenu = perMenu && definesKind(schema.getMenu(menuPath), target) ? menuPath.join(' ') : undefined;
  for (const object of analysis.symbols.objects) {
    if (object.kind !== target || seen.has(object.name)) continue;
    if (ownMenu !== undefined && object.menuPath.join(' ') !== ownMenu) continue;
    seen.add(object.name);
    const line = analysis.lines.positionAt(object.span.start).line + 1;
    items.push(
      makeItem(request, object.name, {
        kind: CompletionItemKind.Reference,
        detail: `${target} defined on line ${line} (/${object.menuPath.join(' ')})`,
        insert: needsQuotes(object.name) ? `"${object.name}"` : object.name,
        group: 1,
      }),
    );
  }
  // The built-in chains of a table are the parameter's own keywords; other tables' chains do not apply.
  if (perMenu) return items;
  for (const menu of schema.allMenus()) {
    if (menu.defines?.kind !== target) continue;
    for (const name of menu.builtinNames ?? []) {
      if (seen.has(name)) continue;
      seen.add(name);
      items.push(makeItem(request, name, { kind: CompletionItemKind.Reference, detail: `built-in ${target}`, group: 2 }));
    }
  }
  return items;
}

function definesKind(menu: MenuSchema | undefined, kind: ObjectKind): boolean {
  return menu?.defines?.kind === kind || (menu?.extraDefines ?? []).some((definition) => definition.kind === kind);
}

function needsQuotes(name: string): boolean {
  return /[\s;"$[\]{}()#\\]/.test(name);
}
