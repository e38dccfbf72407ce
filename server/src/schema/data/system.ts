/**
 * System and tool menus at names level: scripts, scheduler, logging, status menus, SNMP, graphing, e-mail,
 * netwatch, fetch, users, files, and the root commands (/ping, /import, /export) plus `/log`.
 */
import type { MenuSchema } from '../types.js';
import {
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
  listOf,
  oneOf,
  param,
  ref,
  script,
  str,
  time,
} from './build.js';
import { menu } from './menu.js';

const ro = { readOnly: true } as const;
const POLICIES = ['ftp', 'reboot', 'read', 'write', 'policy', 'test', 'password', 'sniff', 'sensitive', 'romon'];
const policyParam = param('policy', listOf(POLICIES), 'Permissions the script runs with.');
/** The scheduler also offers the login policies of user groups. */
const schedulerPolicyParam = param('policy', listOf([...POLICIES, 'api', 'local', 'rest-api', 'ssh', 'telnet', 'web', 'winbox']), 'Permissions the task runs with.');
const flag = (name: string, summary: string) => param(name, anyValue, summary, { flag: true });

export const systemScriptMenu: MenuSchema = menu({
  path: '/system script',
  summary: 'Stored scripts that can be run by name, from the scheduler or from other scripts.',
  coverage: 'names',
  manualUrl: 'https://help.mikrotik.com/docs/display/ROS/Scripting',
  defines: { kind: 'script', by: 'name' },
  common: PLAIN_TABLE_COMMANDS.filter((name) => name !== 'disable' && name !== 'enable'),
  own: [
    command('run', 'Run a stored script.', {
      positional: ['number'],
      parameters: [param('number', ref('script'), 'Script to run.'), flag('use-script-permissions', 'Run with the permissions of the script.')],
    }),
  ],
  parameters: [
    param('name', str({ min: 1 }), 'Script name.', { required: true }),
    param('source', script, 'The code.'),
    policyParam,
    param('dont-require-permissions', bool, 'Let the script run even when the caller lacks its policies.'),
    param('owner', str(), 'User who created the script.'),
    commentParam,
    copyFromParam,
    param('run-count', int(0), 'How often the script ran.', ro),
    param('last-started', anyValue, 'When the script last started.', ro),
  ],
});

export const schedulerMenu: MenuSchema = menu({
  path: '/system scheduler',
  summary: 'Run scripts at a time or at intervals.',
  coverage: 'names',
  common: PLAIN_TABLE_COMMANDS,
  parameters: [
    param('name', str({ min: 1 }), 'Task name.', { required: true }),
    param('on-event', script, 'Code to run, or the name of a stored script.'),
    param('interval', time(), 'Repeat interval (0s: run once).'),
    param('start-date', anyValue, 'First date to run.'),
    param('start-time', anyValue, 'Time of day to run, or startup.'),
    schedulerPolicyParam,
    commentParam,
    copyFromParam,
    disabledParam('no'),
    param('next-run', anyValue, 'When the task runs next.', ro),
    param('run-count', int(0), 'How often the task ran.', ro),
  ],
});

/**
 * Log topics as the RouterOS manual's Log page lists them: severities (critical, error, warning, info, debug),
 * then facilities. The menu is known by name only, so a topic missing here is never reported as an error.
 */
const LOG_TOPICS = [
  'critical', 'error', 'warning', 'info', 'debug', 'packet', 'raw',
  'account', 'async', 'backup', 'bfd', 'bgp', 'bridge', 'calc', 'caps', 'certificate', 'container', 'ddns',
  'dhcp', 'disk', 'dns', 'dot1x', 'dude', 'e-mail', 'event', 'fetch', 'firewall', 'gps', 'gsm', 'health',
  'hotspot', 'igmp-proxy', 'interface', 'ipsec', 'iscsi', 'isdn', 'kvm', 'l2tp', 'ldp', 'lte', 'manager', 'mme',
  'mpls', 'mqtt', 'natpmp', 'netwatch', 'ntp', 'ospf', 'ovpn', 'pim', 'poe-out', 'ppp', 'pppoe', 'pptp', 'ptp',
  'queue', 'radius', 'radvd', 'read', 'rip', 'route', 'rpki', 'rsvp', 'script', 'sertcp', 'smb', 'snmp', 'ssh',
  'sstp', 'state', 'store', 'system', 'telephony', 'tftp', 'timer', 'tr069', 'upnp', 'ups', 'vrrp', 'watchdog',
  'web-proxy', 'wireguard', 'wireless', 'write',
];

