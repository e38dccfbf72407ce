/**
 * Completion over JSON-RPC, one RouterOS example per context: menu paths in both spellings, commands,
 * parameters not given yet, values (enums, yes/no, comma lists, names defined in the document), variables,
 * global commands and their arguments; in export style, one-line style, `[...]`, `do={}`, `source="..."` and
 * half-typed lines. `<|>` marks the cursor.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompletionRequest, CompletionResolveRequest, type CompletionItem, type TextEdit } from 'vscode-languageserver/node';
import { ensureServerBuilt, LspSession, withCursor } from './harness.js';

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
];

describe('completion over stdio', () => {
  let session: LspSession;

  before(async () => {
    ensureServerBuilt();
    session = await LspSession.start();
  });

  after(async () => {
    await session.stop();
  });

  async function complete(marked: string): Promise<{ items: CompletionItem[]; text: string }> {
    const { text, position } = withCursor(marked);
    const uri = session.uri('completion');
    await session.open(uri, text);
    const result = await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
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
    const resolved = await session.connection.sendRequest(CompletionResolveRequest.type, item);
    const documentation = resolved.documentation;
    assert.ok(documentation && typeof documentation === 'object' && documentation.kind === 'markdown');
    assert.match(documentation.value, /\*\*add-default-route\*\*/);
    assert.ok(documentation.value.length > 40);
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
      const resolved = await session.connection.sendRequest(CompletionResolveRequest.type, item);
      const value = (resolved.documentation as { value: string } | undefined)?.value ?? '';
      assert.match(value, pattern);
    }
  });
});

describe('completion inside a word, for a client with insert/replace support', () => {
  let session: LspSession;

  before(async () => {
    ensureServerBuilt();
    session = await LspSession.start({ textDocumentCapabilities: { completion: { completionItem: { insertReplaceSupport: true } } } });
  });

  after(async () => {
    await session.stop();
  });

  test('the item can replace the whole word and does not add a second `=`', async () => {
    const marked = '/interface pppoe-client add add-def<|>ult-route=yes';
    const { text, position } = withCursor(marked);
    const uri = session.uri('insert-replace');
    await session.open(uri, text);
    const result = await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    const item = items.find((candidate) => candidate.label === 'add-default-route');
    assert.ok(item?.textEdit && 'replace' in item.textEdit, JSON.stringify(item));
    const start = text.indexOf('add-def');
    assert.deepEqual(item.textEdit.insert, { start: { line: 0, character: start }, end: position });
    assert.deepEqual(item.textEdit.replace, { start: { line: 0, character: start }, end: { line: 0, character: text.indexOf('=yes') } });
    assert.equal(item.textEdit.newText, 'add-default-route');
  });
});
