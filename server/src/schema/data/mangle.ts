/**
 * `/ip firewall mangle`, in depth: all 76 add/set arguments (facts B.2), the actions and the constraints
 * between them. Constraint choices, in words:
 * - every `new-*` value, `jump-target`, `route-dst`, `address-list(-timeout)` and `sniff-*` needs the action that
 *   uses it (`requires` on the parameter);
 * - `action=change-mss` needs `protocol=tcp` and a `tcp-flags` list containing `syn` (`valueRequires` on action);
 * - `action=mark-routing` may not be used in the built-in chains input, forward and postrouting; user chains are
 *   allowed because they are entered by a jump from prerouting or output, which a static check cannot see;
 * - `action=route` likewise only outside the built-in input/forward/output/postrouting chains (prerouting only);
 * - port matchers need a protocol that has ports, `tcp-flags`/`tcp-mss` need `protocol=tcp`.
 * `log-prefix` has no constraint: it is used both with `action=log` and with `log=yes`, an either-or the
 * requirement model (all must hold) does not express.
 */
import type { MenuSchema } from '../types.js';
import {
  RULE_COMMANDS,
  addressMatch,
  anyValue,
  bool,
  command,
  commentParam,
  copyFromParam,
  disabledParam,
  either,
  int,
  ipv4,
  listOf,
  needs,
  oneOf,
  param,
  pattern,
  placeBeforeParam,
  ref,
  str,
  time,
  whenValue,
} from './build.js';
import { PRINT_PARAMETERS } from './commonCommands.js';
import { menu } from './menu.js';

const MANGLE_URL = 'https://help.mikrotik.com/docs/display/ROS/Mangle';

export const MANGLE_ACTIONS = [
  'accept', 'add-dst-to-address-list', 'add-src-to-address-list', 'change-dscp', 'change-mss', 'change-ttl', 'clear-df',
  'fasttrack-connection', 'jump', 'log', 'mark-connection', 'mark-packet', 'mark-routing', 'passthrough', 'return', 'route',
  'set-priority', 'sniff-pc', 'sniff-tzsp', 'strip-ipv4-options',
] as const;

export const BUILTIN_CHAINS = ['prerouting', 'input', 'forward', 'output', 'postrouting'] as const;

export const IP_PROTOCOLS = [
  'dccp', 'ddp', 'egp', 'encap', 'etherip', 'ggp', 'gre', 'hmp', 'icmp', 'icmpv6', 'idpr-cmtp', 'igmp', 'ipencap', 'ipip',
  'ipsec-ah', 'ipsec-esp', 'ipv6-encap', 'ipv6-frag', 'ipv6-nonxt', 'ipv6-opts', 'ipv6-route', 'iso-tp4', 'l2tp', 'ospf',
  'pim', 'pup', 'rdp', 'rspf', 'rsvp', 'sctp', 'st', 'tcp', 'udp', 'udp-lite', 'vmtp', 'vrrp', 'xns-idp', 'xtp',
] as const;

/** Protocols with ports, by name and by number (tcp 6, udp 17, dccp 33, sctp 132, udp-lite 136). */
const PORT_PROTOCOLS = ['tcp', 'udp', 'sctp', 'dccp', 'udp-lite', '6', '17', '33', '132', '136'];
const TCP_FLAGS = ['fin', 'syn', 'rst', 'psh', 'ack', 'urg', 'ece', 'cwr'];
const ADDRESS_TYPES = ['unicast', 'local', 'broadcast', 'multicast', 'blackhole'];
const INTERFACE_GROUPS = ['all-ethernet', 'all-ppp', 'all-vlan', 'all-wireless'];
const BUILTIN_LISTS = ['all', 'dynamic', 'none', 'static'];
/** 35w3d13h13m56s, the longest address-list timeout RouterOS accepts. */
const MAX_ADDRESS_LIST_TIMEOUT = 35 * 604800 + 3 * 86400 + 13 * 3600 + 13 * 60 + 56;

const action = (...values: string[]) => needs('action', values);
const portProtocol = needs('protocol', PORT_PROTOCOLS);
const tcpOnly = needs('protocol', ['tcp', '6']);

