// Small pieces of the push core: redaction, fingerprints, addresses, upload names, dry-run support, command tree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRouterAddress } from '../../server/src/push/address.js';
import { commandTreeFileName, describeTree, makeTreeMeta, packageSetHash, readCommandTree, readTreeMeta, treeFileJson } from '../../server/src/push/commandTree.js';
import { estimateRun, parseDuration } from '../../server/src/push/duration.js';
import { commandTreeFromJson } from '../../server/src/schema/commandTree.js';
import { describePlan } from '../../server/src/push/planText.js';
import { makeUploadName, supportsDryRun, type PushPlan } from '../../server/src/push/push.js';
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

test('redactor masks whole tokens only: a short password never garbles words', () => {
  const redactor = new Redactor();
  redactor.addSecret('Fi', 'admin');
  assert.equal(redactor.redact('Fix them, the File is fine'), 'Fix them, the File is fine');
  assert.equal(redactor.redact('password=Fi; "Fi" (Fi) Fi'), 'password=***; "***" (***) ***');
  assert.equal(redactor.redact('Fi_x xFi Fi2'), 'Fi_x xFi Fi2', 'glued to word characters: not the secret on its own');

  const symbols = new Redactor();
  symbols.addSecret('!#', 'admin');
  // A secret that starts and ends with punctuation has no word edge: any occurrence stands on its own.
  assert.equal(symbols.redact('a!#b and !#'), 'a***b and ***');
});

test('redactor with a long password masks every standalone form, including in JSON and URLs', () => {
  const redactor = new Redactor();
  const password = 'correct-horse-battery-staple-42';
  redactor.addSecret(password, 'admin');
  const text = `{"detail":"failure: ${password}"} url=https://r1/?p=${encodeURIComponent(password)} basic=${Buffer.from(`admin:${password}`).toString('base64')}`;
  const out = redactor.redact(text);
  assert.ok(!out.includes(password));
  assert.ok(!out.includes(Buffer.from(`admin:${password}`).toString('base64')));
  assert.equal(out.split('***').length - 1, 3);
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
    '': [
      { name: 'ip', 'node-type': 'dir' },
      { name: 'put', 'node-type': 'cmd' },
      { name: 'do', 'node-type': 'cmd' },
      { name: 'routing', 'node-type': 'dir' },
    ],
    ip: [{ name: 'address', 'node-type': 'path' }],
    routing: [{ name: 'rule', 'node-type': 'dir' }],
    'routing,rule': [{ name: 'add', 'node-type': 'cmd' }],
    'routing,rule,add': [{ name: 'table', 'node-type': 'arg' }],
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
    routing: { _type: 'dir', rule: { _type: 'dir', add: { _type: 'cmd', table: { _type: 'arg' } } } },
  });
  assert.ok(!asked.includes('do'), 'never descends into the commands whose inspection crashed the REST server');
  assert.ok(asked.includes('routing,rule'), 'a menu named like one of them is a real menu and is walked');
  assert.equal(full.truncated, false);
  const small = await readCommandTree(client, { maxNodes: 3 });
  assert.equal(small.truncated, true);
  assert.equal(small.nodes, 3);
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(readCommandTree(client, { signal: controller.signal }), /Cancelled/);
});

test('command tree: argument value hints from request=syntax, only from the row that names the argument', async () => {
  const children: Record<string, Array<{ name: string; 'node-type': string }>> = {
    '': [{ name: 'ip', 'node-type': 'dir' }],
    ip: [{ name: 'address', 'node-type': 'dir' }],
    'ip,address': [{ name: 'add', 'node-type': 'cmd' }],
    'ip,address,add': [{ name: 'address', 'node-type': 'arg' }, { name: 'comment', 'node-type': 'arg' }, { name: 'interface', 'node-type': 'arg' }],
  };
  const syntax: Record<string, unknown[]> = {
    'ip,address,add,address': [{ nested: '0', nonorm: 'false', symbol: 'address', 'symbol-type': 'explanation', text: 'A.B.C.D    (IP address)' }],
    'ip,address,add,comment': [{ nested: '0', nonorm: 'false', symbol: 'comment', 'symbol-type': 'explanation', text: 'string value ' }],
    // A reply whose row describes something else gives no hint (no guessing).
    'ip,address,add,interface': [{ nested: '1', nonorm: 'false', symbol: 'Interface', 'symbol-type': 'explanation', text: 'name of interface' }],
  };
  const requests: string[] = [];
  const client = {
    inspect: async (body: Record<string, string>) => {
      requests.push(`${body.request} ${body.path}`);
      if (body.request === 'syntax') return syntax[body.path] ?? [];
      return (children[body.path] ?? []).map((c) => ({ type: 'child', ...c }));
    },
  };
  const hinted = await readCommandTree(client, { argumentHints: true });
  assert.deepEqual(hinted.tree, {
    ip: { _type: 'dir', address: { _type: 'dir', add: { _type: 'cmd', address: { _type: 'arg', desc: 'A.B.C.D    (IP address)' }, comment: { _type: 'arg', desc: 'string value' }, interface: { _type: 'arg' } } } },
  });
  assert.equal(hinted.hints, 2);
  assert.deepEqual(requests.filter((r) => r.startsWith('syntax')).sort(), ['syntax ip,address,add,address', 'syntax ip,address,add,comment', 'syntax ip,address,add,interface']);
  // The hint is what the schema loader turns into a type.
  const loaded = commandTreeFromJson(JSON.parse(treeFileJson(hinted.tree, makeTreeMeta('7.16.2 (stable)', [], hinted, true))));
  const add = loaded.tree?.menus.find((menu) => menu.path.join(' ') === 'ip address')?.commands.find((command) => command.name === 'add');
  assert.deepEqual(add?.parameters?.find((p) => p.name === 'address')?.type, { kind: 'ipv4', openKeywords: true });

  requests.length = 0;
  const plain = await readCommandTree(client);
  assert.ok(!requests.some((r) => r.startsWith('syntax')), 'no hint requests unless asked for');
  assert.equal(plain.hints, 0);
});

