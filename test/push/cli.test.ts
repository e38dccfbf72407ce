// `rsc push` end to end against the stand-in routers: exit codes, messages, refusals, secrets.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { runPush, type PushCliIo } from '../../server/src/cli/push.js';
import { opensshFingerprint } from '../../server/src/push/trust.js';
import { FakeRestRouter, makeCertificate, type TestCertificate } from './fakeRestRouter.js';
import { FakeSshRouter, makeHostKey } from './fakeSshRouter.js';
import { fakeLint, leaks } from './helpers.js';

let certificate: TestCertificate;
let router: FakeRestRouter;
let workDir: string;

before(() => {
  certificate = makeCertificate();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsc-push-cli-'));
  fs.writeFileSync(path.join(workDir, 'good.rsc'), '/interface bridge add name=bridge1\n/ip address add address=10.0.0.1/24 interface=bridge1\n');
  fs.writeFileSync(path.join(workDir, 'lint-bad.rsc'), '/ip address add address=10.0.0.1/24\n/BAD thing\n');
  // A real RouterOS mistake the project's own linter reports: 300 is not an IPv4 octet.
  fs.writeFileSync(path.join(workDir, 'real-bad.rsc'), '/interface bridge add name=bridge1\n/ip address add address=300.1.1.1/24 interface=bridge1\n');
  fs.writeFileSync(path.join(workDir, 'bom.rsc'), '\uFEFF/interface bridge add name=bridge1\n');
});
after(() => {
  fs.rmSync(certificate.dir, { recursive: true, force: true });
  fs.rmSync(workDir, { recursive: true, force: true });
});
beforeEach(async () => {
  router = new FakeRestRouter(certificate);
  await router.start();
});
afterEach(() => router.stop());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function rsc(args: string[], options: { env?: Record<string, string | undefined>; readPassword?: PushCliIo['readPassword']; projectLinter?: boolean; password?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runPush(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: options.env ?? { ROUTEROS_PASSWORD: router.password },
    readPassword: options.readPassword,
    cwd: workDir,
    // The project's own linter (the CLI's default) or the stand-in one.
    lint: options.projectLinter ? undefined : fakeLint,
  });
  // Whatever happened, no form of the password may have been printed.
  assert.deepEqual(leaks(stdout + stderr, router.user, options.password ?? router.password), [], 'the password leaked into the output');
  return { code, stdout, stderr };
}

const url = (): string => `https://127.0.0.1:${router.port}`;
const compactFingerprint = (): string => certificate.fingerprint.replace(/:/g, '').toLowerCase();

test('cli: success exits 0; the fingerprint is accepted without colons and in lower case', async () => {
  const run = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', compactFingerprint(), 'good.rsc']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Pushed to MikroTik-Test \(RouterOS 7\.16\.2 \(stable\)\)/);
  assert.match(run.stderr, /Router: MikroTik-Test \(RouterOS 7\.16\.2 \(stable\)\) at https:\/\/127\.0\.0\.1:\d+ as admin/);
  assert.match(run.stderr, /Sends: good\.rsc as rsc-push-\d{8}T\d{6}-[0-9a-f]{8}\.rsc \(\d+ bytes, 2 lines\)\nA dry run first; if it finds no error, the script is imported and APPLIED\./);
  assert.equal(router.appliedImports.length, 1);
  assert.equal(router.files.size, 0);
});

test('cli: a self-signed certificate without --fingerprint is refused (exit 1), with the fingerprint to check', async () => {
  const run = await rsc(['--router', url(), '--user', 'admin', 'good.rsc']);
  assert.equal(run.code, 1);
  assert.ok(run.stderr.includes(`--fingerprint ${certificate.fingerprint}`), run.stderr);
  assert.equal(router.requests.length, 0);
});

test('cli: a --fingerprint that does not match is REFUSED (exit 1)', async () => {
  const run = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', 'ab'.repeat(32), 'good.rsc']);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /REFUSED: the certificate of https:\/\/127\.0\.0\.1:\d+ does not match the fingerprint given with --fingerprint\. Expected SHA-256 fingerprint (AB:){31}AB, the router presented /);
  assert.ok(run.stderr.includes(certificate.fingerprint), 'the message gives the fingerprint the router presented');
  assert.equal(router.requests.length, 0);
});

