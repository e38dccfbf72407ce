/**
 * Every rule has a failing and a passing RouterOS example. The failing one must report the rule's code at the
 * expected place; the passing one must not report that code at all. A rule without an example fails the suite.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULES } from '../../../server/src/features/diagnostics/registry.js';
import { lintCodes, lintLines } from '../../helpers/lintLines.js';

interface Example {
  /** Script that must trigger the rule. */
  readonly bad: string;
  /** `line:column` (1-based) where the finding must start. */
  readonly at: string;
  /** Similar script that must not trigger it. */
  readonly good: string;
  readonly rosVersion?: string;
}

const EXAMPLES: Record<string, Example> = {
  syntax: { bad: ':put (1 + )\n', at: '1:9', good: ':put (1 + 2)\n' },
  'missing-equals': { bad: ':local a 1\n:if ($a = 1) do={ :put 1 } else { :put 2 }\n', at: '2:28', good: ':local a 1\n:if ($a = 1) do={ :put 1 } else={ :put 2 }\n' },
  'single-quote': { bad: "/ip firewall address-list add list=block address='192.0.2.1'\n", at: '1:50', good: '/ip firewall address-list add list=block address="192.0.2.1"\n' },
  'stray-backslash': { bad: ':put 1 \\ :put 2\n', at: '1:8', good: ':put 1; \\\n:put 2\n' },
  'empty-array': { bad: ':local a {}\n', at: '1:10', good: ':local a [:toarray ""]\n' },
  'nesting-too-deep': { bad: `:put ${'('.repeat(2000)}1${')'.repeat(2000)}\n`, at: '1:206', good: ':put ((((1))))\n' },
  'unterminated-string': { bad: ':local email "somebody@example.com\n:put $email\n', at: '1:14', good: ':local email "somebody@example.com"\n:put $email\n' },
  'invalid-escape': { bad: ':put "tab\\q"\n', at: '1:10', good: ':put "tab\\t and \\48\\49"\n' },
  'unbalanced-bracket': { bad: ':local n [:len [/system script find where name="x"]\n:put $n\n', at: '1:10', good: ':local n [:len [/system script find where name="x"]]\n:put $n\n' },
  'misplaced-comment': { bad: ':put 2 # two\n', at: '1:8', good: '# two\n:put 2\n/ip firewall filter add chain=input comment=#keep\n' },
  'space-before-equals': { bad: '/ip route add gateway =192.0.2.1\n', at: '1:22', good: '/ip route add gateway=192.0.2.1\n' },
  'unknown-command': { bad: '/interface pppoe-client monitr pppoe-out1 once\n', at: '1:25', good: '/interface pppoe-client monitor pppoe-out1 once\n' },
  'unknown-global-command': { bad: ':local s [:picl "abc" 0 1]\n', at: '1:12', good: ':local s [:pick "abc" 0 1]\n' },
  'colon-before-menu': { bad: ':local t [:system clock get time]\n', at: '1:12', good: ':local t [/system clock get time]\n' },
  // The parser reports a line that starts with `name=` itself; the rule speaks when the parser already used its one
  // problem for the line on an earlier mistake.
  'missing-command': {
    bad: ':put (1 + ); organization="ElMoix" days-valid=3650\n',
    at: '1:14',
    good: '/certificate add name=ca common-name=ca \\\n    organization="ElMoix" days-valid=3650\n',
  },
  'missing-subcommand': { bad: ':log information "backup done"\n', at: '1:6', good: ':log info "backup done"\n' },
  // Schema names and values (rules/menus.ts, rules/properties.ts).
  'unknown-menu': { bad: '/ip firewall mangel add chain=prerouting\n', at: '1:14', good: '/ip firewall mangle add chain=prerouting\n' },
  'unknown-property': { bad: ':put [/ppp secret get user1 pasword]\n', at: '1:29', good: ':put [/ppp secret get user1 password]\n' },
  'unknown-parameter': {
    bad: '/interface pppoe-client add interface=ether1 user=isp passwrd=secret\n',
    at: '1:55',
    good: '/interface pppoe-client add interface=ether1 user=isp password=secret\n',
  },
  'invalid-value': {
    bad: '/interface pppoe-client add interface=ether1 add-default-route=maybe\n',
    at: '1:64',
    good: '/interface pppoe-client add interface=ether1 add-default-route=yes\n',
  },
  'missing-required-parameter': { bad: '/ppp secret add password=x service=pppoe\n', at: '1:13', good: '/ppp secret add name=alice password=x service=pppoe\n' },
  'duplicate-parameter': { bad: '/ppp secret add name=alice name=bob\n', at: '1:28', good: '/ppp secret add name=alice\n' },
  'parameter-combination': {
    bad: '/ip firewall mangle add chain=forward new-mss=1400\n',
    at: '1:39',
    good: '/ip firewall mangle add chain=forward action=change-mss new-mss=1400 protocol=tcp tcp-flags=syn passthrough=yes\n',
  },
  'too-many-arguments': { bad: ':put [/interface get ether1 mtu extra]\n', at: '1:33', good: ':put [/interface get ether1 mtu]\n' },
  'bare-word-in-expression': {
    bad: ':local latest "7.15"\n:local installed "7.14"\n:if (installed != $latest) do={ :put "upgrade" }\n',
    at: '3:6',
    good: ':local latest "7.15"\n:local installed "7.14"\n:if ($installed != $latest) do={ :put "upgrade" }\n',
  },
  'v7-path-syntax': {
    bad: '# jan/02/2024 10:00:00 by RouterOS 6.49.7\n/system/routerboard/print\n',
    at: '2:1',
    good: '# jan/02/2024 10:00:00 by RouterOS 6.49.7\n/system routerboard print\n',
  },
  'not-in-version': {
    bad: '# 2024-06-01 10:00:00 by RouterOS 7.16\n/interface pppoe-server server add interface=ether1 authentication=mschap2 pppoe-over-vlan-range=100-115\n',
    at: '2:76',
    good: '# 2025-01-10 10:00:00 by RouterOS 7.17\n/interface pppoe-server server add interface=ether1 authentication=mschap2 pppoe-over-vlan-range=100-115\n',
  },
  'undefined-reference': {
    bad: '/ppp secret add name=alice profile=vpn-users\n',
    at: '1:36',
    good: '/ppp profile add name=vpn-users\n/ppp secret add name=alice profile=vpn-users\n',
  },
  'pppoe-mtu': { bad: '/interface pppoe-client add interface=ether1 max-mtu=1500\n', at: '1:54', good: '/interface pppoe-client add interface=ether1 max-mtu=1492\n' },
  'weak-ppp-auth': {
    bad: '/interface pppoe-server server add interface=ether1 authentication=pap,mschap2\n',
    at: '1:68',
    good: '/interface pppoe-server server add interface=ether1 authentication=mschap2\n',
  },
  // Variables (rules/variables.ts).
  'invalid-variable-name': { bad: ':local wan-ip [/ip address get 0 address]\n', at: '1:8', good: ':local "wan-ip" [/ip address get 0 address]\n:put $"wan-ip"\n' },
  'undeclared-variable': {
    bad: '/system script add name=count-runs source={\n  :set runs ($runs + 1)\n}\n',
    at: '2:8',
    good: '/system script add name=count-runs source={\n  :global runs\n  :set runs ($runs + 1)\n}\n',
  },
};

