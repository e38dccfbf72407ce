/**
 * Validation from the schema, finding by finding, on real RouterOS lines: misspelt menus, names a loaded command
 * tree lists, arguments of print/get/reset/scan, abbreviated parameter names, version windows of values, the
 * property `get` reads, and value checks of filter and NAT rules. Tests that need RouterOS's own tree
 * (../shared/restraml) are skipped when it is absent.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { analyzeDocument } from '../../../server/src/analysis/analyze.js';
import { computeDiagnostics } from '../../../server/src/features/diagnostics/index.js';
import { lintText } from '../../../server/src/lint.js';
import { commandTreeFromJson } from '../../../server/src/schema/commandTree.js';
import { createSchemaService } from '../../../server/src/schema/service.js';
import { createLanguageServices, type LanguageServices } from '../../../server/src/services.js';
import { lintCodes, lintLines } from '../../helpers/lintLines.js';
import { restramlFile } from '../schema/helpers.js';

/** `line:col code message` of every finding with one of `codes` (all codes when none given). */
function findings(text: string, options: Parameters<typeof lintText>[1] = {}, ...codes: string[]): string[] {
  return lintText(text, options)
    .filter((f) => codes.length === 0 || codes.includes(f.code))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`);
}

const treeFile = restramlFile('7.22.3');
const noTree = treeFile ? false : 'restraml 7.22.3 not present';
let treeServices: LanguageServices | undefined;
function withTree(): LanguageServices {
  treeServices ??= createLanguageServices({ commandTreeFile: treeFile! });
  return treeServices;
}

describe('unknown-menu: misspelt menus', () => {
  test('a word a slip away from a known sibling, or under a directory listed in full', () => {
    assert.deepEqual(findings('/interface pppoe-clinet add interface=ether1\n', {}, 'unknown-menu'), [
      '1:12 unknown-menu `pppoe-clinet` is not a menu or command of /interface: did you mean `pppoe-client`?',
    ]);
    assert.deepEqual(findings('/ip firewall mangel add chain=prerouting\n', {}, 'unknown-menu'), ['1:14 unknown-menu `mangel` is not a menu below /ip firewall: did you mean `mangle`?']);
    assert.deepEqual(findings('/ppp secrets add name=x\n', {}, 'unknown-menu'), ['1:6 unknown-menu `secrets` is not a menu below /ppp: did you mean `secret`?']);
    assert.deepEqual(findings('/ppp users add name=x\n', {}, 'unknown-menu'), ['1:6 unknown-menu `users` is not a menu below /ppp'], '/ppp lists every sub-menu');
  });

  test('the quick fix replaces the word with the suggestion', () => {
    const services = createLanguageServices();
    const analysis = services.analyze('/ip firewall mangel add chain=prerouting\n');
    const finding = computeDiagnostics(analysis, { schema: services.schema }).find((f) => f.code === 'unknown-menu');
    assert.deepEqual(finding?.data, { replacement: 'mangle' });
    assert.deepEqual(finding?.span, { start: 13, end: 19 });
  });

  test('one report per line: the words after the misspelt one are not reported too', () => {
    assert.deepEqual(lintCodes('/ip firewall mangel rules add chain=prerouting\n').filter((c) => c.endsWith('unknown-menu')), ['1:14 unknown-menu']);
  });

  test('a unique start of a name is that name, one letter too (RouterOS abbreviations)', () => {
    assert.deepEqual(findings('/ip firewal mangle print\n/user rem [f where name=admin]\n/ip f co rem [f]\n'), []);
    // The abbreviated path resolves, so the line is checked as mangle.
    assert.deepEqual(lintCodes('/ip firewal mangle add chain=prerouting action=dropp\n'), ['1:48 invalid-value']);
  });

  test('menus the bundled schema does not describe are not called unknown', () => {
    const text = [
      '/interface vxlan add name=vx1 vni=10',
      '/interface ppp-client add name=modem port=usb1',
      '/interface pptp-client add connect-to=192.0.2.1 name=pptp-out1',
      '/interface wireguard peers add interface=wg0 public-key="x"',
      '/ip firewall raw add chain=prerouting action=notrack',
      '/ip firewall connection tracking set enabled=yes',
      '/ppp l2tp-secret add address=0.0.0.0/0 secret=x',
      '/system gps set enabled=yes',
      '',
    ].join('\n');
    assert.deepEqual(findings(text, {}, 'unknown-menu'), []);
  });

  for (const [version, name] of [['7.9.2', 'inspect.json'], ['7.22.3', 'inspect.json'], ['7.24', 'extra-inspect.json']] as const) {
    const file = restramlFile(version, name);
    test(`no menu of RouterOS ${version} (${name}) is called unknown without a tree`, { skip: file ? false : 'restraml data not present' }, () => {
      const paths: string[] = [];
      const walk = (node: Record<string, unknown>, path: string[]) => {
        for (const [key, child] of Object.entries(node)) {
          if (key.startsWith('_') || typeof child !== 'object' || child === null) continue;
          const type = (child as { _type?: string })._type;
          if (type !== 'dir' && type !== 'path') continue;
          paths.push(`/${[...path, key].join(' ')}`);
          walk(child as Record<string, unknown>, [...path, key]);
        }
      };
      walk(JSON.parse(fs.readFileSync(file!, 'utf8')) as Record<string, unknown>, []);
      assert.ok(paths.length > 300, `only ${paths.length} menus`);
      assert.deepEqual(findings(paths.join('\n') + '\n', {}, 'unknown-menu'), []);
    });
  }

  test('with the 7.22.3 tree, every path word the tree lacks is an error for a 7.22 script', { skip: noTree }, () => {
    const services = withTree();
    assert.deepEqual(findings('/routing ospf-v3 instance print\n', { services, rosVersion: '7.22.3' }, 'unknown-menu'), ['1:10 unknown-menu `ospf-v3` is not a menu or command of /routing']);
    assert.deepEqual(findings('/interface ethernet sett ether1 mtu=1500\n', { services, rosVersion: '7.22' }, 'unknown-menu'), [
      '1:21 unknown-menu `sett` is not a menu or command of /interface ethernet: did you mean `set`?',
    ]);
    // Menus of extra packages are not in a tree of the base system.
    assert.deepEqual(findings('/interface wireless security-profiles add name=x\n/caps-man manager set enabled=yes\n', { services, rosVersion: '7.22' }, 'unknown-menu'), []);
  });

  test('with the tree, a script for another release or of no stated release gets only slips reported', { skip: noTree }, () => {
    const services = withTree();
    // ospf-v3 is a RouterOS 6 menu: fine in a v6 export, and not a slip of a 7.22.3 name.
    assert.deepEqual(findings('/routing ospf-v3 instance print\n', { services }, 'unknown-menu'), []);
    assert.deepEqual(findings('/routing ospf-v3 instance print\n', { services, rosVersion: '6.49.7' }, 'unknown-menu'), []);
    assert.deepEqual(findings('/routing bgpp connection print\n', { services }, 'unknown-menu'), ['1:10 unknown-menu `bgpp` is not a menu or command of /routing: did you mean `bgp`?']);
    // Every menu of the tree itself is known.
    assert.deepEqual(findings('/interface wireguard peers print\n/ip firewall raw print\n', { services, rosVersion: '7.22' }, 'unknown-menu'), []);
  });
});

describe('a loaded command tree checks the names of the menus it lists', () => {
  const tree = commandTreeFromJson({
    _meta: { version: '7.22.3' },
    interface: {
      _type: 'dir',
      wireguard: {
        _type: 'dir',
        add: { _type: 'cmd', name: { _type: 'arg' }, 'listen-port': { _type: 'arg', desc: '0..65535' }, mtu: { _type: 'arg' } },
        set: { _type: 'cmd', numbers: { _type: 'arg' }, name: { _type: 'arg' }, 'listen-port': { _type: 'arg' }, mtu: { _type: 'arg' } },
        find: { _type: 'cmd', where: { _type: 'arg' } },
        print: { _type: 'cmd', where: { _type: 'arg' } },
      },
    },
  }).tree!;
  const schema = createSchemaService({ commandTree: tree });
  const services: LanguageServices = { schema, analyze: (text, options = {}) => analyzeDocument(text, { schema, rosVersion: options.rosVersion }) };

  test('a script for the tree\'s release: every unknown command and parameter, with did-you-mean', () => {
    const text = '/interface wireguard add name=wg0 lisenport=13231 bogus=1\n/interface wireguard monitor wg0\n';
    assert.deepEqual(findings(text, { services, rosVersion: '7.22.3' }, 'unknown-parameter', 'unknown-command'), [
      '1:35 unknown-parameter `lisenport` is not a parameter of /interface wireguard add: did you mean `listen-port`?',
      '1:51 unknown-parameter `bogus` is not a parameter of /interface wireguard add',
      '2:22 unknown-command `monitor` is not a command of /interface wireguard',
    ]);
  });

  test('a script that names no release: only slips of the tree\'s names', () => {
    const text = '/interface wireguard add name=wg0 lisen-port=13231 bogus=1\n';
    assert.deepEqual(findings(text, { services }, 'unknown-parameter'), ['1:35 unknown-parameter `lisen-port` is not a parameter of /interface wireguard add: did you mean `listen-port`?']);
  });

  test('a script for another release: the tree says nothing', () => {
    assert.deepEqual(findings('/interface wireguard add name=wg0 lisen-port=13231\n', { services, rosVersion: '7.12' }, 'unknown-parameter'), []);
  });

  test('find filters by any property, which the tree does not list; abbreviations and read-only values stay fine', () => {
    const text = ':put [/interface wireguard find running]\n:put [/interface wireguard find name=wg0 disabled=no]\n/interface wireguard set wg0 listen=13232\n';
    assert.deepEqual(findings(text, { services, rosVersion: '7.22.3' }, 'unknown-parameter'), []);
  });

  test('values typed from the tree are still checked', () => {
    assert.deepEqual(lintCodes('/interface wireguard add name=wg0 listen-port=70000\n', { services, rosVersion: '7.22.3' }), ['1:47 invalid-value']);
  });

  test('without a tree the same menu produces no errors (menus no loaded schema knows)', () => {
    assert.deepEqual(findings('/interface wireguard add name=wg0 lisenport=13231 bogus=1\n/interface wireguard monitor wg0\n'), []);
  });

  test('the real 7.22.3 tree: a misspelt parameter of a menu only the tree has', { skip: noTree }, () => {
    assert.deepEqual(findings('/interface wireguard add name=wg1 lisen-port=13232\n', { services: withTree() }, 'unknown-parameter'), [
      '1:35 unknown-parameter `lisen-port` is not a parameter of /interface wireguard add: did you mean `listen-port`?',
    ]);
    // `.mode` continues the dotted prefix of the argument before it (configuration.mode).
    const wifi = '/interface wifi set [ find default-name=wifi1 ] configuration.country="United Kingdom" .mode=ap .ssid=home\n';
    assert.deepEqual(findings(wifi, { services: withTree(), rosVersion: '7.22' }, 'unknown-parameter'), []);
  });
});

describe('arguments of print, get, reset and scan in the in-depth menus (RouterOS 7.22.3)', () => {
  test('valid arguments are accepted', () => {
    const text = [
      '/ppp active print group-by=service',
      '/ip firewall mangle print on-event=x interval=1s',
      '/ppp secret print show-sensitive',
      '/ppp profile reset default use-compression=no',
      '/interface pppoe-client reset pppoe-out1 max-mtu=1480',
      ':put [/ppp secret get user1 password as-string]',
      ':put [/interface pppoe-client scan ether1 duration=5s as-value]',
      '/ip firewall mangle print comments timestamp',
      '',
    ].join('\n');
    assert.deepEqual(findings(text, {}, 'unknown-parameter', 'too-many-arguments'), []);
  });

  test('the new print arguments are 7.10 and later', () => {
    assert.deepEqual(lintCodes('# jan/02/2023 10:00:00 by RouterOS 7.9.2\n/ppp active print group-by=service\n'), ['2:19 not-in-version']);
  });

  test('show-sensitive only where the menu holds passwords', () => {
    assert.deepEqual(lintCodes('/ppp profile print show-sensitive=yes\n'), ['1:20 unknown-parameter']);
  });

  test('"belongs to" never sends a property of this menu elsewhere', () => {
    const lines = findings('/interface pppoe-client add interface=ether1 status=connected\n', {}, 'unknown-parameter');
    assert.deepEqual(lines, ['1:46 unknown-parameter `status` is a read-only property of /interface pppoe-client: `add` cannot set it']);
    assert.ok(!findings('/interface pppoe-client reset pppoe-out1 max-mtu=1480\n').some((l) => l.includes('belongs to')));
    // A parameter of a neighbouring menu still points there.
    assert.match(findings('/interface pppoe-client add interface=ether1 pado-delay=100\n', {}, 'unknown-parameter')[0] ?? '', /belongs to `\/interface pppoe-server server`/);
  });
});

describe('abbreviated parameter names resolve once, for every rule', () => {
  test('a unique start of a name is that parameter', () => {
    assert.deepEqual(lintCodes('/interface pppoe-client add interf=ether1\n'), []);
    assert.deepEqual(findings('/interface pppoe-client add interface=ether1 add-def=maybe max-mt=1500\n'), [
      '1:54 invalid-value `maybe` is not valid for add-default-route: use yes or no',
      '1:67 pppoe-mtu max-mtu=1500 is above 1492: PPPoE over a 1500-byte Ethernet link carries at most 1492',
    ]);
    assert.deepEqual(findings('/ip firewall mangle add chain=forward new-ms=30 act=accept\n'), [
      '1:39 parameter-combination `new-mss` only takes effect with action=change-mss (this rule has action=accept)',
      '1:46 invalid-value `30` is out of range: new-mss takes 40..65534',
    ]);
    assert.deepEqual(findings('/interface pppoe-server server add interface=ether1 authen=pap\n', {}, 'weak-ppp-auth'), ['1:60 weak-ppp-auth authentication allows pap: allow mschap2 only']);
    assert.deepEqual(lintCodes('/ppp secret add name=alice na=bob\n'), ['1:28 duplicate-parameter']);
  });

  test('an ambiguous start names the candidates', () => {
    assert.deepEqual(findings('/ip firewall mangle add chain=prerouting src=1.1.1.1\n', {}, 'unknown-parameter'), [
      '1:42 unknown-parameter `src` is ambiguous in /ip firewall mangle add: src-address, src-address-list, src-address-type, src-mac-address, src-port; write more of the name',
    ]);
  });
});

describe('version windows', () => {
  test('a value outside its window: service=isdn is RouterOS 6 only', () => {
    assert.deepEqual(findings('# 2024-06-01 10:00:00 by RouterOS 7.16\n/ppp secret add name=bob service=isdn\n', {}, 'not-in-version'), [
      '2:34 not-in-version `isdn` of service exists in RouterOS before 7.0; the target is 7.16 (from the export header)',
    ]);
    assert.deepEqual(findings('# jan/02/2021 10:00:00 by RouterOS 6.48.6\n/ppp secret add name=bob service=isdn\n'), []);
  });

  test('RouterOS 7 routing tables on a v6 target', () => {
    const text = '# jan/02/2021 10:00:00 by RouterOS 6.48.6\n/routing table add name=to_wan1 fib\n/ip route add gateway=192.0.2.1 routing-table=to_wan1\n';
    assert.deepEqual(lintCodes(text).filter((c) => c.endsWith('not-in-version')), ['2:16 not-in-version', '3:33 not-in-version']);
    assert.deepEqual(lintCodes(text.replace('6.48.6', '7.12').replace('jan/02/2021', '2023-10-01')).filter((c) => c.endsWith('not-in-version')), []);
  });
});

describe('unknown-property: what get reads', () => {
  test('positional, named and after a [find]', () => {
    const text = ':put [/ppp secret get user1 pasword]\n:put [/ppp secret get user1 value-name=pasword]\n:put [/ppp secret get [find name=user1] pasword]\n';
    assert.deepEqual(lintCodes(text), ['1:29 unknown-property', '2:40 unknown-property', '3:41 unknown-property']);
    assert.match(lintLines(text)[0] ?? '', /did you mean `password`\?/);
  });

  test('real properties, read-only ones, abbreviations and internal ids pass', () => {
    const text = [
      ':put [/ppp secret get user1 password]',
      ':put [/ppp secret get user1 last-logged-out]',
      ':put [/interface pppoe-client get pppoe-out1 running]',
      ':put [/ppp secret get user1 pass]',
      ':put [/ppp secret get user1 ".id"]',
      ':put [/ppp aaa get use-radius]',
      ':put [/ppp secret get $id profile]',
      '',
    ].join('\n');
    assert.deepEqual(findings(text, {}, 'unknown-property'), []);
    assert.deepEqual(lintCodes(':put [/ppp aaa get use-radus]\n'), ['1:20 unknown-property']);
  });

  const deep = restramlFile('7.22.3', 'deep-inspect.json');
  test('every property RouterOS 7.22.3 offers to get in the in-depth menus is accepted', { skip: deep ? false : 'restraml data not present' }, () => {
    const raw = JSON.parse(fs.readFileSync(deep!, 'utf8')) as Record<string, unknown>;
    const lines: string[] = [];
    for (const menu of createSchemaService().allMenus().filter((m) => m.coverage === 'full')) {
      let node: unknown = raw;
      for (const segment of [...menu.path, 'get', 'value-name', '_completion']) node = (node as Record<string, unknown> | undefined)?.[segment];
      const item = menu.singleton ? '' : ' x';
      for (const name of Object.keys((node as Record<string, unknown> | undefined) ?? {})) lines.push(`:put [/${menu.path.join(' ')} get${item} ${name}]`);
    }
    assert.ok(lines.length > 200, `only ${lines.length} properties`);
    assert.deepEqual(findings(lines.join('\n') + '\n', {}, 'unknown-property'), []);
  });
});

describe('values', () => {
  test('short IPv4 forms are addresses (facts A.6)', () => {
    assert.deepEqual(lintCodes('/ip address add address=10.1 interface=ether1\n/ip firewall mangle add chain=prerouting src-address=10.1\n'), []);
  });

  test('validators of patterns that had none', () => {
    const text = [
      '/interface pppoe-client add interface=ether1 host-uniq=zz!',
      '/ip firewall mangle add chain=prerouting ipsec-policy=sideways psd=hello',
      '/ip pool add name=p1 ranges=garbage',
      '/ip pool add name=p2 ranges=10.0.0.1-10.0.0.300',
      '',
    ].join('\n');
    assert.deepEqual(lintCodes(text).filter((c) => c.endsWith('invalid-value')), ['1:56 invalid-value', '2:55 invalid-value', '2:68 invalid-value', '3:29 invalid-value', '4:29 invalid-value']);
  });

  test('backwards ranges are warnings, impossible values errors', () => {
    const text = [
      '/ip firewall mangle add chain=prerouting time=25h-26h',
      '/ip firewall mangle add chain=prerouting time=8h-7h',
      '/ip firewall mangle add chain=prerouting protocol=tcp dst-port=8080-80',
      '/ip firewall mangle add chain=prerouting dst-address=10.0.0.5-10.0.0.1',
      '/ip firewall mangle add chain=prerouting dst-limit=10,5,src-address/zzz',
      '/ip firewall mangle add chain=prerouting connection-limit=10,99',
      '',
    ].join('\n');
    const severities = lintLines(text).filter((l) => l.includes('invalid-value')).map((l) => `${l.split(' ')[0]!.split('-')[0]} ${l.split(' ')[1]}`);
    assert.deepEqual(severities, ['1:47 error', '2:47 warning', '3:64 warning', '4:54 warning', '5:52 error', '6:59 error']);
  });

  test('action=jump without jump-target', () => {
    assert.deepEqual(findings('/ip firewall mangle add chain=prerouting action=jump\n', {}, 'parameter-combination'), [
      '1:42 parameter-combination action=jump only takes effect with `jump-target` on the same rule',
    ]);
    assert.deepEqual(lintCodes('/ip firewall filter add chain=input action=jump jump-target=my-chain\n'), []);
    assert.deepEqual(lintCodes('/ip firewall filter add chain=input action=jump\n'), ['1:37 parameter-combination']);
  });

  test('filter and NAT rules check their actions and the matchers they share with mangle', () => {
    assert.deepEqual(lintCodes('/ip firewall filter add chain=input action=dropp\n'), ['1:44 invalid-value']);
    assert.deepEqual(lintCodes('/ip firewall nat add chain=srcnat action=masqurade\n'), ['1:42 invalid-value']);
    assert.deepEqual(lintCodes('/ip firewall filter add chain=forward connection-state=estabished\n'), ['1:56 invalid-value']);
    const valid = '/ip firewall nat add chain=srcnat action=masquerade out-interface=ether1\n/ip firewall filter add chain=input action=reject reject-with=icmp-admin-prohibited\n';
    assert.deepEqual(lintCodes(valid), []);
  });
});
