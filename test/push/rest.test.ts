// Push over REST against the stand-in HTTPS router: requests made, results, cleanup, trust, secrets, limits.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { parseRouterAddress } from '../../server/src/push/address.js';
import { pushScript, type PushInput } from '../../server/src/push/push.js';
import { Redactor } from '../../server/src/push/redact.js';
import { RestTransport } from '../../server/src/push/rest.js';
import { MemoryTrustStore, trustKey } from '../../server/src/push/trust.js';
import { FakeRestRouter, makeCertificate, type TestCertificate } from './fakeRestRouter.js';
import { fakeLint, leaks, record, type Recorder } from './helpers.js';

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
/** Every recorder made in a test; after each test none of them may have seen the password in any form. */
let recorders: Array<{ rec: Recorder; password: string }> = [];
afterEach(async () => {
  await router.stop();
  for (const { rec, password } of recorders) assert.deepEqual(leaks(rec.everything(), router.user, password), [], 'a password leaked into progress, logs or plans');
  recorders = [];
});

const SCRIPT = '/interface bridge add name=bridge1\n/ip address add address=10.0.0.1/24 interface=bridge1\n/ip dns set servers=1.1.1.1\n';

/** A transport and recorder sharing one trust store and redactor, with the test certificate pinned. */
function setup(options: { password?: string; timeouts?: { request?: number; import?: number }; maxUploadBytes?: number; ca?: string } & { pinned?: string | null; confirm?: boolean; trustAnswer?: boolean; signal?: AbortSignal } = {}): { t: RestTransport; rec: Recorder } {
  const trust = new MemoryTrustStore();
  const pin = options.pinned === undefined ? certificate.fingerprint : options.pinned;
  if (pin !== null) trust.set(trustKey('rest', '127.0.0.1', router.port), pin);
  const redactor = new Redactor();
  const t = new RestTransport({
    endpoint: parseRouterAddress(`https://127.0.0.1:${router.port}`),
    user: router.user,
    password: options.password ?? router.password,
    trust,
    timeouts: options.timeouts,
    maxUploadBytes: options.maxUploadBytes,
    ca: options.ca,
    redactor,
  });
  const rec = record({ trust, redactor, confirm: options.confirm, trustAnswer: options.trustAnswer, signal: options.signal });
  recorders.push({ rec, password: options.password ?? router.password });
  return { t, rec };
}

const apply = (extra: Partial<PushInput> = {}): PushInput => ({ text: SCRIPT, mode: 'apply', ...extra });
const calls = (): string[] => router.requests.map((r) => `${r.method} ${r.path.replace(/vscode-push-[^?/"]+/, '<file>').replace(/\*[0-9A-F]+/, '<id>')}`);

function assertNoFilesLeft(): void {
  assert.deepEqual([...router.files.keys()], [], 'the uploaded file must be deleted');
}

test('a successful push: identity, version, upload, dry run, import, delete — in that order', async () => {
  const { t, rec } = setup();
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'success', result.message);
  assert.match(result.message, /MikroTik-Test/);
  assert.deepEqual(calls(), [
    'GET /rest/system/identity',
    'GET /rest/system/resource',
    'PUT /rest/file',
    'POST /rest/execute',
    'POST /rest/execute',
    'DELETE /rest/file/<id>',
  ]);
  const put = router.requests[2].body as { name: string; contents: string };
  assert.match(put.name, /^vscode-push-\d{8}T\d{6}-[0-9a-f]{8}\.rsc$/);
  assert.doesNotMatch(put.name, /\.auto\.rsc$/);
  assert.equal(put.contents, SCRIPT);
  assert.deepEqual(router.requests[3].body, { script: `/import file-name=${put.name} verbose=yes dry-run`, 'as-string': '' });
  assert.deepEqual(router.requests[4].body, { script: `/import file-name=${put.name} verbose=yes`, 'as-string': '' });
  assert.equal(rec.plans.length, 1);
  assert.deepEqual(
    { identity: rec.plans[0].router.identity, version: rec.plans[0].router.version, file: rec.plans[0].fileName, bytes: rec.plans[0].bytes, lines: rec.plans[0].lines, mode: rec.plans[0].mode, dry: rec.plans[0].dryRunFirst },
    { identity: 'MikroTik-Test', version: '7.16.2 (stable)', file: put.name, bytes: Buffer.byteLength(SCRIPT), lines: 3, mode: 'apply', dry: true },
  );
  assert.equal(result.cleanup?.removed, true);
  assertNoFilesLeft();
});