/** Codes that cannot be provoked from a script on purpose. */
const NOT_PROVOKABLE = new Set(['internal-error']);

test('every registered rule has a failing and a passing example', () => {
  const missing = RULES.map((r) => r.code).filter((code) => !EXAMPLES[code] && !NOT_PROVOKABLE.has(code));
  assert.deepEqual(missing, []);
});

for (const [code, example] of Object.entries(EXAMPLES)) {
  test(`${code}: reported on the failing example`, () => {
    const found = lintCodes(example.bad, { rosVersion: example.rosVersion });
    assert.ok(found.includes(`${example.at} ${code}`), `expected ${example.at} ${code}, got:\n${lintLines(example.bad, { rosVersion: example.rosVersion }).join('\n')}`);
  });
  test(`${code}: not reported on the passing example`, () => {
    const found = lintLines(example.good, { rosVersion: example.rosVersion }).filter((line) => line.split(' ')[2] === code);
    assert.deepEqual(found, []);
  });
}

test('a severity can be changed or turned off per workspace', () => {
  const bad = EXAMPLES['pppoe-mtu']!.bad;
  assert.ok(lintLines(bad, { rules: { 'pppoe-mtu': 'error' } }).some((l) => l.includes(' error pppoe-mtu ')));
  assert.ok(!lintLines(bad, { rules: { 'pppoe-mtu': 'off' } }).some((l) => l.includes('pppoe-mtu')));
});

