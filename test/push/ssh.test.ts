// Push over SSH+SFTP against the stand-in ssh2 server: commands sent, results, cleanup, host-key trust, secrets.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { parseRouterAddress } from '../../server/src/push/address.js';
import { pushScript, type PushInput } from '../../server/src/push/push.js';
import { Redactor } from '../../server/src/push/redact.js';
import { SshTransport } from '../../server/src/push/ssh.js';
import { MemoryTrustStore, opensshFingerprint, trustKey } from '../../server/src/push/trust.js';
import { FakeSshRouter, makeHostKey } from './fakeSshRouter.js';
import { leaks, record, type Recorder } from './helpers.js';

const hostKey = makeHostKey();
let router: FakeSshRouter;

beforeEach(async () => {
  router = new FakeSshRouter(hostKey.privateKey);
  await router.start();
});
afterEach(() => router.stop());

const SCRIPT = '/interface bridge add name=bridge1\n/ip address add address=10.0.0.1/24 interface=bridge1\n';
const apply = (extra: Partial<PushInput> = {}): PushInput => ({ text: SCRIPT, mode: 'apply', ...extra });

function setup(options: { pinned?: string | null; password?: string; trustAnswer?: boolean; timeouts?: { request?: number; import?: number }; signal?: AbortSignal } = {}): { t: SshTransport; rec: Recorder } {
  const trust = new MemoryTrustStore();
  const pin = options.pinned === undefined ? hostKey.fingerprint : options.pinned;
  if (pin !== null) trust.set(trustKey('ssh', '127.0.0.1', router.port), pin);
  const redactor = new Redactor();
  const t = new SshTransport({
    endpoint: parseRouterAddress(`ssh://127.0.0.1:${router.port}`),
    user: router.user,
    password: options.password ?? router.password,
    trust,
    redactor,
    timeouts: options.timeouts,
  });
  return { t, rec: record({ trust, redactor, trustAnswer: options.trustAnswer, signal: options.signal }) };
}

const shape = (command: string): string => command.replace(/vscode-push-[^\s"]+/g, '<file>');

test('ssh: identity, SFTP upload, import, /file remove; v6 gets no dry run', async () => {
  const { t, rec } = setup();
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'success', result.message);
  assert.deepEqual(router.commands.map(shape), [
    ':put [/system identity get name]; :put [/system resource get version]',
    '/import file-name=<file> verbose=yes',
    '/file remove [find name="<file>"]; :put [:len [/file find name="<file>"]]',
  ]);
  assert.equal(router.appliedImports[0].contents, SCRIPT);
  assert.deepEqual(rec.plans.map((p) => `${p.router.identity} ${p.router.version} ${p.dryRunFirst}`), ['MikroTik-SSH 6.49.7 (long-term) false']);
  assert.equal(router.files.size, 0);
});

test('ssh: a runtime error at line 2 (exit status 0) is a failure at line 2, with the selection offset', async () => {
  router.onImport = () => ({ kind: 'reply', text: 'Script Error: failure: already have interface with name bridge1 (/interface/bridge/add; line 2) (:import; line 1)\r\n' });
  const { t, rec } = setup();
  const result = await pushScript(t, apply({ origin: { line: 9, character: 0 } }), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^Failed at line 11: failure: already have interface/);
  assert.deepEqual(result.errors.map((e) => e.line), [10]);
  assert.equal(router.files.size, 0);
});

test('ssh: a syntax error at line N', async () => {
  router.onImport = () => ({ kind: 'reply', text: 'expected name value (line 2 column 5)\r\n' });
  const { t, rec } = setup();
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^Failed at line 2: expected name value/);
  assert.deepEqual(result.errors.map((e) => `${e.line}:${e.character}`), ['1:4']);
});

test('ssh: 7.16+ runs a dry run first, and check mode applies nothing', async () => {
  router.version = '7.18.2 (stable)';
  const { t, rec } = setup();
  const result = await pushScript(t, { text: SCRIPT, mode: 'check' }, rec.hooks);
  assert.equal(result.status, 'success', result.message);
  assert.deepEqual(router.commands.map(shape).filter((c) => c.startsWith('/import')), ['/import file-name=<file> verbose=yes dry-run']);
  assert.equal(router.appliedImports.length, 0);
  assert.equal(router.files.size, 0);
});

test('ssh: an import that hangs is bounded: unknown outcome, file still removed over a new connection', async () => {
  router.onImport = () => ({ kind: 'hang' });
  const { t, rec } = setup({ timeouts: { import: 150 } });
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'unknown');
  assert.match(result.message, /^The outcome is unknown/);
  assert.equal(result.cleanup?.removed, true, result.message);
  assert.equal(router.files.size, 0);
});

test('ssh: a connection dropped during the import: unknown outcome, file still removed', async () => {
  router.onImport = () => ({ kind: 'drop' });
  const { t, rec } = setup();
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'unknown');
  assert.equal(router.files.size, 0);
});

test('ssh: unknown host key refused without consent: fingerprint shown, password never sent', async () => {
  const { t, rec } = setup({ pinned: null, trustAnswer: false });
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.ok(result.message.includes(opensshFingerprint(hostKey.fingerprint)), result.message);
  assert.equal(rec.questions[0].kind, 'host-key');
  assert.deepEqual(router.passwordsReceived, []);
  assert.equal(router.commands.length, 0);
});

test('ssh: trust on first use with consent pins the key', async () => {
  const { t, rec } = setup({ pinned: null, trustAnswer: true });
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'success', result.message);
  assert.equal(rec.trust.get(trustKey('ssh', '127.0.0.1', router.port)), hostKey.fingerprint);
});

test('ssh: a changed host key is REFUSED and the password is not sent', async () => {
  const { t, rec } = setup({ pinned: makeHostKey().fingerprint, trustAnswer: true });
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^REFUSED: the SSH host key .* changed/);
  assert.equal(rec.questions.length, 0);
  assert.deepEqual(router.passwordsReceived, []);
});

test('ssh: wrong password: authentication failed for user admin, password never shown', async () => {
  const wrong = 'n0t-the-Password';
  const { t, rec } = setup({ password: wrong });
  const result = await pushScript(t, apply(), rec.hooks);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /Authentication failed for user admin/);
  assert.deepEqual(leaks(rec.everything(result), 'admin', wrong), []);
});