test('the dry run finds a syntax error: failure on the right editor line (selection offset), nothing applied', async () => {
  router.onImport = (call) => ({
    kind: 'reply',
    body: { ret: call.dryRun ? '#line 3\r\n/ip dns set servers=1.1.1.1 bogus\r\nexpected end of command (line 1 column 29)\r\nScript Error: found 1 error(s) in import file\r\n' : 'should not run' },
  });
  const { t, rec } = setup();
  const result = await pushScript(t, apply({ origin: { line: 20, character: 0 } }), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /line 23/);
  assert.deepEqual(result.errors.map((e) => `${e.line}:${e.character} ${e.message}`), ['22:28 expected end of command']);
  assert.equal(router.appliedImports.length, 0, 'nothing may be applied after a failed dry run');
  assert.equal(result.mayHaveApplied, false);
  assertNoFilesLeft();
});

test('a router older than 7.16: no dry run, the import reports a syntax error at line 7', async () => {
  router.version = '7.15.3 (stable)';
  router.onImport = () => ({ kind: 'reply', body: { ret: 'expected name value (line 7 column 1)\r\n' } });
  const { t, rec } = setup();
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^Failed at line 7: expected name value\. Nothing was applied/);
  assert.equal(rec.plans[0].dryRunFirst, false);
  assert.ok(rec.plans[0].notes.some((n) => /older than 7\.16/.test(n)));
  assert.deepEqual(calls().filter((c) => c.startsWith('POST')), ['POST /rest/execute']);
  assertNoFilesLeft();
});

test('a runtime error at line 2 reported as an HTTP 400 detail: failure at line 2, earlier lines applied', async () => {
  router.onImport = (call) =>
    call.dryRun
      ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file\r\n' } }
      : { kind: 'reply', status: 400, body: { error: 400, message: 'Bad Request', detail: 'Script Error: failure: already have interface with name bridge1 (/interface/bridge/add; line 2) (:import; line 1)' } };
  const { t, rec } = setup();
  const result = await pushScript(t, apply({ origin: { line: 4, character: 2 } }), rec.hooks);
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
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /line 2/);
  assertNoFilesLeft();
});

test('401: "authentication failed for user admin", nothing uploaded, the password never shown', async () => {
  const wrong = 'Wr0ng-Secret#';
  const { t, rec } = setup({ password: wrong });
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /Authentication failed for user admin/);
  assert.deepEqual(calls(), ['GET /rest/system/identity']);
  assert.deepEqual(leaks(rec.everything(result), 'admin', wrong), []);
});

test('the router cuts the import at 60 s ("Session closed"): unknown outcome, never success; file still deleted', async () => {
  router.onImport = (call) =>
    call.dryRun ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file' } } : { kind: 'reply', status: 400, body: { detail: 'Session closed', error: 400, message: 'Bad Request' } };
  const { t, rec } = setup();
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'unknown');
  assert.match(result.message, /^The outcome is unknown: the connection broke after the script was sent; check the router\./);
  assert.match(result.message, /60 s/);
  assertNoFilesLeft();
});

test('an import that hangs is bounded by the client timeout: unknown outcome; file still deleted', async () => {
  router.onImport = (call) => (call.dryRun ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file' } } : { kind: 'hang' });
  const { t, rec } = setup({ timeouts: { import: 150 } });
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'unknown');
  assert.match(result.message, /no answer within 0\.2 s|no answer within 0\.1 s|no answer within 0\.15 s/);
  assertNoFilesLeft();
});

