/**
 * PPP menus, in depth: `/ppp profile`, `/ppp secret`, `/ppp aaa` (singleton) and `/ppp active` (read-only).
 * Facts: routeros-facts.md B.1 and Part D (v6-only items carry `until: '7.0'`).
 */
import type { MenuSchema } from '../types.js';
import {
  SINGLETON_COMMANDS,
  TABLE_COMMANDS,
  anyValue,
  bool,
  command,
  commentParam,
  disabledParam,
  either,
  int,
  ipv4,
  ipv4List,
  ipv6Prefix,
  oneOf,
  param,
  pattern,
  ref,
  script,
  str,
  time,
} from './build.js';
import { PRINT_SHOW_SENSITIVE } from './commonCommands.js';
import { menu } from './menu.js';

const PPP_URL = 'https://help.mikrotik.com/docs/display/ROS/PPP';
const AAA_URL = 'https://help.mikrotik.com/docs/spaces/ROS/pages/132350049/PPP+AAA';
const BUILTIN_PROFILES = ['default', 'default-encryption'];
const DEFAULT_NO_YES = ['default', 'no', 'yes'];
const DEFAULT_NO_YES_REQUIRED = ['default', 'no', 'yes', 'required'];
/** An address given directly or the name of an IP pool to take it from. */
const addressOrPool = either(ipv4, ref('ip-pool'));

