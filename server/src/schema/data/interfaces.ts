/**
 * Interface menus at names level (menu, commands, parameter names, main value types): the menus the PPPoE user
 * guide touches around its PPPoE setup.
 */
import type { MenuSchema } from '../types.js';
import {
  PLAIN_TABLE_COMMANDS,
  anyValue,
  bool,
  command,
  commentParam,
  copyFromParam,
  disabledParam,
  int,
  oneOf,
  param,
  placeBeforeParam,
  ref,
  str,
  time,
} from './build.js';
import { MONITOR_PARAMETERS, PRINT_PARAMETERS } from './commonCommands.js';
import { menu } from './menu.js';

const ro = { readOnly: true } as const;
const BUILTIN_LISTS = ['all', 'dynamic', 'none', 'static'];
const ARP_MODES = ['disabled', 'enabled', 'local-proxy-arp', 'proxy-arp', 'reply-only'];

/** Properties every interface shows in `/interface print` (read-only counters and state). */
const interfaceStatus = [
  param('type', str(), 'Kind of interface (ether, vlan, pppoe-out, ...).', ro),
  param('running', anyValue, 'Status flag: the interface is up.', { ...ro, flag: true }),
  param('slave', anyValue, 'Status flag: the interface is a port of a bridge or bond.', { ...ro, flag: true }),
  param('dynamic', anyValue, 'Status flag: created by a service.', { ...ro, flag: true }),
  param('actual-mtu', int(0), 'MTU in use.', ro),
  param('mac-address', anyValue, 'MAC address.', ro),
  param('last-link-up-time', anyValue, 'When the link last came up.', ro),
  param('last-link-down-time', anyValue, 'When the link last went down.', ro),
  param('link-downs', int(0), 'How often the link went down.', ro),
  param('rx-byte', int(0), 'Bytes received.', ro),
  param('tx-byte', int(0), 'Bytes sent.', ro),
  param('rx-packet', int(0), 'Packets received.', ro),
  param('tx-packet', int(0), 'Packets sent.', ro),
  param('rx-drop', int(0), 'Received packets dropped.', ro),
  param('tx-drop', int(0), 'Sent packets dropped.', ro),
  param('rx-error', int(0), 'Receive errors.', ro),
  param('tx-error', int(0), 'Transmit errors.', ro),
  param('fp-rx-byte', int(0), 'Bytes received on the fast path.', ro),
  param('fp-tx-byte', int(0), 'Bytes sent on the fast path.', ro),
];

export const interfaceMenu: MenuSchema = menu({
  path: '/interface',
  summary: 'All interfaces of the router, whatever their type.',
  coverage: 'names',
  common: ['comment', 'disable', 'edit', 'enable', 'export', 'find', 'get', 'print', 'reset', 'reset-counters', 'set'],
  own: [
    command('print', 'Show interfaces; `stats` shows traffic counters.', {
      parameters: [...PRINT_PARAMETERS, param('stats', anyValue, 'Show counters.', { flag: true }), param('stats-detail', anyValue, 'Show all counters.', { flag: true })],
    }),
    command('monitor-traffic', 'Show live traffic rates of interfaces.', {
      positional: ['interface'],
      parameters: [
        param('interface', ref('interface', { list: true }), 'Interfaces to watch.'),
        ...MONITOR_PARAMETERS.filter((p) => p.name !== 'numbers'),
      ],
    }),
    command('blink', 'Blink the port LED to find the port.', { positional: ['numbers'], parameters: [param('numbers', anyValue, 'Interfaces.')] }),
  ],
  parameters: [
    param('name', str({ min: 1 }), 'Interface name.'),
    param('mtu', int(0, 65535, { keywords: ['auto'] }), 'Layer 3 MTU.'),
    param('l2mtu', int(0, 65535), 'Layer 2 MTU.'),
    commentParam,
    disabledParam('no'),
    ...interfaceStatus,
  ],
});