export const loggingMenu: MenuSchema = menu({
  path: '/system logging',
  summary: 'Rules sending log topics to log actions (memory, disk, remote).',
  coverage: 'names',
  common: TABLE_COMMANDS.filter((name) => name !== 'unset'),
  parameters: [
    param('topics', listOf(LOG_TOPICS, { negatable: true, elementNegation: true }), 'Comma list of topics, each optionally negated (ppp,info,!debug).'),
    param('action', anyValue, 'Log action receiving the messages (memory, disk, echo, remote or a user action).'),
    param('prefix', str(), 'Text put in front of each message.'),
    param('regex', str(), 'Only messages matching this expression.'),
    commentParam,
    copyFromParam,
    disabledParam('no'),
  ],
});

export const resourceMenu: MenuSchema = menu({
  path: '/system resource',
  summary: 'Hardware and software status (read-only).',
  coverage: 'names',
  singleton: true,
  common: ['get', 'print', 'monitor'],
  parameters: [
    'uptime', 'version', 'build-time', 'factory-software', 'free-memory', 'total-memory', 'cpu', 'cpu-count', 'cpu-frequency',
    'cpu-load', 'free-hdd-space', 'total-hdd-space', 'architecture-name', 'board-name', 'platform', 'write-sect-total', 'bad-blocks',
  ].map((name) => param(name, anyValue, 'Status value.', ro)),
});

export const identityMenu: MenuSchema = menu({
  path: '/system identity',
  summary: 'Name of the router.',
  coverage: 'names',
  singleton: true,
  common: SINGLETON_COMMANDS,
  parameters: [param('name', str({ min: 1 }), 'Router name.')],
});

export const clockMenu: MenuSchema = menu({
  path: '/system clock',
  summary: 'Date, time and time zone.',
  coverage: 'names',
  singleton: true,
  common: SINGLETON_COMMANDS,
  parameters: [
    param('time', anyValue, 'Time of day.'),
    param('date', anyValue, 'Date.'),
    param('time-zone-name', str(), 'Time zone (for example Europe/Riga).'),
    param('time-zone-autodetect', bool, 'Guess the time zone from the public address.'),
    param('gmt-offset', anyValue, 'Offset from UTC.', ro),
    param('dst-active', anyValue, 'Status flag: daylight saving time in effect.', { ...ro, flag: true }),
  ],
});

export const routerboardMenu: MenuSchema = menu({
  path: '/system routerboard',
  summary: 'RouterBOARD hardware information and firmware.',
  coverage: 'names',
  singleton: true,
  common: ['get', 'print'],
  own: [command('upgrade', 'Install the firmware matching the RouterOS version (takes effect after reboot).')],
  parameters: ['routerboard', 'board-name', 'model', 'serial-number', 'firmware-type', 'factory-firmware', 'current-firmware', 'upgrade-firmware'].map(
    (name) => param(name, anyValue, 'Hardware status value.', ro),
  ),
});

export const snmpMenu: MenuSchema = menu({
  path: '/snmp',
  summary: 'SNMP agent settings.',
  coverage: 'names',
  singleton: true,
  common: SINGLETON_COMMANDS,
  parameters: [
    param('enabled', bool, 'Run the SNMP agent.'),
    param('contact', str(), 'Contact information.'),
    param('location', str(), 'Location text.'),
    param('engine-id-suffix', str(), 'Suffix of the engine id.'),
    param('trap-community', anyValue, 'Community used for traps.'),
    param('trap-version', int(1, 3), 'SNMP version of traps.'),
    param('trap-generators', anyValue, 'Events that send traps.'),
    param('trap-interfaces', anyValue, 'Interfaces whose state changes send traps.'),
    param('trap-target', anyValue, 'Receivers of traps.'),
    param('src-address', anyValue, 'Source address of SNMP packets.'),
    param('vrf', anyValue, 'VRF of the agent.'),
  ],
});

export const graphingMenu: MenuSchema = menu({
  path: '/tool graphing',
  summary: 'Graphing settings (graphs shown on the router web page).',
  coverage: 'names',
  singleton: true,
  common: SINGLETON_COMMANDS,
  parameters: [param('store-every', oneOf(['5min', 'hour', '24hours']), 'How often data is saved to disk.'), param('page-refresh', anyValue, 'Refresh time of the graph page.')],
});

export const graphingInterfaceMenu: MenuSchema = menu({
  path: '/tool graphing interface',
  summary: 'Interfaces whose traffic is graphed.',
  coverage: 'names',
  common: PLAIN_TABLE_COMMANDS,
  parameters: [
    param('interface', ref('interface', { keywords: ['all'] }), 'Interface to graph.'),
    param('allow-address', anyValue, 'Network allowed to view the graphs.'),
    param('store-on-disk', bool, 'Keep the data across reboots.'),
    commentParam,
    copyFromParam,
    disabledParam('no'),
  ],
});

