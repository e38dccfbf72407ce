// Push over REST against the stand-in HTTPS router: requests made, results, cleanup, trust, secrets, limits.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { parseRouterAddress } from '../../server/src/push/address.js';
import type { PushInput } from '../../server/src/push/push.js';
import { Redactor } from '../../server/src/push/redact.js';
import { RestTransport } from '../../server/src/push/rest.js';
import { MemoryTrustStore, trustKey } from '../../server/src/push/trust.js';
import { FakeRestRouter, makeCertificate, type TestCertificate } from './fakeRestRouter.js';
import { fakeLint, leaks, push, record, type Recorder } from './helpers.js';

let certificate: TestCertificate;
let router: FakeRestRouter;

before(() => {
  certificate = makeCertificate();
});
after(() => {
  fs.rmSync(certificate.dir, { recursive: true, force: true });
});
beforeEach(async () => {
  router = new FakeRestRouter(certificate);
  await router.start();
});
/**
 * Every recorder made in a test; after each test none of them may have seen the password in any form: not in
 * progress, the flow's log, the transport's log, the plans, the questions, or the result objects.
 */
let recorders: Array<{ rec: Recorder; password: string }> = [];
afterEach(async () => {
  await router.stop();
  for (const { rec, password } of recorders) assert.deepEqual(leaks(rec.everything(), router.user, password), [], 'a password leaked into progress, logs, plans or results');
  recorders = [];
});

const SCRIPT = '/interface bridge add name=bridge1\n/ip address add address=10.0.0.1/24 interface=bridge1\n/ip dns set servers=1.1.1.1\n';
const CLEAN_DRY_RUN = 'No syntax errors found in the import file\r\n';

interface SetupOptions {
  password?: string;
  timeouts?: { request?: number; import?: number };
  maxUploadBytes?: number;
  ca?: string;
  pinned?: string | null;
  confirm?: boolean;
  trustAnswer?: boolean;
  signal?: AbortSignal;
  trust?: MemoryTrustStore;
}

/** A transport and recorder sharing one trust store and redactor, with the test certificate pinned. */
function setup(options: SetupOptions = {}): { t: RestTransport; rec: Recorder } {
  const trust = options.trust ?? new MemoryTrustStore();
  const pin = options.pinned === undefined ? certificate.fingerprint : options.pinned;
  if (pin !== null && options.trust === undefined) trust.set(trustKey('rest', '127.0.0.1', router.port), pin);
  const redactor = new Redactor();
  const rec = record({ trust, redactor, confirm: options.confirm, trustAnswer: options.trustAnswer, signal: options.signal });
  const t = new RestTransport({
    endpoint: parseRouterAddress(`https://127.0.0.1:${router.port}`),
    user: router.user,
    password: options.password ?? router.password,
    trust,
    timeouts: options.timeouts,
    maxUploadBytes: options.maxUploadBytes,
    ca: options.ca,
    redactor,
    log: rec.transportLog,
  });
  recorders.push({ rec, password: options.password ?? router.password });
  return { t, rec };
}

const apply = (extra: Partial<PushInput> = {}): PushInput => ({ text: SCRIPT, mode: 'apply', ...extra });
const calls = (): string[] =>
  router.requests.map((r) => `${r.method} ${r.path.replace(/vscode-push-\d{8}T\d{6}-[0-9a-f]{8}/g, '<file>').replace(/\*[0-9A-F]+/g, '<id>')}`);
const executed = (): Array<Record<string, unknown>> => router.requests.filter((r) => r.path === '/rest/execute').map((r) => r.body as Record<string, unknown>);

