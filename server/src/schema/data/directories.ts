/**
 * Directories the project knows beyond its described menus: those whose sub-menus it lists in full, and the
 * menus extra RouterOS packages add (wireless, container, gps, ...). The first let the linter call a word under
 * `/ppp` that is none of them a misspelt menu; the second keep a command tree crawled on a router without those
 * packages from calling their menus unknown.
 */

/** Every sub-menu these directories have, in v6 and v7 alike (RouterOS has had these lists since v6). */
export const COMPLETE_DIRECTORIES: readonly { readonly path: string; readonly subMenus: readonly string[] }[] = [
  { path: '/ppp', subMenus: ['aaa', 'active', 'l2tp-secret', 'profile', 'secret'] },
  { path: '/interface pppoe-server', subMenus: ['server'] },
  { path: '/ip firewall', subMenus: ['address-list', 'calea', 'connection', 'filter', 'layer7-protocol', 'mangle', 'nat', 'raw', 'service-port'] },
];

/**
 * Menus that exist only with an extra package installed (RouterOS's package list: wireless, wifi-qcom,
 * wifiwave2, container, dude, iot, gps, ups, calea, tr069-client, user-manager, zerotier, openflow, rose-storage,
 * extra-nic). A command tree of the base system lacks them and everything below them.
 */
export const PACKAGE_MENUS: readonly string[] = [
  '/app', '/caps-man', '/container', '/dude', '/iot', '/lora', '/openflow', '/tr069-client', '/user-manager', '/zerotier',
  '/disk btrfs', '/file rsync-daemon', '/file sync',
  '/interface veth', '/interface wifi', '/interface wifiwave2', '/interface wireless', '/interface zerotier',
  '/system gps', '/system ups', '/tool calea', '/tool netinstall',
];
