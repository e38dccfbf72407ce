/** IPv6 menus at names level: DHCPv6 client, settings, addresses, pools and the IPv6 firewall tables. */
import type { MenuSchema, ParameterSchema } from '../types.js';
import {
  RULE_COMMANDS,
  SINGLETON_COMMANDS,
  PLAIN_TABLE_COMMANDS,
  TABLE_COMMANDS,
  anyValue,
  bool,
  command,
  commentParam,
  copyFromParam,
  disabledParam,
  int,
  ipv6Prefix,
  listOf,
  oneOf,
  param,
  placeBeforeParam,
  ref,
  script,
  str,
  time,
} from './build.js';
import { menu } from './menu.js';

const ro = { readOnly: true } as const;

export const ipv6DhcpClientMenu: MenuSchema = menu({
  path: '/ipv6 dhcp-client',
  summary: 'DHCPv6 clients: request addresses and delegated prefixes from upstream.',
  coverage: 'names',
  common: TABLE_COMMANDS,
  own: [
    command('release', 'Give the lease back and ask again.', { positional: ['numbers'], parameters: [param('numbers', anyValue, 'Clients.')] }),
    command('renew', 'Renew the lease now.', { positional: ['numbers'], parameters: [param('numbers', anyValue, 'Clients.')] }),
  ],
  parameters: [
    param('interface', ref('interface'), 'Interface to run on.', { required: true }),
    param('request', listOf(['info', 'address', 'prefix']), 'What to ask for.', { required: true }),
    param('pool-name', str(), 'IPv6 pool that receives the delegated prefix.'),
    param('pool-prefix-length', int(0, 128), 'Prefix length of pool entries.'),
    param('prefix-hint', ipv6Prefix, 'Prefix to ask for.'),
    param('add-default-route', bool, 'Install a default route.'),
    param('default-route-distance', int(0, 255), 'Distance of that route.'),
    param('use-peer-dns', bool, 'Use the offered DNS servers.'),
    param('script', script, 'Script run when the lease changes.'),
    commentParam,
    copyFromParam,
    disabledParam('no'),
    param('status', str(), 'Client state.', ro),
    param('prefix', ipv6Prefix, 'Prefix obtained.', ro),
  ],
});

export const ipv6SettingsMenu: MenuSchema = menu({
  path: '/ipv6 settings',
  summary: 'Global IPv6 settings.',
  coverage: 'names',
  singleton: true,
  common: SINGLETON_COMMANDS.filter((name) => name !== 'reset'),
  parameters: [
    param('forward', bool, 'Route IPv6 between interfaces.'),
    param('accept-redirects', oneOf(['no', 'yes-if-forwarding-disabled']), 'Accept ICMPv6 redirects.'),
    param('accept-router-advertisements', oneOf(['no', 'yes', 'yes-if-forwarding-disabled']), 'Accept router advertisements.'),
    param('disable-ipv6', bool, 'Turn IPv6 off.'),
    param('max-neighbor-entries', int(0), 'Neighbor table size.'),
  ],
});

export const ipv6AddressMenu: MenuSchema = menu({
  path: '/ipv6 address',
  summary: 'IPv6 addresses of interfaces.',
  coverage: 'names',
  common: PLAIN_TABLE_COMMANDS,
  parameters: [
    param('address', ipv6Prefix, 'Address with prefix length.'),
    param('interface', ref('interface'), 'Interface the address is on.', { required: true }),
    param('from-pool', ref('ipv6-pool'), 'Take the prefix from this pool.'),
    param('advertise', bool, 'Announce the prefix in router advertisements.'),
    param('eui-64', bool, 'Build the host part from the MAC address.'),
    param('no-dad', bool, 'Skip duplicate address detection.'),
    commentParam,
    copyFromParam,
    disabledParam('no'),
  ],
});