/** A raw synchronous `/rest/execute` against the stand-in (to show what the API itself answers). */
async function fetchJson(body: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const https = await import('node:https');
  return new Promise((resolve, reject) => {
    const request = https.request(
      { host: '127.0.0.1', port: router.port, method: 'POST', path: '/rest/execute', ca: certificate.cert, headers: { Authorization: 'Basic ' + Buffer.from(`${router.user}:${router.password}`).toString('base64'), 'Content-Type': 'application/json' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

function assertNoFilesLeft(): void {
  assert.deepEqual([...router.files.keys()], [], 'the uploaded file (and any dry-run report) must be deleted');
}

test('a successful push: identity, version, upload, dry run (background job + report file), import, delete — in that order', async () => {
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'success', result.message);
  assert.match(result.message, /MikroTik-Test/);
  assert.deepEqual(calls(), [
    'GET /rest/system/identity',
    'GET /rest/system/resource',
    'PUT /rest/file',
    'POST /rest/execute',
    'GET /rest/system/script/job',
    'GET /rest/file?name=<file>-dry-run.txt',
    'DELETE /rest/file/<id>',
    'POST /rest/execute',
    'GET /rest/file?name=<file>.rsc',
    'DELETE /rest/file/<id>',
  ]);
  const put = router.requests[2].body as { name: string; contents: string };
  assert.match(put.name, /^vscode-push-\d{8}T\d{6}-[0-9a-f]{8}\.rsc$/);
  assert.doesNotMatch(put.name, /\.auto\.rsc$/);
  assert.equal(put.contents, SCRIPT);
  // The dry run runs in the background with its report written to a file (no as-string); the import runs synchronously.
  assert.deepEqual(executed(), [
    { script: `/import file-name=${put.name} verbose=yes dry-run`, file: put.name.replace(/\.rsc$/, '-dry-run') },
    { script: `/import file-name=${put.name} verbose=yes`, 'as-string': '' },
  ]);
  assert.deepEqual(router.dryRuns.map((d) => d.route), ['job']);
  assert.equal(rec.plans.length, 1);
  assert.deepEqual(
    { identity: rec.plans[0].router.identity, version: rec.plans[0].router.version, file: rec.plans[0].fileName, bytes: rec.plans[0].bytes, lines: rec.plans[0].lines, mode: rec.plans[0].mode, dry: rec.plans[0].dryRunFirst },
    { identity: 'MikroTik-Test', version: '7.16.2 (stable)', file: put.name, bytes: Buffer.byteLength(SCRIPT), lines: 3, mode: 'apply', dry: true },
  );
  assert.deepEqual({ removed: result.cleanup?.removed, state: result.cleanup?.state }, { removed: true, state: 'removed' });
  assert.ok(rec.transportLogs.some((line) => line.startsWith('PUT https://127.0.0.1:')), 'the transport log hook is connected');
  assertNoFilesLeft();
});

test('the dry run finds a syntax error: failure on the right editor line (selection offset), nothing applied', async () => {
  router.onImport = (call) => ({
    kind: 'reply',
    body: { ret: call.dryRun ? '#line 3\r\n/ip dns set servers=1.1.1.1 bogus\r\nexpected end of command (line 1 column 29)\r\nScript Error: found 1 error(s) in import file\r\n' : 'should not run' },
  });
  const { t, rec } = setup();
  const result = await push(t, apply({ origin: { line: 20, character: 0 } }), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /line 23/);
  assert.deepEqual(result.errors.map((e) => `${e.line}:${e.character} ${e.message}`), ['22:28 expected end of command']);
  assert.equal(router.appliedImports.length, 0, 'nothing may be applied after a failed dry run');
  assert.equal(result.mayHaveApplied, false);
  assert.deepEqual(router.dryRuns.map((d) => d.route), ['job']);
  assertNoFilesLeft();
});

test('a router whose API dry run answers only "found N error(s)" (HTTP 400): the errors still land on their lines', async () => {
  // The stand-in follows A.14: the synchronous API dry run gives only the count. Prove that first, then push.
  router.onImport = (call) => ({
    kind: 'reply',
    body: {
      ret: call.dryRun
        ? '#line 1\r\n/interface bridge add name=bridge1\r\n#line 2\r\n/ip address add adress=10.0.0.1/24 interface=bridge1\r\nexpected end of command (line 1 column 17)\r\n#line 3\r\n/ip dns set servers=1.1.1.1 \\\r\n  bogus=1\r\nunknown parameter bogus (line 2 column 3)\r\nScript Error: found 2 error(s) in import file\r\n'
        : 'should not run',
    },
  });
  router.files.set('probe.rsc', { id: '*1', contents: SCRIPT });
  const { t, rec } = setup();
  const direct = await fetchJson({ script: '/import file-name=probe.rsc verbose=yes dry-run', 'as-string': '' });
  assert.deepEqual(direct, { status: 400, body: { error: 400, message: 'Bad Request', detail: 'found 2 error(s) in import file' } });
  router.files.delete('probe.rsc');
  router.dryRuns.length = 0;

  const result = await push(t, apply({ origin: { line: 30, character: 0 } }), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^Failed: the dry run found 2 error\(s\); first at line 32: expected end of command\. Nothing was applied\./);
  assert.deepEqual(result.errors.map((e) => `${e.line}:${e.character} ${e.message}`), ['31:16 expected end of command', '33:2 unknown parameter bogus']);
  assert.deepEqual(router.dryRuns.map((d) => d.route), ['job'], 'the dry run ran as a background job with a report file');
  assert.equal(router.appliedImports.length, 0);
  assert.equal(result.mayHaveApplied, false);
  assertNoFilesLeft();
});

test('a dry-run report with only the count is still a failure (no line to show), and nothing is applied', async () => {
  router.onImport = (call) => ({ kind: 'reply', body: { ret: call.dryRun ? 'Script Error: found 3 error(s) in import file\r\n' : 'should not run' } });
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.equal(result.message, 'Failed: the dry run found 3 error(s); (the router gave no line). Nothing was applied.');
  assert.equal(router.appliedImports.length, 0);
  assertNoFilesLeft();
});

test('a dry run that leaves no report stops the push: nothing applied, the import never starts', async () => {
  router.onImport = (call) => (call.dryRun ? { kind: 'drop' } : { kind: 'reply', body: { ret: 'should not run' } });
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^The dry run failed: The dry run left no report \(vscode-push-.*-dry-run\.txt\) to read, so its result is unknown\. Nothing was applied\./);
  assert.equal(router.appliedImports.length, 0);
  assert.equal(executed().length, 1, 'only the dry run was started');
  assertNoFilesLeft();
});

test('a dry-run report whose contents the router does not show stops the push', async () => {
  router.listsContents = false;
  router.showsContents = false;
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /could not be read \(the router sent no contents\), so its result is unknown\. Nothing was applied\./);
  assert.equal(router.appliedImports.length, 0);
  assertNoFilesLeft();
});

test('an unreadable dry-run report in check mode is unknown, and an empty one too', async () => {
  router.onImport = () => ({ kind: 'reply', body: { ret: '' } });
  const { t, rec } = setup();
  const result = await push(t, { text: SCRIPT, mode: 'check' }, rec);
  assert.equal(result.status, 'unknown');
  assert.match(result.message, /gave no report that could be read \(an empty report\)/);
  assert.equal(router.appliedImports.length, 0);
  assertNoFilesLeft();
});

test('a dry-run report listed without contents is read by id; a job listed a few times is waited for', async () => {
  router.listsContents = false;
  router.jobListings = 2;
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'success', result.message);
  assert.equal(calls().filter((c) => c === 'GET /rest/system/script/job').length, 3);
  assert.ok(calls().includes('GET /rest/file/<id>'));
  assertNoFilesLeft();
});

test('a dry-run job that never ends is bounded: stopped on the router, nothing applied', async () => {
  router.onImport = (call) => (call.dryRun ? { kind: 'hang' } : { kind: 'reply', body: { ret: 'should not run' } });
  const { t, rec } = setup({ timeouts: { import: 250 } });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^The dry run failed: The dry run did not finish within 0\.3 s\. Nothing was applied\./);
  assert.ok(calls().includes('POST /rest/system/script/job/remove'), 'the job is stopped');
  assert.equal(router.jobs.size, 0);
  assert.equal(router.appliedImports.length, 0);
  assertNoFilesLeft();
});

test('a router older than 7.16: no dry run; a syntax error at line 7 of the real import may have left lines 1-6 applied', async () => {
  router.version = '7.15.3 (stable)';
  router.onImport = () => ({ kind: 'reply', body: { ret: 'expected name value (line 7 column 1)\r\n' } });
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  // A verbose import runs line by line: with no clean dry run before it there is no evidence that nothing ran.
  assert.equal(result.message, 'Failed at line 7: expected name value. Lines before line 7 may have been applied; check the router.');
  assert.equal(result.mayHaveApplied, true);
  assert.equal(rec.plans[0].dryRunFirst, false);
  assert.ok(rec.plans[0].notes.some((n) => /older than 7\.16/.test(n)));
  assert.deepEqual(calls().filter((c) => c.startsWith('POST')), ['POST /rest/execute']);
  assertNoFilesLeft();
});

test('after a clean dry run, a positioned error in the real import is a run-time failure: earlier lines applied', async () => {
  router.onImport = (call) => ({ kind: 'reply', body: { ret: call.dryRun ? CLEAN_DRY_RUN : '#line 1\r\n/interface bridge add name=bridge1\r\n#line 2\r\n/ip address add address=10.0.0.1/24 interface=bridge1\r\ninput does not match any value of interface (line 1 column 40)\r\n' } });
  const { t, rec } = setup();
  const result = await push(t, apply({ origin: { line: 10, character: 0 } }), rec);
  assert.equal(result.status, 'failure');
  assert.equal(result.message, 'Failed at line 12: input does not match any value of interface. The dry run found no syntax error, so this happened while running: lines before line 12 were applied; line 12 and the rest were not.');
  assert.deepEqual(result.errors.map((e) => `${e.line}:${e.character} router-line ${e.routerLine}`), ['11:39 router-line 2']);
  assert.equal(result.mayHaveApplied, true);
  assertNoFilesLeft();
});

test('a runtime error at line 2 reported as an HTTP 400 detail: failure at line 2, earlier lines applied', async () => {
  router.onImport = (call) =>
    call.dryRun
      ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file\r\n' } }
      : { kind: 'reply', status: 400, body: { error: 400, message: 'Bad Request', detail: 'Script Error: failure: already have interface with name bridge1 (/interface/bridge/add; line 2) (:import; line 1)' } };
  const { t, rec } = setup();
  const result = await push(t, apply({ origin: { line: 4, character: 2 } }), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^Failed at line 6: failure: already have interface with name bridge1 \(\/interface\/bridge\/add\)/);
  assert.deepEqual(result.errors.map((e) => `${e.line}:${e.character}`), ['5:0']);
  assert.equal(result.mayHaveApplied, true);
  assertNoFilesLeft();
});

test('a runtime error in the reply text (ret) is a failure too', async () => {
  router.onImport = (call) => ({
    kind: 'reply',
    body: { ret: call.dryRun ? 'No syntax errors found in the import file' : 'Script Error: failure: already have interface with name bridge (/interface/bridge/add; line 2) (:import; line 1)' },
  });
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /line 2/);
  assertNoFilesLeft();
});

