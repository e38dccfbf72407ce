/**
 * IPv4 menus at names level: addresses, pools, routes, routing tables, NAT/filter rules, address lists, DNS,
 * DHCP client and services. Filter and NAT share the packet matchers of mangle (same names and value syntax).
 */
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
  either,
  int,
  ipv4,
  ipv4List,
  ipv4Prefix,
  listOf,
  needs,
  oneOf,
  param,
  pattern,
  placeBeforeParam,
  ref,
  script,
  str,
  time,
  whenValue,
} from './build.js';
import { menu } from './menu.js';
import { firewallMangle } from './mangle.js';

const ro = { readOnly: true } as const;

/** Mangle parameters that only make sense with mangle actions; everything else is a packet matcher. */
const MANGLE_ONLY = new Set([
  'action', 'address-list', 'address-list-timeout', 'chain', 'comment', 'copy-from', 'disabled', 'jump-target', 'log',
  'log-prefix', 'new-connection-mark', 'new-dscp', 'new-mss', 'new-packet-mark', 'new-priority', 'new-routing-mark',
  'new-ttl', 'passthrough', 'place-before', 'route-dst', 'sniff-id', 'sniff-target', 'sniff-target-port',
]);

/** Packet matchers shared by filter, NAT and mangle; their own `requires` (ports need a protocol) carry over. */
export const FIREWALL_MATCHERS: readonly ParameterSchema[] = firewallMangle.parameters
  .filter((p) => !MANGLE_ONLY.has(p.name) && !p.readOnly)
  // Described in full in mangle, so their values are checked in filter and NAT rules too.
  .map((p) => ({ ...p, stableValues: true }));
/** Matchers NAT does not offer (it sees only the first packet of a connection). */
const NOT_IN_NAT = new Set(['connection-nat-state', 'connection-state', 'p2p', 'tcp-flags', 'tls-host']);

/** The filter table also matches endpoint-independent NAT states. */
const FILTER_MATCHERS: readonly ParameterSchema[] = FIREWALL_MATCHERS.map((p) =>
  p.name === 'connection-nat-state' ? { ...p, type: listOf(['srcnat', 'dstnat', 'ein-snat', 'ein-dnat'], { negatable: true }) } : p,
);

function ruleCommon(chains: readonly string[], actions: readonly string[], defaultAction: string): ParameterSchema[] {
  return [
    param('chain', ref('firewall-chain', { keywords: chains }), 'Chain of the rule; a new name makes a user chain.', { required: true }),
    // The actions are the same in every version (facts Part D), so they are checked although the menu is names-level.
    param('action', oneOf(actions), 'What the rule does.', {
      default: defaultAction,
      stableValues: true,
      valueRequires: [whenValue(['jump'], needs('jump-target'))],
    }),
    param('jump-target', ref('firewall-chain', { keywords: chains }), 'Chain for action=jump.', { requires: [{ parameter: 'action', values: ['jump'] }] }),
    param('address-list', str({ min: 1 }), 'List add-*-to-address-list puts addresses in (created if missing).'),
    param('address-list-timeout', time({ keywords: ['none-dynamic', 'none-static'] }), 'Lifetime of the added entry.'),
    param('log', bool, 'Also log matching packets.'),
    param('log-prefix', str({ max: 31 }), 'Prefix of log lines.'),
    commentParam,
    copyFromParam,
    placeBeforeParam,
    disabledParam('no'),
    param('bytes', int(0), 'Bytes matched.', ro),
    param('packets', int(0), 'Packets matched.', ro),
    param('dynamic', anyValue, 'Status flag: added by a service.', { ...ro, flag: true }),
  ];
}

export const ipAddressMenu: MenuSchema = menu({
  path: '/ip address',
  summary: 'IPv4 addresses of interfaces.',
  coverage: 'names',
  common: PLAIN_TABLE_COMMANDS,
  parameters: [
    param('address', ipv4Prefix, 'Address with prefix length.', { required: true }),
    param('network', ipv4, 'Network address.'),
    param('broadcast', ipv4, 'Broadcast address.'),
    param('interface', ref('interface'), 'Interface the address is on.', { required: true }),
    commentParam,
    copyFromParam,
    disabledParam('no'),
    param('dynamic', anyValue, 'Status flag.', { ...ro, flag: true }),
    param('invalid', anyValue, 'Status flag.', { ...ro, flag: true }),
  ],
});

export const ipPoolMenu: MenuSchema = menu({
  path: '/ip pool',
  summary: 'IPv4 address pools for DHCP, PPP and hotspot.',
  coverage: 'names',
  defines: { kind: 'ip-pool', by: 'name' },
  common: PLAIN_TABLE_COMMANDS.filter((name) => name !== 'disable' && name !== 'enable'),
  parameters: [
    param('name', str({ min: 1 }), 'Pool name.', { required: true }),
    param('ranges', pattern('ip-ranges'), 'Address ranges (a-b or prefix, comma separated).', { required: true }),
    param('next-pool', ref('ip-pool', { keywords: ['none'] }), 'Pool used when this one is empty.'),
    commentParam,
    copyFromParam,
  ],
});

