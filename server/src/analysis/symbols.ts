/**
 * Symbols of a document: variables with their scopes, functions, and the named objects the file creates and
 * refers to (interfaces, VLANs, PPP profiles, IP pools, address lists, routing tables, marks).
 */
import type { CommandStatement, Expression, Script, Span } from '../core/ast.js';
import type { MenuSchema, ObjectKind, ParameterSchema, SchemaService, ValueType } from '../schema/types.js';
import { checkValue } from '../schema/values/values.js';
import type {
  ObjectReference,
  ObjectSymbol,
  ResolvedCommand,
  SymbolTable,
  VariableKind,
  VariableReference,
  VariableSymbol,
} from './types.js';
import { argumentValue, forEachExpression } from './walk.js';

export function collectSymbols(commands: readonly ResolvedCommand[], schema: SchemaService): SymbolTable {
  const variables: VariableSymbol[] = [];
  const refs: { name: string; span: Span }[] = [];
  const objects: ObjectSymbol[] = [];
  const objectReferences: ObjectReference[] = [];
  const collectVariable = (expr: Expression): void => {
    if (expr.kind === 'variable') refs.push({ name: expr.name, span: expr.nameSpan ?? expr.span });
  };

  // Every command of the document is in `commands`, in document order, with the script that holds it; the
  // expressions of its arguments hold no commands of their own (those are in the list too).
  // Indexed loops: see rules/variables.ts `contexts`.
  for (let c = 0; c < commands.length; c++) {
    const command = commands[c]!;
    const node = command.node;
    if (node.callee) refs.push({ name: node.callee.name, span: node.callee.nameSpan ?? node.callee.span });
    const args = node.args;
    for (let a = 0; a < args.length; a++) {
      const value = argumentValue(args[a]!);
      if (value && value.kind !== 'literal') forEachExpression(value, collectVariable);
    }
    if (command.kind === 'global') {
      declareFromGlobal(command, command.script, variables);
      // `:set x 5` writes the variable: a reference for navigation and rename.
      const target = command.positionalWords[0];
      if (command.commandName === 'set' && target) refs.push({ name: target.text.replace(/^\$/, ''), span: target.span });
    }
    if (command.kind === 'menu-command') collectObjects(command, schema, objects, objectReferences);
  }

  const byName = new Map<string, VariableSymbol[]>();
  for (const variable of variables) {
    const list = byName.get(variable.name);
    if (list) list.push(variable);
    else byName.set(variable.name, [variable]);
  }
  // Declarations are collected in document order; keep each name's list sorted by where it becomes visible
  // (a stable sort, so equal positions keep their order) for findDeclaration's binary search.
  for (const list of byName.values()) if (!isSortedByVisibility(list)) list.sort((a, b) => a.visibleFrom - b.visibleFrom);
  const variableReferences: VariableReference[] = refs.map((ref) => ({ name: ref.name, span: ref.span, declaration: findDeclaration(byName.get(ref.name) ?? [], ref) }));
  return { variables, variableReferences, objects, objectReferences };
}

function declareFromGlobal(command: ResolvedCommand, script: Script, out: VariableSymbol[]): void {
  const name = command.commandName;
  const node = command.node;
  const first = command.positionalWords[0];
  const add = (text: string, span: Span, kind: VariableKind, scope: Script, visibleFrom: number) =>
    out.push({ name: text, kind, span, scope, visibleFrom, visibleTo: scope.span.end });

  if (name === 'local' || name === 'global') {
    const declared = first ?? nameArgument(node);
    if (!declared) return;
    const isFunction = (node.args ?? []).some((a) => a.kind === 'named' && a.name.text === 'do');
    const kind: VariableKind = isFunction ? 'function' : name;
    add(declared.text, declared.span, kind, script, node.span.start);
    return;
  }
  if ((name === 'for' || name === 'foreach') && first) {
    // `:foreach k,v in=...` declares both; the counter is visible inside the loop body.
    let offset = first.span.start;
    for (const part of first.text.split(',')) {
      if (part) add(part, { start: offset, end: offset + part.length }, 'loop', script, node.span.start);
      offset += part.length + 1;
    }
    return;
  }
  if (name === 'onerror' && first) add(first.text, first.span, 'local', script, node.span.start);
}