test('a connection dropped during the import: unknown outcome; file still deleted', async () => {
  router.onImport = (call) => (call.dryRun ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file' } } : { kind: 'drop' });
  const { t, rec } = setup();
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'unknown');
  assert.match(result.message, /The outcome is unknown/);
  assertNoFilesLeft();
});

test('an unrecognised import reply is unknown, never success', async () => {
  router.onImport = (call) => ({ kind: 'reply', body: { ret: call.dryRun ? 'No syntax errors found in the import file' : '' } });
  const { t, rec } = setup();
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'unknown');
});

test('contents over 60416 bytes are refused before anything is sent', async () => {
  const big = '/log info "x"\n'.repeat(Math.ceil(60417 / 14));
  const { t, rec } = setup();
  const result = await pushScript(t, apply({ text: big }), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /more than the 60416 bytes/);
  assert.equal(router.requests.length, 0);
  assert.equal(rec.plans.length, 0);
});

test('60416 bytes exactly are accepted', async () => {
  const exact = '#'.repeat(60415) + '\n';
  const { t, rec } = setup();
  const result = await pushScript(t, apply({ text: exact }), rec.hooks);
  assert.equal(result.status, 'success', result.message);
});

test('the router refusing the upload ("contents too long") is a failure, and nothing is left behind', async () => {
  const big = '#'.repeat(61440);
  const { t, rec } = setup({ maxUploadBytes: 1_000_000 });
  const result = await pushScript(t, apply({ text: big }), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /contents too long/);
  assert.equal(router.appliedImports.length, 0);
  assert.ok(calls().includes('GET /rest/file?name=<file>'), 'the cleanup looks the file up by name');
  assertNoFilesLeft();
});

test('an unpinned self-signed certificate is refused without consent, and nothing (not even the password) is sent', async () => {
  const { t, rec } = setup({ pinned: null, trustAnswer: false });
  const result = await pushScript(t, apply(), rec.hooks);
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
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'success', result.message);
  assert.equal(rec.trust.get(trustKey('rest', '127.0.0.1', router.port)), certificate.fingerprint);
});

test('a pinned certificate that changed is REFUSED (possible interception), nothing sent, no question asked', async () => {
  const other = 'AA:'.repeat(31) + 'AA';
  const { t, rec } = setup({ pinned: other, trustAnswer: true });
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^REFUSED: the certificate .* changed/);
  assert.match(result.message, /intercept/);
  assert.equal(rec.questions.length, 0);
  assert.equal(router.requests.length, 0);
});

test('a certificate signed by a CA the caller trusts needs no pin', async () => {
  const { t, rec } = setup({ pinned: null, ca: certificate.cert });
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'success', result.message);
  assert.equal(rec.questions.length, 0);
});

test('lint errors refuse the push without force (nothing sent); with force it goes ahead', async () => {
  const text = '/ip address add address=10.0.0.1/24\n/BAD thing\n/WARN x\n';
  const refused = setup();
  const result = await pushScript(refused.t, apply({ text, lint: fakeLint, origin: { line: 5, character: 0 } }), refused.rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /linter found 1 error\(s\); first at line 7: a bad word/);
  assert.deepEqual(result.errors.map((e) => `${e.line}:${e.character}`), ['6:1']);
  assert.equal(router.requests.length, 0);

  const forced = setup();
  const ok = await pushScript(forced.t, apply({ text, lint: fakeLint, force: true }), forced.rec.hooks);
  assert.equal(ok.status, 'success', ok.message);
  assert.equal(forced.rec.plans[0].lintErrorsOverridden, 1);
  assert.equal(forced.rec.plans[0].lintWarnings, 1);
});

test('check on router (7.16+): a dry run only, nothing applied', async () => {
  const { t, rec } = setup();
  const result = await pushScript(t, { text: SCRIPT, mode: 'check' }, rec.hooks);
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
  const result = await pushScript(t, { text: SCRIPT, mode: 'check' }, rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /dry run is not possible.*7\.15\.3.*older than 7\.16/);
  assert.deepEqual(calls(), ['GET /rest/system/identity', 'GET /rest/system/resource']);
  assert.equal(rec.plans.length, 0);
});