test('# rsc-disable-next-line silences the named code on the next line only', () => {
  const text = '# rsc-disable-next-line pppoe-mtu\n/interface pppoe-client add interface=ether1 max-mtu=1500\n/interface pppoe-client add interface=ether2 max-mtu=1500\n';
  const lines = lintCodes(text).filter((l) => l.endsWith('pppoe-mtu'));
  assert.deepEqual(lines, ['3:54 pppoe-mtu']);
});

test('one mistake does not cascade: a broken line leaves the next lines checked normally', () => {
  const text = ':put "never closed\n/interface pppoe-client add interface=ether1 max-mtu=1500\n/ppp secret add name=a name=b\n';
  const codes = lintCodes(text);
  assert.ok(codes.includes('2:54 pppoe-mtu'), codes.join('\n'));
  assert.ok(codes.includes('3:24 duplicate-parameter'), codes.join('\n'));
});

// ---- Global commands: their arguments are checked under the codes of the same mistakes on menu commands --------

interface GlobalCase {
  readonly script: string;
  /** `line:col code` of the one finding the mistake must give (and no other finding of my codes at that spot). */
  readonly expect: string;
  /** Part of the message that says what to do. */
  readonly says: string;
  readonly rosVersion?: string;
  readonly severity?: string;
}

const GLOBAL_CASES: GlobalCase[] = [
  // Extra values.
  { script: ':put 1 2\n', expect: '1:8 too-many-arguments', says: 'one too many' },
  { script: ':local x 1 2\n', expect: '1:12 too-many-arguments', says: 'at most 2 values' },
  { script: ':local x 1\n:set x 1 2\n', expect: '2:10 too-many-arguments', says: '`:set` takes at most 2 values' },
  { script: ':put [:pick "abc" 0 1 2]\n', expect: '1:23 too-many-arguments', says: '`:pick <value> <start> [<end>]`' },
  { script: ':delay 1s 2s\n', expect: '1:11 too-many-arguments', says: '`:delay` takes one value' },
  { script: ':local total 1 + 2\n', expect: '1:16 too-many-arguments', says: 'put the expression in `( )`' },
  // Unknown named arguments, with did-you-mean.
  { script: ':for i from=1 to=2 stepp=1 do={ :put $i }\n', expect: '1:20 unknown-parameter', says: 'did you mean `step`?' },
  { script: ':retry command={ /tool fetch url="https://example.com" } delay=1s maxx=3\n', expect: '1:67 unknown-parameter', says: 'did you mean `max`?' },
  { script: ':foreach i in={1;2} do={ :put $i } else={ :put "none" }\n', expect: '1:36 unknown-parameter', says: 'it takes `counter`, `in`, `do`, `on-error`' },
  { script: ':local a=1\n', expect: '1:8 unknown-parameter', says: 'write `:local a 1`' },
  // Missing `=`: code after the name is refused like `do {`; other values are reported as a warning.
  { script: ':retry command { /tool fetch url="https://example.com" } delay=1s max=3\n', expect: '1:8 missing-equals', says: 'write `command={...}`', severity: 'error' },
  { script: ':onerror e in { :error "x" } do={ :put $e }\n', expect: '1:12 missing-equals', says: 'write `in={ :error "x" }`', severity: 'error' },
  { script: ':for i from 1 to=10 do={ :put $i }\n', expect: '1:8 missing-equals', says: 'write `from=1`', severity: 'warning' },
  { script: ':local i 0\n:do { :set i ($i + 1) } while ($i < 2)\n', expect: '2:25 missing-equals', says: 'write `while=($i < 2)`', severity: 'warning' },
  { script: ':foreach x in {1;2} do={ :put $x }\n', expect: '1:12 missing-equals', says: 'write `in={1;2}`', severity: 'warning' },
  // Values of a known type.
  { script: ':delay 10x\n', expect: '1:8 invalid-value', says: 'is not a time' },
  { script: ':put [:serialize to=yaml [:toarray ""]]\n', expect: '1:21 invalid-value', says: 'expected one of json, dsv' },
  { script: ':put [:resolve example.com type=bogus]\n', expect: '1:33 invalid-value', says: 'expected one of any, any6, ipv4, ipv6' },
  { script: ':put [:convert "abc" to=bogus]\n', expect: '1:25 invalid-value', says: 'base64' },
  // Missing parts.
  { script: ':for i from=1 do={ :put $i }\n', expect: '1:2 missing-required-parameter', says: '`:for` needs `to=`' },
  { script: ':onerror in={ :error "x" } do={ :put "caught" }\n', expect: '1:2 missing-required-parameter', says: 'a variable that receives the error message' },
  { script: ':local\n', expect: '1:2 missing-required-parameter', says: 'a variable name' },
  { script: ':if do={ :put 1 }\n', expect: '1:2 missing-required-parameter', says: '`:if` needs a condition' },
  // Newer than the target.
  { script: ':for i from=1 to=2 do={ :put $i } on-error={ :put "failed" }\n', expect: '1:35 not-in-version', says: 'RouterOS 7.19 and later; the target is 7.12', rosVersion: '7.12' },
  { script: ':put [:resolve example.com type=ipv6]\n', expect: '1:28 not-in-version', says: 'RouterOS 7.15 and later', rosVersion: '7.12' },
  // Variable names.
  { script: ':local in 1\n', expect: '1:8 invalid-variable-name', says: 'operator keyword', severity: 'warning' },
  { script: ':local a-b 1\n', expect: '1:8 invalid-variable-name', says: 'write `:local "a-b" ...`', severity: 'error' },
  { script: ':foreach k,my-value in={a=1} do={ :put $k }\n', expect: '1:12 invalid-variable-name', says: '`my-value` needs quotes' },
  // Duplicates.
  { script: ':if (true) do={ :put 1 } else={ :put 2 } else={ :put 3 }\n', expect: '1:42 duplicate-parameter', says: '`else` is given twice to `:if`' },
  // `#` after the last value.
  { script: ':retry { /tool fetch url="https://example.com" } delay=1s max=3 #retried\n', expect: '1:65 misplaced-comment', says: '`:retry` has no value left' },
  { script: '/ip address print # c\n', expect: '1:19 misplaced-comment', says: '`print` has no value left' },
  // A bare word given to a menu command the schema knows in full.
  { script: '/ip firewall mangle add chain=forward action=accept bogus\n', expect: '1:53 too-many-arguments', says: '`bogus` is not a flag or parameter of `add`' },
  { script: '/ip firewall mangle print stat\n', expect: '1:27 too-many-arguments', says: 'did you mean `stats`?' },
];