test('401: "authentication failed for user admin", nothing uploaded, the password never shown', async () => {
  const wrong = 'Wr0ng-Secret#';
  const { t, rec } = setup({ password: wrong });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /Authentication failed for user admin/);
  assert.deepEqual(calls(), ['GET /rest/system/identity']);
  assert.deepEqual(leaks(rec.everything(result), 'admin', wrong), []);
});

test('the router cuts the import at 60 s ("Session closed"): unknown outcome, never success; file still deleted', async () => {
  // An import that runs past the router's limit (shortened from 60 s to 0.2 s here), which cuts the request itself.
  router.sessionLimitMs = 200;
  router.onImport = (call) => (call.dryRun ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file' } } : { kind: 'hang' });
  const { t, rec } = setup({ timeouts: { import: 30_000 } });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'unknown');
  assert.equal(result.mayHaveApplied, true, 'a cut import may have applied part of the script');
  assert.notEqual(result.status, 'success');
  assert.match(result.message, /^The outcome is unknown: the connection broke after the script was sent; check the router\./);
  assert.match(result.message, /60 s/);
  assert.equal(router.appliedImports.length, 1);
  assertNoFilesLeft();
});

test('an import that hangs is bounded by the client timeout: unknown outcome; file still deleted', async () => {
  router.onImport = (call) => (call.dryRun ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file' } } : { kind: 'hang' });
  const { t, rec } = setup({ timeouts: { import: 150 } });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'unknown');
  assert.match(result.message, /no answer within 0\.2 s|no answer within 0\.1 s|no answer within 0\.15 s/);
  assertNoFilesLeft();
});