export const ipRouteMenu: MenuSchema = menu({
  path: '/ip route',
  summary: 'IPv4 routes.',
  coverage: 'names',
  common: TABLE_COMMANDS,
  parameters: [
    param('dst-address', ipv4Prefix, 'Destination prefix.', { default: '0.0.0.0/0' }),
    param('gateway', anyValue, 'Gateway address(es) or interface(s).'),
    param('distance', int(1, 255), 'Preference among routes to the same destination.'),
    param('check-gateway', oneOf(['arp', 'bfd', 'bfd-multihop', 'none', 'ping']), 'How to check that the gateway is alive.'),
    // RouterOS 7 introduced routing tables as objects (facts Part D); v6 had routing-mark instead.
    param('routing-table', ref('routing-table', { keywords: ['main'] }), 'Table the route belongs to.', { default: 'main', since: '7.0' }),
    // RouterOS v6 selected the table of a route with routing-mark; v7 replaced it with routing-table.
    param('routing-mark', anyValue, 'RouterOS v6 only: the routing mark (table) of the route; v7 uses routing-table.', { until: '7.0' }),
    param('scope', int(0, 255), 'Scope of the route.'),
    param('target-scope', int(0, 255), 'Scope of the gateway lookup.'),
    param('pref-src', ipv4, 'Preferred source address.'),
    param('vrf-interface', ref('interface'), 'VRF interface.'),
    param('blackhole', anyValue, 'Drop traffic to the destination.', { flag: true }),
    commentParam,
    copyFromParam,
    disabledParam('no'),
    param('active', anyValue, 'Status flag.', { ...ro, flag: true }),
    param('dynamic', anyValue, 'Status flag.', { ...ro, flag: true }),
    param('immediate-gw', anyValue, 'Resolved next hop.', ro),
  ],
});

export const routingTableMenu: MenuSchema = menu({
  path: '/routing table',
  summary: 'Routing tables (v7: a mangle routing mark must name one of these).',
  coverage: 'names',
  // New in RouterOS 7: v6 created routing marks on the fly and had no table menu (facts Part D).
  since: '7.0',
  defines: { kind: 'routing-table', by: 'name' },
  builtinNames: ['main'],
  common: TABLE_COMMANDS,
  printWithout: ['brief'],
  parameters: [
    param('name', str({ min: 1 }), 'Table name.', { required: true }),
    param('fib', anyValue, 'Install routes of the table into the forwarding table.', { flag: true, since: '7.0' }),
    commentParam,
    copyFromParam,
    disabledParam('no'),
  ],
});

const FILTER_CHAINS = ['input', 'forward', 'output'];
const NAT_CHAINS = ['srcnat', 'dstnat', 'input', 'output'];
const FILTER_ACTIONS = [
  'accept', 'add-dst-to-address-list', 'add-src-to-address-list', 'drop', 'fasttrack-connection', 'jump', 'log',
  'passthrough', 'reject', 'return', 'tarpit',
];
const NAT_ACTIONS = [
  'accept', 'add-dst-to-address-list', 'add-src-to-address-list', 'dst-nat', 'endpoint-independent-nat', 'jump', 'log',
  'masquerade', 'netmap', 'passthrough', 'redirect', 'return', 'same', 'socksify', 'src-nat',
];

export const firewallFilterMenu: MenuSchema = menu({
  path: '/ip firewall filter',
  summary: 'Firewall filter rules: accept or drop traffic.',
  coverage: 'names',
  manualUrl: 'https://help.mikrotik.com/docs/display/ROS/Filter',
  defines: { kind: 'firewall-chain', by: 'chain' },
  extraDefines: [{ kind: 'address-list', by: 'address-list' }],
  builtinNames: FILTER_CHAINS,
  common: RULE_COMMANDS,
  printWithout: ['brief'],
  parameters: [
    ...ruleCommon(FILTER_CHAINS, FILTER_ACTIONS, 'accept'),
    param('reject-with', oneOf(['icmp-admin-prohibited', 'icmp-host-prohibited', 'icmp-host-unreachable', 'icmp-net-prohibited', 'icmp-network-unreachable', 'icmp-port-unreachable', 'icmp-protocol-unreachable', 'tcp-reset']), 'ICMP answer for action=reject.', { stableValues: true }),
    ...FILTER_MATCHERS,
  ],
});

export const firewallNatMenu: MenuSchema = menu({
  path: '/ip firewall nat',
  summary: 'NAT rules: masquerade, source and destination translation.',
  coverage: 'names',
  manualUrl: 'https://help.mikrotik.com/docs/display/ROS/NAT',
  defines: { kind: 'firewall-chain', by: 'chain' },
  extraDefines: [{ kind: 'address-list', by: 'address-list' }],
  builtinNames: NAT_CHAINS,
  common: RULE_COMMANDS,
  printWithout: ['brief'],
  parameters: [
    ...ruleCommon(NAT_CHAINS, NAT_ACTIONS, 'accept'),
    param('to-addresses', anyValue, 'Address (or range) to translate to.'),
    param('to-ports', pattern('port-list'), 'Port (or range) to translate to.'),
    param('randomise-ports', bool, 'Pick translated ports at random.'),
    param('same-not-by-dst', bool, 'For action=same, choose the address without regard to the destination.'),
    ...FIREWALL_MATCHERS.filter((p) => !NOT_IN_NAT.has(p.name)),
  ],
});