test('cli: a runtime error exits 1 and names the failing line (also as FILE:LINE:COL)', async () => {
  router.onImport = (call) => ({
    kind: 'reply',
    body: { ret: call.dryRun ? 'No syntax errors found in the import file' : 'Script Error: failure: already have interface with name bridge1 (/interface/bridge/add; line 2) (:import; line 1)' },
  });
  const run = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', certificate.fingerprint, 'good.rsc']);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /Failed at line 2: /);
  assert.match(run.stderr, /^good\.rsc:2:1: error: failure: already have interface/m);
});

test('cli: an unknown outcome (request cut by the router) exits 3, never 0', async () => {
  // The import runs past the router's session limit (0.2 s here, 60 s on RouterOS) and the router cuts it.
  router.sessionLimitMs = 200;
  router.onImport = (call) => (call.dryRun ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file' } } : { kind: 'hang' });
  const run = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', certificate.fingerprint, 'good.rsc']);
  assert.equal(run.code, 3);
  assert.match(run.stderr, /The outcome is unknown: the connection broke after the script was sent; check the router/);
  assert.equal(run.stdout, '');
});

test('cli: a hanging import is bounded by --timeout and exits 3', async () => {
  router.onImport = (call) => (call.dryRun ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file' } } : { kind: 'hang' });
  const run = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', certificate.fingerprint, '--timeout', '0.2', 'good.rsc']);
  assert.equal(run.code, 3);
  assert.equal(router.files.size, 0);
});

test('cli: --password is rejected with an explanation and the value is never echoed', async () => {
  for (const args of [['--password', 'hunter2-secret'], ['--password=hunter2-secret']]) {
    const run = await rsc(['--router', url(), '--user', 'admin', ...args, 'good.rsc']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /passwords are never taken from the command line/);
    assert.ok(!run.stderr.includes('hunter2-secret'));
  }
});

test('cli: usage errors and an unreadable file exit 2', async () => {
  assert.equal((await rsc(['--user', 'admin', 'good.rsc'])).code, 2);
  assert.equal((await rsc(['--router', url(), 'good.rsc'])).code, 2);
  assert.equal((await rsc(['--router', url(), '--user', 'admin'])).code, 2);
  assert.equal((await rsc(['--router', url(), '--user', 'admin', '--transport', 'ftp', 'good.rsc'])).code, 2);
  assert.equal((await rsc(['--router', url(), '--user', 'admin', '--fingerprint', 'xyz', 'good.rsc'])).code, 2);
  const missing = await rsc(['--router', url(), '--user', 'admin', 'missing.rsc']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read missing\.rsc: ENOENT/);
  const http = await rsc(['--router', `http://127.0.0.1:${router.port}`, '--user', 'admin', 'good.rsc']);
  assert.equal(http.code, 2);
  assert.match(http.stderr, /--allow-http/);
  assert.equal(router.requests.length, 0);
});

test('cli: without ROUTEROS_PASSWORD and no terminal it exits 2; on a terminal it asks', async () => {
  const none = await rsc(['--router', url(), '--user', 'admin', 'good.rsc'], { env: {} });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /ROUTEROS_PASSWORD/);
  const prompts: string[] = [];
  const asked = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', certificate.fingerprint, 'good.rsc'], {
    env: {},
    readPassword: async (prompt) => {
      prompts.push(prompt);
      return router.password;
    },
  });
  assert.equal(asked.code, 0, asked.stderr);
  assert.deepEqual(prompts, ['Password for admin on 127.0.0.1: ']);
});

test('cli: lint errors refuse the push (exit 1, nothing sent) unless --force', async () => {
  const refused = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', certificate.fingerprint, 'lint-bad.rsc']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^lint-bad\.rsc:2:2: error: a bad word \[fake-error\]/m);
  assert.match(refused.stderr, /--force/);
  assert.equal(router.requests.length, 0);
  const forced = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', certificate.fingerprint, '--force', 'lint-bad.rsc']);
  assert.equal(forced.code, 0, forced.stderr);
});