test('a connection dropped during the import: unknown outcome; file still deleted', async () => {
  router.onImport = (call) => (call.dryRun ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file' } } : { kind: 'drop' });
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'unknown');
  assert.match(result.message, /The outcome is unknown/);
  assertNoFilesLeft();
});

test('an unrecognised import reply is unknown, never success', async () => {
  router.onImport = (call) => ({ kind: 'reply', body: { ret: call.dryRun ? 'No syntax errors found in the import file' : '' } });
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'unknown');
});

test('contents over 60416 bytes are refused before anything is sent', async () => {
  const big = '/log info "x"\n'.repeat(Math.ceil(60417 / 14));
  const { t, rec } = setup();
  const result = await push(t, apply({ text: big }), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /more than the 60416 bytes/);
  assert.equal(router.requests.length, 0);
  assert.equal(rec.plans.length, 0);
});

test('60416 bytes exactly are accepted', async () => {
  const exact = '#'.repeat(60415) + '\n';
  const { t, rec } = setup();
  const result = await push(t, apply({ text: exact }), rec);
  assert.equal(result.status, 'success', result.message);
});

test('the router refusing the upload ("contents too long") is a failure, and nothing is claimed or left behind', async () => {
  const big = '#'.repeat(61440);
  const { t, rec } = setup({ maxUploadBytes: 1_000_000 });
  const result = await push(t, apply({ text: big }), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /contents too long/);
  assert.equal(router.appliedImports.length, 0);
  assert.ok(calls().includes('GET /rest/file?name=<file>.rsc'), 'the cleanup looks the file up by name');
  assert.deepEqual({ removed: result.cleanup?.removed, state: result.cleanup?.state }, { removed: false, state: 'not-created' });
  assert.doesNotMatch(result.message, /Warning/);
  assertNoFilesLeft();
});

test('an unpinned self-signed certificate is refused without consent, and nothing (not even the password) is sent', async () => {
  const { t, rec } = setup({ pinned: null, trustAnswer: false });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /not trusted/);
  assert.ok(result.message.includes(certificate.fingerprint), 'the message shows the SHA-256 fingerprint');
  assert.equal(rec.questions.length, 1);
  assert.equal(rec.questions[0].fingerprint, certificate.fingerprint);
  assert.equal(router.requests.length, 0);
  assert.equal(rec.trust.pins.size, 0);
});

test('with consent the certificate is pinned and the push goes ahead', async () => {
  const { t, rec } = setup({ pinned: null, trustAnswer: true });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'success', result.message);
  assert.equal(rec.trust.get(trustKey('rest', '127.0.0.1', router.port)), certificate.fingerprint);
});