export const firewallMangle: MenuSchema = menu({
  path: '/ip firewall mangle',
  summary: 'Mangle rules: mark connections, packets and routing, change header fields, or add addresses to lists.',
  coverage: 'full',
  manualUrl: MANGLE_URL,
  defines: { kind: 'firewall-chain', by: 'chain' },
  extraDefines: [
    { kind: 'connection-mark', by: 'new-connection-mark' },
    { kind: 'packet-mark', by: 'new-packet-mark' },
    // add-src/dst-to-address-list creates the list it names.
    { kind: 'address-list', by: 'address-list' },
  ],
  builtinNames: [...BUILTIN_CHAINS],
  common: RULE_COMMANDS,
  own: [
    command('print', 'Show rules; `stats` adds counters, `all`/`static`/`dynamic` choose which rules.', {
      parameters: [
        ...PRINT_PARAMETERS.filter((p) => p.name !== 'brief'),
        param('stats', anyValue, 'Show byte and packet counters.', { flag: true }),
        param('all', anyValue, 'Show static and dynamic rules.', { flag: true }),
        param('static', anyValue, 'Show only configured rules.', { flag: true }),
        param('dynamic', anyValue, 'Show only rules added by services.', { flag: true }),
        param('chain', ref('firewall-chain'), 'Show only rules of this chain.'),
      ],
    }),
  ],
  parameters: [
    param('action', oneOf([...MANGLE_ACTIONS]), 'What the rule does with a matching packet.', {
      default: 'accept',
      example: 'action=mark-connection',
      valueRequires: [
        whenValue(['jump'], needs('jump-target')),
        whenValue(['change-mss'], tcpOnly, needs('tcp-flags', ['syn'], { match: 'contains' })),
        whenValue(['mark-routing'], needs('chain', ['input', 'forward', 'postrouting'], { match: 'noneOf' })),
        whenValue(['route'], needs('chain', ['input', 'forward', 'output', 'postrouting'], { match: 'noneOf' })),
      ],
    }),
    param('address-list', str({ min: 1 }), 'Address list the rule adds the source or destination address to (created if missing).', {
      requires: [action('add-src-to-address-list', 'add-dst-to-address-list')],
      example: 'address-list=port-scanners',
    }),
    param('address-list-timeout', time({ min: 0, max: MAX_ADDRESS_LIST_TIMEOUT, keywords: ['none-dynamic', 'none-static'] }), 'How long the added address-list entry lives.', {
      default: 'none-dynamic',
      requires: [action('add-src-to-address-list', 'add-dst-to-address-list')],
      example: 'address-list-timeout=1d',
    }),
    param('chain', ref('firewall-chain', { keywords: [...BUILTIN_CHAINS] }), 'Chain the rule belongs to; a new name makes a user chain.', {
      required: true,
      example: 'chain=prerouting',
    }),
    commentParam,
    param('connection-bytes', pattern('range'), 'Match connections that have moved this many bytes (from-to, 0 as end: no limit).', { example: 'connection-bytes=2000000-0' }),
    param('connection-limit', pattern('connection-limit', true), 'Match when an address or subnet has more than this many connections.', { example: 'connection-limit=100,32' }),
    param('connection-mark', ref('connection-mark', { keywords: ['no-mark'], negatable: true }), 'Match the mark of the connection.', { example: 'connection-mark=wan1_conn' }),
    param('connection-nat-state', listOf(['srcnat', 'dstnat'], { negatable: true }), 'Match connections that were source- or destination-NATed.'),
    param('connection-rate', pattern('range', true), 'Match the current speed of the connection (bits per second, from-to).', { example: 'connection-rate=0-100k' }),
    param('connection-state', listOf(['invalid', 'established', 'related', 'new', 'untracked'], { negatable: true }), 'Match the connection-tracking state.', {
      example: 'connection-state=established,related',
    }),
    param('connection-type', oneOf(['ftp', 'h323', 'irc', 'pptp', 'quake3', 'sip', 'tftp'], { negatable: true }), 'Match connections a helper recognised as related to this protocol.'),
    param('content', str({ negatable: true }), 'Match packets containing this text.'),
    copyFromParam,
    disabledParam('no'),
    param('dscp', int(0, 63, { negatable: true }), 'Match the DSCP value of the packet.'),
    param('dst-address', addressMatch, 'Match the destination address (address, prefix or range).', { example: 'dst-address=10.0.0.0/8' }),
    param('dst-address-list', ref('address-list', { negatable: true }), 'Match destinations that are in this address list.'),
    param('dst-address-type', listOf(ADDRESS_TYPES, { negatable: true }), 'Match the kind of destination address.'),
    param('dst-limit', pattern('dst-limit'), 'Rate-limit matching per destination (or other) flow.', { example: 'dst-limit=10/1m,5,src-address/1h' }),
    param('dst-port', pattern('port-list', true), 'Match destination ports (list and ranges).', { requires: [portProtocol], example: 'dst-port=80,443' }),
    param('fragment', bool, 'Match fragments other than the first.'),
    param('hotspot', listOf(['auth', 'from-client', 'http', 'local-dst', 'to-client'], { negatable: true }), 'Match packets by their HotSpot role.'),
    param('icmp-options', pattern('icmp-options', true), 'Match ICMP type and code.', { example: 'icmp-options=8:0' }),
    param('in-bridge-port', ref('interface', { keywords: INTERFACE_GROUPS, negatable: true }), 'Match the bridge port the packet came in on.'),
    param('in-bridge-port-list', ref('interface-list', { keywords: BUILTIN_LISTS, negatable: true }), 'Match bridge ports in this interface list (ingress).'),
    param('in-interface', ref('interface', { keywords: INTERFACE_GROUPS, negatable: true }), 'Match the interface the packet came in on.', { example: 'in-interface=ether2' }),
    param('in-interface-list', ref('interface-list', { keywords: BUILTIN_LISTS, negatable: true }), 'Match interfaces in this list (ingress).', { example: 'in-interface-list=LAN' }),
    param('ingress-priority', int(0, 63, { negatable: true }), 'Match the priority the packet carried when it arrived.'),
    param('ipsec-policy', pattern('ipsec-policy'), 'Match whether the packet is handled by IPsec (direction,policy).', { example: 'ipsec-policy=in,ipsec' }),
    param(
      'ipv4-options',
      oneOf(['any', 'none', 'strict-source-routing', 'loose-source-routing', 'no-source-routing', 'record-route', 'no-record-route', 'timestamp', 'no-timestamp', 'router-alert', 'no-router-alert']),
      'Match IPv4 header options.',
    ),
    param('jump-target', ref('firewall-chain', { keywords: [...BUILTIN_CHAINS] }), 'Chain to continue in for action=jump.', { requires: [action('jump')], example: 'jump-target=my-chain' }),
    param('layer7-protocol', ref('layer7-protocol', { negatable: true }), 'Match a Layer 7 pattern defined in /ip firewall layer7-protocol.'),
    param('limit', pattern('limit', true), 'Match until a rate is exceeded (count/time,burst).', { example: 'limit=50/5s,2:packet' }),
    param('log', bool, 'Also write matching packets to the log, whatever the action.', { default: 'no' }),
    param('log-prefix', str({ max: 31 }), 'Text put in front of log lines of this rule.', { default: '""', example: 'log-prefix="MANGLE "' }),
    param('new-connection-mark', str({ min: 1 }), 'Mark given to the connection by action=mark-connection.', { requires: [action('mark-connection')], example: 'new-connection-mark=wan1_conn' }),
    param('new-dscp', int(0, 63, { keywords: ['from-priority', 'from-priority-to-high-3-bits'] }), 'DSCP value set by action=change-dscp.', { requires: [action('change-dscp')] }),
    param('new-mss', int(40, 65534, { keywords: ['clamp-to-pmtu'] }), 'TCP MSS set by action=change-mss.', { requires: [action('change-mss')], example: 'new-mss=clamp-to-pmtu' }),
    param('new-packet-mark', str({ min: 1 }), 'Mark given to the packet by action=mark-packet.', { requires: [action('mark-packet')], example: 'new-packet-mark=voip' }),
    param('new-priority', int(0, 63, { keywords: ['from-dscp', 'from-dscp-high-3-bits', 'from-ingress'] }), 'Priority set by action=set-priority.', { requires: [action('set-priority')] }),
    param('new-routing-mark', ref('routing-table', { keywords: ['main'] }), 'Routing table chosen by action=mark-routing (v7: must exist in /routing table).', {
      requires: [action('mark-routing')],
      example: 'new-routing-mark=to_wan1',
    }),
    param('new-ttl', pattern('ttl-change'), 'TTL change made by action=change-ttl (set:N, increment:N, decrement:N).', { requires: [action('change-ttl')], example: 'new-ttl=set:64' }),
    param('nth', pattern('nth', true), 'Match every Nth packet (every,packet).', { example: 'nth=2,1' }),
    param('out-bridge-port', ref('interface', { keywords: INTERFACE_GROUPS, negatable: true }), 'Match the bridge port the packet leaves by.'),
    param('out-bridge-port-list', ref('interface-list', { keywords: BUILTIN_LISTS, negatable: true }), 'Match bridge ports in this interface list (egress).'),
    param('out-interface', ref('interface', { keywords: INTERFACE_GROUPS, negatable: true }), 'Match the interface the packet leaves by.', { example: 'out-interface=pppoe-out1' }),
    param('out-interface-list', ref('interface-list', { keywords: BUILTIN_LISTS, negatable: true }), 'Match interfaces in this list (egress).', { example: 'out-interface-list=WAN' }),
    param(
      'p2p',
      oneOf(['all-p2p', 'bit-torrent', 'blubster', 'direct-connect', 'edonkey', 'fasttrack', 'gnutella', 'soulseek', 'warez', 'winmx'], { negatable: true }),
      'Match old unencrypted peer-to-peer protocols (obsolete).',
    ),
    param('packet-mark', ref('packet-mark', { keywords: ['no-mark'], negatable: true }), 'Match the packet mark.'),
    param('packet-size', pattern('size-range', true), 'Match the packet size (min or min-max bytes).', { example: 'packet-size=0-128' }),
    param('passthrough', bool, 'Go on to the next rule after this one acted.', { default: 'yes', example: 'passthrough=no' }),
    param('per-connection-classifier', pattern('pcc', true), 'Split traffic into buckets by a hash (hash:denominator/remainder).', { example: 'per-connection-classifier=both-addresses:2/0' }),
    placeBeforeParam,
    param('port', pattern('port-list', true), 'Match when the source or the destination port is in the list.', { requires: [portProtocol] }),
    param('priority', int(0, 63, { negatable: true }), 'Match the packet priority.'),
    param('protocol', either(oneOf([...IP_PROTOCOLS], { negatable: true }), int(0, 255, { negatable: true })), 'Match the IP protocol (name or number).', { example: 'protocol=tcp' }),
    param('psd', pattern('psd'), 'Detect port scans (weight threshold, delay threshold, low and high port weights).', { example: 'psd=21,3s,3,1' }),
    param('random', int(1, 99), 'Match packets at random with this percentage.'),
    param('realm', int(0, undefined, { negatable: true }), 'Match the routing realm.'),
    param('route-dst', ipv4, 'Gateway the packet is sent to by action=route.', { requires: [action('route')] }),
    param('routing-mark', ref('routing-table', { keywords: ['main'], negatable: true }), 'Match the routing mark.'),
    param('sniff-id', int(0), 'Session id sent with packets copied by action=sniff-pc.', { requires: [action('sniff-pc')] }),
    param('sniff-target', ipv4, 'Address receiving packets copied by action=sniff-tzsp or sniff-pc.', { requires: [action('sniff-tzsp', 'sniff-pc')] }),
    param('sniff-target-port', int(0, 65535), 'UDP port receiving copied packets.', { requires: [action('sniff-tzsp', 'sniff-pc')] }),
    param('src-address', addressMatch, 'Match the source address (address, prefix or range).', { example: 'src-address=192.168.88.0/24' }),
    param('src-address-list', ref('address-list', { negatable: true }), 'Match sources that are in this address list.'),
    param('src-address-type', listOf(ADDRESS_TYPES, { negatable: true }), 'Match the kind of source address.'),
    param('src-mac-address', { kind: 'mac', negatable: true }, 'Match the source MAC address.'),
    param('src-port', pattern('port-list', true), 'Match source ports (list and ranges).', { requires: [portProtocol] }),
    param('tcp-flags', listOf(TCP_FLAGS, { negatable: true, elementNegation: true }), 'Match TCP flags; each flag may be negated on its own.', {
      requires: [tcpOnly],
      example: 'tcp-flags=syn,!ack',
    }),
    param('tcp-mss', pattern('size-range', true), 'Match the MSS option of TCP packets.', { requires: [tcpOnly], example: 'tcp-mss=1301-65535' }),
    param('time', pattern('time-window', true), 'Match by local time of day and weekday.', { example: 'time=8h-16h,mon,tue,wed,thu,fri' }),
    param('tls-host', str({ negatable: true }), 'Match the server name of TLS connections (glob pattern).', { example: 'tls-host=*.example.com' }),
    param('tos', pattern('tos', true), 'Match the ToS byte, optionally under a mask.', { since: '7.21' }),
    param('ttl', pattern('ttl-match'), 'Match the IPv4 TTL (equal, not-equal, less-than, greater-than).', { example: 'ttl=equal:64' }),
    param('bytes', int(0), 'Bytes matched by the rule.', { readOnly: true }),
    param('packets', int(0), 'Packets matched by the rule.', { readOnly: true }),
    param('dynamic', anyValue, 'Status flag: added by a service, not by configuration.', { readOnly: true, flag: true }),
    param('invalid', anyValue, 'Status flag: the rule cannot be used as written.', { readOnly: true, flag: true }),
  ],
});
