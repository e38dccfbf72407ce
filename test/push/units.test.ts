// Small pieces of the push core: redaction, fingerprints, addresses, upload names, dry-run support, command tree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRouterAddress } from '../../server/src/push/address.js';
import { commandTreeFileName, readCommandTree } from '../../server/src/push/commandTree.js';
import { makeUploadName, supportsDryRun } from '../../server/src/push/push.js';
import { Redactor, redactCredentialShapes } from '../../server/src/push/redact.js';
import { fingerprintsMatch, normalizeFingerprint, opensshFingerprint } from '../../server/src/push/trust.js';

test('redactor masks the password, its URL-encoded form, the Basic header and credentials in URLs', () => {
  const redactor = new Redactor();
  const password = 'p@ss w0rd:!';
  redactor.addSecret(password, 'admin');
  const basic = Buffer.from(`admin:${password}`).toString('base64');
  const samples = [
    `login failed for admin with ${password}`,
    `GET /?pw=${encodeURIComponent(password)}`,
    `echo: Authorization: Basic ${basic}`,
    `headers {"authorization":"Basic ${basic.replace(/=+$/, '')}"}`,
    `https://admin:${encodeURIComponent(password)}@10.0.0.1/rest`,
  ];
  const out = samples.map((s) => redactor.redact(s));
  for (const line of out) {
    assert.ok(!line.includes(password) && !line.includes(encodeURIComponent(password)) && !line.includes(basic.replace(/=+$/, '')), line);
    assert.match(line, /\*\*\*/);
  }
  assert.equal(redactor.redact('nothing secret here'), 'nothing secret here');
  assert.equal(redactor.redactError(new Error(`bad ${password}`)), 'bad ***');
});

test('credential shapes are masked even without a known secret', () => {
  assert.equal(redactCredentialShapes('Authorization: Basic YWRtaW46eA=='), 'Authorization: Basic ***');
  assert.equal(redactCredentialShapes('ssh://admin:hunter2@r1'), 'ssh://admin:***@r1');
});

test('an empty password (fresh RouterOS) is not turned into a mask of every gap', () => {
  const redactor = new Redactor();
  redactor.addSecret('', 'admin');
  assert.equal(redactor.redact('abc'), 'abc');
});

test('fingerprints: colons optional, any case, OpenSSH SHA256:base64 form', () => {
  const hex = 'AB'.repeat(32);
  const colon = hex.match(/../g)?.join(':') ?? '';
  assert.equal(normalizeFingerprint(hex.toLowerCase()), colon);
  assert.equal(normalizeFingerprint(colon.toLowerCase()), colon);
  assert.equal(normalizeFingerprint(`sha256 Fingerprint=${colon}`), colon);
  assert.equal(normalizeFingerprint(opensshFingerprint(colon)), colon);
  assert.ok(fingerprintsMatch(opensshFingerprint(colon), hex.toLowerCase()));
  assert.ok(!fingerprintsMatch(colon, 'AC'.repeat(32)));
  assert.equal(normalizeFingerprint('abc'), undefined);
  assert.equal(normalizeFingerprint(''), undefined);
});

test('router addresses', () => {
  const show = (address: string, options?: Parameters<typeof parseRouterAddress>[1]): string => {
    try {
      const e = parseRouterAddress(address, options);
      return `${e.transport} ${e.scheme} ${e.host} ${e.port}`;
    } catch (error) {
      return `error: ${(error as Error).message}`;
    }
  };
  assert.deepEqual(
    [
      show('192.168.88.1'),
      show('router.lan:8443'),
      show('https://10.0.0.1/'),
      show('[fe80::1]:444'),
      show('ssh://r1:2222'),
      show('r1', { transport: 'ssh' }),
      show('r1', { transport: 'rest', port: 8443 }),
      show('http://r1', { allowHttp: true }),
    ],
    ['rest https 192.168.88.1 443', 'rest https router.lan 8443', 'rest https 10.0.0.1 443', 'rest https fe80::1 444', 'ssh ssh r1 2222', 'ssh ssh r1 22', 'rest https r1 8443', 'rest http r1 80'],
  );
  assert.match(show('http://r1'), /^error: Plain HTTP/);
  assert.match(show('https://admin:pw@r1'), /^error: .*passwords never go in an address/);
  assert.match(show('ftp://r1'), /^error: Unsupported/);
  assert.match(show('r1:99999'), /^error: Invalid port/);
  assert.match(show('https://r1', { transport: 'ssh' }), /^error: /);
});

test('upload names are unique, dated, and never *.auto.rsc', () => {
  const names = new Set(Array.from({ length: 50 }, () => makeUploadName('vscode-push', new Date('2026-11-24T11:00:00Z'))));
  assert.equal(names.size, 50);
  for (const name of names) assert.match(name, /^vscode-push-20261124T110000-[0-9a-f]{8}\.rsc$/);
  assert.doesNotMatch(makeUploadName('x.auto'), /\.auto\.rsc$/);
});

test('dry run needs RouterOS 7.16 or later', () => {
  assert.deepEqual(
    ['7.16', '7.16.2 (stable)', '7.22.1', '7.15.3 (stable)', '6.49.7 (long-term)', '7.9', 'garbage'].map(supportsDryRun),
    [true, true, true, false, false, false, false],
  );
});

test('command tree: child requests recursively into the restraml format, bounded', async () => {
  const children: Record<string, Array<{ name: string; 'node-type': string }>> = {
    '': [{ name: 'ip', 'node-type': 'dir' }, { name: 'put', 'node-type': 'cmd' }, { name: 'do', 'node-type': 'cmd' }],
    ip: [{ name: 'address', 'node-type': 'path' }],
    'ip,address': [{ name: 'add', 'node-type': 'cmd' }],
    'ip,address,add': [{ name: 'address', 'node-type': 'arg' }, { name: 'interface', 'node-type': 'arg' }],
    put: [{ name: 'message', 'node-type': 'arg' }],
  };
  const asked: string[] = [];
  const client = {
    inspect: async (body: Record<string, string>) => {
      asked.push(body.path);
      assert.equal(body.request, 'child');
      return (children[body.path] ?? []).map((c) => ({ type: 'child', ...c }));
    },
  };
  const full = await readCommandTree(client);
  assert.deepEqual(full.tree, {
    ip: { _type: 'dir', address: { _type: 'dir', add: { _type: 'cmd', address: { _type: 'arg' }, interface: { _type: 'arg' } } } },
    put: { _type: 'cmd', message: { _type: 'arg' } },
    do: { _type: 'cmd' },
  });
  assert.ok(!asked.includes('do'), 'never descends into names that crash the REST server');
  assert.equal(full.truncated, false);
  const small = await readCommandTree(client, { maxNodes: 3 });
  assert.equal(small.truncated, true);
  assert.equal(small.nodes, 3);
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(readCommandTree(client, { signal: controller.signal }), /Cancelled/);
  assert.equal(commandTreeFileName('7.16.2 (stable)'), 'inspect-7.16.2.json');
});