test('command tree cache: keyed by version AND package set; the file records whether it is partial', () => {
  const base = [{ name: 'routeros', version: '7.16.2' }];
  const withWifi = [...base, { name: 'wifi-qcom', version: '7.16.2' }];
  const hashBase = packageSetHash(base);
  assert.equal(packageSetHash([...withWifi].reverse()), packageSetHash(withWifi), 'order does not matter');
  assert.notEqual(packageSetHash(withWifi), hashBase, 'another package is another tree');
  assert.notEqual(packageSetHash([{ name: 'routeros', version: '7.16.1' }]), hashBase, 'another package version too');
  assert.notEqual(packageSetHash([...base, { name: 'wifi-qcom', version: '7.16.2', disabled: true }]), packageSetHash(withWifi), 'a disabled package adds no menus');
  assert.equal(commandTreeFileName('7.16.2 (stable)', hashBase, false), `inspect-7.16.2-${hashBase}.json`);
  assert.equal(commandTreeFileName('7.16.2 (stable)', hashBase, true), `inspect-7.16.2-${hashBase}-hints.json`);
  assert.notEqual(commandTreeFileName('7.16.2', packageSetHash(withWifi), false), commandTreeFileName('7.16.2', hashBase, false));

  const partial = makeTreeMeta('7.16.2 (stable)', withWifi, { tree: {}, nodes: 3, hints: 0, truncated: true }, false, new Date('2026-01-02T03:04:05Z'));
  const json = JSON.parse(treeFileJson({ system: { _type: 'dir' } }, partial));
  assert.deepEqual(readTreeMeta(json), partial);
  assert.equal(json._meta.truncated, true);
  assert.equal(describeTree(partial), 'RouterOS 7.16.2, 2 package(s), 3 nodes, names only, PARTIAL: a limit was reached');
  assert.equal(describeTree({ ...partial, truncated: false, argumentHints: true }), 'RouterOS 7.16.2, 2 package(s), 3 nodes, with argument types');
  assert.equal(readTreeMeta({ system: { _type: 'dir' } }), undefined, 'a file without _meta says nothing (and is treated as possibly partial)');
  // The loader still reads the file (it skips _meta except its version).
  assert.equal(commandTreeFromJson(json).tree?.version, '7.16.2');
});

test('run-time estimate: top-level delays are a minimum, delays in blocks and fetches are risks', () => {
  assert.deepEqual(['5', '5s', '500ms', '1m30s', '00:01:30', '1d02:00:00', '$x', '1h', 'soon'].map(parseDuration), [5, 5, 0.5, 90, 90, 93600, undefined, 3600, undefined]);
  const estimate = estimateRun(
    [
      ':delay 30s',
      'delay 31s',
      ':for i from=1 to=3 do={ :delay 1s }',
      ':if (true) do={',
      '  :delay 2s',
      '}',
      '/tool fetch url="http://x/{"',
      ':delay $t',
      '/interface ethernet set ether1 delay-time=3',
      ':put ":delay 100s"',
      '# :delay 99s',
      '/system scheduler add name=s on-event=":delay 500s"',
    ].join('\n'),
  );
  assert.equal(estimate.minimumSeconds, 61);
  assert.deepEqual(estimate.risks, ['2 :delay inside a block (loop or condition) that may run more than once', '1 :delay with a duration only known when it runs', '1 /tool fetch that waits on the network']);
  assert.equal(estimateRun('/ip address add address=10.0.0.1/24 interface=ether1\n'.repeat(1001)).risks.join(), '1001 command lines (a long script)');
  assert.deepEqual(estimateRun('/log info "x"\n'), { minimumSeconds: 0, commandLines: 1, risks: [] });
});

test('the confirmation names the router, what is sent (a selection by its lines) and the run-time warning', () => {
  const plan: PushPlan = {
    endpoint: 'https://192.168.88.1:443 as admin',
    router: { identity: 'office-gw', version: '7.16.2 (stable)' },
    fileName: 'vscode-push-20260101T000000-0123abcd.rsc',
    bytes: 512,
    lines: 19,
    mode: 'apply',
    dryRunFirst: true,
    lintWarnings: 2,
    lintErrorsOverridden: 0,
    notes: ['WARNING: this may run longer than the 60 s RouterOS allows one REST request (1 /tool fetch that waits on the network).'],
    estimate: { minimumSeconds: 0, commandLines: 19, risks: ['1 /tool fetch that waits on the network'] },
  };
  assert.deepEqual(describePlan(plan, 'scripts/office.rsc lines 12–30'), [
    'Router: office-gw (RouterOS 7.16.2 (stable)) at https://192.168.88.1:443 as admin',
    'Sends: scripts/office.rsc lines 12–30 as vscode-push-20260101T000000-0123abcd.rsc (512 bytes, 19 lines)',
    'A dry run first; if it finds no error, the script is imported and APPLIED.',
    'Linter warnings: 2.',
    'WARNING: this may run longer than the 60 s RouterOS allows one REST request (1 /tool fetch that waits on the network).',
    'The uploaded file is deleted afterwards.',
  ]);
});
