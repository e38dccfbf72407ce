// Push over SSH+SFTP against the stand-in ssh2 server: commands sent, results, cleanup, host-key trust, secrets.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { afterEach, beforeEach, test } from 'node:test';
import { parseRouterAddress } from '../../server/src/push/address.js';
import type { PushInput } from '../../server/src/push/push.js';
import { Redactor } from '../../server/src/push/redact.js';
import { SshTransport } from '../../server/src/push/ssh.js';
import { MemoryTrustStore, opensshFingerprint, trustKey } from '../../server/src/push/trust.js';
import { FakeSshRouter, makeHostKey } from './fakeSshRouter.js';
import { leaks, push, record, type Recorder } from './helpers.js';

const hostKey = makeHostKey();
let router: FakeSshRouter;

beforeEach(async () => {
  router = new FakeSshRouter(hostKey.privateKey);
  await router.start();
});
/** After each test no recorder may have seen the password: progress, logs, transport logs, plans, results. */
let recorders: Array<{ rec: Recorder; password: string }> = [];
afterEach(async () => {
  await router.stop();
  for (const { rec, password } of recorders) assert.deepEqual(leaks(rec.everything(), router.user, password), [], 'a password leaked into progress, logs, plans or results');
  recorders = [];
});

const SCRIPT = '/interface bridge add name=bridge1\n/ip address add address=10.0.0.1/24 interface=bridge1\n';
const apply = (extra: Partial<PushInput> = {}): PushInput => ({ text: SCRIPT, mode: 'apply', ...extra });

function setup(options: { port?: number; pinned?: string | null; password?: string; trustAnswer?: boolean; timeouts?: { request?: number; import?: number }; signal?: AbortSignal; trust?: MemoryTrustStore } = {}): { t: SshTransport; rec: Recorder } {
  const trust = options.trust ?? new MemoryTrustStore();
  const pin = options.pinned === undefined ? hostKey.fingerprint : options.pinned;
  const port = options.port ?? router.port;
  if (pin !== null && options.trust === undefined) trust.set(trustKey('ssh', '127.0.0.1', port), pin);
  const redactor = new Redactor();
  const rec = record({ trust, redactor, trustAnswer: options.trustAnswer, signal: options.signal });
  const t = new SshTransport({
    endpoint: parseRouterAddress(`ssh://127.0.0.1:${port}`),
    user: router.user,
    password: options.password ?? router.password,
    trust,
    redactor,
    timeouts: options.timeouts,
    log: rec.transportLog,
  });
  recorders.push({ rec, password: options.password ?? router.password });
  return { t, rec };
}

