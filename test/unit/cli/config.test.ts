/** Which `.rsclintrc.json` applies to which script, and how a config file with mistakes is reported. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import path from 'node:path';
import { run, workspace } from './helpers.js';

/** One finding, pppoe-mtu (a warning by default), on line 1; a config can raise it to an error or turn it off. */
const MTU = '/interface pppoe-client add interface=ether1 user=isp password=x max-mtu=1500\n';
const config = (rules: Record<string, string>, extra: Record<string, unknown> = {}) => JSON.stringify({ rules, ...extra });

function severities(stdout: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of stdout.split('\n').filter(Boolean)) {
    const match = /^(.*?):\d+:\d+: (\w+) pppoe-mtu /.exec(line);
    if (match) result[match[1]!] = match[2]!;
  }
  return result;
}

test('each script uses the nearest .rsclintrc.json in its directory or above', async () => {
  const dir = workspace({
    '.rsclintrc.json': config({ 'pppoe-mtu': 'error' }),
    'site-a/x.rsc': MTU,
    'site-b/.rsclintrc.json': config({ 'pppoe-mtu': 'off' }),
    'site-b/x.rsc': MTU,
    'site-b/deeper/y.rsc': MTU,
    'site-c/.rsclintrc.json': config({ 'pppoe-mtu': 'info' }),
    'site-c/x.rsc': MTU,
  });
  const r = await run(['lint', 'site-a', 'site-b', 'site-c'], dir);
  assert.deepEqual(severities(r.stdout), { [path.join('site-a', 'x.rsc')]: 'error', [path.join('site-c', 'x.rsc')]: 'info' });
  assert.equal(r.code, 1);
  // Run from inside site-b: the files of the other sites still use their own (or the top) config.
  const inside = await run(['lint', '.', '../site-a', '../site-c/x.rsc'], path.join(dir, 'site-b'));
  assert.deepEqual(severities(inside.stdout), { [path.join('..', 'site-a', 'x.rsc')]: 'error', [path.join('..', 'site-c', 'x.rsc')]: 'info' });
});

test('a script with no config above it falls back to the one in the current directory', async () => {
  const project = workspace({ '.rsclintrc.json': config({ 'pppoe-mtu': 'error' }) });
  const elsewhere = workspace({ 'x.rsc': MTU }, 'rsc-cli-elsewhere-');
  const r = await run(['lint', path.join(elsewhere, 'x.rsc')], project);
  assert.equal(Object.values(severities(r.stdout))[0], 'error');
  assert.equal(r.code, 1);
});

test('--config overrides every other config file', async () => {
  const dir = workspace({ 'site/.rsclintrc.json': config({ 'pppoe-mtu': 'error' }), 'site/x.rsc': MTU, 'quiet.json': config({ 'pppoe-mtu': 'off' }) });
  const r = await run(['lint', '--config', 'quiet.json', 'site'], dir);
  assert.equal(r.stdout, '');
  assert.equal(r.code, 0);
  const missing = await run(['lint', '--config', 'nope.json', 'site'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.json: no such file or directory/);
});

test('an unknown rule code is a warning that names the config file and suggests the right code', async () => {
  const dir = workspace({ '.rsclintrc.json': config({ 'unknwn-command': 'off', 'pppoe-mtu': 'error', 'no-such-thing-at-all': 'off' }), 'x.rsc': MTU });
  const r = await run(['lint', 'x.rsc'], dir);
  assert.match(r.stderr, /^rsc lint: warning: \.rsclintrc\.json: unknown rule code "unknwn-command" is ignored; did you mean "unknown-command"\?$/m);
  assert.match(r.stderr, /unknown rule code "no-such-thing-at-all" is ignored; see `rsc rules` for the codes/);
  assert.equal(r.stderr.match(/unknwn-command/g)?.length, 1, 'once per config file, not once per script');
  assert.equal(Object.values(severities(r.stdout))[0], 'error', 'the known codes still apply');
  assert.equal(r.code, 1);
});

test('an invalid rosVersion in the config stops the run like an invalid --ros-version', async () => {
  for (const version of ['garbage', '99.1', '0.1', 7]) {
    const dir = workspace({ '.rsclintrc.json': config({}, { rosVersion: version }), 'x.rsc': MTU });
    const r = await run(['lint', 'x.rsc'], dir);
    assert.equal(r.code, 2, String(version));
    assert.equal(r.stdout, '', 'nothing is linted with a broken config');
    assert.match(r.stderr, /rsc lint: \.rsclintrc\.json: "rosVersion"/, String(version));
  }
  const dir = workspace({ '.rsclintrc.json': config({}, { rosVersion: '6.49.7' }), 'x.rsc': '/system/routerboard/print\n' });
  const r = await run(['lint', 'x.rsc'], dir);
  assert.match(r.stdout, /v7-path-syntax/, 'a valid rosVersion applies');
});

test('a broken config below the current directory is reported once and stops the run', async () => {
  const dir = workspace({ 'a/.rsclintrc.json': '{ "rules": ', 'a/x.rsc': MTU, 'a/y.rsc': MTU, 'b/x.rsc': MTU });
  const r = await run(['lint', 'a', 'b'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.match(/a[/\\]\.rsclintrc\.json: not valid JSON/g)?.length, 1, r.stderr);
});