export const emailMenu: MenuSchema = menu({
  path: '/tool e-mail',
  summary: 'Outgoing mail (SMTP) settings and the send command.',
  coverage: 'names',
  singleton: true,
  common: ['edit', 'export', 'get', 'print', 'reset', 'set'],
  own: [
    command('send', 'Send an e-mail.', {
      parameters: [
        param('to', str(), 'Recipient address(es).'),
        param('cc', str(), 'Copy recipients.'),
        param('subject', str(), 'Subject line.'),
        param('body', str(), 'Message text.'),
        param('file', str(), 'File(s) to attach.'),
        param('from', str(), 'Sender address.'),
        param('server', anyValue, 'SMTP server for this message.'),
        param('port', int(1, 65535), 'SMTP port for this message.'),
        param('user', str(), 'SMTP user for this message.'),
        param('password', str(), 'SMTP password for this message.', { sensitive: true }),
        param('tls', oneOf(['no', 'starttls', 'yes']), 'TLS mode for this message.'),
      ],
    }),
  ],
  parameters: [
    param('server', anyValue, 'SMTP server address or name.'),
    param('port', int(1, 65535), 'SMTP port.'),
    param('user', str(), 'SMTP user.'),
    param('password', str(), 'SMTP password.', { sensitive: true }),
    param('from', str(), 'Sender address.'),
    param('tls', oneOf(['no', 'starttls', 'yes']), 'TLS mode.'),
    param('vrf', anyValue, 'VRF used for SMTP.'),
  ],
});

export const netwatchMenu: MenuSchema = menu({
  path: '/tool netwatch',
  summary: 'Watch hosts and run scripts when they go up or down.',
  coverage: 'names',
  manualUrl: 'https://help.mikrotik.com/docs/display/ROS/Netwatch',
  common: TABLE_COMMANDS,
  parameters: [
    param('host', anyValue, 'Address (or name) to check.', { required: true }),
    param('type', oneOf(['simple', 'icmp', 'tcp-conn', 'http-get', 'https-get', 'dns']), 'Kind of probe.'),
    param('interval', time(), 'Time between checks.'),
    param('timeout', time(), 'How long to wait for an answer.'),
    param('up-script', script, 'Code run when the host becomes reachable.'),
    param('down-script', script, 'Code run when the host stops answering.'),
    param('test-script', script, 'Code run after every check.'),
    param('name', str(), 'Name of the watch entry.'),
    param('port', int(1, 65535), 'Port for tcp-conn and http probes.'),
    param('src-address', ipv4, 'Source address of probes.'),
    param('startup-delay', time(), 'Wait after boot before checking.'),
    commentParam,
    copyFromParam,
    disabledParam('no'),
    param('status', oneOf(['unknown', 'up', 'down']), 'Last result.', ro),
    param('since', anyValue, 'When the status last changed.', ro),
  ],
});

export const toolMenu: MenuSchema = menu({
  path: '/tool',
  summary: 'Diagnostic and utility commands.',
  coverage: 'names',
  common: [],
  own: [
    command('fetch', 'Download or upload over HTTP(S), FTP or SFTP; with output=user the result is returned to the script.', {
      parameters: [
        param('url', str(), 'Full URL to fetch.'),
        param('mode', oneOf(['ftp', 'http', 'https', 'sftp', 'tftp']), 'Protocol when url is not given.'),
        param('address', anyValue, 'Server address when url is not given.'),
        param('host', str(), 'Host header.'),
        param('port', int(1, 65535), 'Server port.'),
        param('src-path', str(), 'Remote file.'),
        param('dst-path', str(), 'Local file to write.'),
        param('output', oneOf(['file', 'none', 'user', 'user-with-headers']), 'Where the result goes.'),
        param('http-method', oneOf(['delete', 'get', 'head', 'patch', 'post', 'put']), 'HTTP method.'),
        param('http-data', str(), 'Request body.'),
        param('http-header-field', str(), 'Extra request headers (name:value, comma separated).'),
        param('user', str(), 'User for the server.'),
        param('password', str(), 'Password for the server.', { sensitive: true }),
        param('check-certificate', oneOf(['no', 'yes', 'yes-without-crl']), 'Verify the server certificate.'),
        param('keep-result', bool, 'Keep the downloaded file.'),
        param('upload', bool, 'Upload instead of download.'),
        param('duration', time(), 'Give up after this long.'),
        flag('as-value', 'Return the result as an array.'),
      ],
    }),
  ],
  parameters: [],
});

