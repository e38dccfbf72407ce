/** Lookups of the SchemaService: menus, directories, commands, parameters, elsewhere-search, versions, layering. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inVersionWindow, parseVersion } from '../../../server/src/core/version.js';
import { commandTreeFromJson } from '../../../server/src/schema/commandTree.js';
import { createSchemaService } from '../../../server/src/schema/service.js';
import { referenceDocs } from './helpers.js';

const schema = createSchemaService({ docs: referenceDocs().bundle });
const names = (list: readonly { name: string }[]) => list.map((x) => x.name);
const availableIn = (version: string, window: { since?: string; until?: string }) => inVersionWindow(parseVersion(version)!, window);

describe('menus and directories', () => {
  test('exact menus, directories and child menus', () => {
    assert.equal(schema.getMenu(['interface', 'pppoe-client'])?.coverage, 'full');
    assert.equal(schema.getMenu(['ip']), undefined);
    assert.equal(schema.isMenuOrDirectory(['ip']), true);
    assert.equal(schema.isMenuOrDirectory(['ip', 'firewall']), true);
    assert.equal(schema.isMenuOrDirectory(['ip', 'nonsense']), false);
    // /ip firewall lists every sub-menu RouterOS has, described or not (data/directories.ts).
    assert.deepEqual(schema.childMenus(['ip', 'firewall']), ['address-list', 'calea', 'connection', 'filter', 'layer7-protocol', 'mangle', 'nat', 'raw', 'service-port']);
    assert.equal(schema.isMenuOrDirectory(['ip', 'firewall', 'raw']), true, 'a listed sub-menu is a directory without being described');
    assert.equal(schema.getMenu(['ip', 'firewall', 'raw']), undefined);
    assert.equal(schema.listsAllSubMenus(['ppp']), true);
    assert.equal(schema.listsAllSubMenus(['ip']), false);
    assert.ok(schema.childMenus(['interface']).includes('pppoe-server'));
    assert.deepEqual(schema.childMenus(['interface', 'pppoe-server']), ['server']);
    assert.ok(schema.childMenus([]).includes('ppp'));
  });

  test('menus of extra packages are directories, and what lies below them is theirs', () => {
    assert.equal(schema.isMenuOrDirectory(['interface', 'wireless']), true);
    assert.equal(schema.isPackageMenu(['interface', 'wireless', 'security-profiles']), true);
    assert.equal(schema.isPackageMenu(['container']), true);
    assert.equal(schema.isPackageMenu(['interface']), false);
    assert.equal(schema.isPackageMenu(['interface', 'wire']), false);
  });

  test('a path array asked about while it grows keeps answering for what it holds now', () => {
    // Path resolution asks about one array as it grows (`/ip fire mangle add`); an answer for `/ip` must not stick.
    const path: string[] = ['ip'];
    assert.ok(schema.childMenus(path).includes('address'));
    path.push('firewall', 'mangle');
    assert.deepEqual(schema.childMenus(path), []);
    assert.equal(schema.getMenu(path)?.coverage, 'full');
    path.pop();
    path.push('filter');
    assert.equal(schema.getMenu(path)?.path.join(' '), 'ip firewall filter');
  });

  test('every menu the PPPoE guide uses is known', () => {
    const used = [
      'interface vlan', 'interface', 'interface ethernet', 'interface bridge', 'interface bridge port', 'interface list', 'interface list member',
      'ip address', 'ip pool', 'ip route', 'ip firewall nat', 'ip firewall filter', 'ip firewall address-list', 'ip dns', 'ip dhcp-client',
      'tool netwatch', 'ipv6 dhcp-client', 'ipv6 settings', 'ipv6 address', 'ipv6 pool', 'ipv6 firewall filter', 'ipv6 firewall mangle',
      'system script', 'system scheduler', 'system logging', 'system resource', 'system identity', 'system clock', 'snmp', 'tool graphing',
      'tool graphing interface', 'tool e-mail', 'log', 'routing table', 'system routerboard', 'ip service', 'user', 'file', 'tool',
    ];
    const missing = used.filter((p) => !schema.getMenu(p.split(' ')));
    assert.deepEqual(missing, []);
    assert.ok(schema.getCommand([], 'ping') && schema.getCommand([], 'import') && schema.getCommand([], 'export'));
    assert.ok(schema.getCommand(['tool'], 'fetch'));
    assert.ok(schema.getCommand(['interface'], 'monitor-traffic'));
    assert.ok(schema.getCommand(['tool', 'e-mail'], 'send'));
  });
});

describe('root names', () => {
  test('menus, root commands and known root names are root names; other words are not', () => {
    for (const name of ['interface', 'ppp', 'ip', 'ping', 'import', 'export', 'container']) assert.equal(schema.isRootName(name), true, name);
    for (const name of ['FetchConfig', 'pppoe-client', 'add']) assert.equal(schema.isRootName(name), false, name);
    const tree = commandTreeFromJson({ 'brand-new-menu': { _type: 'dir', print: { _type: 'cmd' } } }).tree!;
    assert.equal(createSchemaService({ commandTree: tree }).isRootName('brand-new-menu'), true, 'root menus of a loaded tree count');
  });
});

describe('commands', () => {
  test('common commands are merged into each menu with their slots', () => {
    assert.deepEqual(names(schema.getCommands(['interface', 'pppoe-client'])), ['add', 'comment', 'disable', 'edit', 'enable', 'export', 'find', 'get', 'monitor', 'print', 'remove', 'reset', 'scan', 'set', 'unset']);
    assert.deepEqual(schema.getCommand(['ppp', 'secret'], 'set')?.positional, ['numbers']);
    assert.deepEqual(schema.getCommand(['ppp', 'secret'], 'get')?.positional, ['number', 'value-name']);
    assert.deepEqual(schema.getCommand(['ip', 'firewall', 'mangle'], 'move')?.positional, ['numbers', 'destination']);
  });

  test('singleton menus take no item numbers', () => {
    assert.equal(schema.getMenu(['ppp', 'aaa'])?.singleton, true);
    assert.equal(schema.getCommand(['ppp', 'aaa'], 'set')?.positional, undefined);
    assert.deepEqual(schema.getCommand(['system', 'identity'], 'get')?.positional, ['value-name']);
  });

  test('read-only /ppp active has only find get print remove reset', () => {
    assert.deepEqual(names(schema.getCommands(['ppp', 'active'])), ['find', 'get', 'print', 'remove', 'reset']);
    assert.equal(schema.getCommand(['ppp', 'active'], 'add'), undefined);
  });

  test('print flags and where', () => {
    const print = names(schema.getParameters(['interface', 'pppoe-client'], 'print'));
    for (const flag of ['detail', 'brief', 'terse', 'value-list', 'count-only', 'as-value', 'without-paging', 'follow', 'follow-only', 'interval', 'file', 'from', 'proplist', 'where']) {
      assert.ok(print.includes(flag), `print lacks ${flag}`);
    }
    assert.equal(schema.getParameter(['interface', 'pppoe-client'], 'print', 'detail')?.flag, true);
    assert.ok(schema.getParameter(['ip', 'firewall', 'mangle'], 'print', 'stats'));
    // Arguments RouterOS 7.22.3 has and 7.9.2 had not.
    for (const name of ['comments', 'group-by', 'on-event', 'timestamp']) assert.equal(schema.getParameter(['ppp', 'active'], 'print', name)?.since, '7.10', name);
    assert.ok(schema.getParameter(['ppp', 'secret'], 'print', 'show-sensitive'), 'menus with passwords print them on request');
    assert.equal(schema.getParameter(['ppp', 'profile'], 'print', 'show-sensitive'), undefined);
    assert.ok(schema.getParameter(['ppp', 'aaa'], 'print', 'comments'));
    assert.equal(schema.getParameter(['ip', 'firewall', 'mangle'], 'get', 'as-string')?.flag, true);
    assert.ok(schema.getParameter(['interface', 'pppoe-client'], 'scan', 'as-value'));
    assert.deepEqual(names(schema.getParameters(['interface', 'pppoe-client'], 'find')).includes('where'), true);
  });
});

describe('parameters', () => {
  test('add/set take writable properties; find also takes status properties', () => {
    const client = ['interface', 'pppoe-client'];
    assert.equal(schema.getParameter(client, 'add', 'interface')?.required, true);
    assert.equal(schema.getParameter(client, 'add', 'copy-from')?.name, 'copy-from');
    assert.equal(schema.getParameter(client, 'set', 'copy-from'), undefined, 'copy-from is add-only');
    assert.equal(schema.getParameter(client, 'set', 'status'), undefined, 'status is read-only');
    assert.equal(schema.getParameter(client, 'find', 'status')?.readOnly, true);
    assert.equal(schema.getParameter(client, 'set', 'numbers')?.name, 'numbers');
    assert.equal(schema.getParameter(client, 'remove', 'user'), undefined);
    assert.equal(schema.getParameter(client, 'add', 'enabled'), undefined);
    // reset returns the named properties to their defaults (and takes no status values).
    assert.equal(schema.getParameter(client, 'reset', 'max-mtu')?.name, 'max-mtu');
    assert.equal(schema.getParameter(client, 'reset', 'status'), undefined);
    assert.equal(schema.getParameter(['ip', 'firewall', 'mangle'], 'reset', 'copy-from'), undefined);
  });

  test('types, ranges and defaults of focus parameters', () => {
    const mangle = ['ip', 'firewall', 'mangle'];
    const newMss = schema.getParameter(mangle, 'add', 'new-mss')!;
    assert.deepEqual(newMss.type, { kind: 'integer', min: 40, max: 65534, keywords: ['clamp-to-pmtu'], negatable: undefined });
    assert.deepEqual(newMss.requires, [{ parameter: 'action', values: ['change-mss'] }]);
    const tcpFlags = schema.getParameter(mangle, 'add', 'tcp-flags')!.type;
    assert.equal(tcpFlags.kind === 'enumList' && tcpFlags.elementNegation, true);
    const action = schema.getParameter(mangle, 'add', 'action')!;
    assert.equal(action.default, 'accept');
    assert.ok(action.type.kind === 'enum' && !action.type.values.includes('drop'), 'drop is not a mangle action');
    const changeMss = action.valueRequires?.find((v) => v.values.includes('change-mss'));
    assert.deepEqual(changeMss?.requires, [
      { parameter: 'protocol', values: ['tcp', '6'] },
      { parameter: 'tcp-flags', values: ['syn'], match: 'contains' },
    ]);
    assert.equal(schema.getParameter(['interface', 'pppoe-client'], 'set', 'keepalive-timeout')?.default, '10');
    assert.equal(schema.getParameter(['ppp', 'profile'], 'add', 'copy-from')?.type.kind, 'reference');
  });

  test('version windows of focus parameters', () => {
    const vlanRange = schema.getParameter(['interface', 'pppoe-server', 'server'], 'set', 'pppoe-over-vlan-range')!;
    assert.equal(availableIn('7.16', vlanRange), false);
    assert.equal(availableIn('7.17', vlanRange), true);
    const expected: [string[], string, string][] = [
      [['interface', 'pppoe-server', 'server'], 'accept-untagged', '7.20'],
      [['ppp', 'aaa'], 'enable-ipv6-accounting', '7.15'],
      [['ppp', 'profile'], 'bridge-port-trusted', '7.17'],
      [['ppp', 'profile'], 'bridge-port-vid', '7.17'],
      [['ppp', 'profile'], 'dhcpv6-lease-time', '7.20'],
      [['ppp', 'profile'], 'dhcpv6-use-radius', '7.20'],
      [['ppp', 'profile'], 'remote-ipv6-prefix-reuse', '7.20'],
      [['ip', 'firewall', 'mangle'], 'tos', '7.21'],
    ];
    for (const [path, name, since] of expected) assert.equal(schema.getParameter(path, 'set', name)?.since, since, name);
    assert.equal(schema.getCommand(['ppp', 'aaa'], 'reset')?.since, '7.21');
    const vj = schema.getParameter(['ppp', 'profile'], 'set', 'use-vj-compression')!;
    assert.equal(availableIn('6.49.7', vj), true);
    assert.equal(availableIn('7.1', vj), false);
    assert.equal(schema.getMenu(['routing', 'table'])?.since, '7.0', 'routing tables are RouterOS 7');
    assert.equal(schema.getParameter(['ip', 'route'], 'add', 'routing-table')?.since, '7.0');
    assert.equal(schema.getParameter(['ip', 'route'], 'add', 'routing-mark')?.until, '7.0');
    const service = schema.getParameter(['ppp', 'secret'], 'add', 'service')!.type;
    assert.deepEqual(service.kind === 'enum' ? service.valueVersions : undefined, { isdn: { until: '7.0' } });
  });

  test('findParameterElsewhere points to the menu that has the parameter', () => {
    const found = schema.findParameterElsewhere('pppoe-over-vlan-range').map((l) => l.menuPath.join(' '));
    assert.deepEqual(found, ['interface pppoe-server server']);
    assert.deepEqual(schema.findParameterElsewhere('no-such-parameter'), []);
    const newMss = schema.findParameterElsewhere('new-mss').map((l) => l.menuPath.join(' '));
    assert.equal(newMss[0], 'ip firewall mangle', 'the in-depth menu comes first');
  });

  test('objects defined by menus and built-in names', () => {
    assert.deepEqual(schema.getMenu(['ppp', 'profile'])?.defines, { kind: 'ppp-profile', by: 'name' });
    assert.deepEqual(schema.getMenu(['ppp', 'profile'])?.builtinNames, ['default', 'default-encryption']);
    assert.deepEqual(schema.getMenu(['routing', 'table'])?.builtinNames, ['main']);
    assert.deepEqual(schema.getMenu(['ip', 'firewall', 'address-list'])?.defines, { kind: 'address-list', by: 'list' });
    assert.deepEqual(schema.getMenu(['interface', 'list'])?.builtinNames, ['all', 'dynamic', 'none', 'static']);
    const markKinds = schema.getMenu(['ip', 'firewall', 'mangle'])?.extraDefines?.map((d) => d.kind);
    assert.deepEqual(markKinds, ['connection-mark', 'packet-mark', 'address-list']);
  });
});

describe('global commands', () => {
  test('slots, script arguments, sub-commands and versions', () => {
    assert.deepEqual(schema.getGlobalCommand('local')?.positional, ['name', 'value']);
    assert.equal(schema.getGlobalCommand(':onerror')?.since, '7.13');
    const onerror = schema.getGlobalCommand('onerror')!;
    assert.deepEqual(onerror.parameters.filter((p) => p.type.kind === 'script').map((p) => p.name), ['in', 'do']);
    assert.deepEqual(schema.getGlobalCommand('if')?.parameters.filter((p) => p.type.kind === 'script').map((p) => p.name), ['do', 'else']);
    assert.deepEqual(schema.getGlobalCommand('log')?.subcommands?.slice(0, 4), ['debug', 'error', 'info', 'warning']);
    const since: Record<string, string> = { serialize: '7.13', convert: '7.11', range: '7.17', break: '7.22', continue: '7.22', exit: '7.22', lock: '7.16', jobname: '7.12' };
    for (const [name, version] of Object.entries(since)) assert.equal(schema.getGlobalCommand(name)?.since, version, name);
    assert.equal(schema.getGlobalCommand('for')?.parameters.find((p) => p.name === 'on-error')?.since, '7.19');
    assert.equal(schema.getGlobalCommand('nonsense'), undefined);
  });
});

describe('layering with a command tree', () => {
  const json = {
    interface: {
      _type: 'path',
      'pppoe-client': { _type: 'dir', add: { _type: 'cmd', 'bogus-from-tree': { _type: 'arg' } } },
      vlan: { _type: 'dir', set: { _type: 'cmd', numbers: { _type: 'arg' }, 'new-vlan-thing': { _type: 'arg', desc: 'string value' } } },
      wireguard: {
        _type: 'dir',
        add: { _type: 'cmd', 'listen-port': { _type: 'arg' }, name: { _type: 'arg', desc: 'string value' } },
        set: { _type: 'cmd', numbers: { _type: 'arg' }, 'listen-port': { _type: 'arg' } },
        print: { _type: 'cmd', detail: { _type: 'arg' } },
      },
    },
    local: { _type: 'cmd', name: { _type: 'arg' } },
    'future-global': { _type: 'cmd', value: { _type: 'arg' } },
    ping: { _type: 'cmd', address: { _type: 'arg' }, 'new-ping-arg': { _type: 'arg' } },
  };
  const tree = commandTreeFromJson(json).tree!;
  const layered = createSchemaService({ commandTree: tree, docs: referenceDocs().bundle });

  test('menus the tree describes have complete names; the tree tells its directories', () => {
    assert.equal(layered.getMenu(['interface', 'wireguard'])?.namesComplete, true);
    assert.equal(layered.getMenu(['interface', 'vlan'])?.namesComplete, true, 'a bundled names menu the tree lists too');
    assert.equal(layered.getMenu(['interface', 'pppoe-client'])?.namesComplete, undefined, 'full menus stay as they are');
    assert.equal(schema.getMenu(['interface', 'vlan'])?.namesComplete, undefined, 'without a tree nothing is complete');
    assert.equal(layered.commandTree()?.hasDirectory(['interface']), true);
    assert.equal(layered.commandTree()?.hasDirectory(['interface', 'wireguard']), true);
    assert.equal(layered.commandTree()?.hasDirectory(['interface', 'bonding']), false);
    assert.equal(layered.commandTree()?.hasDirectory([]), true);
    assert.equal(schema.commandTree(), undefined);
  });

  test('a status value the tree lists for add is writable in that release', () => {
    const statusTree = commandTreeFromJson({
      ip: { _type: 'dir', firewall: { _type: 'dir', 'address-list': { _type: 'dir', add: { _type: 'cmd', list: { _type: 'arg' }, dynamic: { _type: 'arg' } } } } },
    }).tree!;
    const withStatus = createSchemaService({ commandTree: statusTree });
    assert.equal(schema.getParameter(['ip', 'firewall', 'address-list'], 'add', 'dynamic'), undefined, 'read-only in the bundled data');
    assert.ok(withStatus.getParameter(['ip', 'firewall', 'address-list'], 'add', 'dynamic'));
  });

  test('bundled full menus win over the tree', () => {
    assert.equal(layered.getParameter(['interface', 'pppoe-client'], 'add', 'bogus-from-tree'), undefined);
    assert.equal(layered.getMenu(['interface', 'pppoe-client'])?.coverage, 'full');
  });

  test('names menus gain the tree names; tree-only menus are names coverage', () => {
    assert.ok(layered.getParameter(['interface', 'vlan'], 'set', 'new-vlan-thing'));
    assert.equal(layered.getParameter(['interface', 'vlan'], 'set', 'vlan-id')?.type.kind, 'integer', 'bundled types are kept');
    const wg = layered.getMenu(['interface', 'wireguard']);
    assert.equal(wg?.coverage, 'names');
    assert.ok(layered.getParameter(['interface', 'wireguard'], 'set', 'listen-port'));
    assert.deepEqual(layered.getCommand(['interface', 'wireguard'], 'set')?.positional, ['numbers']);
    assert.ok(layered.getParameter(['interface', 'wireguard'], 'print', 'where'), 'common print flags are merged in');
    assert.equal(layered.getCommand([], 'local'), undefined, 'global commands are not root menu commands');
    assert.ok(layered.getParameter([], 'ping', 'new-ping-arg'), 'root commands gain tree arguments');
    assert.equal(layered.isRootName('interface'), true);
    assert.equal(layered.getGlobalCommand('future-global')?.parameters[0]?.name, 'value', 'tree-only globals are served');
    assert.equal(schema.getGlobalCommand('future-global'), undefined);
    assert.equal(layered.getGlobalCommands().length, schema.getGlobalCommands().length + 1);
  });
});
