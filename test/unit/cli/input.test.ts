/** What `rsc lint` accepts as input: text only, every .rsc file once, links followed, nothing-to-lint reported. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { notScriptReason } from '../../../server/src/cli/scriptFile.js';
import { escapeForTerminal } from '../../../server/src/cli/escape.js';
import { BAD, GOOD, filesInText, run, workspace } from './helpers.js';

/** Deterministic "random" bytes (a linear congruential generator), so a failure can be reproduced. */
function noise(length: number, seed: number, avoidNul = false): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const byte = (state >>> 16) & 0xff;
    bytes[i] = avoidNul && byte === 0 ? 1 : byte;
  }
  return bytes;
}

/** No raw C0/C1 control characters other than the line feeds that end lines. */
function assertNoRawControls(text: string): void {
  assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/, JSON.stringify(text));
}

test('a NUL byte makes a file binary: a message naming it, exit 2, no findings', async () => {
  const dir = workspace({ 'nul.rsc': ':put 1\0:put 2' });
  const r = await run(['lint', 'nul.rsc'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'rsc lint: nul.rsc: not a RouterOS script (binary data)\n');
});

test('random binary data is refused as a whole instead of producing garbage findings', async () => {
  const dir = workspace({ 'blob.rsc': noise(4096, 7), 'nonul.rsc': noise(4096, 11, true) });
  const r = await run(['lint', '--format', 'json', 'blob.rsc', 'nonul.rsc'], dir);
  assert.equal(r.code, 2);
  assert.deepEqual(JSON.parse(r.stdout), []);
  assert.match(r.stderr, /^rsc lint: blob\.rsc: not a RouterOS script \(binary data\)$/m);
  assert.match(r.stderr, /^rsc lint: nonul\.rsc: not a RouterOS script \(binary data\)$/m);
});

test('a UTF-16 file is named as such, with what to do', async () => {
  const dir = workspace({ 'wide.rsc': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]) });
  const r = await run(['lint', 'wide.rsc'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /wide\.rsc: not a RouterOS script \(UTF-16 text; save it as UTF-8 or ASCII\)/);
});

test('a binary file among scripts: the scripts are still linted, the run exits 2', async () => {
  const dir = workspace({ 'a/bad.rsc': BAD, 'a/image.rsc': noise(512, 3) });
  const r = await run(['lint', 'a'], dir);
  assert.equal(r.code, 2);
  assert.deepEqual(filesInText(r.stdout), [path.join('a', 'bad.rsc')]);
  assert.match(r.stderr, /a[/\\]image\.rsc: not a RouterOS script \(binary data\)/);
});