const MY_CODES = new Set(['too-many-arguments', 'unknown-parameter', 'missing-equals', 'invalid-value', 'missing-required-parameter', 'not-in-version', 'invalid-variable-name', 'duplicate-parameter', 'misplaced-comment', 'syntax', 'missing-command', 'missing-subcommand']);

for (const c of GLOBAL_CASES) {
  test(`global-command arguments: ${JSON.stringify(c.script)} gives ${c.expect}`, () => {
    const lines = lintLines(c.script, { rosVersion: c.rosVersion });
    const [at, code] = c.expect.split(' ');
    const found = lines.filter((l) => l.startsWith(`${at}-`) && l.split(' ')[2] === code);
    assert.equal(found.length, 1, `expected one ${c.expect}, got:\n${lines.join('\n')}`);
    assert.ok(found[0]!.includes(c.says), `message should say ${c.says}: ${found[0]}`);
    if (c.severity) assert.equal(found[0]!.split(' ')[1], c.severity);
    // One mistake, one finding: nothing else of these codes anywhere on the script.
    assert.deepEqual(lines.filter((l) => MY_CODES.has(l.split(' ')[2]!) && l !== found[0]), [], lines.join('\n'));
  });
}

test('global-command arguments: correct forms give no findings', () => {
  const script = [
    ':local i 0',
    ':local "my-var" 5',
    ':put $"my-var"',
    ':local name "router"',
    ':local value 3',
    ':for j from=1 to=10 step=2 do={ :put $j }',
    ':foreach k,v in={a=1;b=2} do={ :put "$k=$v" }',
    ':foreach k, v in={a=1;b=2} do={ :put "$k=$v" }',
    ':do { :set i ($i + 1) } while=($i < 3)',
    ':do { :put [:resolve example.com] } on-error={ :put "failed" }',
    ':onerror err { :error "boom" } do={ :put "caught $err" }',
    ':onerror err in={ :error "boom" } do={ :put "caught $err" }',
    ':retry { /tool fetch url="https://example.com" } delay=500ms max=5',
    ':if ($i > 2) do={ :put "big" } else={ :put "small" }',
    ':put [:pick "abcdef" 1 3]',
    ':delay 1500ms',
    ':delay .5',
    ':log info "backup done"',
    ':log/warning "disk almost full"',
    ':local f [:parse ":put \\$1"]',
    '$f "hello"',
    ':global square do={ :return ($a * $a) }',
    ':put [$square a=4]',
    ':execute ":put 1" as-string',
    ':local id [/ip firewall mangle add chain=forward action=accept passthrough=yes disabled=yes]',
    '/ip firewall mangle print stats',
    ':put [:serialize to=json value={a=1}]',
    ':local name=host value="gw"',
    ':put $host',
  ].join('\n');
  const lines = lintLines(`${script}\n`, { rosVersion: '7.20' }).filter((l) => l.split(' ')[1] !== 'hint');
  assert.deepEqual(lines, []);
});

