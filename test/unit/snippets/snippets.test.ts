// Every snippet in snippets/routeros.json is well formed and, expanded with its defaults, is a RouterOS v7 script
// the project's linter accepts without a single error.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lintText } from '../../../server/src/lint.js';
import { createLanguageServices, type LanguageServices } from '../../../server/src/services.js';
import { restramlFile } from '../schema/helpers.js';
import { expandSnippet, tabStopIndexes } from './expand.js';
import { recipeCommands, type RecipeCommand } from './recipeCommands.js';

// Test files compile to CommonJS (see tsconfig), so the location comes from __dirname, not import.meta.
const SNIPPETS_FILE = path.resolve(__dirname, '../../../snippets/routeros.json');

interface Snippet {
  readonly prefix: string | readonly string[];
  readonly body: string | readonly string[];
  readonly description: string;
}

function loadSnippets(): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(SNIPPETS_FILE, 'utf8'));
  assert.ok(parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed), 'snippets file must hold an object');
  return parsed as Record<string, unknown>;
}

function isStringOrStrings(value: unknown): value is string | readonly string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

function asSnippet(name: string, value: unknown): Snippet {
  assert.ok(value !== null && typeof value === 'object', `${name}: snippet must be an object`);
  const record = value as Record<string, unknown>;
  assert.ok(isStringOrStrings(record.prefix), `${name}: prefix must be a string or a list of strings`);
  assert.ok(isStringOrStrings(record.body), `${name}: body must be a string or a list of strings`);
  assert.ok(typeof record.description === 'string' && record.description.length > 0, `${name}: description missing`);
  return record as unknown as Snippet;
}