test('a text file with a few odd bytes is still linted, and control characters reach the terminal escaped', async () => {
  // A Windows-1252 comment (0xE9), a form feed and an ESC inside an interface name that the linter quotes.
  const script = Buffer.concat([
    Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n\f\n/ip address add address=10.0.0.1/24 interface=eth\x1bx\n'),
    Buffer.from('/interface pppoe-client add interface=ether1 user=isp passwrd=x\n'),
  ]);
  const dir = workspace({ 'odd.rsc': script });
  const r = await run(['lint', 'odd.rsc'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^odd\.rsc:4:\d+: error unknown-parameter `passwrd`/m);
  assert.ok(r.stdout.includes('eth\\x1b'), r.stdout);
  assertNoRawControls(r.stdout);
  const json = await run(['lint', '--format', 'json', 'odd.rsc'], dir);
  assertNoRawControls(json.stdout);
  assert.ok(JSON.parse(json.stdout).some((f: { message: string }) => f.message.includes('eth\u001bx')), 'JSON keeps the exact text');
});

test('C1 controls and bidirectional overrides are escaped too', () => {
  assert.equal(escapeForTerminal('a\u001b[31mb\u009b2J\u202ec\r\n'), 'a\\x1b[31mb\\x9b2J\\u202ec\\x0d\\x0a');
  assert.equal(escapeForTerminal('/ip address café ✓'), '/ip address café ✓');
});

test('file names with control characters are escaped in messages', async () => {
  const dir = workspace({});
  const r = await run(['lint', 'x\u001b[2J.rsc'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot read x\\x1b\[2J\.rsc: no such file or directory/);
  assertNoRawControls(r.stderr);
});

test('the text check: NUL or many control characters mean binary; a few stray ones do not', () => {
  const check = (text: string) => notScriptReason(Buffer.from(text, 'latin1'), text);
  assert.equal(check(':put 1\0'), 'binary data');
  assert.equal(check(`${'\u0001\u0002'.repeat(10)}:put 1`), 'binary data');
  assert.equal(check(`:put "a\u001bb"\n${':put 1\n'.repeat(20)}`), undefined);
  assert.equal(check(`${'\u0007'.repeat(9)}${':put 1\n'.repeat(100)}`), undefined, '9 bells in 700 characters are odd, not binary');
  assert.equal(check('\t:put 1\r\n\f\v'), undefined, 'white space is text');
});

test('a directory without .rsc files is reported; with nothing linted at all the run exits 2', async () => {
  const dir = workspace({ 'empty/readme.txt': 'nothing here', 'good.rsc': GOOD });
  const alone = await run(['lint', 'empty'], dir);
  assert.equal(alone.code, 2);
  assert.equal(alone.stderr, 'rsc lint: no .rsc files found in empty\n');
  const withFile = await run(['lint', 'empty', 'good.rsc'], dir);
  assert.equal(withFile.code, 0, 'something was linted and it is clean');
  assert.match(withFile.stderr, /no \.rsc files found in empty/);
  const here = await run(['lint', '.'], path.join(dir, 'empty'));
  assert.equal(here.stderr, 'rsc lint: no .rsc files found in .\n');
});

test('symbolic links to scripts and directories are followed; a link loop ends', async () => {
  const dir = workspace({ 'real/bad.rsc': BAD, 'shared/other.rsc': BAD, 'scripts/own.rsc': GOOD });
  fs.symlinkSync(path.join(dir, 'real', 'bad.rsc'), path.join(dir, 'scripts', 'linked.rsc'));
  fs.symlinkSync(path.join(dir, 'shared'), path.join(dir, 'scripts', 'shared'), 'dir');
  fs.symlinkSync(path.join(dir, 'scripts'), path.join(dir, 'scripts', 'loop'), 'dir');
  const r = await run(['lint', 'scripts'], dir);
  assert.equal(r.code, 1);
  assert.deepEqual(filesInText(r.stdout), [path.join('scripts', 'linked.rsc'), path.join('scripts', 'shared', 'other.rsc')]);
  assert.equal(r.stderr, '');
});

test('a dangling link named .rsc is reported, not skipped', async () => {
  const dir = workspace({ 'scripts/good.rsc': GOOD });
  fs.symlinkSync(path.join(dir, 'gone.rsc'), path.join(dir, 'scripts', 'dangling.rsc'));
  const r = await run(['lint', 'scripts'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot read scripts[/\\]dangling\.rsc: a symbolic link to a file that does not exist/);
});

test('a file named twice, or named and inside a named directory, or linked, is linted once', async () => {
  const dir = workspace({ 'a/bad.rsc': BAD });
  fs.symlinkSync(path.join(dir, 'a', 'bad.rsc'), path.join(dir, 'alias.rsc'));
  const r = await run(['lint', '--format', 'json', 'a/bad.rsc', './a/bad.rsc', 'a', path.join(dir, 'a', 'bad.rsc'), 'alias.rsc'], dir);
  const findings = JSON.parse(r.stdout) as { file: string; code: string }[];
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.equal(findings[0]!.file, path.join('a', 'bad.rsc'), 'under the first name it was given');
});