test('one mistake, one finding: a named argument starting a line, `:log` without a level', () => {
  assert.deepEqual(lintCodes(':if (true) do={ :put 1 }\nelse={ :put 2 }\n'), ['2:1 syntax']);
  assert.deepEqual(lintCodes(':log "text"\n'), ['1:6 syntax']);
  assert.deepEqual(lintCodes('/certificate add name=ca common-name=ca\norganization="ElMoix" days-valid=3650\n'), ['2:1 syntax']);
});

test('colon-less `set` in a menu the schema does not know is the menu\'s command, not `:set`', () => {
  const lines = lintLines('/ip service\nset telnet disabled=yes\nset ftp disabled=yes port=2121\n');
  assert.deepEqual(lines, []);
});

test('undeclared-variable: parameters, event variables, `where` properties and command output are declared implicitly', () => {
  const script = [
    ':global greet do={ :put "hello $name, you are $1" }',
    ':local f [:parse ":put \\$who"]',
    '/ppp profile add name=vpn on-up=":log info \\"up: \\$user \\$\\"remote-address\\"\\""',
    '/ip dhcp-server set [find] lease-script=":if (\\$leaseBound = 1) do={ :log info \\$leaseActIP }"',
    '/tool flood-ping address=192.0.2.1 count=3 do={ :put $"avg-rtt" }',
    ':put [/ppp secret find where $disabled]',
  ].join('\n');
  const lines = lintLines(`${script}\n`).filter((l) => l.split(' ')[2] === 'undeclared-variable');
  assert.deepEqual(lines, []);
});

test('undeclared-variable: a variable declared in an inner block is not visible after it; one finding per name', () => {
  const script = ':if (true) do={ :local volt 12 }\n:put $volt\n:put ($volt * 2)\n';
  const lines = lintLines(script).filter((l) => l.split(' ')[2] === 'undeclared-variable');
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.ok(lines[0]!.startsWith('2:7-2:11 warning undeclared-variable `volt` is not declared (used 2 times)'), lines[0]);
});

test('a rule made of several checks keeps what the others found when one throws', async () => {
  const { withExtraChecks, PartialRuleFailure } = await import('../../../server/src/features/diagnostics/rules/extraChecks.js');
  const { createLanguageServices } = await import('../../../server/src/services.js');
  const services = createLanguageServices();
  const [rule] = withExtraChecks([{ code: 'unknown-parameter', defaultSeverity: 'error', description: '', check: () => { throw new Error('boom'); } }]);
  const analysis = services.analyze(':for i from=1 to=2 stepp=1 do={}\n', {});
  assert.throws(() => rule!.check!({ analysis, schema: services.schema }), (error: unknown) => {
    assert.ok(error instanceof PartialRuleFailure);
    assert.equal(error.message, 'boom');
    assert.deepEqual(error.reports.map((r) => r.message), ['`stepp` is not an argument of `:for`: did you mean `step`?']);
    return true;
  });
});