export const addressListMenu: MenuSchema = menu({
  path: '/ip firewall address-list',
  summary: 'Named lists of addresses used by firewall matchers.',
  coverage: 'names',
  defines: { kind: 'address-list', by: 'list' },
  common: PLAIN_TABLE_COMMANDS,
  parameters: [
    param('list', str({ min: 1 }), 'Name of the list.', { required: true }),
    param('address', anyValue, 'Address, prefix, range or DNS name.', { required: true }),
    param('timeout', time(), 'Remove the entry after this long.'),
    commentParam,
    copyFromParam,
    disabledParam('no'),
    param('dynamic', anyValue, 'Status flag.', { ...ro, flag: true }),
    param('creation-time', anyValue, 'When the entry was added.', ro),
  ],
});

export const dnsMenu: MenuSchema = menu({
  path: '/ip dns',
  summary: 'DNS resolver and cache settings.',
  coverage: 'names',
  singleton: true,
  common: SINGLETON_COMMANDS,
  parameters: [
    param('servers', either(ipv4List, anyValue), 'Upstream DNS servers.'),
    param('allow-remote-requests', bool, 'Answer DNS queries from the network.'),
    param('cache-size', anyValue, 'Cache size in KiB (written with or without the KiB unit).'),
    param('cache-max-ttl', time(), 'Longest time an answer is cached.'),
    param('max-udp-packet-size', int(50, 65507), 'Largest UDP answer.'),
    param('use-doh-server', str(), 'DNS-over-HTTPS server URL.'),
    param('verify-doh-cert', bool, 'Check the certificate of the DoH server.'),
    param('vrf', anyValue, 'VRF used for DNS queries.'),
    param('dynamic-servers', anyValue, 'Servers learned from DHCP or PPP.', ro),
  ],
});

export const dhcpClientMenu: MenuSchema = menu({
  path: '/ip dhcp-client',
  summary: 'DHCP clients that obtain IPv4 addresses on interfaces.',
  coverage: 'names',
  common: TABLE_COMMANDS,
  own: [
    command('release', 'Give the lease back and ask for a new one.', { positional: ['numbers'], parameters: [param('numbers', anyValue, 'Clients.')] }),
    command('renew', 'Renew the lease now.', { positional: ['numbers'], parameters: [param('numbers', anyValue, 'Clients.')] }),
  ],
  parameters: [
    param('interface', ref('interface'), 'Interface to run on.', { required: true }),
    param('name', str(), 'Name of the client entry.'),
    param('check-gateway', oneOf(['arp', 'bfd', 'none', 'ping']), 'How to check that the gateway is alive.'),
    param('default-route-tables', anyValue, 'Routing tables that receive the default route.'),
    param('add-default-route', oneOf(['no', 'special-classless', 'yes']), 'Install the offered default route.'),
    param('default-route-distance', int(0, 255), 'Distance of that route.'),
    param('use-peer-dns', bool, 'Use the offered DNS servers.'),
    param('use-peer-ntp', bool, 'Use the offered NTP servers.'),
    param('script', script, 'Script run when the lease changes.'),
    commentParam,
    copyFromParam,
    disabledParam('no'),
    param('status', str(), 'Client state.', ro),
    param('address', ipv4Prefix, 'Address obtained.', ro),
    param('gateway', ipv4, 'Gateway obtained.', ro),
  ],
});

export const ipServiceMenu: MenuSchema = menu({
  path: '/ip service',
  summary: 'Management services of the router (ssh, www, api, ...).',
  coverage: 'names',
  common: ['disable', 'edit', 'enable', 'export', 'find', 'get', 'print', 'reset', 'set'],
  parameters: [
    param('name', oneOf(['api', 'api-ssl', 'ftp', 'ssh', 'telnet', 'winbox', 'www', 'www-ssl']), 'Service.', ro),
    param('port', int(1, 65535), 'TCP port.'),
    param('address', anyValue, 'Networks allowed to connect.'),
    param('certificate', anyValue, 'Certificate for TLS services.'),
    param('vrf', anyValue, 'VRF the service listens in.'),
    param('max-sessions', int(1), 'Most sessions at the same time.'),
    param('tls-version', anyValue, 'TLS versions accepted.'),
    disabledParam('no'),
  ],
});

export const ipMenus: readonly MenuSchema[] = [
  ipAddressMenu, ipPoolMenu, ipRouteMenu, routingTableMenu, firewallFilterMenu, firewallNatMenu, addressListMenu, dnsMenu,
  dhcpClientMenu, ipServiceMenu,
];