export const pppProfile: MenuSchema = menu({
  path: '/ppp profile',
  summary: 'PPP profiles: settings shared by many PPP sessions (addresses, DNS, limits, scripts, bridging).',
  coverage: 'full',
  manualUrl: PPP_URL,
  defines: { kind: 'ppp-profile', by: 'name' },
  // Sessions of the profile put their address into these lists, which creates them (value may be a comma list).
  extraDefines: [{ kind: 'address-list', by: 'address-list' }],
  builtinNames: BUILTIN_PROFILES,
  common: TABLE_COMMANDS.filter((name) => name !== 'disable' && name !== 'enable'),
  parameters: [
    param('address-list', str(), 'Address lists (comma separated) the peer address is added to while the session is up; they are created if missing.', { default: '""' }),
    param('bridge', ref('bridge'), 'Bridge the PPP interface joins as a port (BCP).', { default: '""' }),
    param('bridge-horizon', int(0, 4294967295), 'Split-horizon value of the dynamic bridge port.'),
    param('bridge-learning', oneOf(DEFAULT_NO_YES), 'MAC learning on the dynamic bridge port.', { default: 'default' }),
    param('bridge-path-cost', int(1, 200000000), 'Spanning-tree path cost of the dynamic bridge port.'),
    param('bridge-port-priority', int(0, 240), 'Spanning-tree priority of the dynamic bridge port.'),
    param('bridge-port-trusted', bool, 'Treat the dynamic bridge port as trusted for DHCP snooping.', { default: 'no', since: '7.17' }),
    param('bridge-port-vid', int(1, 4094), 'Port VLAN id of the dynamic bridge port.', { since: '7.17' }),
    param('change-tcp-mss', oneOf(DEFAULT_NO_YES), 'Adjust the TCP MSS of IPv4 connections over the link to fit its MTU.', { default: 'default' }),
    commentParam,
    param('copy-from', ref('ppp-profile', { keywords: BUILTIN_PROFILES }), 'Profile whose values the new one starts from.', { onlyFor: ['add'] }),
    param('dhcpv6-lease-time', time(), 'Lease time of the DHCPv6 prefix-delegation server created for the session.', { default: '1d', since: '7.20' }),
    param('dhcpv6-pd-pool', ref('ipv6-pool'), 'IPv6 pool for the dynamic DHCPv6 prefix-delegation server.', { default: '""' }),
    param('dhcpv6-use-radius', bool, 'Let the dynamic DHCPv6 prefix-delegation server ask RADIUS.', { default: 'no', since: '7.20' }),
    param('dns-server', ipv4List, 'DNS server address(es) given to the peer.', { default: '""', example: 'dns-server=8.8.8.8,8.8.4.4' }),
    param('idle-timeout', time(), 'Drop the session after this long without traffic.'),
    param('incoming-filter', ref('firewall-chain', { keywords: ['forward', 'input', 'output'] }), 'Firewall chain that receives the packets coming from the peer.', { default: '""' }),
    param('insert-queue-before', ref('queue', { keywords: ['bottom', 'first'] }), 'Where the dynamic simple queue is placed in the queue list.'),
    param('interface-list', ref('interface-list', { keywords: ['all', 'dynamic', 'none', 'static'] }), 'Interface list the dynamic PPP interface joins.', { default: '""' }),
    param('local-address', addressOrPool, 'Address of the router end, or a pool to take it from.', { default: '""', example: 'local-address=192.168.100.1' }),
    param('name', str({ min: 1 }), 'Name of the profile.', { required: true, example: 'name=pppoe-profile' }),
    param('on-down', script, 'Script run when a session using the profile ends.', { default: '""' }),
    param('on-up', script, 'Script run when a session using the profile comes up.', { default: '""', example: 'on-up={ :log info "up $user" }' }),
    param('only-one', oneOf(DEFAULT_NO_YES), 'Allow only one session per user at a time.', { default: 'default' }),
    param('outgoing-filter', ref('firewall-chain', { keywords: ['forward', 'input', 'output'] }), 'Firewall chain that receives the packets going to the peer.', { default: '""' }),
    param('parent-queue', ref('queue', { keywords: ['none'] }), 'Parent of the dynamic simple queue.'),
    param('queue-type', anyValue, 'Queue type(s) of the dynamic simple queue (one name, or upload/download pair).'),
    param('rate-limit', pattern('rate-limit'), 'Speed limit of the dynamic simple queue (rx/tx with optional burst values).', { default: '""', example: 'rate-limit=10M/5M' }),
    param('remote-address', addressOrPool, 'Address given to the peer, or a pool to take it from.', { default: '""', example: 'remote-address=pppoe-pool' }),
    param('remote-ipv6-prefix-pool', ref('ipv6-pool', { keywords: ['none'] }), 'IPv6 pool from which the peer gets a prefix.', { default: 'none' }),
    param('remote-ipv6-prefix-reuse', bool, 'Give every session of the profile the same /64 from the pool.', { default: 'no', since: '7.20' }),
    param('session-timeout', time(), 'Longest a session may last.'),
    param('use-compression', oneOf(DEFAULT_NO_YES), 'Negotiate data compression.', { default: 'default' }),
    param('use-encryption', oneOf(DEFAULT_NO_YES_REQUIRED), 'Negotiate MPPE encryption.', { default: 'default' }),
    param('use-ipv6', oneOf(DEFAULT_NO_YES_REQUIRED), 'Allow IPv6 on the link.', { default: 'default' }),
    param('use-mpls', oneOf(DEFAULT_NO_YES_REQUIRED), 'Allow MPLS over the link.', { default: 'default' }),
    param('use-upnp', oneOf(DEFAULT_NO_YES), 'Treat the PPP interface as a UPnP internal interface.', { default: 'default' }),
    param('use-vj-compression', oneOf(DEFAULT_NO_YES), 'Van Jacobson TCP header compression (RouterOS v6 only).', { default: 'default', until: '7.0' }),
    param('wins-server', ipv4List, 'WINS server address(es) given to Windows peers.', { default: '""' }),
    param('default', anyValue, 'Status flag: one of the built-in profiles.', { readOnly: true, flag: true }),
  ],
});