test('cli: the project\'s own linter refuses a script with a real error (exit 1, nothing sent), and passes a clean one', async () => {
  const refused = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', certificate.fingerprint, 'real-bad.rsc'], { projectLinter: true });
  assert.equal(refused.code, 1, refused.stderr);
  assert.match(refused.stderr, /^real-bad\.rsc:2:25: error: `300\.1\.1\.1\/24` is not an IPv4 prefix.* \[invalid-value\]$/m);
  assert.match(refused.stderr, /Refused: the linter found 1 error\(s\); first at line 2: .*Nothing was sent\./);
  assert.equal(router.requests.length, 0);

  const clean = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', certificate.fingerprint, 'good.rsc'], { projectLinter: true });
  assert.equal(clean.code, 0, clean.stderr);
  assert.equal(router.appliedImports.length, 1);
});

test('cli: a UTF-8 byte-order mark is not uploaded', async () => {
  const run = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', certificate.fingerprint, 'bom.rsc']);
  assert.equal(run.code, 0, run.stderr);
  const put = router.requests.find((r) => r.method === 'PUT')?.body as { contents: string };
  assert.equal(put.contents, '/interface bridge add name=bridge1\n');
  assert.match(run.stderr, /\(35 bytes, 1 lines\)/);
});

test('cli: Ctrl+C at the password prompt reports "cancelled" and exits 2, with no stack trace and nothing sent', async () => {
  const run = await rsc(['--router', url(), '--user', 'admin', 'good.rsc'], {
    env: {},
    readPassword: async () => {
      throw new Error('cancelled');
    },
  });
  assert.equal(run.code, 2);
  assert.equal(run.stderr, 'rsc push: cancelled; nothing was sent.\n');
  assert.equal(run.stdout, '');
  assert.equal(router.requests.length, 0);
});

test('cli: a short password is masked where the router echoes it, and the CLI\'s own words stay whole', async () => {
  router.password = 'Fi';
  router.onImport = (call) =>
    call.dryRun
      ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file' } }
      : { kind: 'reply', body: { ret: 'Script Error: failure: password Fi rejected, Fix the File (/user/set; line 2) (:import; line 1)' } };
  const run = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', certificate.fingerprint, 'good.rsc'], { env: { ROUTEROS_PASSWORD: 'Fi' }, password: 'Fi' });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^good\.rsc:2:1: error: failure: password \*\*\* rejected, Fix the File \(\/user\/set\)$/m);
  assert.match(run.stderr, /The uploaded file is deleted afterwards\./);
  assert.match(run.stderr, /Sends: good\.rsc as rsc-push-/);
});

test('cli: --dry-run applies nothing', async () => {
  const run = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', certificate.fingerprint, '--dry-run', 'good.rsc']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Nothing was applied/);
  assert.equal(router.appliedImports.length, 0);
});

test('cli: --dry-run on a router older than 7.16 fails and says why', async () => {
  router.version = '7.12.1 (stable)';
  const run = await rsc(['--router', url(), '--user', 'admin', '--fingerprint', certificate.fingerprint, '--dry-run', 'good.rsc']);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /dry run is not possible/);
  assert.ok(!router.requests.some((r) => r.method === 'PUT'));
});

test('cli: ssh transport with an OpenSSH-style --fingerprint', async () => {
  const key = makeHostKey();
  const sshRouter = new FakeSshRouter(key.privateKey);
  await sshRouter.start();
  try {
    let stdout = '';
    let stderr = '';
    const code = await runPush(['--router', `ssh://127.0.0.1:${sshRouter.port}`, '--user', 'admin', '--fingerprint', opensshFingerprint(key.fingerprint), 'good.rsc'], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      env: { ROUTEROS_PASSWORD: sshRouter.password },
      cwd: workDir,
      lint: fakeLint,
    });
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Pushed to MikroTik-SSH/);
    assert.equal(sshRouter.files.size, 0);
    assert.deepEqual(leaks(stdout + stderr, 'admin', sshRouter.password), []);
  } finally {
    await sshRouter.stop();
  }
});