test('in VS Code\'s extension host, whose proxy support replaces http(s).request, the certificate is still asked about and pinned', async () => {
  // The extension host swaps `http.request`/`https.request` for versions that put in their own agent (which
  // verifies certificates itself and ignores createConnection). Stand in for that: any call to them fails the push.
  const originals = { https: https.request, http: http.request };
  const hijacked = (): never => {
    throw new Error('http(s).request was used: the extension host would have replaced its agent');
  };
  https.request = hijacked as typeof https.request;
  http.request = hijacked as typeof http.request;
  try {
    const { t, rec } = setup({ pinned: null, trustAnswer: true });
    const result = await push(t, apply(), rec);
    assert.equal(result.status, 'success', result.message);
    assert.equal(rec.questions.length, 1, 'the fingerprint was shown');
    assert.equal(rec.trust.get(trustKey('rest', '127.0.0.1', router.port)), certificate.fingerprint);
  } finally {
    https.request = originals.https;
    http.request = originals.http;
  }
});

test('plain HTTP, for a profile that opts in: the push goes ahead with no certificate question', async () => {
  const plain = new FakeRestRouter(certificate, { plainHttp: true });
  const port = await plain.start();
  try {
    const trust = new MemoryTrustStore();
    const redactor = new Redactor();
    const rec = record({ trust, redactor, trustAnswer: false });
    const t = new RestTransport({
      endpoint: parseRouterAddress(`http://127.0.0.1:${port}`, { allowHttp: true }),
      user: plain.user,
      password: plain.password,
      trust,
      redactor,
      log: rec.transportLog,
    });
    recorders.push({ rec, password: plain.password });
    const result = await push(t, apply(), rec);
    assert.equal(result.status, 'success', result.message);
    assert.equal(rec.questions.length, 0);
    assert.equal(plain.appliedImports.length, 1);
    assert.deepEqual([...plain.files.keys()], []);
    assert.throws(() => parseRouterAddress(`http://127.0.0.1:${port}`), /Plain HTTP/, 'without the opt-in the address is refused');
  } finally {
    await plain.stop();
  }
});

test('a pinned certificate that changed is REFUSED (possible interception), nothing sent, no question asked', async () => {
  const other = 'AA:'.repeat(31) + 'AA';
  const { t, rec } = setup({ pinned: other, trustAnswer: true });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^REFUSED: the certificate .* changed/);
  assert.match(result.message, /intercept/);
  assert.equal(rec.questions.length, 0);
  assert.equal(router.requests.length, 0);
});

test('a certificate that changes after it was pinned with consent is REFUSED: same router address, new certificate', async () => {
  const trust = new MemoryTrustStore();
  const first = setup({ trust, trustAnswer: true });
  const pinnedRun = await push(first.t, apply(), first.rec);
  assert.equal(pinnedRun.status, 'success', pinnedRun.message);
  assert.equal(first.rec.questions.length, 1);
  assert.equal(trust.get(trustKey('rest', '127.0.0.1', router.port)), certificate.fingerprint);

  // The "same router" comes back on the same port with another certificate (an interceptor, or a replaced cert).
  const port = router.port;
  await router.stop();
  const other = makeCertificate();
  try {
    router = new FakeRestRouter(other);
    await router.start(port);
    const second = setup({ trust, trustAnswer: true });
    const result = await push(second.t, apply(), second.rec);
    assert.equal(result.status, 'failure');
    assert.match(result.message, /^REFUSED: the certificate of https:\/\/127\.0\.0\.1:\d+ changed\. Pinned SHA-256 fingerprint ([0-9A-F:]+), now ([0-9A-F:]+)\./);
    assert.ok(result.message.includes(certificate.fingerprint) && result.message.includes(other.fingerprint));
    assert.equal(second.rec.questions.length, 0, 'a changed certificate is never offered for trust');
    assert.equal(router.requests.length, 0, 'nothing (not even the password) reached the new server');
    assert.equal(trust.get(trustKey('rest', '127.0.0.1', port)), certificate.fingerprint, 'the pin is unchanged');
  } finally {
    fs.rmSync(other.dir, { recursive: true, force: true });
  }
});

test('a certificate signed by a CA the caller trusts needs no pin', async () => {
  const { t, rec } = setup({ pinned: null, ca: certificate.cert });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'success', result.message);
  assert.equal(rec.questions.length, 0);
});

test('lint errors refuse the push without force (nothing sent); with force it goes ahead', async () => {
  const text = '/ip address add address=10.0.0.1/24\n/BAD thing\n/WARN x\n';
  const refused = setup();
  const result = await push(refused.t, apply({ text, lint: fakeLint, origin: { line: 5, character: 0 } }), refused.rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /linter found 1 error\(s\); first at line 7: a bad word/);
  assert.deepEqual(result.errors.map((e) => `${e.line}:${e.character}`), ['6:1']);
  assert.equal(router.requests.length, 0);

  const forced = setup();
  const ok = await push(forced.t, apply({ text, lint: fakeLint, force: true }), forced.rec);
  assert.equal(ok.status, 'success', ok.message);
  assert.equal(forced.rec.plans[0].lintErrorsOverridden, 1);
  assert.equal(forced.rec.plans[0].lintWarnings, 1);
});