export const userMenu: MenuSchema = menu({
  path: '/user',
  summary: 'Router users.',
  coverage: 'names',
  common: PLAIN_TABLE_COMMANDS,
  parameters: [
    param('name', str({ min: 1 }), 'User name.', { required: true }),
    // Built-in groups as suggestions; user-defined groups are valid too.
    param('group', either(oneOf(['full', 'read', 'write']), anyValue), 'Permission group (built-in or user-defined).'),
    param('password', str(), 'Password.', { sensitive: true }),
    param('address', anyValue, 'Networks the user may log in from.'),
    commentParam,
    copyFromParam,
    disabledParam('no'),
    param('last-logged-in', anyValue, 'Last login time.', ro),
  ],
});

export const fileMenu: MenuSchema = menu({
  path: '/file',
  summary: 'Files stored on the router.',
  coverage: 'names',
  common: ['add', 'edit', 'find', 'get', 'print', 'remove', 'reset', 'set'],
  parameters: [
    param('name', str({ min: 1 }), 'File name with path.'),
    param('contents', str(), 'Text contents (small files).'),
    param('type', str(), 'File type (name of the kind of content).'),
    param('size', int(0), 'Size in bytes.', ro),
    param('creation-time', anyValue, 'When the file was created.', ro),
  ],
});

export const logMenu: MenuSchema = menu({
  path: '/log',
  summary: 'The system log: print entries, or write one with info/warning/error/debug.',
  coverage: 'names',
  common: ['find', 'get', 'print'],
  printWithout: ['from'],
  own: ['debug', 'error', 'info', 'warning'].map((severity) =>
    command(severity, `Write a ${severity} message to the log.`, { positional: ['message'], parameters: [param('message', str(), 'Text to log.')] }),
  ),
  parameters: [
    param('time', anyValue, 'When the entry was written.', ro),
    param('topics', anyValue, 'Topics of the entry.', ro),
    param('message', str(), 'Text of the entry.', ro),
    param('buffer', anyValue, 'Log buffer holding the entry.', ro),
  ],
});

/** The root menu: commands typed at `/` (`/ping`, `/import`, `/export`). */
export const rootMenu: MenuSchema = menu({
  path: '/',
  summary: 'The top of the command tree.',
  coverage: 'names',
  common: [],
  own: [
    command('ping', 'Send ICMP echo requests to a host.', {
      positional: ['address'],
      parameters: [
        param('address', anyValue, 'Host to ping (address or name).'),
        param('count', int(1), 'Number of requests.'),
        param('interface', ref('interface'), 'Interface to send through.'),
        param('interval', time(), 'Time between requests.'),
        param('size', int(28, 65535), 'Packet size.'),
        param('src-address', anyValue, 'Source address.'),
        param('ttl', int(1, 255), 'TTL of requests.'),
        param('dscp', int(0, 63), 'DSCP of requests.'),
        param('do-not-fragment', anyValue, 'Set the do-not-fragment bit.', { flag: true }),
        param('arp-ping', bool, 'Use ARP requests instead of ICMP.'),
        param('vrf', anyValue, 'VRF to ping in.'),
        flag('as-value', 'Return results as an array.'),
        flag('without-paging', 'Print without waiting.'),
        param('proplist', anyValue, 'Values to show.'),
      ],
    }),
    command('import', 'Run a script file line by line.', {
      positional: ['file-name'],
      parameters: [
        param('file-name', str(), 'File to run.'),
        param('verbose', oneOf(['no', 'progress', 'yes']), 'Print each line as it runs.'),
        param('from-line', int(0), 'Start at this line.'),
        param('dry-run', anyValue, 'Only check the file for errors.', { flag: true, since: '7.16' }),
      ],
    }),
    command('export', 'Print the whole configuration as a script.', {
      parameters: [
        param('file', str(), 'Write into this file.'),
        flag('compact', 'Only non-default values.'),
        flag('verbose', 'Every value.'),
        flag('terse', 'One line per item.'),
        flag('show-sensitive', 'Include secrets.'),
        flag('hide-sensitive', 'Leave secrets out.'),
        param('where', anyValue, 'Only matching items.', { since: '7.13' }),
        param('path', str(), 'Only this menu subtree.', { since: '7.23' }),
      ],
    }),
  ],
  parameters: [],
});

export const systemMenus: readonly MenuSchema[] = [
  systemScriptMenu, schedulerMenu, loggingMenu, resourceMenu, identityMenu, clockMenu, routerboardMenu, snmpMenu,
  graphingMenu, graphingInterfaceMenu, emailMenu, netwatchMenu, toolMenu, userMenu, fileMenu, logMenu, rootMenu,
];