export const vlanMenu: MenuSchema = menu({
  path: '/interface vlan',
  summary: '802.1Q VLAN interfaces on top of another interface.',
  coverage: 'names',
  manualUrl: 'https://help.mikrotik.com/docs/display/ROS/VLAN',
  defines: { kind: 'interface', by: 'name' },
  common: PLAIN_TABLE_COMMANDS,
  parameters: [
    param('name', str({ min: 1 }), 'Interface name.', { required: true }),
    param('vlan-id', int(1, 4094), 'VLAN tag.', { required: true }),
    param('interface', ref('interface'), 'Parent interface.', { required: true }),
    param('mtu', int(0, 65535), 'MTU.', { default: '1500' }),
    param('arp', oneOf(ARP_MODES), 'ARP mode.', { default: 'enabled' }),
    param('arp-timeout', time({ keywords: ['auto'] }), 'ARP entry lifetime.'),
    param('use-service-tag', bool, 'Use an 802.1ad service tag.'),
    param('loop-protect', oneOf(['default', 'off', 'on']), 'Loop protection.'),
    param('loop-protect-disable-time', time(), 'How long the port stays off after a loop.'),
    param('loop-protect-send-interval', time(), 'Interval of loop-protect packets.'),
    param('mvrp', bool, 'Announce the VLAN with MVRP.'),
    commentParam,
    copyFromParam,
    disabledParam('no'),
  ],
});

export const ethernetMenu: MenuSchema = menu({
  path: '/interface ethernet',
  summary: 'Ethernet ports (created by the hardware, not by add).',
  coverage: 'names',
  common: ['comment', 'disable', 'edit', 'enable', 'export', 'find', 'get', 'monitor', 'print', 'reset', 'reset-counters', 'set', 'unset'],
  parameters: [
    param('name', str({ min: 1 }), 'Interface name.'),
    param('default-name', str(), 'Factory name of the port.', ro),
    param('mtu', int(0, 65535), 'MTU.'),
    param('l2mtu', int(0, 65535), 'Layer 2 MTU.'),
    param('arp', oneOf(ARP_MODES), 'ARP mode.'),
    param('mac-address', anyValue, 'MAC address.'),
    param('auto-negotiation', bool, 'Negotiate speed and duplex.'),
    param('advertise', anyValue, 'Speeds advertised during negotiation.'),
    param('speed', anyValue, 'Fixed speed when not negotiating.'),
    param('rx-flow-control', oneOf(['auto', 'off', 'on']), 'Pause frames received.'),
    param('tx-flow-control', oneOf(['auto', 'off', 'on']), 'Pause frames sent.'),
    param('loop-protect', oneOf(['default', 'off', 'on']), 'Loop protection.'),
    commentParam,
    disabledParam('no'),
  ],
});

export const bridgeMenu: MenuSchema = menu({
  path: '/interface bridge',
  summary: 'Bridges: software switches joining interfaces at layer 2.',
  coverage: 'names',
  manualUrl: 'https://help.mikrotik.com/docs/display/ROS/Bridging+and+Switching',
  defines: { kind: 'bridge', by: 'name' },
  extraDefines: [{ kind: 'interface', by: 'name' }],
  common: [...PLAIN_TABLE_COMMANDS, 'monitor'],
  parameters: [
    param('name', str({ min: 1 }), 'Bridge name.'),
    param('protocol-mode', oneOf(['none', 'rstp', 'stp', 'mstp']), 'Spanning-tree protocol.'),
    param('vlan-filtering', bool, 'Filter by VLAN on ports.'),
    param('pvid', int(1, 4094), 'VLAN id of the bridge itself.'),
    param('frame-types', oneOf(['admit-all', 'admit-only-untagged-and-priority-tagged', 'admit-only-vlan-tagged']), 'Frames the bridge interface accepts.'),
    param('igmp-snooping', bool, 'Track multicast groups.'),
    param('ingress-filtering', bool, 'Check VLAN membership of frames entering the bridge interface.'),
    param('ageing-time', time(), 'How long learned MAC addresses are kept.'),
    param('priority', int(0, 65535), 'Spanning-tree bridge priority.'),
    param('mvrp', bool, 'Announce VLANs with MVRP.'),
    param('dhcp-snooping', bool, 'Watch DHCP on ports.'),
    param('fast-forward', bool, 'Fast path between two ports.'),
    param('auto-mac', bool, 'Take the MAC of a port.'),
    param('admin-mac', anyValue, 'Fixed MAC when auto-mac=no.'),
    param('mtu', int(0, 65535, { keywords: ['auto'] }), 'MTU.'),
    param('arp', oneOf(ARP_MODES), 'ARP mode.'),
    commentParam,
    copyFromParam,
    disabledParam('no'),
  ],
});