export const ipv6PoolMenu: MenuSchema = menu({
  path: '/ipv6 pool',
  summary: 'IPv6 prefix pools.',
  coverage: 'names',
  defines: { kind: 'ipv6-pool', by: 'name' },
  common: PLAIN_TABLE_COMMANDS.filter((name) => name !== 'disable' && name !== 'enable'),
  parameters: [
    param('name', str({ min: 1 }), 'Pool name.', { required: true }),
    param('prefix', ipv6Prefix, 'Prefix the pool hands out from.', { required: true }),
    param('prefix-length', int(1, 128), 'Length of each handed-out prefix.', { required: true }),
    commentParam,
    copyFromParam,
  ],
});

/** The main matchers of IPv6 firewall tables (names and rough types). */
const ipv6RuleParameters = (actions: readonly string[]): ParameterSchema[] => [
  param('chain', ref('firewall-chain'), 'Chain of the rule.', { required: true }),
  param('action', oneOf(actions), 'What the rule does.'),
  ...['src-address', 'dst-address', 'src-address-list', 'dst-address-list', 'protocol', 'src-port', 'dst-port', 'port',
    'in-interface', 'out-interface', 'in-interface-list', 'out-interface-list', 'connection-state', 'connection-mark',
    'packet-mark', 'routing-mark', 'icmp-options', 'tcp-flags', 'limit', 'dst-limit', 'connection-limit', 'hop-limit',
    'priority', 'dscp', 'packet-size', 'src-mac-address', 'nth', 'time', 'content', 'headers'].map((name) => param(name, anyValue, 'Packet matcher.')),
  param('jump-target', ref('firewall-chain'), 'Chain for action=jump.'),
  param('address-list', str({ min: 1 }), 'List add-*-to-address-list puts addresses in (created if missing).'),
  param('address-list-timeout', time({ keywords: ['none-dynamic', 'none-static'] }), 'Lifetime of the added entry.'),
  param('log', bool, 'Also log matching packets.'),
  param('log-prefix', str({ max: 31 }), 'Prefix of log lines.'),
  commentParam,
  copyFromParam,
  placeBeforeParam,
  disabledParam('no'),
];

export const ipv6FilterMenu: MenuSchema = menu({
  path: '/ipv6 firewall filter',
  summary: 'IPv6 firewall filter rules.',
  coverage: 'names',
  defines: { kind: 'firewall-chain', by: 'chain' },
  common: RULE_COMMANDS,
  printWithout: ['brief'],
  parameters: [
    ...ipv6RuleParameters(['accept', 'add-dst-to-address-list', 'add-src-to-address-list', 'drop', 'fasttrack-connection', 'jump', 'log', 'passthrough', 'reject', 'return']),
    param('reject-with', anyValue, 'ICMPv6 answer for action=reject.'),
  ],
});

export const ipv6MangleMenu: MenuSchema = menu({
  path: '/ipv6 firewall mangle',
  summary: 'IPv6 mangle rules.',
  coverage: 'names',
  defines: { kind: 'firewall-chain', by: 'chain' },
  common: RULE_COMMANDS,
  printWithout: ['brief'],
  parameters: [
    ...ipv6RuleParameters([
      'accept', 'add-dst-to-address-list', 'add-src-to-address-list', 'change-dscp', 'change-hop-limit', 'change-mss',
      'dnpt', 'jump', 'log', 'mark-connection', 'mark-packet', 'mark-routing', 'passthrough', 'return', 'set-priority',
      'sniff-pc', 'sniff-tzsp', 'snpt',
    ]),
    ...['new-connection-mark', 'new-packet-mark', 'new-routing-mark', 'new-mss', 'new-dscp', 'new-hop-limit', 'new-priority', 'passthrough'].map((name) =>
      param(name, anyValue, 'Value set by the matching action.'),
    ),
  ],
});

export const ipv6Menus: readonly MenuSchema[] = [ipv6DhcpClientMenu, ipv6SettingsMenu, ipv6AddressMenu, ipv6PoolMenu, ipv6FilterMenu, ipv6MangleMenu];
