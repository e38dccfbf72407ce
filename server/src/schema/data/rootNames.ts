/**
 * Every name RouterOS has at its root menu, across v6, v7 and the extra packages (menus and root commands).
 * The bundled schema describes only some of these menus; this list lets the linter tell a real root menu it
 * does not describe (`/caps-man`, `/container`, `/lcd`) from a word that is no command at all (`FetchConfig`).
 */
export const ROOT_NAMES: readonly string[] = [
  // menus
  'app', 'caps-man', 'certificate', 'console', 'container', 'disk', 'dude', 'file', 'flash', 'gps', 'interface',
  'iot', 'ip', 'ipv6', 'lcd', 'log', 'lora', 'metarouter', 'mpls', 'openflow', 'partitions', 'port', 'ppp',
  'queue', 'radius', 'routing', 'snmp', 'special-login', 'system', 'task', 'tool', 'tr069-client', 'user',
  'user-manager', 'zerotier', 'ups', 'store', 'kvm', 'x86',
  // root commands
  'export', 'import', 'ping', 'password', 'quit', 'redo', 'undo', 'setup', 'beep', 'blink', 'do', 'tr069',
];
