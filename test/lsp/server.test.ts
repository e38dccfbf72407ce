/**
 * The language server as a process: initialize, diagnostics after open and after incremental edits, settings
 * pulled per document, the documentInfo request, cancellation and robustness (quick fixes: quick-fixes.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CancellationTokenSource,
  CompletionRequest,
  DidChangeConfigurationNotification,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver/node';
import { DocumentInfoRequest, ServerStatsRequest } from '../../server/src/protocol.js';
import { formatDiagnostics, positionOf, sessionPerSuite } from './harness.js';

const WRONG_PARAMETER = '/interface pppoe-client add interface=ether1 user=a add-defualt-route=yes\n';

describe('language server over stdio', () => {
  const session = sessionPerSuite();

  test('initialize announces every feature', () => {
    const capabilities = session().initializeResult.capabilities;
    assert.equal(typeof capabilities.textDocumentSync, 'object');
    assert.equal((capabilities.textDocumentSync as { change: number }).change, 2, 'incremental sync');
    assert.ok(capabilities.completionProvider?.triggerCharacters?.includes('$'));
    for (const name of ['hoverProvider', 'documentSymbolProvider', 'definitionProvider', 'referencesProvider', 'foldingRangeProvider'] as const) {
      assert.equal(capabilities[name], true, name);
    }
    assert.deepEqual(capabilities.semanticTokensProvider?.legend.tokenTypes, [
      'namespace', 'function', 'parameter', 'variable', 'string', 'number', 'comment', 'operator', 'keyword',
    ]);
    assert.ok(capabilities.codeActionProvider);
  });

  test('didOpen publishes diagnostics with the rule code and the exact range', async () => {
    const uri = session().uri('wrong-parameter');
    await session().open(uri, WRONG_PARAMETER);
    const published = await session().waitForDiagnostics(uri, 1);
    const lines = formatDiagnostics(published);
    const start = WRONG_PARAMETER.indexOf('add-defualt-route') + 1;
    assert.ok(
      lines.some((line) => line.startsWith(`1:${start}-1:${start + 'add-defualt-route'.length} error unknown-parameter:`)),
      lines.join('\n'),
    );
    assert.equal(published.diagnostics[0]?.source, 'routeros');
  });

  test('incremental edits produce new diagnostics for each version', async () => {
    const uri = session().uri('incremental');
    await session().open(uri, WRONG_PARAMETER);
    const first = await session().waitForDiagnostics(uri, 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'unknown-parameter'));

    // Fix the spelling in place: `defualt` -> `default`.
    const from = positionOf(WRONG_PARAMETER, 'defualt');
    const to = positionOf(WRONG_PARAMETER, 'defualt', 'defualt'.length);
    await session().change(uri, 2, [{ range: { start: from, end: to }, text: 'default' }]);
    const second = await session().waitForDiagnostics(uri, 2);
    assert.deepEqual(formatDiagnostics(second).filter((line) => line.includes('unknown-parameter')), []);

    // Break another line in a second edit: a value that is not yes/no.
    const end = { line: 1, character: 0 };
    await session().change(uri, 3, [{ range: { start: end, end }, text: '/interface pppoe-client add interface=ether1 user=b add-default-route=maybe\n' }]);
    const third = await session().waitForDiagnostics(uri, 3);
    assert.ok(
      third.diagnostics.some((d) => d.range.start.line === 1 && d.code === 'invalid-value'),
      formatDiagnostics(third).join('\n'),
    );
  });

  test('rapid changes are debounced: only the last version is published', async () => {
    const uri = session().uri('debounce');
    await session().open(uri, '/ip address\n');
    await session().waitForDiagnostics(uri, 1);
    for (let version = 2; version <= 6; version++) {
      const end = { line: version - 1, character: 0 };
      await session().change(uri, version, [{ range: { start: end, end }, text: `add address=10.0.0.${version}/24 interface=ether1\n` }]);
    }
    await session().waitForDiagnostics(uri, 6);
    assert.deepEqual(session().publishedVersions(uri), [1, 6]);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = session().uri('close');
    await session().open(uri, WRONG_PARAMETER);
    await session().waitForDiagnostics(uri, 1);
    await session().close(uri);
    const cleared = await session().waitForDiagnostics(uri, undefined, 10_000, (p) => p.version === undefined);
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('routeros/documentInfo reports the version from the export header', async () => {
    const uri = session().uri('header');
    await session().open(uri, '# 2024-01-05 12:00:00 by RouterOS 7.15.3\n# software id = ABCD-1234\n/ip address\nadd address=10.0.0.1/24 interface=ether1\n');
    const info = await session().connection.sendRequest(DocumentInfoRequest, { uri });
    assert.deepEqual(info, { targetVersion: '7.15.3', source: 'header' });
  });

  test('routeros/documentInfo falls back to the newest known version', async () => {
    const uri = session().uri('no-header');
    await session().open(uri, '/ip address print\n');
    const info = await session().connection.sendRequest(DocumentInfoRequest, { uri });
    assert.equal(info?.source, 'default');
    assert.match(info?.targetVersion ?? '', /^7\.\d+/);
  });

  test('requests for unknown documents answer empty instead of failing', async () => {
    const uri = 'file:///test/never-opened.rsc';
    const completion = await session().connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual(completion, { isIncomplete: false, items: [] });
    assert.equal(await session().connection.sendRequest(DocumentInfoRequest, { uri }), null);
  });

  test('routeros/serverStats reports the process memory', async () => {
    const stats = await session().connection.sendRequest(ServerStatsRequest);
    assert.ok(stats.rss > 1_000_000 && stats.heapUsed > 0, JSON.stringify(stats));
    assert.ok(stats.openDocuments >= 1);
  });
});

describe('settings pulled with workspace/configuration', () => {
  const session = sessionPerSuite({
      settings: {
        targetVersion: '7.12',
        rules: { 'unknown-parameter': 'off', 'missing-required-parameter': 'hint' },
        commandTreeFile: '/nonexistent/inspect.json',
      },
    });

  test('rule severities from settings apply per document', async () => {
    const uri = session().uri('rules');
    await session().open(uri, '/interface pppoe-client add add-defualt-route=yes\n');
    const published = await session().waitForDiagnostics(uri, 1);
    const codes = published.diagnostics.map((d) => `${String(d.code)}:${d.severity}`);
    assert.ok(!codes.some((code) => code.startsWith('unknown-parameter')), codes.join(', '));
    assert.ok(codes.includes('missing-required-parameter:4'), codes.join(', '));
  });

  test('a configuration change is pulled again and applied', async () => {
    const uri = session().uri('config-change');
    await session().open(uri, '/interface pppoe-client add add-defualt-route=yes\n');
    await session().waitForDiagnostics(uri, 1);
    const before = session().publishedCount(uri);
    const previous = session().settings.current;
    session().settings.current = { ...previous, rules: { 'unknown-parameter': 'warning' } };
    try {
      await session().connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      const after = await session().waitForNthDiagnostics(uri, before);
      const unknown = after.diagnostics.find((d) => d.code === 'unknown-parameter');
      assert.equal(unknown?.severity, 2, JSON.stringify(after.diagnostics));
    } finally {
      session().settings.current = previous;
    }
  });

  test('the target version setting is used without an export header', async () => {
    const uri = session().uri('setting-version');
    await session().open(uri, '/ip address print\n');
    assert.deepEqual(await session().connection.sendRequest(DocumentInfoRequest, { uri }), { targetVersion: '7.12', source: 'setting' });
  });

  test('a command tree that cannot be loaded is reported in the log, and the server carries on', async () => {
    const uri = session().uri('tree');
    await session().open(uri, '/ip address print\n');
    await session().waitForDiagnostics(uri, 1);
    assert.ok(session().logs.some((line) => line.includes('could not load the command tree') && line.includes('/nonexistent/inspect.json')), session().logs.join('\n'));
  });
});

describe('cancellation', () => {
  // A client that answers workspace/configuration, so the test can hold the settings of a document back.
  const session = sessionPerSuite({ settings: {} });

  /** A large export in the style RouterOS writes, ending with a half-typed `add ` to complete. */
  function bigExport(): { text: string; position: { line: number; character: number } } {
    const lines = ['# 2024-01-05 12:00:00 by RouterOS 7.15.3', '/interface pppoe-client'];
    for (let i = 0; i < 2000; i++) lines.push(`add interface=ether${(i % 8) + 1} name=pppoe-out${i} user=isp${i} add-default-route=no`);
    lines.push('add ');
    return { text: lines.join('\n'), position: { line: lines.length - 1, character: 4 } };
  }

  test('a request cancelled before it is handled is answered with RequestCancelled, not a result', async () => {
    const uri = session().uri('cancel');
    const { text, position } = bigExport();
    // While the settings answer is held back, the server cannot analyse the document, so the completion request
    // is still waiting when its $/cancelRequest arrives; the settings answer follows both on the same stream.
    const release = session().holdConfiguration();
    await session().open(uri, text);
    const source = new CancellationTokenSource();
    const pending = session().connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }, source.token);
    source.cancel();
    release();
    await assert.rejects(pending, (error: unknown) => {
      assert.ok(error instanceof ResponseError, String(error));
      assert.equal(error.code, LSPErrorCodes.RequestCancelled);
      return true;
    });
    // The same request without cancellation is answered: the server is alive and the document analysed.
    const result = await session().connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    const labels = (result && 'items' in result ? result.items : (result ?? [])).map((item) => item.label);
    assert.ok(labels.includes('add-default-route') && labels.includes('user'), labels.join(', '));
    assert.equal(session().exited, false);
  });

  test('a cancelled hover on a big export is answered with RequestCancelled', async () => {
    const uri = session().uri('cancel-hover');
    const { text } = bigExport();
    const release = session().holdConfiguration();
    await session().open(uri, text);
    const source = new CancellationTokenSource();
    const position = positionOf(text, 'add-default-route', 2);
    const pending = session().connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }, source.token);
    source.cancel();
    release();
    await assert.rejects(pending, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    const hover = await session().connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /\*\*add-default-route\*\*/);
  });
});
