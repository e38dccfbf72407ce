// `routeros/lintText` through the real language server (JSON-RPC on stdio): push lints exactly the text it sends,
// with the server's own services, which is not the same as the document's published diagnostics.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LintTextRequest } from '../../server/src/protocol.js';
import { sessionPerSuite } from '../lsp/harness.js';

const DOCUMENT = '# 2024-01-05 12:00:00 by RouterOS 7.15.3\n# software id = ABCD-1234\n/ip address\nadd address=10.0.0.1/24 interface=ether1\n';

describe('routeros/lintText', () => {
  const session = sessionPerSuite();

  test('a selection is linted on its own: clean in its document, an error as the router will see it', async () => {
    const uri = session().uri('selection');
    await session().open(uri, DOCUMENT);
    const published = await session().waitForDiagnostics(uri, 1);
    assert.deepEqual(published.diagnostics, [], 'the whole document is clean');
    // Only the `add` line is selected: without its `/ip address` line RouterOS reads `add` at the root.
    const result = await session().connection.sendRequest(LintTextRequest, { text: 'add address=10.0.0.1/24 interface=ether1\n', uri });
    assert.deepEqual(
      result.findings.map((f) => `${f.severity} ${f.code} ${f.range.start.line}:${f.range.start.character}`),
      ['error unknown-command 0:0'],
    );
  });

  test('the document\'s target version applies to a selection that lacks the export header', async () => {
    const uri = session().uri('version');
    await session().open(uri, DOCUMENT);
    const result = await session().connection.sendRequest(LintTextRequest, { text: '/ip address\nadd address=300.1.1.1/24 interface=ether1\n', uri });
    assert.equal(result.rosVersion, '7.15.3');
    assert.deepEqual(result.findings.map((f) => `${f.code} ${f.range.start.line}:${f.range.start.character}`), ['invalid-value 1:12']);
    const own = await session().connection.sendRequest(LintTextRequest, { text: '/ip address print\n', uri, rosVersion: '7.9' });
    assert.equal(own.rosVersion, '7.9');
  });

  test('a text without a document is linted with the default settings', async () => {
    const result = await session().connection.sendRequest(LintTextRequest, { text: '/interface bridge add name=bridge1\n' });
    assert.deepEqual(result, { findings: [], rosVersion: '' });
  });
});
