/**
 * Named objects a script creates besides the ones a menu's `defines` entry names: marks set by mangle rules,
 * address lists filled by firewall actions, interfaces renamed with `set ... name=`. Kept as data so that the
 * symbol pass stays a loop over a table.
 */
import type { ObjectKind } from '../schema/types.js';

export interface ExtraDefinition {
  /** Menu path, or a prefix of it ending in '*' for any firewall table. */
  readonly menu: readonly string[];
  readonly parameter: string;
  readonly kind: ObjectKind;
  /** Commands that define through this parameter. */
  readonly commands: readonly string[];
}

const FIREWALL_TABLES = ['filter', 'nat', 'mangle', 'raw'];

export const EXTRA_DEFINITIONS: readonly ExtraDefinition[] = [
  { menu: ['ip', 'firewall', 'mangle'], parameter: 'new-connection-mark', kind: 'connection-mark', commands: ['add', 'set'] },
  { menu: ['ip', 'firewall', 'mangle'], parameter: 'new-packet-mark', kind: 'packet-mark', commands: ['add', 'set'] },
  { menu: ['ipv6', 'firewall', 'mangle'], parameter: 'new-connection-mark', kind: 'connection-mark', commands: ['add', 'set'] },
  { menu: ['ipv6', 'firewall', 'mangle'], parameter: 'new-packet-mark', kind: 'packet-mark', commands: ['add', 'set'] },
  ...FIREWALL_TABLES.flatMap((table) => [
    { menu: ['ip', 'firewall', table], parameter: 'address-list', kind: 'address-list' as const, commands: ['add', 'set'] },
    { menu: ['ip', 'firewall', table], parameter: 'chain', kind: 'firewall-chain' as const, commands: ['add'] },
  ]),
  { menu: ['ip', 'firewall', 'address-list'], parameter: 'list', kind: 'address-list', commands: ['add'] },
  { menu: ['ipv6', 'firewall', 'address-list'], parameter: 'list', kind: 'address-list', commands: ['add'] },
  { menu: ['interface', 'ethernet'], parameter: 'name', kind: 'interface', commands: ['set'] },
  { menu: ['interface', 'list'], parameter: 'name', kind: 'interface-list', commands: ['add'] },
  { menu: ['routing', 'table'], parameter: 'name', kind: 'routing-table', commands: ['add'] },
];

/** Menus whose `add name=` creates an interface (most of `/interface ...`). */
export function isInterfaceMenu(path: readonly string[]): boolean {
  return path[0] === 'interface' && path.length === 2 && !['list', 'ethernet', 'monitor-traffic'].includes(path[1]!);
}