export const bridgePortMenu: MenuSchema = menu({
  path: '/interface bridge port',
  summary: 'Ports of bridges.',
  coverage: 'names',
  common: [...PLAIN_TABLE_COMMANDS, 'monitor', 'move', 'unset'],
  parameters: [
    param('bridge', ref('bridge'), 'Bridge the port belongs to.', { required: true }),
    param('interface', ref('interface'), 'Interface used as the port.', { required: true }),
    param('pvid', int(1, 4094), 'VLAN id for untagged frames.'),
    param('frame-types', oneOf(['admit-all', 'admit-only-untagged-and-priority-tagged', 'admit-only-vlan-tagged']), 'Frames the port accepts.'),
    param('ingress-filtering', bool, 'Drop frames of VLANs the port is not a member of.'),
    param('hw', bool, 'Use hardware offloading.'),
    param('edge', oneOf(['auto', 'no', 'no-discover', 'yes', 'yes-discover']), 'Spanning-tree edge port.'),
    param('horizon', int(0, undefined, { keywords: ['none'] }), 'Split-horizon group.'),
    param('trusted', bool, 'DHCP-snooping trusted port.'),
    param('path-cost', int(1, 200000000), 'Spanning-tree path cost.'),
    param('priority', int(0, 240), 'Spanning-tree priority.'),
    param('learn', oneOf(['auto', 'no', 'yes']), 'Learn MAC addresses on the port.'),
    param('bpdu-guard', bool, 'Disable the port when a BPDU arrives.'),
    commentParam,
    copyFromParam,
    placeBeforeParam,
    disabledParam('no'),
  ],
});

export const interfaceListMenu: MenuSchema = menu({
  path: '/interface list',
  summary: 'Named interface lists used by firewall and services (LAN, WAN).',
  coverage: 'names',
  defines: { kind: 'interface-list', by: 'name' },
  builtinNames: BUILTIN_LISTS,
  common: PLAIN_TABLE_COMMANDS.filter((name) => name !== 'disable' && name !== 'enable'),
  parameters: [
    param('name', str({ min: 1 }), 'List name.', { required: true }),
    param('include', ref('interface-list', { list: true, keywords: BUILTIN_LISTS }), 'Lists whose members are included.'),
    param('exclude', ref('interface-list', { list: true, keywords: BUILTIN_LISTS }), 'Lists whose members are left out.'),
    commentParam,
    copyFromParam,
  ],
});

export const interfaceListMemberMenu: MenuSchema = menu({
  path: '/interface list member',
  summary: 'Interfaces that belong to interface lists.',
  coverage: 'names',
  common: PLAIN_TABLE_COMMANDS,
  parameters: [
    param('list', ref('interface-list', { keywords: BUILTIN_LISTS }), 'The list.', { required: true }),
    param('interface', ref('interface'), 'The member interface.', { required: true }),
    commentParam,
    copyFromParam,
    disabledParam('no'),
  ],
});

export const interfaceMenus: readonly MenuSchema[] = [
  interfaceMenu, vlanMenu, ethernetMenu, bridgeMenu, bridgePortMenu, interfaceListMenu, interfaceListMemberMenu,
];