const shape = (command: string): string => command.replace(/vscode-push-[^\s"]+/g, '<file>');

test('ssh: identity, SFTP upload, import, /file remove; v6 gets no dry run', async () => {
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'success', result.message);
  assert.deepEqual(router.commands.map(shape), [
    ':put [/system identity get name]; :put [/system resource get version]',
    '/import file-name=<file> verbose=yes',
    ':put [:len [/file find name="<file>"]]; /file remove [find name="<file>"]; :put [:len [/file find name="<file>"]]',
  ]);
  assert.equal(router.appliedImports[0].contents, SCRIPT);
  assert.equal(result.cleanup?.state, 'removed');
  assert.ok(rec.transportLogs.some((line) => line.startsWith('sftp put vscode-push-')), 'the transport log hook is connected');
  assert.deepEqual(rec.plans.map((p) => `${p.router.identity} ${p.router.version} ${p.dryRunFirst}`), ['MikroTik-SSH 6.49.7 (long-term) false']);
  assert.equal(router.files.size, 0);
});

test('ssh: a runtime error at line 2 (exit status 0) is a failure at line 2, with the selection offset', async () => {
  router.onImport = () => ({ kind: 'reply', text: 'Script Error: failure: already have interface with name bridge1 (/interface/bridge/add; line 2) (:import; line 1)\r\n' });
  const { t, rec } = setup();
  const result = await push(t, apply({ origin: { line: 9, character: 0 } }), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^Failed at line 11: failure: already have interface/);
  assert.deepEqual(result.errors.map((e) => e.line), [10]);
  assert.equal(router.files.size, 0);
});

test('ssh: a syntax error at line N of a selection lands on the editor line; lines before it may have been applied', async () => {
  router.onImport = () => ({ kind: 'reply', text: 'expected name value (line 2 column 5)\r\n' });
  const { t, rec } = setup();
  const result = await push(t, apply({ origin: { line: 40, character: 4 } }), rec);
  assert.equal(result.status, 'failure');
  assert.equal(result.message, 'Failed at line 42: expected name value. Lines before line 42 may have been applied; check the router.');
  // Line 2 of the pushed text is editor line 41 (0-based); the column is not shifted (the selection starts on line 1).
  assert.deepEqual(result.errors.map((e) => `${e.line}:${e.character} router-line ${e.routerLine}`), ['41:4 router-line 2']);
  assert.equal(result.mayHaveApplied, true);
  assert.equal(router.files.size, 0);
});

test('ssh: a syntax error on the first line of a selection keeps the selection\'s column', async () => {
  router.onImport = () => ({ kind: 'reply', text: 'bad command name bridg (line 1 column 12)\r\n' });
  const { t, rec } = setup();
  const result = await push(t, apply({ origin: { line: 7, character: 2 } }), rec);
  assert.deepEqual(result.errors.map((e) => `${e.line}:${e.character}`), ['7:13']);
});

test('ssh: dry-run errors (7.16+) land on the editor lines of a selection; nothing is applied', async () => {
  router.version = '7.18.2 (stable)';
  router.onImport = (call) => ({
    kind: 'reply',
    text: call.dryRun
      ? '#line 1\r\n/interface bridge add name=bridge1\r\n#line 2\r\n/ip address add adress=10.0.0.1/24 interface=bridge1\r\nexpected end of command (line 1 column 17)\r\nScript Error: found 1 error(s) in import file\r\n'
      : 'should not run',
  });
  const { t, rec } = setup();
  const result = await push(t, apply({ origin: { line: 12, character: 0 } }), rec);
  assert.equal(result.status, 'failure');
  assert.equal(result.message, 'Failed: the dry run found 1 error(s); first at line 14: expected end of command. Nothing was applied.');
  assert.deepEqual(result.errors.map((e) => `${e.line}:${e.character}`), ['13:16']);
  assert.equal(router.appliedImports.length, 0);
  assert.equal(result.mayHaveApplied, false);
  assert.equal(router.files.size, 0);
});

test('ssh: cancel during the dry run: nothing applied; cancel during the import: unknown outcome', async () => {
  router.version = '7.18.2 (stable)';
  const early = new AbortController();
  router.onImport = (call) => {
    if (call.dryRun) early.abort();
    return { kind: 'hang' };
  };
  let { t, rec } = setup({ signal: early.signal });
  const first = await push(t, apply(), rec);
  assert.equal(first.status, 'cancelled');
  assert.equal(first.message, 'Cancelled during the dry run: nothing was applied.');
  assert.equal(router.appliedImports.length, 0);
  assert.equal(router.files.size, 0);

  const late = new AbortController();
  router.onImport = (call) => {
    if (call.dryRun) return { kind: 'reply', text: 'No syntax errors found in the import file\r\n' };
    late.abort();
    return { kind: 'hang' };
  };
  ({ t, rec } = setup({ signal: late.signal }));
  const second = await push(t, apply(), rec);
  assert.equal(second.status, 'unknown');
  assert.equal(second.mayHaveApplied, true);
  assert.match(second.message, /^The outcome is unknown/);
  assert.equal(router.files.size, 0, 'the file is still removed after a cancel');
});

test('ssh: an SFTP upload failure is a failure before anything ran; nothing to delete, nothing claimed', async () => {
  router.failSftpOpen = true;
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^Upload failed: Failed uploading vscode-push-.*\.rsc: Permission denied\. Nothing was applied\./);
  assert.equal(result.mayHaveApplied, false);
  assert.equal(router.appliedImports.length, 0);
  assert.ok(!router.commands.some((c) => c.startsWith('/import')));
  assert.deepEqual({ removed: result.cleanup?.removed, state: result.cleanup?.state }, { removed: false, state: 'not-created' });
});

test('ssh: 7.16+ runs a dry run first, and check mode applies nothing', async () => {
  router.version = '7.18.2 (stable)';
  const { t, rec } = setup();
  const result = await push(t, { text: SCRIPT, mode: 'check' }, rec);
  assert.equal(result.status, 'success', result.message);
  assert.deepEqual(router.commands.map(shape).filter((c) => c.startsWith('/import')), ['/import file-name=<file> verbose=yes dry-run']);
  assert.equal(router.appliedImports.length, 0);
  assert.equal(router.files.size, 0);
});

test('ssh: an import that hangs is bounded: unknown outcome, file still removed over a new connection', async () => {
  router.onImport = () => ({ kind: 'hang' });
  const { t, rec } = setup({ timeouts: { import: 150 } });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'unknown');
  assert.match(result.message, /^The outcome is unknown/);
  assert.equal(result.cleanup?.removed, true, result.message);
  assert.equal(router.files.size, 0);
});

