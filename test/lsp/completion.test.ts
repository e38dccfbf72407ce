/**
 * Completion over JSON-RPC, one RouterOS example per context: menu paths in both spellings, commands,
 * parameters not given yet, values (enums, yes/no, comma lists, names defined in the document), variables,
 * global commands and their arguments; in export style, one-line style, `[...]`, `do={}`, `source="..."` and
 * half-typed lines. `<|>` marks the cursor.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompletionRequest, CompletionResolveRequest, type CompletionItem, type TextEdit } from 'vscode-languageserver/node';
import { sessionPerSuite, withCursor } from './harness.js';

interface Case {
  readonly name: string;
  readonly script: string;
  readonly includes: readonly string[];
  readonly excludes?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'parameters of a command, one-line style',
    script: '/interface pppoe-client add <|>',
    includes: ['add-default-route', 'user', 'password', 'interface', 'profile'],
  },
  {
    name: 'parameters of a command, export style (menu line, then add)',
    script: '/interface pppoe-client\nadd <|>',
    includes: ['add-default-route', 'user', 'password', 'interface'],
  },
  {
    name: 'parameters already given are not offered again',
    script: '/interface pppoe-client add user=isp password=secret <|>',
    includes: ['add-default-route', 'interface'],
    excludes: ['user', 'password'],
  },
  {
    name: 'PPP profiles: built-in and defined earlier in the document',
    script: '/ppp profile\nadd name=office local-address=10.0.0.1\n/ppp secret add name=u1 profile=<|>',
    includes: ['default', 'default-encryption', 'office'],
  },
  {
    name: 'enum values of a mangle action',
    script: '/ip firewall mangle add chain=prerouting action=<|>',
    includes: ['mark-routing', 'mark-connection', 'mark-packet', 'accept'],
  },
  {
    name: 'yes/no values',
    script: '/interface pppoe-client add add-default-route=<|>',
    includes: ['yes', 'no'],
  },
  {
    name: 'the next item of a comma list',
    script: '/ip firewall filter add chain=forward connection-state=established,<|>',
    includes: ['related', 'new'],
    excludes: ['established'],
  },
  {
    name: 'interfaces defined in the document (a VLAN)',
    script: '/interface vlan add name=vlan10 interface=ether1 vlan-id=10\n/ip address add address=10.0.0.1/24 interface=<|>',
    includes: ['vlan10'],
  },
  {
    name: 'variables in scope after $',
    script: ':local x 1; :put $<|>',
    includes: ['x'],
  },
  {
    name: 'a variable declared later is not in scope',
    script: ':local a 1\n:put $<|>\n:local later 2',
    includes: ['a'],
    excludes: ['later'],
  },
  {
    name: 'a menu path with spaces',
    script: '/ip fi<|>',
    includes: ['firewall', 'address', 'route'],
  },
  {
    name: 'a menu path with slashes (v7)',
    script: '/ip/fire<|>',
    includes: ['firewall'],
  },
  {
    name: 'the commands and sub-menus of a menu',
    script: '/ip firewall <|>',
    includes: ['mangle', 'filter', 'nat', 'address-list'],
  },
  {
    name: 'global commands after a colon',
    script: ':<|>',
    includes: ['local', 'global', 'put', 'foreach', 'if'],
    excludes: ['ip', 'interface'],
  },
  {
    name: 'colon-less global commands and menus at the start of a statement',
    script: '<|>',
    includes: ['if', 'foreach', 'ip', 'interface', 'ppp'],
  },
  {
    name: 'arguments of a global command',
    script: ':for i <|>',
    includes: ['from', 'to', 'step', 'do'],
  },
  {
    name: 'inside do={ } the loop counter is a variable',
    script: ':for i from=1 to=3 do={ :put $<|> }',
    includes: ['i'],
  },
  {
    name: 'inside do={ } a one-line command gets its parameters',
    script: ':if ($ok) do={ /interface pppoe-client add <|> }',
    includes: ['add-default-route', 'user'],
  },
  {
    name: 'inside a multi-line do={ } the menu in force is inherited',
    script: '/ip address\n:if (true) do={\n  add <|>\n}',
    includes: ['address', 'interface'],
  },
  {
    name: 'inside [ ] the enclosing command menu is inherited',
    script: '/ip firewall mangle set [ find action=<|> ] disabled=yes',
    includes: ['mark-routing'],
  },
  {
    name: 'inside [ ] commands of the enclosing menu',
    script: '/ip route set [ f<|> ] disabled=yes',
    includes: ['find'],
  },
  {
    name: 'inside source="..." the nested script is completed',
    script: '/system script add name=up source="/interface pppoe-client add <|>"',
    includes: ['add-default-route', 'user'],
  },
  {
    name: 'inside an exported source="..." with escaped line breaks and continuations',
    script: '/system script\nadd name=up source="/ip address\\r\\\n    \\nadd <|>"',
    includes: ['address', 'interface'],
  },
  {
    name: 'inside a nested script string, its own variables',
    script: '/system script add name=s source=":local count 1; :put \\$<|>"',
    includes: ['count'],
  },
  {
    name: 'a half-typed value',
    script: '/ip firewall mangle add chain=prerouting action=mark-r<|>',
    includes: ['mark-routing', 'mark-connection'],
  },
  {
    name: 'a half-typed menu name',
    script: '/interface pppoe-cl<|>',
    includes: ['pppoe-client', 'pppoe-server'],
  },
  {
    name: 'the commands of a menu',
    script: '/ip firewall mangle <|>',
    includes: ['add', 'set', 'print', 'move', 'remove', 'reset-counters'],
  },
  {
    name: 'sub-menus and commands after a slash path (v7)',
    script: '/ip/firewall/mangle/<|>',
    includes: ['add', 'print', 'set'],
  },
  {
    name: 'the hash names of a PCC matcher, as name: prefixes',
    script: '/ip firewall mangle add chain=prerouting connection-mark=no-mark per-connection-classifier=<|>',
    includes: ['both-addresses:', 'both-addresses-and-ports:', 'dst-address:', 'src-address:', 'src-port:', 'both-ports:'],
  },
  {
    name: 'the hash of a negated PCC matcher',
    script: '/ip firewall mangle add chain=prerouting per-connection-classifier=!both<|>',
    includes: ['both-addresses:'],
  },
  {
    name: 'the forms of a TTL change',
    script: '/ip firewall mangle add chain=postrouting action=change-ttl new-ttl=<|>',
    includes: ['set:', 'increment:', 'decrement:'],
  },
  {
    name: 'jump targets in mangle: built-in mangle chains and mangle chains of the document, not NAT chains',
    script:
      '/ip firewall nat add chain=my-nat action=masquerade\n' +
      '/ip firewall mangle add chain=wan-in action=mark-connection new-connection-mark=wan1_conn\n' +
      '/ip firewall mangle add chain=prerouting action=jump jump-target=<|>',
    includes: ['prerouting', 'forward', 'postrouting', 'wan-in'],
    excludes: ['srcnat', 'dstnat', 'my-nat'],
  },
  {
    name: 'jump targets in NAT: NAT chains',
    script: '/ip firewall nat add chain=dstnat action=jump jump-target=<|>',
    includes: ['srcnat', 'dstnat'],
    excludes: ['prerouting', 'postrouting'],
  },
  {
    name: 'log topics',
    script: '/system logging add action=memory topics=<|>',
    includes: ['info', 'critical', 'ppp', 'pppoe', 'firewall', 'script', 'debug'],
  },
  {
    name: 'the next log topic, negated',
    script: '/system logging add action=memory topics=pppoe,ppp,!<|>',
    includes: ['debug', 'packet'],
    excludes: ['pppoe', 'ppp'],
  },
  {
    name: 'every root menu the schema knows, described or not',
    script: '/<|>',
    includes: ['ip', 'interface', 'ppp', 'system', 'routing', 'container', 'certificate', 'user-manager', 'caps-man', 'disk'],
  },
  {
    name: 'IP pools defined in the document',
    script: '/ip pool add name=pool-pppoe ranges=10.10.0.2-10.10.3.254\n/ppp profile add name=pppoe-users local-address=10.10.0.1 remote-address=<|>',
    includes: ['pool-pppoe'],
  },
  {
    name: 'address lists defined in the document',
    script: '/ip firewall address-list add list=isp2-dst address=203.0.113.0/24\n/ip firewall mangle add chain=prerouting dst-address-list=<|>',
    includes: ['isp2-dst'],
  },
  {
    name: 'routing tables: main and those defined in the document',
    script: '/routing table add name=to-isp2 fib\n/ip firewall mangle add chain=prerouting action=mark-routing new-routing-mark=<|>',
    includes: ['main', 'to-isp2'],
  },
  {
    name: 'connection marks set earlier in the document',
    script: '/ip firewall mangle\nadd chain=prerouting in-interface=ether1 action=mark-connection new-connection-mark=wan1_conn\nadd chain=output connection-mark=<|>',
    includes: ['wan1_conn', 'no-mark'],
  },
  {
    name: 'packet marks set earlier in the document',
    script: '/ip firewall mangle add chain=forward action=mark-packet new-packet-mark=voip passthrough=no\n/queue tree add name=voip-q parent=global packet-mark=<|>',
    includes: ['voip'],
  },
  {
    name: 'bridges defined in the document',
    script: '/interface bridge add name=br-lan\n/interface bridge port add interface=ether2 bridge=<|>',
    includes: ['br-lan'],
  },
  {
    name: 'the property slot of get, inside [ ] in a :put',
    script: '/interface pppoe-client add name=wan1 interface=ether1\n:put [/interface pppoe-client get [find name=wan1] <|>]',
    includes: ['user', 'add-default-route', 'running'],
    excludes: ['copy-from'],
  },
  {
    name: 'items defined in the document for the item slot of get',
    script: '/interface pppoe-client add name=wan1 interface=ether1\n:put [/interface pppoe-client get <|>]',
    includes: ['wan1'],
  },
  {
    name: 'a slot filled by position is not offered again by name',
    script: ':foreach i in=[/interface find] do={ /interface set $i <|> }',
    includes: ['mtu', 'disabled'],
    excludes: ['numbers'],
  },
  {
    name: 'inside source="..." on one line, the nested script starts at the root',
    script: '/system script add name=add-lan source="/ip address add <|>"',
    includes: ['address', 'interface', 'network'],
  },
  {
    name: 'a global command in a nested script string',
    script: '/system scheduler add name=hourly interval=1h on-event=":<|>"',
    includes: ['log', 'put', 'local'],
  },
  {
    name: 'inside do={ } of :foreach, commands of the menu in force',
    script: '/ip firewall mangle\n:foreach r in=[find] do={\n  set $r <|>\n}',
    includes: ['action', 'chain', 'disabled'],
  },
  {
    name: 'sub-commands of a global command',
    script: ':log <|>',
    includes: ['info', 'warning', 'error', 'debug'],
  },
  {
    name: 'arguments of a global command not given yet',
    script: ':for i from=1 <|>',
    includes: ['to', 'step', 'do'],
    excludes: ['from'],
  },
  {
    name: ':set offers the variables in scope',
    script: ':local total 0\n:foreach n in={1;2} do={\n  :set <|>\n}',
    includes: ['total', 'n'],
  },
  {
    name: 'functions declared in the document after $',
    script: ':global addUser do={ :put $1 }\n$<|>',
    includes: ['addUser'],
  },
  {
    name: 'a continued line in export style',
    script: '/ip address\nadd address=10.0.0.1/24 \\\n    comm<|>',
    includes: ['comment', 'interface', 'network'],
    excludes: ['address'],
  },
];

describe('completion over stdio', () => {
  const session = sessionPerSuite();

  async function complete(marked: string): Promise<{ items: CompletionItem[]; text: string }> {
    const { text, position } = withCursor(marked);
    const uri = session().uri('completion');
    await session().open(uri, text);
    const result = await session().connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    return { items, text };
  }

  for (const example of CASES) {
    test(`${example.name}: ${JSON.stringify(example.script)}`, async () => {
      const { items } = await complete(example.script);
      const labels = items.map((item) => item.label);
      for (const label of example.includes) assert.ok(labels.includes(label), `missing ${label} in [${labels.join(', ')}]`);
      for (const label of example.excludes ?? []) assert.ok(!labels.includes(label), `unexpected ${label}`);
    });
  }

  test('a half-typed parameter with dashes is replaced as a whole word', async () => {
    const marked = '/interface pppoe-client add user=a add-def<|>';
    const { items } = await complete(marked);
    const item = items.find((candidate) => candidate.label === 'add-default-route');
    assert.ok(item, 'add-default-route offered');
    const edit = item.textEdit as TextEdit;
    const start = marked.indexOf('add-def');
    assert.deepEqual(edit.range, { start: { line: 0, character: start }, end: { line: 0, character: start + 'add-def'.length } });
    assert.equal(edit.newText, 'add-default-route=');
    assert.equal(item.filterText, 'add-default-route');
    assert.match(item.detail ?? '', /yes \| no/);
    assert.match(item.detail ?? '', /default: /);
  });

  test('parameter items show type, range and default in their detail', async () => {
    const { items } = await complete('/interface pppoe-client add <|>');
    const detail = (label: string) => items.find((item) => item.label === label)?.detail ?? `(no ${label})`;
    assert.equal(detail('add-default-route'), 'yes | no · default: no');
    assert.equal(detail('max-mtu'), 'integer 0..65535 or auto · default: auto');
    assert.equal(detail('mrru'), 'integer 512..65535 or disabled · default: disabled');
    assert.equal(detail('keepalive-timeout'), 'integer >= 0 or disabled · default: 10');
    assert.equal(detail('default-route-distance'), 'integer 0..255 · default: 1');
    assert.equal(detail('allow'), 'comma list of: pap, chap, mschap1, mschap2 · default: pap,chap,mschap1,mschap2');
    assert.equal(detail('profile'), 'name of a ppp-profile or default | default-encryption · default: default');
    assert.equal(detail('interface'), 'comma list of interface names · required');

    const mangle = await complete('/ip firewall mangle add chain=prerouting <|>');
    const mangleDetail = (label: string) => mangle.items.find((item) => item.label === label)?.detail ?? `(no ${label})`;
    assert.equal(mangleDetail('in-interface'), 'name of an interface or all-ethernet | all-ppp | all-vlan | all-wireless');
    assert.equal(mangleDetail('new-mss'), 'integer 40..65534 or clamp-to-pmtu');
    assert.equal(mangleDetail('dscp'), 'integer 0..63');
    assert.match(mangleDetail('action'), /^one of: accept, add-dst-to-address-list, .*\(20\) · default: accept$/);
  });

  test('value items of a documented enum carry the meaning of the value', async () => {
    const { items } = await complete('/ip firewall mangle add chain=prerouting action=<|>');
    const item = items.find((candidate) => candidate.label === 'mark-routing');
    const documentation = item?.documentation;
    assert.ok(documentation && typeof documentation === 'object', JSON.stringify(item));
    assert.match(documentation.value, /routing mark `new-routing-mark`/);
    assert.equal(items.find((candidate) => candidate.label === 'accept')?.detail, 'default');
  });

  test('a PCC hash item inserts the name and its colon', async () => {
    const marked = '/ip firewall mangle add chain=prerouting per-connection-classifier=both-addr<|>';
    const { items } = await complete(marked);
    const item = items.find((candidate) => candidate.label === 'both-addresses:');
    const edit = item?.textEdit as TextEdit | undefined;
    assert.ok(edit, items.map((candidate) => candidate.label).join(', '));
    assert.equal(edit.newText, 'both-addresses:');
    assert.equal(edit.range.start.character, marked.indexOf('both-addr'));
  });

  test('nothing is offered inside a comment', async () => {
    for (const marked of ['# 2024-01-05 12:00:00 by RouterOS 7.15.3<|>\n/ip address\n', '/ip address\n# add <|>\n']) {
      const { items } = await complete(marked);
      assert.deepEqual(items, [], marked);
    }
  });

  test('a half-typed menu in slash form replaces only the segment', async () => {
    const marked = '/ip/fire<|>';
    const { items } = await complete(marked);
    const edit = items.find((candidate) => candidate.label === 'firewall')?.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 8 } });
  });

  test('a value after ! replaces only the name', async () => {
    const marked = '/ip firewall filter add chain=input in-interface-list=!W<|>';
    const { items } = await complete(marked);
    const edit = items.find((candidate) => candidate.label === 'all')?.textEdit as TextEdit;
    assert.ok(edit, items.map((item) => item.label).join(', '));
    assert.equal(edit.range.start.character, marked.indexOf('!W') + 1);
  });

  test('parameter items get documentation from the schema on resolve', async () => {
    const { items } = await complete('/interface pppoe-client add <|>');
    const item = items.find((candidate) => candidate.label === 'add-default-route');
    assert.ok(item);
    assert.equal(item.documentation, undefined, 'documentation is resolved lazily');
    const resolved = await session().connection.sendRequest(CompletionResolveRequest.type, item);
    const documentation = resolved.documentation;
    assert.ok(documentation && typeof documentation === 'object' && documentation.kind === 'markdown');
    assert.match(documentation.value, /\*\*add-default-route\*\*/);
    assert.ok(documentation.value.length > 40);
  });

  test('resolved documentation tells the versions against the document target', async () => {
    for (const [header, pattern] of [
      ['# 2024-01-05 12:00:00 by RouterOS 7.15.3', /^- Versions: all RouterOS v7 versions$/m],
      ['# jan/02/2021 10:00:00 by RouterOS 6.48.6', /^- Versions: all RouterOS v7 versions; not checked for RouterOS 6\.48\.6, the version this document targets$/m],
    ] as const) {
      const { items } = await complete(`${header}\n/interface pppoe-client\nadd <|>`);
      const item = items.find((candidate) => candidate.label === 'add-default-route');
      assert.ok(item);
      const resolved = await session().connection.sendRequest(CompletionResolveRequest.type, item);
      const value = (resolved.documentation as { value: string } | undefined)?.value ?? '';
      assert.match(value, pattern);
      assert.equal(value.split('Versions:').length - 1, 1, value);
    }
  });

  test('menu, command and global command items resolve to their documentation', async () => {
    for (const [script, label, pattern] of [
      ['/ip fire<|>', 'firewall', /\/ip firewall/],
      ['/ip firewall mangle <|>', 'add', /\*\*add\*\* in \/ip firewall mangle/],
      [':<|>', 'foreach', /\*\*:foreach\*\*/],
    ] as const) {
      const { items } = await complete(script);
      const item = items.find((candidate) => candidate.label === label);
      assert.ok(item, `${label} offered`);
      const resolved = await session().connection.sendRequest(CompletionResolveRequest.type, item);
      const value = (resolved.documentation as { value: string } | undefined)?.value ?? '';
      assert.match(value, pattern);
    }
  });
});

describe('completion inside a word, for a client with insert/replace support', () => {
  const session = sessionPerSuite({ textDocumentCapabilities: { completion: { completionItem: { insertReplaceSupport: true } } } });

  test('the item can replace the whole word and does not add a second `=`', async () => {
    const marked = '/interface pppoe-client add add-def<|>ult-route=yes';
    const { text, position } = withCursor(marked);
    const uri = session().uri('insert-replace');
    await session().open(uri, text);
    const result = await session().connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    const item = items.find((candidate) => candidate.label === 'add-default-route');
    assert.ok(item?.textEdit && 'replace' in item.textEdit, JSON.stringify(item));
    const start = text.indexOf('add-def');
    assert.deepEqual(item.textEdit.insert, { start: { line: 0, character: start }, end: position });
    assert.deepEqual(item.textEdit.replace, { start: { line: 0, character: start }, end: { line: 0, character: text.indexOf('=yes') } });
    assert.equal(item.textEdit.newText, 'add-default-route');
  });
});
