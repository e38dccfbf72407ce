/**
 * PPPoE menus, in depth: `/interface pppoe-client`, `/interface pppoe-server` (static bindings) and
 * `/interface pppoe-server server`. Facts: routeros-facts.md B.1 (types, defaults, versions).
 */
import type { MenuSchema, ParameterSchema } from '../types.js';
import {
  TABLE_COMMANDS,
  anyValue,
  bool,
  command,
  commentParam,
  copyFromParam,
  disabledParam,
  int,
  ipv4,
  ipv6,
  listOf,
  oneOf,
  param,
  pattern,
  ref,
  str,
  time,
} from './build.js';
import { MONITOR_PARAMETERS, PRINT_SHOW_SENSITIVE } from './commonCommands.js';
import { menu } from './menu.js';

const PPP_AUTH = ['pap', 'chap', 'mschap1', 'mschap2'];
const PPPOE_URL = 'https://help.mikrotik.com/docs/display/ROS/PPPoE';
const BUILTIN_PROFILES = ['default', 'default-encryption'];

/** Status values `monitor` reports; they are readable in `monitor ... once do={...}` and in where filters. */
const clientStatus: readonly ParameterSchema[] = [
  param('status', oneOf(['dialing', 'verifying password...', 'connected', 'disconnected']), 'Connection state reported by monitor.', { readOnly: true }),
  param('uptime', time(), 'How long the current session has been up.', { readOnly: true }),
  param('active-links', int(0), 'Number of links in use (more than one with multilink).', { readOnly: true }),
  param('encoding', str(), 'Encryption and compression in use on the session.', { readOnly: true }),
  param('ac-mac', anyValue, 'MAC address of the access concentrator serving the session.', { readOnly: true }),
  param('mtu', int(0), 'MTU negotiated for the session.', { readOnly: true }),
  param('mru', int(0), 'MRU negotiated for the session.', { readOnly: true }),
  param('local-address', ipv4, 'IPv4 address the router received for its end of the session.', { readOnly: true }),
  param('remote-address', ipv4, 'IPv4 address of the far end of the session.', { readOnly: true }),
  param('local-ipv6-address', ipv6, 'IPv6 link-local address of this end.', { readOnly: true }),
  param('remote-ipv6-address', ipv6, 'IPv6 link-local address of the far end.', { readOnly: true }),
  param('running', anyValue, 'Status flag: the session is established.', { readOnly: true, flag: true }),
  param('invalid', anyValue, 'Status flag: the configuration cannot be used (for example a missing interface).', { readOnly: true, flag: true }),
];

export const pppoeClient: MenuSchema = menu({
  path: '/interface pppoe-client',
  summary: 'PPPoE client interfaces: dial a PPPoE access concentrator (usually the ISP) over an Ethernet-like interface.',
  coverage: 'full',
  manualUrl: PPPOE_URL,
  defines: { kind: 'interface', by: 'name' },
  common: TABLE_COMMANDS,
  printWith: [PRINT_SHOW_SENSITIVE],
  own: [
    command('monitor', 'Show the live state of a PPPoE client (status, uptime, addresses); in scripts use `once`.', {
      positional: ['numbers'],
      parameters: MONITOR_PARAMETERS,
    }),
    command('scan', 'List the PPPoE access concentrators answering on an interface (service, MAC, AC name).', {
      positional: ['interface'],
      parameters: [
        param('interface', ref('interface'), 'Interface to send discovery packets on.', { required: true }),
        param('duration', time(), 'Stop scanning after this long.'),
        param('freeze-frame-interval', time(), 'How long the screen stays still between refreshes.'),
        param('proplist', anyValue, 'Comma list of the values to show.'),
        param('as-value', anyValue, 'Return the answers as an array value instead of printing them.', { flag: true }),
        param('without-paging', anyValue, 'Print everything at once, without waiting for a key press.', { flag: true }),
      ],
    }),
  ],
  parameters: [
    param('ac-name', str(), 'Access concentrator to accept; empty accepts any on the segment.', { default: '""' }),
    param('add-default-route', bool, 'Install a default route through the session when it comes up.', { default: 'no' }),
    param('allow', listOf(PPP_AUTH), 'Authentication methods the client agrees to use.', { default: 'pap,chap,mschap1,mschap2', example: 'allow=mschap2' }),
    commentParam,
    copyFromParam,
    param('default-route-distance', int(0, 255), 'Distance of the default route the client adds.', { default: '1' }),
    param('dial-on-demand', bool, 'Connect only when traffic needs the link.', { default: 'no' }),
    disabledParam('yes'),
    param('host-uniq', pattern('hex-string'), 'Host-Uniq tag (hexadecimal) sent in discovery packets.', { example: 'host-uniq=0a1b2c' }),
    param('interface', ref('interface', { list: true }), 'Ethernet-like interface(s) to dial over (a port, VLAN or bridge).', { required: true, example: 'interface=ether1' }),
    param('keepalive-timeout', int(0, undefined, { keywords: ['disabled'] }), 'Seconds without LCP echo replies before the link is dropped; disabled turns the echo off.', { default: '10' }),
    param('max-mru', int(0, 65535, { keywords: ['auto'] }), 'Largest receive unit to negotiate.', { default: 'auto', example: 'max-mru=1492' }),
    param('max-mtu', int(0, 65535, { keywords: ['auto'] }), 'Largest transmit unit to negotiate.', { default: 'auto', example: 'max-mtu=1492' }),
    param('mrru', int(512, 65535, { keywords: ['disabled'] }), 'Multilink reconstructed receive unit; setting it turns on multilink PPP.', { default: 'disabled' }),
    param('name', str({ min: 1 }), 'Name of the PPPoE client interface.', { default: 'pppoe-out1', example: 'name=pppoe-out1' }),
    param('password', str(), 'Password for PPP authentication.', { default: '""', sensitive: true }),
    param('profile', ref('ppp-profile', { keywords: BUILTIN_PROFILES }), 'PPP profile applied to the session.', { default: 'default' }),
    param('service-name', str(), 'PPPoE service to ask for; empty accepts any.', { default: '""' }),
    param('use-peer-dns', bool, 'Use the DNS servers the peer offers.', { default: 'no' }),
    param('user', str(), 'User name for PPP authentication.', { default: '""' }),
    ...clientStatus,
  ],
});

