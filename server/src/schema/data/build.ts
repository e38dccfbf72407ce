/**
 * Small constructors that keep the schema data files short and uniform. They only build plain objects of the
 * types in ../types.ts; nothing here decides anything about RouterOS.
 */
import type {
  CommandSchema,
  MenuSchema,
  ObjectKind,
  ParameterRequirement,
  ParameterSchema,
  ValueRequirement,
  ValueType,
  VersionWindow,
} from '../types.js';

// ---- value types -------------------------------------------------------------------------------------------

export const bool: ValueType = { kind: 'bool' };
export const anyValue: ValueType = { kind: 'any' };
export const script: ValueType = { kind: 'script' };
export const ipv4: ValueType = { kind: 'ipv4' };
export const ipv4List: ValueType = { kind: 'ipv4', list: true };
export const ipv4Prefix: ValueType = { kind: 'ipv4Prefix' };
export const ipv6: ValueType = { kind: 'ipv6' };
export const ipv6Prefix: ValueType = { kind: 'ipv6Prefix' };

export function str(options: { min?: number; max?: number; negatable?: boolean } = {}): ValueType {
  return { kind: 'string', minLength: options.min, maxLength: options.max, negatable: options.negatable };
}

export function oneOf(values: readonly string[], options: { negatable?: boolean; valueVersions?: Record<string, VersionWindow> } = {}): ValueType {
  return { kind: 'enum', values, negatable: options.negatable, valueVersions: options.valueVersions };
}

export function listOf(values: readonly string[], options: { negatable?: boolean; elementNegation?: boolean } = {}): ValueType {
  return { kind: 'enumList', values, negatable: options.negatable, elementNegation: options.elementNegation };
}

export function int(min?: number, max?: number, options: { keywords?: readonly string[]; negatable?: boolean } = {}): ValueType {
  return { kind: 'integer', min, max, keywords: options.keywords, negatable: options.negatable };
}

export function time(options: { min?: number; max?: number; keywords?: readonly string[] } = {}): ValueType {
  return { kind: 'time', minSeconds: options.min, maxSeconds: options.max, keywords: options.keywords };
}

export function ref(target: ObjectKind, options: { keywords?: readonly string[]; list?: boolean; negatable?: boolean } = {}): ValueType {
  return { kind: 'reference', target, keywords: options.keywords, list: options.list, negatable: options.negatable };
}

export function pattern(name: string, negatable = false): ValueType {
  return { kind: 'pattern', pattern: name, negatable: negatable || undefined };
}

export function either(...types: ValueType[]): ValueType {
  return { kind: 'oneOf', types };
}

/** Address matcher of firewall rules: IP, prefix or range, optionally negated. */
export const addressMatch: ValueType = { kind: 'ipv4Match', negatable: true };

// ---- parameters --------------------------------------------------------------------------------------------

export type ParameterExtras = Omit<Partial<ParameterSchema>, 'name' | 'type' | 'summary'>;

export function param(name: string, type: ValueType, summary: string, extras: ParameterExtras = {}): ParameterSchema {
  return { name, type, summary, ...extras };
}

/** "This parameter needs `parameter` to be one of `values`" (an empty list: just given). */
export function needs(parameter: string, values: readonly string[] = [], extras: Partial<ParameterRequirement> = {}): ParameterRequirement {
  return { parameter, values, ...extras };
}

export function whenValue(values: readonly string[], ...requires: ParameterRequirement[]): ValueRequirement {
  return { values, requires };
}

/** Parameters almost every table menu has. */
export const commentParam = param('comment', str(), 'Free-text note stored with the item.');
export const disabledParam = (defaultValue = 'no'): ParameterSchema =>
  param('disabled', bool, 'Whether the item is disabled (kept in the configuration but inactive).', { default: defaultValue });
export const copyFromParam = param('copy-from', anyValue, 'Item whose values the new item starts from.', { onlyFor: ['add'] });
export const placeBeforeParam = param('place-before', anyValue, 'Item before which the new item is inserted.', { onlyFor: ['add'] });

// ---- menus -------------------------------------------------------------------------------------------------

export type MenuExtras = Omit<Partial<MenuSchema>, 'path' | 'summary' | 'coverage' | 'commands' | 'parameters'>;

/** Splits "/interface pppoe-client" into path segments. */
export function pathOf(text: string): readonly string[] {
  return text.split(/[\s/]+/).filter((segment) => segment.length > 0);
}

export interface MenuSpec extends MenuExtras {
  readonly path: string;
  readonly summary: string;
  readonly coverage: 'full' | 'names';
  /** Names of common commands the menu supports (resolved by the service against data/commonCommands). */
  readonly common: readonly string[];
  /** Commands of this menu only (monitor variants, scan, send, ...). They override common ones of the same name. */
  readonly own?: readonly CommandSchema[];
  readonly parameters: readonly ParameterSchema[];
  /** Print switches this menu's `print` lacks (firewall tables have no `brief`). */
  readonly printWithout?: readonly string[];
  /** Print arguments only this menu's `print` has (`show-sensitive` where the menu holds passwords). */
  readonly printWith?: readonly ParameterSchema[];
}

/** Commands a plain table menu (items with add/remove) supports. */
export const TABLE_COMMANDS = ['add', 'comment', 'disable', 'edit', 'enable', 'export', 'find', 'get', 'print', 'remove', 'reset', 'set', 'unset'] as const;
/** Commands of a table menu without `unset` (most names-level tables). */
export const PLAIN_TABLE_COMMANDS = TABLE_COMMANDS.filter((name) => name !== 'unset');
/** Commands of a singleton settings menu (`/ip dns`, `/ppp aaa`). */
export const SINGLETON_COMMANDS = ['edit', 'export', 'get', 'print', 'reset', 'set'] as const;
/** Commands of a firewall rule table. */
export const RULE_COMMANDS = [...TABLE_COMMANDS, 'move', 'reset-counters', 'reset-counters-all'] as const;
/** Commands of a read-only status table. */
export const STATUS_COMMANDS = ['find', 'get', 'print'] as const;

export function command(name: string, summary: string, extras: Omit<Partial<CommandSchema>, 'name' | 'summary'> = {}): CommandSchema {
  return { name, summary, ...extras };
}