test('check on router (7.16+): a dry run only, nothing applied', async () => {
  const { t, rec } = setup();
  const result = await push(t, { text: SCRIPT, mode: 'check' }, rec);
  assert.equal(result.status, 'success', result.message);
  assert.match(result.message, /no syntax errors found\. Nothing was applied/);
  assert.equal(router.appliedImports.length, 0);
  const scripts = router.requests.filter((r) => r.path === '/rest/execute').map((r) => (r.body as { script: string }).script);
  assert.equal(scripts.length, 1);
  assert.match(scripts[0], / dry-run$/);
  assertNoFilesLeft();
});

test('check on router older than 7.16 says a dry run is not possible and sends nothing', async () => {
  router.version = '7.15.3 (stable)';
  const { t, rec } = setup();
  const result = await push(t, { text: SCRIPT, mode: 'check' }, rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /dry run is not possible.*7\.15\.3.*older than 7\.16/);
  assert.deepEqual(calls(), ['GET /rest/system/identity', 'GET /rest/system/resource']);
  assert.equal(rec.plans.length, 0);
});

test('declining the confirmation sends nothing', async () => {
  const { t, rec } = setup({ confirm: false });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'cancelled');
  assert.match(result.message, /nothing was sent/);
  assert.ok(!calls().includes('PUT /rest/file'));
});

test('cancel before the import starts: nothing applied; cancel during the import: unknown outcome', async () => {
  // Cancel while the dry run is running: the apply import never starts.
  const early = new AbortController();
  router.onImport = (call) => {
    if (call.dryRun) early.abort();
    return { kind: 'hang' };
  };
  let { t, rec } = setup({ signal: early.signal });
  const first = await push(t, apply(), rec);
  assert.equal(first.status, 'cancelled');
  assert.match(first.message, /nothing was applied/);
  assert.equal(router.appliedImports.length, 0);
  assertNoFilesLeft();

  // Cancel while the apply import is running.
  const late = new AbortController();
  router.onImport = (call) => {
    if (call.dryRun) return { kind: 'reply', body: { ret: 'No syntax errors found in the import file' } };
    late.abort();
    return { kind: 'hang' };
  };
  ({ t, rec } = setup({ signal: late.signal }));
  const second = await push(t, apply(), rec);
  assert.equal(second.status, 'unknown');
  assert.match(second.message, /The outcome is unknown/);
  assertNoFilesLeft();
});

test('a failed delete is reported with the file name', async () => {
  router.onDelete = () => ({ kind: 'reply', status: 500, body: { error: 500, message: 'Internal Server Error', detail: 'failure: could not delete' } });
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'success');
  assert.equal(result.cleanup?.removed, false);
  assert.match(result.message, /could not delete vscode-push-.*\.rsc from the router .*remove it by hand/);
});

test('without an id in the PUT reply the file is found by its exact name and deleted', async () => {
  router.putReturnsObject = false;
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'success');
  assert.ok(calls().includes('GET /rest/file?name=<file>.rsc'));
  assertNoFilesLeft();
});

test('a router that ignores the ?name= filter: only the file with exactly the uploaded name is deleted', async () => {
  router.ignoresNameFilter = true;
  router.files.set('backup.rsc', { id: '*1', contents: '/system identity set name=keep' });
  router.files.set('flash/vscode-push-old.rsc', { id: '*2', contents: '# another push' });
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'success', result.message);
  assert.equal(result.cleanup?.state, 'removed');
  assert.deepEqual([...router.files.keys()].sort(), ['backup.rsc', 'flash/vscode-push-old.rsc'], 'the other files are untouched');
  assert.ok(!router.requests.some((r) => r.method === 'DELETE' && /\*[12]$/.test(r.path)), 'no delete was ever aimed at another file');
});

test('an uploaded file that cannot be found by its exact name is never claimed as removed, and no other file is deleted', async () => {
  router.ignoresNameFilter = true;
  // The router keeps the upload under another name (older 7.x appended .txt to some files): the import cannot open it.
  router.storedName = (name) => `${name}.txt`;
  router.files.set('unrelated.rsc', { id: '*1', contents: '# keep me' });
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /could not open the uploaded file for the dry run\. Nothing was applied\./);
  assert.deepEqual({ removed: result.cleanup?.removed, state: result.cleanup?.state }, { removed: false, state: 'not-found' });
  assert.match(result.message, /Warning: the uploaded file vscode-push-.*\.rsc was not found when deleting it, so nothing was deleted — check \/file on the router\./);
  assert.doesNotMatch(result.message + rec.logs.join('\n'), /Deleted vscode-push/);
  assert.deepEqual(
    [...router.files.keys()].map((name) => name.replace(/vscode-push-\d{8}T\d{6}-[0-9a-f]{8}/, '<file>')).sort(),
    ['<file>.rsc.txt', 'unrelated.rsc'],
  );
  const protectedIds = [...router.files.values()].map((file) => `/rest/file/${encodeURIComponent(file.id)}`);
  assert.ok(!router.requests.some((r) => r.method === 'DELETE' && protectedIds.includes(r.path)), 'no delete was aimed at another file');
});