/** The name of `:local name=x ...` or `:local "my-var" ...`: given as an argument, not as a bare word. */
function nameArgument(node: CommandStatement): { text: string; span: Span } | undefined {
  const named = (node.args ?? []).find((a) => a.kind === 'named' && a.name.text === 'name');
  const firstArg = node.args?.[0];
  const value = named?.kind === 'named' ? named.value : firstArg?.kind === 'positional' && firstArg.value.kind === 'string' ? firstArg.value : undefined;
  const text = value ? staticText(value) : undefined;
  if (!value || !text) return undefined;
  // The name without its quotes, for rename and highlight (a name with escapes keeps the whole string).
  const quoted = value.kind === 'string' && value.span.end - value.span.start === text.length + 2;
  return { text, span: quoted ? { start: value.span.start + 1, end: value.span.end - 1 } : value.span };
}

/**
 * The declaration a reference sees, among the declarations of the same name (in document order, so by
 * `visibleFrom`): the one in the innermost (latest-starting) scope that holds the reference, and of those the
 * latest. Searched backwards from the last declaration before the reference, and only as far as a better one can
 * be: a declaration's scope starts before it, so one declared before the best scope starts cannot win. (A scan of
 * every candidate was quadratic: 2 million checks for the 17,000 references of a 50,000-line export.)
 */
export function findDeclaration(candidates: readonly VariableSymbol[], ref: { name: string; span: Span }): VariableSymbol | undefined {
  const at = ref.span.start;
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (candidates[mid]!.visibleFrom <= at) low = mid + 1;
    else high = mid;
  }
  let best: VariableSymbol | undefined;
  for (let i = low - 1; i >= 0; i--) {
    const candidate = candidates[i]!;
    if (best && candidate.visibleFrom < best.scope.span.start) break;
    if (at < candidate.scope.span.start || at > candidate.visibleTo) continue;
    if (!best || candidate.scope.span.start > best.scope.span.start) best = candidate;
  }
  return best;
}

function isSortedByVisibility(list: readonly VariableSymbol[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.visibleFrom < list[i - 1]!.visibleFrom) return false;
  return true;
}

function collectObjects(command: ResolvedCommand, schema: SchemaService, objects: ObjectSymbol[], references: ObjectReference[]): void {
  const menu = command.menuPath;
  const commandName = command.commandName ?? '';
  const menuSchema = schema.getMenu(menu);
  const definitions = menuSchema ? definitionsOf(menuSchema) : NO_DEFINITIONS;
  const args = command.node.args;
  for (let a = 0; a < args.length; a++) {
    const arg = args[a]!;
    if (arg.kind !== 'named' || !arg.value) continue;
    const paramName = arg.name.text;
    // What the parameter can do is known from the schema; the value is read only for one that defines or refers.
    const defined = definingKinds(definitions, menu, commandName, paramName);
    const param = defined.length > 0 ? undefined : schema.getParameter(menu, commandName, paramName);
    const target = param ? cachedReferenceTarget(param) : undefined;
    if (defined.length === 0 && !target) continue;
    const text = staticText(arg.value);
    if (text === undefined || text === '') continue;
    const span = arg.value.span;

    if (defined.length > 0) {
      for (const kind of defined) objects.push({ kind, name: text, span, menuPath: menu });
      continue;
    }
    if (!target || !param) continue;
    // `local-address=192.0.2.1` where the type is "an address or a pool name": an address is no reference.
    if (param.type.kind === 'oneOf' && param.type.types.some((t) => t.kind !== 'reference' && t.kind !== 'any' && checkValue(text, t, paramName) === undefined)) continue;
    for (const element of splitList(text, span, target.list)) {
      if (target.keywords.includes(element.name)) continue;
      references.push({ kind: target.kind, name: element.name, span: element.span, menuPath: menu, parameter: paramName });
    }
  }
}

