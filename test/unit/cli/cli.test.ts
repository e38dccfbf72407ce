/** `rsc lint` end to end through main(): formats, exit codes, directories, config, bad input. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../../../server/src/cli/main.js';
import type { CliIo } from '../../../server/src/cli/io.js';
import { BAD, GOOD, run, workspace } from './helpers.js';

test('text format: file:line:column: severity code message, exit 1 on errors', async () => {
  const dir = workspace({ 'bad.rsc': BAD });
  const r = await run(['lint', 'bad.rsc'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^bad\.rsc:2:31: error unknown-parameter `passwrd` is not a parameter of \/interface pppoe-client add: did you mean `password`\?$/m);
});

test('a clean file exits 0 and prints nothing', async () => {
  const dir = workspace({ 'good.rsc': GOOD });
  const r = await run(['lint', 'good.rsc'], dir);
  assert.equal(r.stdout, '');
  assert.equal(r.code, 0);
});

test('json format: an array with 1-based lines and columns', async () => {
  const dir = workspace({ 'bad.rsc': BAD });
  const r = await run(['lint', '--format', 'json', 'bad.rsc'], dir);
  const findings = JSON.parse(r.stdout);
  assert.deepEqual(findings[0], {
    file: 'bad.rsc', line: 2, column: 31, endLine: 2, endColumn: 38, severity: 'error', code: 'unknown-parameter',
    message: '`passwrd` is not a parameter of /interface pppoe-client add: did you mean `password`?',
  });
});

test('sarif format: SARIF 2.1.0 with rules and a relative location', async () => {
  const dir = workspace({ 'scripts/bad.rsc': BAD });
  const r = await run(['lint', '--format=sarif', 'scripts'], dir);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  const run0 = log.runs[0];
  assert.equal(run0.tool.driver.name, 'rsc');
  assert.ok(run0.tool.driver.rules.some((rule: { id: string }) => rule.id === 'unknown-parameter'));
  const result = run0.results[0];
  assert.equal(result.ruleId, 'unknown-parameter');
  assert.equal(result.level, 'error');
  assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'unknown-parameter');
  assert.deepEqual(result.locations[0].physicalLocation.artifactLocation.uri, 'scripts/bad.rsc');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 2, startColumn: 31, endLine: 2, endColumn: 38 });
});

test('directories are searched for .rsc files only', async () => {
  const dir = workspace({ 'a/one.rsc': BAD, 'a/b/two.rsc': BAD, 'a/notes.txt': 'passwrd=x' });
  const r = await run(['lint', 'a'], dir);
  const files = new Set(r.stdout.trim().split('\n').map((l) => l.split(':')[0]));
  assert.deepEqual([...files].sort(), [path.join('a', 'b', 'two.rsc'), path.join('a', 'one.rsc')]);
});

test('an unreadable file exits 2 with a message that names it', async () => {
  const dir = workspace({ 'good.rsc': GOOD });
  const r = await run(['lint', 'missing.rsc', 'good.rsc'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot read .*missing\.rsc: no such file or directory/);
});

test('bad usage exits 2 with the usage text', async () => {
  const dir = workspace({});
  for (const args of [['lint'], ['lint', '--format', 'xml', 'x.rsc'], ['lint', '--ros-version', 'seven', 'x.rsc'], ['frobnicate']]) {
    const r = await run(args, dir);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /usage: rsc/);
  }
});

test('.rsclintrc.json changes severities and the target version; a broken one is reported', async () => {
  const text = '/interface pppoe-client add interface=ether1 max-mtu=1500\n';
  const dir = workspace({ 'x.rsc': text, '.rsclintrc.json': JSON.stringify({ rules: { 'pppoe-mtu': 'error' } }) });
  const r = await run(['lint', 'x.rsc'], dir);
  assert.match(r.stdout, /x\.rsc:1:54: error pppoe-mtu /);
  assert.equal(r.code, 1);
  fs.writeFileSync(path.join(dir, '.rsclintrc.json'), '{ "rules": { "pppoe-mtu": "loud" } }');
  const broken = await run(['lint', 'x.rsc'], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /rsclintrc\.json: rule "pppoe-mtu" has severity "loud"/);
});

test('--ros-version applies when the file has no export header', async () => {
  const dir = workspace({ 'v.rsc': '/system/routerboard/print\n' });
  assert.equal((await run(['lint', 'v.rsc'], dir)).code, 0);
  const old = await run(['lint', '--ros-version', '6.49.7', 'v.rsc'], dir);
  assert.equal(old.code, 1);
  assert.match(old.stdout, /v7-path-syntax/);
});

test('rsc rules lists every code', async () => {
  const r = await run(['rules'], workspace({}));
  assert.match(r.stdout, /^unknown-parameter\s+error\s+/m);
  assert.match(r.stdout, /^pppoe-mtu\s+warning\s+/m);
});

test('rsc push runs the real linter first and refuses a script with errors before contacting the router', async () => {
  const dir = workspace({ 'bad.rsc': BAD });
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir, env: { ROUTEROS_PASSWORD: 'not-a-real-secret' }, version: '0.0.0-test' };
  // Port 9 on loopback: nothing listens there, so a connection attempt would fail with a different message.
  const code = await main(['push', '--router', 'https://127.0.0.1:9', '--user', 'admin', 'bad.rsc'], io);
  assert.equal(code, 1);
  const output = stdout + stderr;
  assert.match(output, /unknown-parameter|passwrd/);
  assert.doesNotMatch(output, /ECONNREFUSED|connect/i);
  assert.doesNotMatch(output, /not-a-real-secret/);
});
