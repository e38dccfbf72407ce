/**
 * Analysis: the menu every command runs in, and the symbols of a document (variables with their scopes,
 * functions, named objects and references to them). Script in, readable lines out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentAnalysis } from '../../../server/src/analysis/types.js';
import { lintText } from '../../../server/src/lint.js';
import { createLanguageServices } from '../../../server/src/services.js';

const services = createLanguageServices();

function analyze(text: string): DocumentAnalysis {
  return services.analyze(text);
}

function where(analysis: DocumentAnalysis, offset: number): string {
  const position = analysis.lines.positionAt(offset);
  return `${position.line + 1}:${position.character + 1}`;
}

/** `line:column kind /menu path command` for every command, in document order. */
function menuLines(text: string): string[] {
  const analysis = analyze(text);
  return analysis.commands.map((command) => {
    const menu = `/${command.menuPath.join(' ')}`;
    return `${where(analysis, command.node.span.start)} ${command.kind} ${menu}${command.commandName ? ` ${command.commandName}` : ''}`;
  });
}

describe('the menu each command runs in', () => {
  const cases: [string, string, string[]][] = [
    ['an export menu line sets the menu for the lines below it', '/ip firewall mangle\nadd chain=forward action=accept\nadd chain=input action=accept', [
      '1:1 menu-change /ip firewall mangle',
      '2:1 menu-command /ip firewall mangle add',
      '3:1 menu-command /ip firewall mangle add',
    ]],
    ['slash spelling is the same menu', '/ip/firewall/mangle/add chain=forward action=accept', ['1:1 menu-command /ip firewall mangle add']],
    ['a one-line command does not change the menu of the next line', '/ip address\n/ip route add gateway=1.1.1.1\nadd address=10.0.0.1/24 interface=ether1', [
      '1:1 menu-change /ip address',
      '2:1 menu-command /ip route add',
      '3:1 menu-command /ip address add',
    ]],
    ['a relative path descends from the current menu, `..` goes up', '/ip firewall\nmangle add chain=forward action=accept\n.. route print', [
      '1:1 menu-change /ip firewall',
      '2:1 menu-command /ip firewall mangle add',
      '3:1 menu-command /ip route print',
    ]],
    ['`[find]` inherits the menu of the command around it', '/interface pppoe-client set [find name=pppoe-out1] disabled=no', [
      '1:1 menu-command /interface pppoe-client set',
      '1:30 menu-command /interface pppoe-client find',
    ]],
    ['a menu block runs in the menu it names', '/ip firewall filter {\n  add chain=input action=accept\n}', [
      '1:1 menu-change /ip firewall filter',
      '2:3 menu-command /ip firewall filter add',
    ]],
    ['a bare `{ }` block keeps the current menu', '/ip address\n{\n  add address=10.0.0.1/24 interface=ether1\n}', [
      '1:1 menu-change /ip address',
      '3:3 menu-command /ip address add',
    ]],
    ['a `do={}` block runs in the menu of the command around it', '/ip route\n:if ([:len [find]] = 0) do={ add gateway=1.1.1.1 }', [
      '1:1 menu-change /ip route',
      '2:1 global /ip route if',
      '2:7 global /ip route len',
      '2:13 menu-command /ip route find',
      '2:30 menu-command /ip route add',
    ]],
    ['code in a string starts at the root menu, as RouterOS runs it', '/system script\nadd name=s source="/ip address print"', [
      '1:1 menu-change /system script',
      '2:1 menu-command /system script add',
      '2:20 menu-command /ip address print',
    ]],
    ['the two spellings mixed on one line', '/ip firewall/mangle add chain=forward action=accept\n/ip firewall mangle/print\n/ip firewall\nmangle/add chain=input action=accept', [
      '1:1 menu-command /ip firewall mangle add',
      '2:1 menu-command /ip firewall mangle print',
      '3:1 menu-change /ip firewall',
      '4:1 menu-command /ip firewall mangle add',
    ]],
    ['a value with `/` after the command stays a value', '/file remove flash/backup.rsc', ['1:1 menu-command /file remove']],
    ['a function call and a global command', ':global f do={ :put $a }\n$f a=1', [
      '1:1 global / global',
      '1:16 global / put',
      '2:1 call /',
    ]],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(menuLines(text), expected));
  }
});