/**
 * The kinds of object a named argument creates: the menu's `defines`/`extraDefines` on `add`; a new interface
 * for `name=` on `add` in any `/interface <type>` menu (also those the schema does not describe); and a renamed
 * port for `name=` on `set` in `/interface ethernet` (`set [find default-name=ether1] name=wan`).
 */
function definingKinds(
  definitions: readonly { kind: ObjectKind; by: string }[],
  menu: readonly string[],
  command: string,
  parameter: string,
): readonly ObjectKind[] {
  let kinds: ObjectKind[] | undefined;
  if (command === 'add') {
    for (const d of definitions) if (d.by === parameter && !kinds?.includes(d.kind)) (kinds ??= []).push(d.kind);
  }
  if (parameter === 'name' && menu[0] === 'interface' && menu.length === 2 && menu[1] !== 'list' && menu[1] !== 'monitor-traffic' &&
    (command === 'add' || (command === 'set' && menu[1] === 'ethernet')) && !kinds?.includes('interface')) {
    (kinds ??= []).push('interface');
  }
  return kinds ?? NO_KINDS;
}

const NO_KINDS: readonly ObjectKind[] = [];
const NO_DEFINITIONS: readonly { kind: ObjectKind; by: string }[] = [];

/** What a menu's `add` defines (`name` of a PPP profile, ...), once per menu. */
const definitionsByMenu = new WeakMap<MenuSchema, readonly { kind: ObjectKind; by: string }[]>();
function definitionsOf(menu: MenuSchema): readonly { kind: ObjectKind; by: string }[] {
  let definitions = definitionsByMenu.get(menu);
  if (!definitions) {
    definitions = [...(menu.defines ? [menu.defines] : []), ...(menu.extraDefines ?? [])];
    definitionsByMenu.set(menu, definitions);
  }
  return definitions;
}

/** The object kind a parameter refers to, once per parameter (every line of an export asks). */
const targets = new WeakMap<ParameterSchema, ReturnType<typeof referenceTarget> | null>();
function cachedReferenceTarget(param: ParameterSchema): ReturnType<typeof referenceTarget> {
  let target = targets.get(param);
  if (target === undefined) targets.set(param, (target = referenceTarget(param) ?? null));
  return target ?? undefined;
}

function referenceTarget(param: ParameterSchema): { kind: ObjectKind; keywords: readonly string[]; list: boolean } | undefined {
  const find = (type: ValueType): { kind: ObjectKind; keywords: readonly string[]; list: boolean } | undefined => {
    if (type.kind === 'reference') return { kind: type.target, keywords: type.keywords ?? [], list: type.list ?? false };
    if (type.kind === 'oneOf') {
      for (const inner of type.types) {
        const found = find(inner);
        if (found) return found;
      }
    }
    return undefined;
  };
  return find(param.type);
}

/** The text of a value that is known without running the script (a word or a string without interpolation). */
export function staticText(value: Expression): string | undefined {
  if (value.kind === 'literal') return value.text;
  if (value.kind === 'string' && (value.parts ?? []).every((p) => p.kind === 'text')) return value.value;
  return undefined;
}

function splitList(text: string, span: Span, list: boolean): { name: string; span: Span }[] {
  const quoted = text.length + 2 === span.end - span.start;
  const base = span.start + (quoted ? 1 : 0);
  const pieces = list ? text.split(',') : [text];
  const out: { name: string; span: Span }[] = [];
  let offset = 0;
  for (const piece of pieces) {
    const negated = piece.startsWith('!');
    const name = negated ? piece.slice(1) : piece;
    const start = base + offset + (negated ? 1 : 0);
    if (name) out.push({ name, span: { start, end: start + name.length } });
    offset += piece.length + 1;
  }
  return out;
}