export const pppSecret: MenuSchema = menu({
  path: '/ppp secret',
  summary: 'Local PPP user database: names, passwords and per-user settings for PPP servers.',
  coverage: 'full',
  manualUrl: PPP_URL,
  defines: { kind: 'ppp-secret', by: 'name' },
  common: TABLE_COMMANDS,
  printWith: [PRINT_SHOW_SENSITIVE],
  parameters: [
    param('caller-id', str(), 'Only accept the user from this caller (client IP for PPTP/L2TP, client MAC for PPPoE).', { default: '""' }),
    commentParam,
    param('copy-from', ref('ppp-secret'), 'Secret whose values the new one starts from.', { onlyFor: ['add'] }),
    disabledParam('no'),
    param('ipv6-routes', str(), 'IPv6 routes added while the user is connected.', { default: '""' }),
    param('limit-bytes-in', int(0), 'Bytes the user may send in one session (0: no limit).', { default: '0' }),
    param('limit-bytes-out', int(0), 'Bytes the user may receive in one session (0: no limit).', { default: '0' }),
    param('local-address', ipv4, 'Router-side address for this user, overriding the profile.'),
    param('name', str({ min: 1 }), 'User name.', { required: true, example: 'name=user1' }),
    param('password', str(), 'User password.', { default: '""', sensitive: true }),
    param('profile', ref('ppp-profile', { keywords: BUILTIN_PROFILES }), 'Profile applied to this user.', { default: 'default' }),
    param('remote-address', ipv4, 'Address given to this user, overriding the profile pool.', { example: 'remote-address=192.168.100.10' }),
    param('remote-ipv6-prefix', ipv6Prefix, 'IPv6 prefix given to this user.'),
    param('routes', str(), 'IPv4 routes added while the user is connected ("dst gateway metric", comma separated).', { default: '""' }),
    param('service', oneOf(['any', 'async', 'isdn', 'l2tp', 'ovpn', 'pppoe', 'pptp', 'sstp'], { valueVersions: { isdn: { until: '7.0' } } }), 'PPP service the secret is valid for.', {
      default: 'any',
      example: 'service=pppoe',
    }),
    param('last-logged-out', anyValue, 'When the user last disconnected.', { readOnly: true }),
    param('last-caller-id', str(), 'Caller id of the last session.', { readOnly: true }),
    param(
      'last-disconnect-reason',
      oneOf(['peer-request', 'hung-up', 'idle-timeout', 'session-timeout', 'reset', 'reboot', 'port-error', 'nas-error', 'nas-request']),
      'Why the last session ended.',
      { readOnly: true },
    ),
  ],
});

export const pppAaa: MenuSchema = menu({
  path: '/ppp aaa',
  summary: 'PPP authentication, authorization and accounting settings (RADIUS use).',
  coverage: 'full',
  manualUrl: AAA_URL,
  singleton: true,
  common: SINGLETON_COMMANDS,
  own: [command('reset', 'Return the named AAA settings (or all) to their defaults.', { since: '7.21', takesProperties: true })],
  parameters: [
    param('accounting', bool, 'Send RADIUS accounting records.', { default: 'yes' }),
    param('enable-ipv6-accounting', bool, 'Count IPv6 traffic separately in RADIUS accounting.', { default: 'no', since: '7.15' }),
    param('interim-update', time(), 'Interval of RADIUS interim accounting updates (0s: none).', { default: '0s' }),
    param('use-circuit-id-in-nas-port-id', bool, 'Put the PPPoE circuit id into the RADIUS NAS-Port-Id.', { default: 'no' }),
    param('use-radius', bool, 'Ask RADIUS for users not found in /ppp secret.', { default: 'no' }),
  ],
});

export const pppActive: MenuSchema = menu({
  path: '/ppp active',
  summary: 'Connected PPP sessions (read-only); remove disconnects a session.',
  coverage: 'full',
  manualUrl: PPP_URL,
  common: ['find', 'get', 'print', 'remove'],
  own: [
    command('reset', 'Reset the counters of sessions.', {
      positional: ['numbers'],
      parameters: [param('numbers', anyValue, 'Sessions to act on.'), param('comment', str(), 'Comment to store.')],
    }),
  ],
  parameters: [
    param('name', str(), 'User name of the session.', { readOnly: true }),
    param('service', oneOf(['async', 'l2tp', 'ovpn', 'pppoe', 'pptp', 'sstp']), 'PPP service of the session.', { readOnly: true, example: 'print where service=pppoe' }),
    param('caller-id', str(), 'Client IP (PPTP/L2TP) or MAC address (PPPoE).', { readOnly: true }),
    param('address', ipv4, 'Address given to the client.', { readOnly: true }),
    param('uptime', time(), 'How long the session has been up.', { readOnly: true }),
    param('encoding', str(), 'Encryption and compression in use.', { readOnly: true }),
    param('session-id', anyValue, 'Session identifier.', { readOnly: true }),
    param('limit-bytes-in', int(0), 'Upload limit of the session.', { readOnly: true }),
    param('limit-bytes-out', int(0), 'Download limit of the session.', { readOnly: true }),
    param('comment', str(), 'Comment of the session (scripts find sessions by it).', { readOnly: true }),
    param('radius', anyValue, 'Status flag: the session was authorized by RADIUS.', { readOnly: true, flag: true }),
  ],
});

export const pppMenus: readonly MenuSchema[] = [pppProfile, pppSecret, pppAaa, pppActive];
