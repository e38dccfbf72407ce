/**
 * The language server with a real RouterOS command tree loaded (`routeros.commandTreeFile` pointing at the
 * restraml crawl of 7.22.3 in ../shared): menus the bundled schema does not describe get completion and
 * validation from the tree. Skipped, with a message, when ../shared is not there.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { CompletionRequest, HoverRequest, type CompletionItem, type MarkupContent } from 'vscode-languageserver/node';
import { createSchemaService } from '../../server/src/schema/service.js';
import { formatDiagnostics, ROOT, sessionPerSuite, withCursor } from './harness.js';

const TREE_FILE = path.resolve(ROOT, '..', 'shared', 'restraml', '7.22.3', 'inspect.json');
const skip = fs.existsSync(TREE_FILE) ? false : `no command tree at ${TREE_FILE} (../shared is absent)`;

describe('completion with a RouterOS command tree loaded', { skip }, () => {
  const session = sessionPerSuite({ settings: { commandTreeFile: TREE_FILE } });

  async function complete(marked: string): Promise<CompletionItem[]> {
    const { text, position } = withCursor(marked);
    const uri = session().uri('tree');
    await session().open(uri, text);
    const result = await session().connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  test('the tree is loaded, and the wireguard menu is one only the tree has', async () => {
    assert.equal(createSchemaService().getMenu(['interface', 'wireguard']), undefined, 'the bundled schema does not describe it');
    const uri = session().uri('tree-loaded');
    await session().open(uri, '/interface wireguard print\n');
    await session().waitForDiagnostics(uri, 1);
    assert.ok(session().logs.some((line) => line.includes('loaded the command tree') && line.includes('7.22.3')), session().logs.join('\n'));
  });

  test('parameters of a menu only the tree has: /interface wireguard add', async () => {
    const labels = (await complete('/interface wireguard add <|>')).map((item) => item.label);
    for (const name of ['listen-port', 'private-key', 'mtu', 'name', 'comment']) assert.ok(labels.includes(name), `${name} in [${labels.join(', ')}]`);
  });

  test('parameters given already are not offered again, in export style', async () => {
    const labels = (await complete('/interface wireguard\nadd name=wg0 listen-port=13231 <|>')).map((item) => item.label);
    assert.ok(labels.includes('private-key'), labels.join(', '));
    assert.ok(!labels.includes('listen-port') && !labels.includes('name'), labels.join(', '));
  });

  test('sub-menus only the tree has', async () => {
    const labels = (await complete('/interface wireguard <|>')).map((item) => item.label);
    assert.ok(labels.includes('peers'), labels.join(', '));
    const peers = (await complete('/interface wireguard peers add <|>')).map((item) => item.label);
    for (const name of ['allowed-address', 'endpoint-address', 'public-key', 'interface']) assert.ok(peers.includes(name), `${name} in [${peers.join(', ')}]`);
  });

  test('root menus of the tree are offered at /', async () => {
    const labels = (await complete('/<|>')).map((item) => item.label);
    for (const name of ['ip', 'interface', 'system', 'certificate', 'console', 'disk', 'environment', 'terminal']) {
      assert.ok(labels.includes(name), `${name} in [${labels.join(', ')}]`);
    }
  });

  test('diagnostics check a menu only the tree has: a misspelt wireguard parameter', async () => {
    const text = '/interface wireguard\nadd name=wg0 listen-port=13231\nadd name=wg1 lisen-port=13232\n';
    const uri = session().uri('tree-diagnostics');
    await session().open(uri, text);
    const published = await session().waitForDiagnostics(uri, 1);
    const lines = formatDiagnostics(published);
    assert.ok(lines.some((line) => line.startsWith('3:14-3:24 error unknown-parameter:') && line.includes('`listen-port`')), lines.join('\n'));
    assert.ok(!lines.some((line) => line.startsWith('2:')), `the correct line stays clean:\n${lines.join('\n')}`);
  });

  test('hover on a menu only the tree has names it', async () => {
    const text = '/interface wireguard add name=wg0 listen-port=13231\n';
    const uri = session().uri('tree-hover');
    await session().open(uri, text);
    const hover = await session().connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 14 } });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /\/interface wireguard/);
  });
});
