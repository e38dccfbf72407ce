/**
 * Hover, document symbols, definition and references, folding ranges and semantic tokens over JSON-RPC.
 * Hover texts are checked against the schema service itself, so the test proves hover shows the schema's
 * documentation rather than some fixed string.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  ReferencesRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver/node';
import { createSchemaService } from '../../server/src/schema/service.js';
import { positionOf, sessionPerSuite } from './harness.js';

const schema = createSchemaService();

const PPP_SCRIPT = [
  '/ppp profile',
  'add name=office local-address=10.0.0.1 remote-address=pool1',
  '/ppp secret',
  'add name=alice password=a1 profile=office service=pppoe',
  'add name=bob password=b2 profile=office service=pppoe',
  '/interface pppoe-client',
  'add name=pppoe-out1 interface=ether1 user=isp password=x add-default-route=yes',
  '',
].join('\n');

const VARIABLE_SCRIPT = [':local count 0', ':foreach i in={1;2;3} do={', '  :set count ($count + $i)', '}', ':put $count', ''].join('\n');

describe('hover, symbols, navigation, folding and semantic tokens over stdio', () => {
  const session = sessionPerSuite();

  async function openDocument(text: string): Promise<string> {
    const uri = session().uri('features');
    await session().open(uri, text);
    return uri;
  }

  async function hoverText(uri: string, position: Position): Promise<string> {
    const hover = await session().connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    assert.ok(hover, 'a hover');
    return (hover.contents as MarkupContent).value;
  }

  test('hover on add-default-route shows its documentation, type, default, example and manual link', async () => {
    const uri = await openDocument(PPP_SCRIPT);
    const text = await hoverText(uri, positionOf(PPP_SCRIPT, 'add-default-route', 3));
    const parameter = schema.getParameter(['interface', 'pppoe-client'], 'add', 'add-default-route');
    const docs = schema.getDocs(['interface', 'pppoe-client'], { parameter: 'add-default-route' });
    assert.ok(parameter);
    assert.match(text, /\*\*add-default-route\*\*/);
    assert.ok(text.includes(parameter.summary), `summary "${parameter.summary}" in:\n${text}`);
    assert.ok(text.includes(parameter.default ?? '\u0000'), 'default value');
    if (docs?.markdown) assert.ok(text.includes(docs.markdown.split('\n')[0]!), 'doc text');
    if (docs?.example) assert.ok(text.includes(docs.example), 'example');
    if (docs?.manualUrl) assert.ok(text.includes(docs.manualUrl), 'manual link');
  });

  test('hover on a value shows the parameter it belongs to', async () => {
    const uri = await openDocument(PPP_SCRIPT);
    const text = await hoverText(uri, positionOf(PPP_SCRIPT, 'service=pppoe', 'service='.length + 1));
    assert.match(text, /service/);
  });

  test('hover on a reference names its definition line', async () => {
    const uri = await openDocument(PPP_SCRIPT);
    const text = await hoverText(uri, positionOf(PPP_SCRIPT, 'profile=office', 'profile='.length + 2));
    assert.match(text, /office\*\*: ppp-profile, defined on line 2/);
  });

  test('hover on a menu word and on a command', async () => {
    const uri = await openDocument(PPP_SCRIPT);
    const menu = await hoverText(uri, positionOf(PPP_SCRIPT, 'pppoe-client', 2));
    assert.match(menu, /\/interface pppoe-client/);
    const menuSchema = schema.getMenu(['interface', 'pppoe-client']);
    assert.ok(menuSchema && menu.includes(menuSchema.summary.slice(0, 20)), menu);
    const command = await hoverText(uri, positionOf(PPP_SCRIPT, 'add name=office', 1));
    assert.match(command, /\*\*add\*\* in \/ppp profile/);
  });

  test('hover on a variable shows its declaration kind and line', async () => {
    const uri = await openDocument(VARIABLE_SCRIPT);
    const text = await hoverText(uri, positionOf(VARIABLE_SCRIPT, '$count', 2, 2));
    assert.equal(text, '**$count**: local variable, declared on line 1');
    const loop = await hoverText(uri, positionOf(VARIABLE_SCRIPT, '$i', 1));
    assert.equal(loop, '**$i**: loop variable, declared on line 2');
  });

  test('hover on a global command shows its documentation', async () => {
    const uri = await openDocument(VARIABLE_SCRIPT);
    const text = await hoverText(uri, positionOf(VARIABLE_SCRIPT, 'foreach', 1));
    const global = schema.getGlobalCommand('foreach');
    assert.ok(global && text.includes(global.summary), text);
  });

  const MANGLE_SCRIPT = [
    '/ip firewall mangle',
    'add chain=prerouting connection-state=established,related action=mark-routing new-routing-mark=to-isp2 passthrough=no',
    'add chain=prerouting connection-mark=no-mark per-connection-classifier=both-addresses:2/0 action=mark-connection new-connection-mark=wan1_conn',
    '',
  ].join('\n');

  /** The line of the reference section of a mangle parameter that explains `value`, as written on the page. */
  function valueLineOf(parameter: string, value: string): string {
    const markdown = schema.getDocs(['ip', 'firewall', 'mangle'], { parameter })?.markdown ?? '';
    const line = markdown.split('\n').find((candidate) => candidate.trim().startsWith(`- \`${value}\``));
    assert.ok(line, `the reference page explains ${parameter}=${value}`);
    return line.trim().slice(`- \`${value}\`: `.length);
  }

  test('hover on a value shows what that value means, from the reference page', async () => {
    const uri = await openDocument(MANGLE_SCRIPT);
    const action = await hoverText(uri, positionOf(MANGLE_SCRIPT, 'action=mark-routing', 'action='.length + 3));
    assert.ok(action.startsWith('**action=mark-routing**: '), action);
    assert.ok(action.includes(valueLineOf('action', 'mark-routing')), action);
    assert.ok(!action.includes('- Type:'), 'the value, not the whole parameter page');
    assert.ok(!action.includes('`accept`'), 'only the value under the cursor');

    const state = await hoverText(uri, positionOf(MANGLE_SCRIPT, 'established,related', 3));
    assert.ok(state.startsWith('**connection-state=established**: '), state);
    assert.ok(state.includes(valueLineOf('connection-state', 'established')), state);
    const related = await hoverText(uri, positionOf(MANGLE_SCRIPT, 'established,related', 'established,'.length + 2));
    assert.ok(related.startsWith('**connection-state=related**: '), related);

    const hash = await hoverText(uri, positionOf(MANGLE_SCRIPT, 'both-addresses:2/0', 4));
    assert.ok(hash.includes(valueLineOf('per-connection-classifier', 'both-addresses')), hash);
  });

  test('hover on a value without its own explanation shows the parameter', async () => {
    const uri = await openDocument(MANGLE_SCRIPT);
    const text = await hoverText(uri, positionOf(MANGLE_SCRIPT, 'passthrough=no', 'passthrough='.length + 1));
    assert.match(text, /^\*\*passthrough\*\*/);
  });

  test('hover on :put shows its syntax once', async () => {
    const text = ':put [/system identity get name]\n';
    const uri = await openDocument(text);
    const hover = await hoverText(uri, positionOf(text, 'put', 1));
    const syntax = schema.getGlobalCommand('put')?.syntax;
    assert.ok(syntax && hover.includes(syntax), hover);
    assert.equal(hover.split(syntax).length - 1, 1, `the syntax once in:\n${hover}`);
  });

  /** The `Versions:` line of a hover. */
  async function versionsOf(text: string, needle: string, delta: number): Promise<string> {
    const uri = await openDocument(text);
    const hover = await hoverText(uri, positionOf(text, needle, delta));
    const lines = hover.split('\n').filter((line) => line.includes('Versions:'));
    assert.equal(lines.length, 1, `one versions line in:\n${hover}`);
    return lines[0]!;
  }

  test('the versions line of a hover is told against the target version', async () => {
    const v7 = await versionsOf('# 2024-01-05 12:00:00 by RouterOS 7.15.3\n/ip firewall mangle\nadd chain=prerouting action=accept\n', 'action=', 2);
    assert.equal(v7, '- Versions: all RouterOS v7 versions');

    const v6 = await versionsOf('# jan/02/2021 10:00:00 by RouterOS 6.48.6\n/ip firewall mangle\nadd chain=prerouting action=accept\n', 'action=', 2);
    assert.match(v6, /not checked for RouterOS 6\.48\.6, the version this document targets/);
    assert.doesNotMatch(v6, /^- Versions: all RouterOS v7 versions$/);

    const tooOld = await versionsOf('# 2023-06-01 10:00:00 by RouterOS 7.12\n/ppp profile\nadd name=vlans bridge-port-vid=10\n', 'bridge-port-vid', 3);
    assert.match(tooOld, /since RouterOS 7\.17; \*\*not in RouterOS 7\.12\*\*/);

    const present = await versionsOf('# 2025-03-01 10:00:00 by RouterOS 7.18\n/ppp profile\nadd name=vlans bridge-port-vid=10\n', 'bridge-port-vid', 3);
    assert.match(present, /since RouterOS 7\.17; present in RouterOS 7\.18/);

    const removed = await versionsOf('# 2024-01-05 12:00:00 by RouterOS 7.15.3\n/ppp profile\nadd name=old use-vj-compression=no\n', 'use-vj-compression', 3);
    assert.match(removed, /RouterOS v6 only \(removed in 7\.0\); \*\*not in RouterOS 7\.15\.3\*\*/);

    const global = await versionsOf('# 2023-06-01 10:00:00 by RouterOS 7.12\n:onerror e in={ :put [:len "x"] } do={ :put $e }\n', 'onerror', 2);
    assert.match(global, /since RouterOS 7\.13; \*\*not in RouterOS 7\.12\*\*/);
  });

  test('document symbols: an outline by menu and object', async () => {
    const uri = await openDocument(PPP_SCRIPT);
    const symbols = (await session().connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const outline = symbols.map((section) => `${section.name}: ${(section.children ?? []).map((child) => child.name).join(', ')}`);
    assert.deepEqual(outline, ['/ppp profile: office', '/ppp secret: alice, bob', '/interface pppoe-client: pppoe-out1']);
    const secrets = symbols[1]!;
    assert.deepEqual([secrets.range.start.line, secrets.range.end.line], [2, 4]);
  });

  test('document symbols list top-level variables and functions', async () => {
    const text = ':global greet do={ :put "hi $name" }\n:local count 0\n';
    const uri = await openDocument(text);
    const symbols = (await session().connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => `${s.name} ${s.kind}`), ['greet 12', 'count 13']);
  });

  function lines(locations: Location[] | null): string[] {
    return (locations ?? []).map((l) => `${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`);
  }

  test('definition and references of a variable', async () => {
    const uri = await openDocument(VARIABLE_SCRIPT);
    const use = positionOf(VARIABLE_SCRIPT, '$count', 3, 2); // `:put $count` on the last line
    const definition = (await session().connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: use })) as Location[];
    assert.deepEqual(lines(definition), ['0:7-0:12']);
    const references = await session().connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: use,
      context: { includeDeclaration: true },
    });
    assert.deepEqual(lines(references), ['0:7-0:12', '2:7-2:12', '2:15-2:20', '4:6-4:11'], 'the declaration, the `:set` that writes it, and the two reads');
  });

  test('definition and references of a PPP profile', async () => {
    const uri = await openDocument(PPP_SCRIPT);
    const use = positionOf(PPP_SCRIPT, 'profile=office', 'profile='.length + 1, 2); // bob's profile
    const definition = (await session().connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: use })) as Location[];
    assert.deepEqual(lines(definition), ['1:9-1:15']);
    const withDeclaration = await session().connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: use,
      context: { includeDeclaration: true },
    });
    assert.deepEqual(lines(withDeclaration), ['1:9-1:15', '3:35-3:41', '4:33-4:39']);
    const withoutDeclaration = await session().connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: positionOf(PPP_SCRIPT, 'name=office', 6),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(lines(withoutDeclaration), ['3:35-3:41', '4:33-4:39']);
  });

  test('folding: export sections, blocks, continued commands and comment runs', async () => {
    const text = [
      '# first comment', // 0
      '# second comment', // 1
      '/ip address', // 2
      'add address=10.0.0.1/24 \\', // 3
      '    interface=ether1', // 4
      '/ip dns', // 5
      'set servers=1.1.1.1', // 6
      ':if (true) do={', // 7
      '  :put "a"', // 8
      '  :put "b"', // 9
      '}', // 10
      '',
    ].join('\n');
    const uri = await openDocument(text);
    const ranges = await session().connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    const shown = (ranges ?? []).map((r) => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ''}`).sort();
    for (const expected of ['0-1 comment', '2-4 region', '3-4', '7-9', '7-10']) assert.ok(shown.includes(expected), `${expected} in ${shown.join(', ')}`);
  });

  test('semantic tokens are non-empty and well formed', async () => {
    const text = [
      '# comment',
      '/ip firewall mangle',
      'add chain=prerouting action=mark-routing new-routing-mark=to-isp1 dst-address=10.0.0.0/8 comment="route \\$x"',
      ':local n 5',
      ':if ($n > 3) do={ :put "big $n" }',
      '/system script add name=s source="/ip address print"',
      '',
    ].join('\n');
    const uri = await openDocument(text);
    const tokens = await session().connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    const data = tokens?.data ?? [];
    assert.ok(data.length > 0 && data.length % 5 === 0);
    const legend = session().initializeResult.capabilities.semanticTokensProvider!.legend;
    const lineTexts = text.split('\n');
    const decoded: string[] = [];
    let line = 0;
    let character = 0;
    let previousEnd = -1;
    for (let i = 0; i < data.length; i += 5) {
      const [deltaLine, deltaStart, length, type] = data.slice(i, i + 5) as [number, number, number, number];
      if (deltaLine > 0) {
        line += deltaLine;
        character = deltaStart;
        previousEnd = -1;
      } else {
        character += deltaStart;
      }
      assert.ok(length > 0, 'positive length');
      assert.ok(character >= previousEnd, `no overlap at ${line}:${character}`);
      assert.ok(character + length <= lineTexts[line]!.length, `token inside line ${line}`);
      assert.ok(type < legend.tokenTypes.length, 'type in legend');
      previousEnd = character + length;
      decoded.push(`${legend.tokenTypes[type]} ${lineTexts[line]!.slice(character, character + length)}`);
    }
    const ranged = await session().connection.sendRequest(SemanticTokensRangeRequest.type, {
      textDocument: { uri },
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } },
    });
    // Only the statement on line 4 (`:local n 5`): `local` and `n`, relative to the start of the document.
    assert.deepEqual(ranged?.data, [3, 1, 5, legend.tokenTypes.indexOf('keyword'), 0, 0, 6, 1, legend.tokenTypes.indexOf('variable'), 1]);
    for (const expected of [
      'comment # comment',
      'namespace ip',
      'namespace mangle',
      'function add',
      'parameter chain',
      'number 10.0.0.0/8',
      'keyword local',
      'variable n',
      'operator >',
      'string "big ',
      'variable $n',
    ]) {
      assert.ok(decoded.includes(expected), `${expected} in\n${decoded.join('\n')}`);
    }
  });
});