describe('symbols', () => {
  it('declares variables with their scope, and resolves references to the nearest visible declaration', () => {
    const text = [':global counter 0', ':local f do={ :local counter 5; :put $counter }', ':put $counter', ':foreach i in={1;2} do={ :put $i }'].join('\n');
    const analysis = analyze(text);
    const declared = analysis.symbols.variables.map((v) => `${v.kind} ${v.name} ${where(analysis, v.span.start)}`);
    assert.deepEqual(declared, ['global counter 1:9', 'function f 2:8', 'local counter 2:22', 'loop i 4:10']);
    const refs = analysis.symbols.variableReferences.map((r) => `${r.name} ${where(analysis, r.span.start)} -> ${r.declaration ? where(analysis, r.declaration.span.start) : 'undeclared'}`);
    assert.deepEqual(refs, ['counter 2:39 -> 2:22', 'counter 3:7 -> 1:9', 'i 4:32 -> 4:10']);
  });

  it('collects the named objects a file creates and the references to them', () => {
    const text = [
      '/interface vlan add interface=ether1 name=vlan-isp vlan-id=35',
      '/ip pool add name=pool-pppoe ranges=10.10.0.2-10.10.0.254',
      '/ppp profile add name=office local-address=10.10.0.1 remote-address=pool-pppoe',
      '/ppp secret add name=alice password=x profile=office',
      '/ip firewall address-list add address=10.0.0.0/8 list=lan',
      '/routing table add name=to-isp2 fib',
      '/ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=isp2-conn src-address-list=lan',
      '/ip firewall mangle add chain=prerouting action=mark-routing connection-mark=isp2-conn new-routing-mark=to-isp2',
    ].join('\n');
    const analysis = analyze(text);
    const objects = analysis.symbols.objects.map((o) => `${o.kind} ${o.name} ${where(analysis, o.span.start)}`);
    assert.deepEqual(objects, [
      'interface vlan-isp 1:43',
      'ip-pool pool-pppoe 2:19',
      'ppp-profile office 3:23',
      'ppp-secret alice 4:22',
      'address-list lan 5:55',
      'routing-table to-isp2 6:25',
      'firewall-chain prerouting 7:31',
      'connection-mark isp2-conn 7:85',
      'firewall-chain prerouting 8:31',
    ]);
    const references = analysis.symbols.objectReferences.map((r) => `${r.kind} ${r.name} ${r.parameter} ${where(analysis, r.span.start)}`);
    for (const expected of [
      'interface ether1 interface 1:31',
      'ip-pool pool-pppoe remote-address 3:69',
      'ppp-profile office profile 4:47',
      'address-list lan src-address-list 7:112',
      'connection-mark isp2-conn connection-mark 8:78',
      'routing-table to-isp2 new-routing-mark 8:105',
    ]) {
      assert.ok(references.includes(expected), `missing ${expected} in\n${references.join('\n')}`);
    }
  });
});

describe('slash paths and the target version', () => {
  function pathFindings(text: string, rosVersion: string): string[] {
    return lintText(text, { rosVersion }).filter((f) => f.code === 'v7-path-syntax').map((f) => `${f.range.start.line + 1} ${f.severity} ${f.message}`);
  }

  it('reports every slash spelling on v6, with the rewrite as written (absolute or relative)', () => {
    const text = '/ip firewall/mangle add chain=forward action=accept\n/ip firewall\nmangle/add chain=input action=accept\n/ip address print';
    assert.deepEqual(pathFindings(text, '6.49'), [
      '1 error slash-separated paths need RouterOS v7; the target is 6.49: write `/ip firewall mangle add`',
      '3 error slash-separated paths need RouterOS v7; the target is 6.49: write `mangle add`',
    ]);
    assert.deepEqual(pathFindings(text, '7.15'), []);
  });

  it('warns for code in a string, which fails only when it runs', () => {
    assert.deepEqual(pathFindings('/system script add name=a source="/ip/address/print"', '6.49'), [
      '1 warning slash-separated paths need RouterOS v7; the target is 6.49: write `/ip address print` (this code runs from a string, so it fails only when it runs)',
    ]);
  });
});

