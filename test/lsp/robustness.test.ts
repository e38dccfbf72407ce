/**
 * Features on broken and unusual input: every request at many positions of broken scripts must be answered,
 * and no feature may fail (the server logs `... failed` when a feature throws, so the log must stay clean).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
  type Position,
} from 'vscode-languageserver/node';
import { ROOT, sessionPerSuite } from './harness.js';

const TRICKY_INPUTS: Readonly<Record<string, string>> = {
  empty: '',
  'lone dollar and colon': ':put $\n:\n$',
  'unterminated string': '/system script add name=s source="/ip address add interface=',
  'deep brackets': `:put ${'['.repeat(300)}${']'.repeat(10)}`,
  'deep braces': `:if (true) do=${'{'.repeat(300)}`,
  'CR line ends': '/ip address\radd address=10.0.0.1/24 interface=ether1\r:put $x\r',
  'CRLF and continuation': '/ip address\r\nadd address=10.0.0.1/24 \\\r\n    interface=ether1\r\n',
  'trailing backslash': '/ip address add \\',
  'stray closers': '] } ) /ip address add ] interface=',
  'nested source with escapes': '/system scheduler add name=a on-event="/ip address add comment=\\"x\\" \\\n    interface=\\$iface\\r\\n:put \\$"',
};

function positionsOf(text: string, limit: number): Position[] {
  const lines = text.split(/\r\n|\r|\n/);
  const all: Position[] = [];
  lines.forEach((line, index) => {
    for (let character = 0; character <= line.length; character++) all.push({ line: index, character });
  });
  const step = Math.max(1, Math.ceil(all.length / limit));
  return all.filter((_, i) => i % step === 0 || i === all.length - 1);
}

function brokenCorpus(): { name: string; text: string }[] {
  const dir = path.resolve(ROOT, '..', 'shared', 'corpus', 'broken');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.rsc'))
    .sort()
    .map((file) => ({ name: file, text: fs.readFileSync(path.join(dir, file), 'latin1') }));
}

describe('features on broken input', () => {
  const session = sessionPerSuite();

  async function exercise(text: string, positions: number): Promise<void> {
    const uri = session().uri('robust');
    await session().open(uri, text);
    await session().waitForDiagnostics(uri, 1);
    const textDocument = { uri };
    for (const position of positionsOf(text, positions)) {
      await session().connection.sendRequest(CompletionRequest.type, { textDocument, position });
      await session().connection.sendRequest(HoverRequest.type, { textDocument, position });
    }
    await session().connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
    await session().connection.sendRequest(FoldingRangeRequest.type, { textDocument });
    const tokens = await session().connection.sendRequest(SemanticTokensRequest.type, { textDocument });
    assert.equal((tokens?.data.length ?? 0) % 5, 0);
  }

  for (const [name, text] of Object.entries(TRICKY_INPUTS)) {
    test(`unusual input: ${name}`, async () => {
      await exercise(text, 400);
      assert.deepEqual(session().logs.filter((line) => line.includes('failed')), []);
      assert.equal(session().exited, false);
    });
  }

  const corpus = brokenCorpus();
  test(`the broken corpus (${corpus.length} scripts) never makes a feature fail`, { skip: corpus.length === 0 && 'no ../shared corpus' }, async () => {
    for (const file of corpus) await exercise(file.text, 60);
    assert.deepEqual(session().logs.filter((line) => line.includes('failed')), []);
    assert.equal(session().exited, false);
  });
});
