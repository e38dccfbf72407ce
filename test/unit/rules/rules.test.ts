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
  'missing-command': {
    bad: '/certificate add name=ca common-name=ca\norganization="ElMoix" days-valid=3650\n',
    at: '2:1',
    good: '/certificate add name=ca common-name=ca \\\n    organization="ElMoix" days-valid=3650\n',
  },
  'missing-subcommand': { bad: ':log ("backup done")\n', at: '1:6', good: ':log info "backup done"\n' },
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