test('declining the confirmation sends nothing', async () => {
  const { t, rec } = setup({ confirm: false });
  const result = await pushScript(t, apply(), rec.hooks);
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
  const first = await pushScript(t, apply(), rec.hooks);
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
  const second = await pushScript(t, apply(), rec.hooks);
  assert.equal(second.status, 'unknown');
  assert.match(second.message, /The outcome is unknown/);
  assertNoFilesLeft();
});

test('a failed delete is reported with the file name', async () => {
  router.onDelete = () => ({ kind: 'reply', status: 500, body: { error: 500, message: 'Internal Server Error', detail: 'failure: could not delete' } });
  const { t, rec } = setup();
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'success');
  assert.equal(result.cleanup?.removed, false);
  assert.match(result.message, /could not delete vscode-push-.*\.rsc from the router .*remove it by hand/);
});

test('without an id in the PUT reply the file is found by name and deleted', async () => {
  router.putReturnsObject = false;
  const { t, rec } = setup();
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'success');
  assert.ok(calls().includes('GET /rest/file?name=<file>'));
  assertNoFilesLeft();
});

test('secrets never appear, even when the router echoes the Authorization header and the password', async () => {
  const basic = Buffer.from(`${router.user}:${router.password}`).toString('base64');
  router.onImport = (call) =>
    call.dryRun
      ? { kind: 'reply', status: 400, body: { error: 400, message: 'Bad Request', detail: `bad request: Authorization: Basic ${basic} password=${router.password}` } }
      : { kind: 'reply', body: { ret: 'x' } };
  const { t, rec } = setup();
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'failure');
  const said = rec.everything(result);
  assert.deepEqual(leaks(said, router.user, router.password), []);
  assert.match(said, /\*\*\*/);
});

test('the command tree is read over REST with /console/inspect request=child', async () => {
  const { readCommandTree } = await import('../../server/src/push/commandTree.js');
  router.inspectTree = {
    '': [{ name: 'system', 'node-type': 'dir' }],
    system: [{ name: 'identity', 'node-type': 'dir' }],
    'system,identity': [{ name: 'set', 'node-type': 'cmd' }],
    'system,identity,set': [{ name: 'name', 'node-type': 'arg' }],
  };
  const { t } = setup();
  const result = await readCommandTree(t);
  assert.deepEqual(result.tree, { system: { _type: 'dir', identity: { _type: 'dir', set: { _type: 'cmd', name: { _type: 'arg' } } } } });
  assert.deepEqual(
    router.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`),
    ['', 'system', 'system,identity', 'system,identity,set'].map((p) => `POST /rest/console/inspect ${JSON.stringify({ request: 'child', path: p })}`),
  );
});

test('cancel while identifying the router: cancelled, nothing sent', async () => {
  const controller = new AbortController();
  router.once('request', () => controller.abort());
  const { t, rec } = setup({ signal: controller.signal });
  const result = await pushScript(t, apply(), rec.hooks);
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
  const result = await pushScript(t, apply(), rec.hooks);
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
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'cancelled');
  assert.match(result.message, /nothing was applied/);
  assert.ok(calls().includes('DELETE /rest/file/<id>'), 'the half-uploaded file is deleted');
  assert.equal(router.appliedImports.length, 0);
  assertNoFilesLeft();
});

test('a router without REST file upload (RouterOS < 7.9) gets a hint to use ssh; nothing applied', async () => {
  const { t, rec } = setup();
  router.onUpload = () => ({ kind: 'reply', status: 400, body: { error: 400, message: 'Bad Request', detail: 'unknown parameter contents' } });
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^Upload failed: The router refused uploading .*unknown parameter contents.*RouterOS 7\.9 or later; use the ssh transport/);
  assert.equal(router.appliedImports.length, 0);
});