test('secrets never appear, even when the router echoes the Authorization header and the password', async () => {
  const basic = Buffer.from(`${router.user}:${router.password}`).toString('base64');
  router.onImport = (call) =>
    call.dryRun
      ? { kind: 'reply', status: 400, body: { error: 400, message: 'Bad Request', detail: `bad request: Authorization: Basic ${basic} password=${router.password}` } }
      : { kind: 'reply', body: { ret: 'x' } };
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  const said = rec.everything(result);
  assert.deepEqual(leaks(said, router.user, router.password), []);
  assert.match(said, /\*\*\*/);
});

test('the command tree is read over REST (request=child, request=syntax for argument types) and keyed by the package set', async () => {
  const { readCommandTree, packageSetHash, commandTreeFileName } = await import('../../server/src/push/commandTree.js');
  router.inspectTree = {
    '': [{ name: 'system', 'node-type': 'dir' }],
    system: [{ name: 'identity', 'node-type': 'dir' }],
    'system,identity': [{ name: 'set', 'node-type': 'cmd' }],
    'system,identity,set': [{ name: 'name', 'node-type': 'arg' }],
  };
  router.inspectSyntax = { 'system,identity,set,name': [{ nested: '0', nonorm: 'false', symbol: 'name', 'symbol-type': 'explanation', text: 'string value, max length 255' }] };
  router.packages = [{ name: 'routeros', version: '7.16.2' }, { name: 'container', version: '7.16.2' }];
  const { t } = setup();
  const packages = await t.readPackages();
  assert.deepEqual(packages, [{ name: 'routeros', version: '7.16.2', disabled: false }, { name: 'container', version: '7.16.2', disabled: false }]);
  assert.match(commandTreeFileName('7.16.2 (stable)', packageSetHash(packages), true), /^inspect-7\.16\.2-[0-9a-f]{12}-hints\.json$/);
  router.requests.length = 0;
  const result = await readCommandTree(t, { argumentHints: true });
  assert.deepEqual(result.tree, { system: { _type: 'dir', identity: { _type: 'dir', set: { _type: 'cmd', name: { _type: 'arg', desc: 'string value, max length 255' } } } } });
  assert.deepEqual(
    router.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`),
    [
      ...['', 'system', 'system,identity', 'system,identity,set'].map((p) => `POST /rest/console/inspect ${JSON.stringify({ request: 'child', path: p })}`),
      `POST /rest/console/inspect ${JSON.stringify({ request: 'syntax', path: 'system,identity,set,name' })}`,
    ],
  );
});
test('cancel while identifying the router: cancelled, nothing sent', async () => {
  const controller = new AbortController();
  router.once('request', () => controller.abort());
  const { t, rec } = setup({ signal: controller.signal });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'cancelled');
  assert.match(result.message, /nothing was sent/);
  assert.ok(!calls().includes('PUT /rest/file'));
});

test('a router that cannot be reached: failure, nothing sent, bounded', async () => {
  const port = router.port;
  await router.stop();
  const trust = new MemoryTrustStore();
  const t = new RestTransport({ endpoint: parseRouterAddress(`https://127.0.0.1:${port}`), user: 'admin', password: 'x-secret', trust, timeouts: { request: 2000 } });
  const rec = record({ trust });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^Could not reach the router for reading the router identity: .*ECONNREFUSED.*Nothing was sent\./);
  await router.start(); // afterEach stops it again
});

test('cancel during the upload: cancelled, nothing applied, file cleaned up', async () => {
  const controller = new AbortController();
  router.onUpload = () => {
    controller.abort();
    return { kind: 'hang' };
  };
  const { t, rec } = setup({ signal: controller.signal });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'cancelled');
  assert.match(result.message, /nothing was applied/);
  assert.ok(calls().includes('DELETE /rest/file/<id>'), 'the half-uploaded file is deleted');
  assert.equal(router.appliedImports.length, 0);
  assertNoFilesLeft();
});

test('a router without REST file upload (RouterOS < 7.9) gets a hint to use ssh; nothing applied', async () => {
  const { t, rec } = setup();
  router.onUpload = () => ({ kind: 'reply', status: 400, body: { error: 400, message: 'Bad Request', detail: 'unknown parameter contents' } });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^Upload failed: The router refused uploading .*unknown parameter contents.*RouterOS 7\.9 or later; use the ssh transport/);
  assert.equal(router.appliedImports.length, 0);
});

