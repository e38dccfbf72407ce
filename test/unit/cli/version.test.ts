/** The target version: `--ros-version` accepts RouterOS 6.x and 7.x only; an export header counts only on line 1. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { determineTargetVersion, versionFromHeader } from '../../../server/src/analysis/targetVersion.js';
import { rosVersionProblem } from '../../../server/src/cli/rosVersion.js';
import { run, workspace } from './helpers.js';

test('--ros-version refuses versions that do not exist, saying which are accepted', async () => {
  const dir = workspace({ 'x.rsc': '/ip address print\n' });
  for (const version of ['99.1', '0.1', '8.1', '5.26', '7', 'garbage', '', '7.15.3.1']) {
    const r = await run(['lint', '--ros-version', version, 'x.rsc'], dir);
    assert.equal(r.code, 2, version);
    assert.match(r.stderr, /^rsc lint: --ros-version: .*RouterOS 6\.x or 7\.x version/m, version);
  }
  for (const version of ['6.49.7', '7.15', '7.1rc2', '7.24beta1', '6.38', '7.30']) {
    assert.equal(rosVersionProblem(version), undefined, version);
    assert.equal((await run(['lint', `--ros-version=${version}`, 'x.rsc'], dir)).code, 0, version);
  }
});

test('export headers as RouterOS writes them, v7 and v6 date formats', () => {
  assert.equal(versionFromHeader('# 2024-01-05 12:00:00 by RouterOS 7.15.3\n# software id = ABCD-1234\n#\n# model = RB5009UG+S+\n/ip address\n'), '7.15.3');
  assert.equal(versionFromHeader('# jan/02/2024 12:00:00 by RouterOS 6.49.7\r\n# software id = 13ER-6PI0\r\n/ip address\r\n'), '6.49.7');
  assert.equal(versionFromHeader('# dec/15/2022 07:47:54 by RouterOS 7.6\n# software id = \n'), '7.6');
  assert.equal(versionFromHeader('# 2026-01-13 12:51:42 by RouterOS 7.20.8\n# system id = pYfXf2QJ0aB\n'), '7.20.8');
  assert.equal(versionFromHeader('# 2023-11-02 09:00:00 by RouterOS 7.13rc2\n'), '7.13rc2');
  assert.equal(versionFromHeader('# 2024-01-05 12:00:00 by RouterOS 7.15.3'), '7.15.3', 'a header alone, no line end');
  assert.equal(versionFromHeader('\uFEFF# 2024-01-05 12:00:00 by RouterOS 7.15.3\n'), '7.15.3', 'after a byte-order mark');
  assert.equal(versionFromHeader('\n\r\n  \n# jan/02/1970 00:08:20 by RouterOS 6.42.7\n'), '6.42.7', 'after blank lines (a captured terminal)');
  // Seen in shared exports: a space-padded day, a masked date and time, a masked patch level.
  assert.equal(versionFromHeader('# nov/ 5/2022 11:18:42 by RouterOS 7.6\n'), '7.6');
  assert.equal(versionFromHeader('# ____-__-__ __:__:__ by RouterOS 7.18\n'), '7.18');
  assert.equal(versionFromHeader('# oct/02/2020 16:12:54 by RouterOS 6.45.X\n'), '6.45');
});

test('a header-like comment anywhere but the first line is not a header', () => {
  assert.equal(versionFromHeader('/ip address print\n# 2024-01-05 12:00:00 by RouterOS 6.48\n'), undefined);
  assert.equal(versionFromHeader('# my notes\n# jan/02/2024 12:00:00 by RouterOS 6.49.7\n'), undefined);
  assert.equal(versionFromHeader(':put 1 # 2024-01-05 12:00:00 by RouterOS 6.48\n'), undefined);
});

test('a first line that is not exactly a header is not one', () => {
  for (const line of [
    '# exported by RouterOS 6.48',
    '# written for RouterOS 6.48',
    '#2024-01-05 12:00:00 by RouterOS 7.15',
    '# 2024-01-05 by RouterOS 7.15',
    '# 2024-01-05 12:00:00 by RouterOS 7.15 and then edited by hand',
    '# 2024-01-05 12:00:00 by RouterOS',
    '#!rsc by RouterOS',
    '# 2024-01-05 12:00:00 by RouterOS 7.15.3 # software id = X',
  ]) {
    assert.equal(versionFromHeader(`${line}\n/ip address print\n`), undefined, line);
  }
});

test('the header wins over the configured version; elsewhere in the file it does not', () => {
  assert.deepEqual(determineTargetVersion('# jan/02/2024 12:00:00 by RouterOS 6.49.7\n', '7.15').version.text, '6.49.7');
  const late = determineTargetVersion('/ip address print\n# jan/02/2024 12:00:00 by RouterOS 6.48\n', '7.15');
  assert.equal(late.source, 'setting');
  assert.equal(late.version.text, '7.15');
});

test('rsc lint: a header-like comment after the first line does not make a v7 script v6', async () => {
  const dir = workspace({
    'late.rsc': '/system/routerboard/print\n# 2024-01-05 12:00:00 by RouterOS 6.48\n',
    'header.rsc': '# jan/02/2024 12:00:00 by RouterOS 6.49.7\n# software id = 13ER-6PI0\n/system/routerboard/print\n',
  });
  assert.equal((await run(['lint', 'late.rsc'], dir)).code, 0);
  const headed = await run(['lint', 'header.rsc'], dir);
  assert.equal(headed.code, 1);
  assert.match(headed.stdout, /header\.rsc:3:1: error v7-path-syntax /);
});