test('ssh: a connection dropped during the import: unknown outcome, file still removed', async () => {
  router.onImport = () => ({ kind: 'drop' });
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'unknown');
  assert.equal(router.files.size, 0);
});

test('ssh: unknown host key refused without consent: fingerprint shown, password never sent', async () => {
  const { t, rec } = setup({ pinned: null, trustAnswer: false });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.ok(result.message.includes(opensshFingerprint(hostKey.fingerprint)), result.message);
  assert.equal(rec.questions[0].kind, 'host-key');
  assert.deepEqual(router.passwordsReceived, []);
  assert.equal(router.commands.length, 0);
});

test('ssh: trust on first use with consent pins the key', async () => {
  const { t, rec } = setup({ pinned: null, trustAnswer: true });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'success', result.message);
  assert.equal(rec.trust.get(trustKey('ssh', '127.0.0.1', router.port)), hostKey.fingerprint);
});

test('ssh: a host key that changes after it was pinned with consent is REFUSED and the password is not sent', async () => {
  const trust = new MemoryTrustStore();
  const first = setup({ trust, trustAnswer: true });
  const pinned = await push(first.t, apply(), first.rec);
  assert.equal(pinned.status, 'success', pinned.message);
  assert.equal(trust.get(trustKey('ssh', '127.0.0.1', router.port)), hostKey.fingerprint);

  // The same address answers with another host key.
  const port = router.port;
  await router.stop();
  const otherKey = makeHostKey();
  router = new FakeSshRouter(otherKey.privateKey);
  await router.start(port);
  const second = setup({ trust, trustAnswer: true });
  const result = await push(second.t, apply(), second.rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /^REFUSED: the SSH host key of 127\.0\.0\.1:\d+ changed/);
  assert.ok(result.message.includes(opensshFingerprint(hostKey.fingerprint)) && result.message.includes(opensshFingerprint(otherKey.fingerprint)));
  assert.equal(second.rec.questions.length, 0);
  assert.deepEqual(router.passwordsReceived, [], 'the password never reached the new server');
  assert.equal(router.commands.length, 0);
  assert.equal(trust.get(trustKey('ssh', '127.0.0.1', port)), hostKey.fingerprint);
});

test('ssh: wrong password: authentication failed for user admin, password never shown', async () => {
  const wrong = 'n0t-the-Password';
  const { t, rec } = setup({ password: wrong });
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'failure');
  assert.match(result.message, /Authentication failed for user admin/);
  assert.deepEqual(leaks(rec.everything(result), 'admin', wrong), []);
});

test('ssh: a file already gone at cleanup is reported as not found, never as removed', async () => {
  router.onImport = (call) => {
    router.files.delete(call.fileName); // something on the router removed it while the import ran
    return { kind: 'reply', text: `Opening script file ${call.fileName}\r\n\r\nScript file loaded and executed successfully\r\n` };
  };
  const { t, rec } = setup();
  const result = await push(t, apply(), rec);
  assert.equal(result.status, 'success');
  assert.deepEqual({ removed: result.cleanup?.removed, state: result.cleanup?.state }, { removed: false, state: 'not-found' });
  assert.match(result.message, /Warning: the uploaded file .* was not found when deleting it, so nothing was deleted — check \/file on the router\./);
});

/** A TCP server that accepts connections and never says a word (no SSH banner): a hung router or a tarpit. */
async function silentServer(onConnection: () => void = () => undefined): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('ssh: a router that accepts the connection and never answers is bounded: failure, nothing sent', async () => {
  const silent = await silentServer();
  try {
    const { t, rec } = setup({ port: silent.port, timeouts: { request: 300 } });
    const result = await push(t, apply(), rec);
    assert.equal(result.status, 'failure', result.message);
    assert.match(result.message, /time|answer|respond/i);
    assert.equal(result.mayHaveApplied, false);
  } finally {
    await silent.close();
  }
});

test('ssh: cancel while connecting: cancelled, nothing sent', async () => {
  const controller = new AbortController();
  const silent = await silentServer(() => controller.abort());
  try {
    const { t, rec } = setup({ port: silent.port, signal: controller.signal, timeouts: { request: 30000 } });
    const result = await push(t, apply(), rec);
    assert.equal(result.status, 'cancelled', result.message);
    assert.equal(result.mayHaveApplied, false);
  } finally {
    await silent.close();
  }
});