/** A TCP server that accepts connections and never answers: a TLS handshake to it never completes. */
async function silentServer(): Promise<{ port: number; accepted: Promise<net.Socket>; close(): Promise<void> }> {
  const sockets: net.Socket[] = [];
  let onAccept: (socket: net.Socket) => void = () => undefined;
  const accepted = new Promise<net.Socket>((resolve) => (onAccept = resolve));
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.resume(); // read (and drop) what arrives, so that the client's close is seen
    onAccept(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

for (const how of ['timeout', 'cancel'] as const) {
  // The test timeout only turns a leak (the close never comes) into a failure instead of a hang.
  test(`a TLS connection still in its handshake is released on ${how}`, { timeout: 10_000 }, async () => {
    const silent = await silentServer();
    try {
      const controller = new AbortController();
      const t = new RestTransport({ endpoint: parseRouterAddress(`https://127.0.0.1:${silent.port}`), user: 'admin', password: 'x-secret', trust: new MemoryTrustStore(), timeouts: { request: how === 'timeout' ? 200 : 60_000 } });
      const rec = record({ signal: controller.signal });
      const pushing = push(t, apply(), rec);
      const serverSide = await silent.accepted;
      if (how === 'cancel') controller.abort();
      const result = await pushing;
      assert.equal(result.status, how === 'cancel' ? 'cancelled' : 'failure');
      if (how === 'timeout') assert.match(result.message, /no answer within 0\.2 s/);
      // The client must close its half: the server side sees the connection end (no timer: the event is the proof).
      if (!serverSide.destroyed && serverSide.readyState !== 'closed') await once(serverSide, 'close');
      assert.ok(serverSide.destroyed || serverSide.readyState === 'closed');
    } finally {
      await silent.close();
    }
  });
}

test('a script that waits 60 s or more in :delay is refused over REST before anything is sent; check mode is not', async () => {
  const slow = '/log info "start"\n:delay 45s\n:delay 15s\n/log info "done"\n';
  const { t, rec } = setup();
  const refused = await push(t, apply({ text: slow }), rec);
  assert.equal(refused.status, 'failure');
  assert.equal(refused.mayHaveApplied, false);
  assert.match(refused.message, /^Refused: the script waits at least 60 s in :delay, but RouterOS ends one REST request after 60 s, so the result of the import could not be known\. Nothing was sent\./);
  assert.equal(router.requests.length, 0);

  // A dry run does not run the delays (and runs as a background job), so checking the same script is fine.
  const check = setup();
  const checked = await push(check.t, { text: slow, mode: 'check' }, check.rec);
  assert.equal(checked.status, 'success', checked.message);
});

test('a script that may run long is pushed only after a confirmation that warns about the 60 s limit', async () => {
  const risky = '/log info "start"\n:delay 35s\n:foreach i in=[/interface find] do={ :delay 1s }\n';
  const { t, rec } = setup({ confirm: false });
  const result = await push(t, apply({ text: risky }), rec);
  assert.equal(result.status, 'cancelled');
  const warning = rec.plans[0].notes.find((note) => note.startsWith('WARNING'));
  assert.ok(warning, rec.plans[0].notes.join('\n'));
  assert.match(warning, /longer than the 60 s RouterOS allows one REST request \(at least 35 s of :delay; 1 :delay inside a block/);
  assert.match(warning, /the outcome is unknown/);
  assert.equal(rec.plans[0].estimate.minimumSeconds, 35);
  assert.ok(!calls().includes('PUT /rest/file'));
});

test('a short password is masked where the router echoes it, and never garbles other words', async () => {
  router.password = 'Fi';
  router.onImport = (call) =>
    call.dryRun
      ? { kind: 'reply', body: { ret: CLEAN_DRY_RUN } }
      : { kind: 'reply', status: 400, body: { error: 400, message: 'Bad Request', detail: 'Script Error: failure: password Fi is not allowed, Fix it (/user/set; line 2) (:import; line 1)' } };
  const { t, rec } = setup({ password: 'Fi' });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.equal(result.message, 'Failed at line 2: failure: password *** is not allowed, Fix it (/user/set). Lines before line 2 were applied; line 2 and the rest were not.');
  // The flow's own sentences, which contain `Fi` inside words, are untouched.
  assert.ok(rec.progress.includes('Dry run on the router (nothing is applied)…'), rec.progress.join('\n'));
  assert.ok(rec.logs.some((line) => /^Deleted vscode-push-.*\.rsc from the router\.$/.test(line)));
  assert.ok(!rec.everything().includes('***x') && !/\*\*\*(?:x|le|nish)/.test(rec.everything()), 'no word was cut by a mask');
});