export const pppoeServer: MenuSchema = menu({
  path: '/interface pppoe-server',
  summary: 'Static PPPoE server bindings: a fixed pppoe-in interface for one user of one PPPoE service.',
  coverage: 'full',
  manualUrl: PPPOE_URL,
  defines: { kind: 'interface', by: 'name' },
  common: [...TABLE_COMMANDS.filter((name) => name !== 'unset'), 'monitor'],
  parameters: [
    commentParam,
    copyFromParam,
    disabledParam('no'),
    param('name', str({ min: 1 }), 'Name of the static pppoe-in interface.', { example: 'name=pppoe-in-alice' }),
    param('service', ref('pppoe-service'), 'Service name of the PPPoE server this binding belongs to.', { required: true }),
    param('user', str(), 'PPP user whose session gets this interface.', { required: true }),
    param('mtu', int(0), 'MTU of the running session.', { readOnly: true }),
    param('mru', int(0), 'MRU of the running session.', { readOnly: true }),
    param('remote-address', anyValue, 'MAC address of the connected client.', { readOnly: true }),
    param('encoding', str(), 'Encryption and compression in use.', { readOnly: true }),
    param('uptime', time(), 'How long the session has been up.', { readOnly: true }),
    param('interface', ref('interface'), 'Interface the session arrived on.', { readOnly: true }),
    param('vid', int(0, 4094), 'VLAN id the session arrived with (PPPoE over VLAN range).', { readOnly: true }),
    param('dynamic', anyValue, 'Status flag: created automatically for a session.', { readOnly: true, flag: true }),
    param('running', anyValue, 'Status flag: the session is up.', { readOnly: true, flag: true }),
  ],
});

export const pppoeServerServer: MenuSchema = menu({
  path: '/interface pppoe-server server',
  summary: 'PPPoE servers (access concentrators): each listens on one interface and answers client discovery.',
  coverage: 'full',
  manualUrl: PPPOE_URL,
  defines: { kind: 'pppoe-service', by: 'service-name' },
  common: TABLE_COMMANDS.filter((name) => name !== 'unset'),
  parameters: [
    param('accept-empty-service', bool, 'Answer discovery packets that ask for no particular service when no server name matches.'),
    param('accept-untagged', bool, 'With pppoe-over-vlan-range, also serve untagged PPPoE on the interface.', {
      default: 'yes',
      since: '7.20',
    }),
    param('authentication', listOf(PPP_AUTH), 'Authentication methods offered to clients.', { default: 'pap,chap,mschap1,mschap2', example: 'authentication=mschap2' }),
    commentParam,
    copyFromParam,
    param('default-profile', ref('ppp-profile', { keywords: BUILTIN_PROFILES }), 'PPP profile for users whose secret or RADIUS reply names none.', { default: 'default' }),
    disabledParam('yes'),
    param('interface', ref('interface'), 'Interface on which the server listens for clients.', { required: true, example: 'interface=ether2' }),
    param('keepalive-timeout', int(0, undefined, { keywords: ['disabled'] }), 'Seconds of silence before keepalive probes start; the client is dropped if they stay unanswered.', { default: '10' }),
    param('max-mru', int(0, 65535, { keywords: ['auto'] }), 'Largest receive unit to negotiate.', { default: '1480' }),
    param('max-mtu', int(0, 65535, { keywords: ['auto'] }), 'Largest transmit unit to negotiate.', { default: '1480' }),
    param('max-sessions', int(0, undefined, { keywords: ['unlimited'] }), 'Most sessions this server accepts at the same time (0 or unlimited: no limit).', { default: 'unlimited' }),
    param('mrru', int(512, 65535, { keywords: ['disabled'] }), 'Multilink reconstructed receive unit; setting it enables multilink PPP.', { default: 'disabled' }),
    param('one-session-per-host', bool, 'Allow one session per client MAC; a new session replaces the old one.', { default: 'no' }),
    param('pado-delay', int(0), 'Milliseconds to wait before offering service, so other servers can answer first.'),
    param('pppoe-over-vlan-range', pattern('vlan-range'), 'VLAN ids (lists and ranges) on which the server takes PPPoE directly, without VLAN interfaces.', {
      default: '""',
      since: '7.17',
      example: 'pppoe-over-vlan-range=100-115,120',
    }),
    param('service-name', str(), 'Service name this server offers and accepts.', { default: '""' }),
    param('invalid', anyValue, 'Status flag: the server cannot run (for example its interface is missing).', { readOnly: true, flag: true }),
  ],
});

export const pppoeMenus: readonly MenuSchema[] = [pppoeClient, pppoeServer, pppoeServerServer];