/** Readable findings, one per line: `3:5-3:12 error unknown-parameter message`. */
function describeFindings(findings: ReturnType<typeof lintText>): string {
  return findings
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.severity} ${f.code} ${f.message}`)
    .join('\n');
}

const snippets = loadSnippets();
const names = Object.keys(snippets);

/** RouterOS 7.24's command tree (test input from ../shared, never part of the project). */
const fullTree = restramlFile('7.24');
let fullTreeLanguageServices: LanguageServices | undefined;
function fullTreeServices(): LanguageServices {
  return (fullTreeLanguageServices ??= createLanguageServices({ commandTreeFile: fullTree }));
}

describe('the command tree check of the recipes can fail', () => {
  it('a misspelt parameter in a menu only the full tree describes is an error with the tree', { skip: !fullTree && 'no 7.24 command tree in ../shared/restraml' }, () => {
    const typo = '/tool netwatch add host=9.9.9.9 intervall=30s\n/ip route add dst-address=0.0.0.0/1 gateway=pppoe-backup distanse=2\n';
    const codes = lintText(typo, { rosVersion: '7.24', services: fullTreeServices() }).filter((f) => f.severity === 'error').map((f) => `${f.range.start.line + 1} ${f.code}`);
    assert.deepEqual(codes, ['1 unknown-parameter', '2 unknown-parameter']);
  });
});

describe('snippets/routeros.json', () => {
  it('holds the PPPoE recipes the extension promises', () => {
    const prefixes = names.flatMap((name) => {
      const prefix = asSnippet(name, snippets[name]).prefix;
      return typeof prefix === 'string' ? [prefix] : [...prefix];
    });
    for (const expected of ['pppoe-failover', 'pppoe-client', 'pppoe-client-vlan', 'pppoe-server', 'pcc-load-balance', 'pppoe-dual-stack']) {
      assert.ok(prefixes.includes(expected), `missing snippet prefix ${expected}`);
    }
    assert.equal(new Set(prefixes).size, prefixes.length, 'snippet prefixes must be unique');
  });

  for (const name of names) {
    describe(name, () => {
      it('has prefix, body, description and at least one tab stop besides $0', () => {
        const snippet = asSnippet(name, snippets[name]);
        const stops = tabStopIndexes(snippet.body).filter((index) => index !== 0);
        assert.ok(stops.length > 0, `${name}: no tab stop`);
      });

      it('expands with its defaults to a script with no lint errors (RouterOS 7.24)', () => {
        const script = expandSnippet(asSnippet(name, snippets[name]).body);
        assert.ok(!script.includes('${'), `${name}: unexpanded placeholder left in:\n${script}`);
        const errors = lintText(script, { rosVersion: '7.24' }).filter((finding) => finding.severity === 'error');
        assert.equal(describeFindings(errors), '', `${name} expanded to:\n${script}`);
      });

      // The built-in schema knows the PPP, PPPoE and mangle menus in depth; RouterOS's own command tree knows
      // every menu a recipe touches (routes, netwatch, DNS, NAT, filter, VLAN, lists, routing tables, IPv6).
      it('expands to a script with no lint errors against RouterOS 7.24\'s own command tree', { skip: !fullTree && 'no 7.24 command tree in ../shared/restraml' }, () => {
        const script = expandSnippet(asSnippet(name, snippets[name]).body);
        const errors = lintText(script, { rosVersion: '7.24', services: fullTreeServices() }).filter((finding) => finding.severity === 'error');
        assert.equal(describeFindings(errors), '', `${name} expanded to:\n${script}`);
      });
    });
  }
});

/** The expanded body of the snippet that has `prefix`, read as commands. */
function expandedCommands(prefix: string): { script: string; commands: RecipeCommand[] } {
  const entry = names.map((name) => asSnippet(name, snippets[name])).find((snippet) => [snippet.prefix].flat().includes(prefix));
  assert.ok(entry, `no snippet with the prefix ${prefix}`);
  const script = expandSnippet(entry.body);
  return { script, commands: recipeCommands(script) };
}

function commandsIn(commands: readonly RecipeCommand[], menu: string, verb = 'add'): RecipeCommand[] {
  return commands.filter((command) => command.menu === menu && command.verb === verb);
}

describe('recipeCommands', () => {
  it('reads menu lines, continuations, quoted values, flags and comments', () => {
    const commands = recipeCommands('# c\n/routing table\nadd name=t1 fib\n/tool netwatch add host=1.1.1.1 \\\n    up-script="/log info \\"up\\"" down-script=x\n');
    assert.deepEqual(commands.map((c) => [c.menu, c.verb, [...c.args], c.words, c.line]), [
      ['routing table', 'add', [['name', 't1']], ['fib'], 3],
      ['tool netwatch', 'add', [['host', '1.1.1.1'], ['up-script', '/log info \\"up\\"'], ['down-script', 'x']], [], 4],
    ]);
  });
});

// The failover recipe of the PPPoE user guide (section "complete PPPoE client setup with failover") has seven
// parts; the snippet must have each of them, written the way RouterOS v7 runs them.
describe('the pppoe-failover snippet holds every part of the guide\'s failover recipe', () => {
  const { commands } = expandedCommands('pppoe-failover');
  const clients = commandsIn(commands, 'interface pppoe-client');
  const primary = clients.find((c) => c.args.get('name') === 'pppoe-primary');
  const backup = clients.find((c) => c.args.get('name') === 'pppoe-backup');

  it('1. a VLAN for the ISP on the WAN port', () => {
    const vlans = commandsIn(commands, 'interface vlan');
    assert.equal(vlans.length, 1);
    assert.equal(vlans[0].args.get('name'), 'vlan-isp');
    assert.equal(vlans[0].args.get('vlan-id'), '35');
    assert.equal(vlans[0].args.get('interface'), 'ether1');
  });

  it('2. and 3. a primary PPPoE client on the VLAN and a backup one on a second port, both enabled', () => {
    assert.equal(clients.length, 2, 'two pppoe-client adds');
    assert.ok(primary && backup, 'pppoe-primary and pppoe-backup');
    assert.equal(primary.args.get('interface'), 'vlan-isp');
    assert.equal(backup.args.get('interface'), 'ether2');
    for (const client of [primary, backup]) {
      assert.equal(client.args.get('add-default-route'), 'yes');
      assert.equal(client.args.get('disabled'), 'no');
      assert.equal(client.args.get('max-mtu'), '1492');
      assert.ok(client.args.get('user') && client.args.get('password'), 'user and password');
    }
    // The primary's default route wins while it is up.
    assert.ok(Number(primary.args.get('default-route-distance')) < Number(backup.args.get('default-route-distance')));
  });

  it('4. TCP MSS clamping on both PPPoE links', () => {
    const clamps = commandsIn(commands, 'ip firewall mangle').filter((c) => c.args.get('action') === 'change-mss');
    // Both directions: the guide clamps only outgoing SYNs, but a server behind the router answers with its own MSS.
    for (const link of ['pppoe-primary', 'pppoe-backup']) {
      for (const direction of ['out-interface', 'in-interface']) {
        const rule = clamps.find((c) => c.args.get(direction) === link);
        assert.ok(rule, `no change-mss rule with ${direction}=${link}`);
        assert.equal(rule.args.get('protocol'), 'tcp');
        assert.equal(rule.args.get('tcp-flags'), 'syn');
        // Clamped to the path MTU, not the guide's fixed 1360 (wrong for any other MTU).
        assert.equal(rule.args.get('new-mss'), 'clamp-to-pmtu');
      }
    }
  });

  it('5. netwatch with an up-script and a down-script that switch static routes (not the dynamic ones)', () => {
    const watches = commandsIn(commands, 'tool netwatch');
    assert.equal(watches.length, 1);
    const [watch] = watches;
    const up = watch.args.get('up-script') ?? '';
    const down = watch.args.get('down-script') ?? '';
    assert.match(up, /^\/ip route disable \[find comment=\\"failover-to-backup\\"\]/);
    assert.match(down, /^\/ip route enable \[find comment=\\"failover-to-backup\\"\]/);
    // add-default-route makes dynamic routes, which RouterOS does not let a script `set`; the guide's scripts
    // do that, the snippet must not.
    assert.doesNotMatch(`${up}\n${down}`, /route set/);
    const routes = commandsIn(commands, 'ip route');
    const failover = routes.filter((r) => r.args.get('comment') === 'failover-to-backup');
    assert.deepEqual(failover.map((r) => [r.args.get('dst-address'), r.args.get('gateway'), r.args.get('disabled')]), [
      ['0.0.0.0/1', 'pppoe-backup', 'yes'],
      ['128.0.0.0/1', 'pppoe-backup', 'yes'],
    ]);
    // The probe host is pinned to the primary link, so netwatch measures the primary even after a failover.
    const host = watch.args.get('host');
    assert.ok(routes.some((r) => r.args.get('dst-address') === `${host}/32` && r.args.get('gateway') === 'pppoe-primary'));
    // While the primary is down its host route is inactive: a blackhole keeps the probe from answering via the backup.
    const blackhole = routes.find((r) => r.args.get('dst-address') === `${host}/32` && r.words.includes('blackhole'));
    assert.ok(blackhole, 'a blackhole route for the probe host');
    assert.ok(Number(blackhole.args.get('distance')) > 1, 'the blackhole loses to the route via the primary');
    // A probe host that is also a DNS server would pin the DNS traffic to the primary, failover or not.
    const dnsServers = commandsIn(commands, 'ip dns', 'set')[0]?.args.get('servers')?.split(',') ?? [];
    assert.ok(host && !dnsServers.includes(host), `the probe host ${host} is one of the DNS servers ${dnsServers.join(',')}`);
  });

  it('6. source NAT (masquerade) out of both links', () => {
    const nat = commandsIn(commands, 'ip firewall nat').filter((c) => c.args.get('chain') === 'srcnat' && c.args.get('action') === 'masquerade');
    assert.deepEqual(nat.map((c) => c.args.get('out-interface')).sort(), ['pppoe-backup', 'pppoe-primary']);
  });

  it('7. backup DNS servers, and no open resolver on the uplinks', () => {
    const dns = commandsIn(commands, 'ip dns', 'set');
    assert.equal(dns.length, 1);
    assert.deepEqual(dns[0].args.get('servers')?.split(','), ['1.1.1.1', '8.8.8.8']);
    const list = commandsIn(commands, 'interface list')[0]?.args.get('name');
    const drops = commandsIn(commands, 'ip firewall filter').filter((c) => c.args.get('dst-port') === '53' && c.args.get('action') === 'drop');
    assert.deepEqual(drops.map((c) => [c.args.get('in-interface-list'), c.args.get('protocol')]), [[list, 'udp'], [list, 'tcp']]);
  });

  it('uses its own interface list, not the default configuration\'s WAN list (adding WAN again fails)', () => {
    const lists = commandsIn(commands, 'interface list');
    assert.equal(lists.length, 1);
    assert.notEqual(lists[0].args.get('name')?.toUpperCase(), 'WAN');
    const members = commandsIn(commands, 'interface list member');
    assert.deepEqual(members.map((m) => [m.args.get('list'), m.args.get('interface')]), [
      [lists[0].args.get('name'), 'pppoe-primary'],
      [lists[0].args.get('name'), 'pppoe-backup'],
    ]);
  });
});

// The user fills in names, the VLAN id, credentials and route distances: each is a tab stop in the snippet, not
// a fixed value the user has to find and edit.
describe('the pppoe-failover snippet asks for what differs from network to network', () => {
  const failover = names.map((name) => asSnippet(name, snippets[name])).find((snippet) => [snippet.prefix].flat().includes('pppoe-failover'));
  const body = [failover?.body ?? ''].flat().join('\n');
  const cases: Array<[string, RegExp]> = [
    ['the VLAN name', /\/interface vlan\nadd name=\$\{\d+:/],
    ['the VLAN id', /vlan-id=\$\{\d+:\d+\}/],
    ['the WAN port of the VLAN', /vlan-id=\S+ interface=\$\{\d+:/],
    ['the primary client\'s name', /\/interface pppoe-client\nadd name=\$\{\d+:/],
    ['the backup client\'s name and port', /add name=\$\{\d+:[^}]+\} interface=\$\{\d+:/],
    ['both users', /(?:user="\$\{\d+:[^}]+\}"[^]*){2}/],
    ['both passwords', /(?:password="\$\{\d+:[^}]+\}"[^]*){2}/],
    ['both default-route distances', /(?:default-route-distance=\$\{\d+:\d+\}[^]*){2}/],
    ['the blackhole route\'s distance', /blackhole distance=\$\{\d+:\d+\}/],
    ['the probe host', /dst-address=\$\{\d+:[\d.]+\}\/32/],
    ['the DNS servers', /servers=\$\{\d+:/],
  ];
  for (const [what, pattern] of cases) {
    it(`tab stop: ${what}`, () => assert.match(body, pattern));
  }
});

describe('the other recipes hold what their descriptions promise', () => {
  it('pppoe-server: pool, profile handing out the router as DNS, two secrets, server binding, DNS not open on the uplink', () => {
    const { commands } = expandedCommands('pppoe-server');
    const pool = commandsIn(commands, 'ip pool')[0];
    const profile = commandsIn(commands, 'ppp profile')[0];
    assert.ok(pool && profile);
    assert.equal(profile.args.get('remote-address'), pool.args.get('name'));
    // The clients ask the router for names, so the router must answer remote requests.
    assert.equal(profile.args.get('dns-server'), profile.args.get('local-address'));
    assert.equal(commandsIn(commands, 'ip dns', 'set')[0]?.args.get('allow-remote-requests'), 'yes');
    const secrets = commandsIn(commands, 'ppp secret');
    assert.ok(secrets.length >= 2, 'more than one secret');
    assert.equal(new Set(secrets.map((s) => s.args.get('name'))).size, secrets.length, 'distinct user names');
    for (const secret of secrets) assert.equal(secret.args.get('profile'), profile.args.get('name'));
    const server = commandsIn(commands, 'interface pppoe-server server')[0];
    assert.equal(server?.args.get('default-profile'), profile.args.get('name'));
    assert.equal(server?.args.get('authentication'), 'mschap2');
    const uplink = commandsIn(commands, 'ip firewall filter').filter((c) => c.args.get('dst-port') === '53' && c.args.get('action') === 'drop');
    assert.deepEqual(uplink.map((c) => c.args.get('protocol')), ['udp', 'tcp']);
    assert.notEqual(uplink[0].args.get('in-interface'), server?.args.get('interface'), 'DNS is dropped on the uplink, not on the clients\' port');
  });

  it('pcc-load-balance: connection marks, routing tables with fib, and FastTrack kept off marked connections', () => {
    const { commands } = expandedCommands('pcc-load-balance');
    const tables = commandsIn(commands, 'routing table');
    assert.deepEqual(tables.map((t) => [t.args.get('name'), t.words]), [['to_wan1', ['fib']], ['to_wan2', ['fib']]]);
    const mangle = commandsIn(commands, 'ip firewall mangle');
    assert.ok(mangle.some((m) => m.args.get('per-connection-classifier') === 'both-addresses:2/0'));
    assert.ok(mangle.some((m) => m.args.get('per-connection-classifier') === 'both-addresses:2/1'));
    const routingMarks = mangle.filter((m) => m.args.get('action') === 'mark-routing').map((m) => m.args.get('new-routing-mark'));
    assert.deepEqual([...new Set(routingMarks)].sort(), ['to_wan1', 'to_wan2']);
    // Fast-tracked packets skip mangle and would lose their routing mark.
    const fasttrack = commandsIn(commands, 'ip firewall filter', 'set');
    assert.deepEqual(fasttrack.map((f) => [f.words, f.args.get('connection-mark')]), [[['[find action=fasttrack-connection]'], 'no-mark']]);
  });

  it('pppoe-dual-stack: the IPv6 forward chain drops new connections from the ISP (no NAT hides the LAN)', () => {
    const { commands } = expandedCommands('pppoe-dual-stack');
    const filter = commandsIn(commands, 'ipv6 firewall filter');
    const forward = filter.filter((f) => f.args.get('chain') === 'forward');
    assert.deepEqual(forward.map((f) => [f.args.get('connection-state'), f.args.get('in-interface'), f.args.get('action')]).at(-1), [undefined, 'pppoe-out1', 'drop']);
    assert.ok(forward.some((f) => f.args.get('connection-state') === 'established,related,untracked' && f.args.get('action') === 'accept'));
    const input = filter.filter((f) => f.args.get('chain') === 'input');
    assert.equal(input.at(-1)?.args.get('action'), 'drop');
  });
});
