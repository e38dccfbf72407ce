// The editor's push decisions without VS Code: what is sent, how router lines come back, which secret goes where,
// which settings a workspace cannot change, and that every wait is bounded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  describeSource,
  legacySecretKey,
  originOf,
  placeDiagnostic,
  profileSecretKey,
  pushRange,
  secretKeyFor,
  userScopeValue,
  withTimeout,
  type DocumentShape,
} from '../../client/src/push/decisions.js';
import { parseRouterAddress } from '../../server/src/push/address.js';
import { placeError } from '../../server/src/push/push.js';

/** A document made of these lines (the last one may be empty, as after a final newline). */
function doc(lines: string[]): DocumentShape & { text(range: ReturnType<typeof pushRange>): string } {
  return {
    lineCount: lines.length,
    lineLength: (line) => lines[line].length,
    text: (range) => {
      const picked = lines.slice(range.start.line, range.end.line + 1);
      picked[picked.length - 1] = picked[picked.length - 1].slice(0, range.end.character);
      picked[0] = picked[0].slice(range.start.character);
      return picked.join('\n');
    },
  };
}

const SCRIPT = doc([
  '# 2026-01-13 by RouterOS 7.16.2', // 0
  '/interface bridge', // 1
  'add name=bridge1', // 2
  '/ip address', // 3
  'add address=10.0.0.1/24 interface=bridge1', // 4
  'add address=10.0.1.1/24 interface=bridge1', // 5
  '', // 6
]);

test('no selection: the whole document is sent, described by its path alone', () => {
  const range = pushRange({ start: { line: 3, character: 2 }, end: { line: 3, character: 2 }, isEmpty: true }, SCRIPT);
  assert.deepEqual(range, { start: { line: 0, character: 0 }, end: { line: 6, character: 0 }, isSelection: false, firstLine: 0, lastLine: 6 });
  assert.equal(describeSource('scripts/office.rsc', range), 'scripts/office.rsc');
  assert.deepEqual(originOf(range), { line: 0, character: 0 });
});

test('a selection is widened to whole lines and described as "file lines A–B"', () => {
  // From the middle of line 3 to the middle of line 5 (0-based): lines 4–6 in the editor's 1-based numbers.
  const range = pushRange({ start: { line: 3, character: 4 }, end: { line: 5, character: 10 }, isEmpty: false }, SCRIPT);
  assert.deepEqual(range, { start: { line: 3, character: 0 }, end: { line: 5, character: 41 }, isSelection: true, firstLine: 3, lastLine: 5 });
  assert.equal(SCRIPT.text(range), '/ip address\nadd address=10.0.0.1/24 interface=bridge1\nadd address=10.0.1.1/24 interface=bridge1');
  assert.equal(describeSource('office.rsc', range), 'office.rsc lines 4–6');
  assert.deepEqual(originOf(range), { line: 3, character: 0 });
});

test('a line-wise selection that ends at the start of the next line does not send that line', () => {
  const range = pushRange({ start: { line: 1, character: 0 }, end: { line: 3, character: 0 }, isEmpty: false }, SCRIPT);
  assert.deepEqual([range.firstLine, range.lastLine], [1, 2]);
  assert.equal(describeSource('office.rsc', range), 'office.rsc lines 2–3');
  const one = pushRange({ start: { line: 4, character: 3 }, end: { line: 4, character: 9 }, isEmpty: false }, SCRIPT);
  assert.equal(describeSource('office.rsc', one), 'office.rsc line 5');
});

test('router line N of a selection becomes editor line origin+N-1, and the diagnostic sits on it', () => {
  const range = pushRange({ start: { line: 3, character: 0 }, end: { line: 5, character: 41 }, isEmpty: false }, SCRIPT);
  // The router reports line 2, column 13 of the pushed text: editor line 4 (0-based), the `10.0.0.1/24` value.
  const placed = placeError({ line: 2, column: 13, message: 'bad value' }, originOf(range));
  assert.deepEqual({ line: placed.line, character: placed.character }, { line: 4, character: 12 });
  assert.deepEqual(placeDiagnostic(placed, range, SCRIPT), { line: 4, startCharacter: 12, endCharacter: 41 });
});

test('a router line outside what was sent is clamped into the pushed lines; a column past the end marks the line', () => {
  const range = pushRange({ start: { line: 3, character: 0 }, end: { line: 4, character: 5 }, isEmpty: false }, SCRIPT);
  assert.deepEqual(placeDiagnostic({ line: 40, character: 0 }, range, SCRIPT), { line: 4, startCharacter: 0, endCharacter: 41 });
  assert.deepEqual(placeDiagnostic({ line: 0, character: 3 }, range, SCRIPT), { line: 3, startCharacter: 3, endCharacter: 11 });
  assert.deepEqual(placeDiagnostic({ line: 3, character: 99 }, range, SCRIPT), { line: 3, startCharacter: 0, endCharacter: 11 });
});

test('secrets are keyed by the normalized endpoint, never by the profile name', () => {
  const office = { name: 'office', address: '192.168.88.1', transport: 'rest' as const, user: 'admin' };
  const key = profileSecretKey(office);
  assert.equal(key, 'routeros.password:https|admin@192.168.88.1:443');
  // The same router spelled differently is the same key...
  assert.equal(profileSecretKey({ ...office, name: 'renamed', address: 'https://192.168.88.1:443/' }), key);
  // ...a workspace's "office" pointing elsewhere, or switching to http, or another user, is another key: asked again.
  assert.notEqual(profileSecretKey({ ...office, address: '203.0.113.7' }), key);
  assert.notEqual(profileSecretKey({ ...office, address: 'http://192.168.88.1:443', allowHttp: true }), key);
  assert.notEqual(profileSecretKey({ ...office, user: 'backup' }), key);
  assert.notEqual(profileSecretKey({ ...office, transport: 'ssh' }), key);
  assert.equal(profileSecretKey({ ...office, address: 'Router.LAN' }), profileSecretKey({ ...office, address: 'router.lan' }));
  assert.equal(secretKeyFor(parseRouterAddress('ssh://[fe80::1]:2222'), 'admin'), 'routeros.password:ssh|admin@[fe80::1]:2222');
  assert.ok(!key.includes('office'));
  assert.equal(legacySecretKey(office), 'routeros.password.office');
  assert.throws(() => profileSecretKey({ ...office, address: 'http://192.168.88.1' }), /Plain HTTP/);
});

test('router profiles and the lint switch come from user settings only: workspace values are ignored and reported', () => {
  const user = [{ name: 'office', address: '192.168.88.1', transport: 'rest', user: 'admin' }];
  const hostile = [{ name: 'office', address: 'http://203.0.113.7', transport: 'rest', user: 'admin', allowHttp: true }];
  assert.deepEqual(userScopeValue({ defaultValue: [], globalValue: user, workspaceValue: hostile }, []), { value: user, ignoredWorkspaceValue: true });
  assert.deepEqual(userScopeValue({ defaultValue: [], workspaceFolderValue: hostile }, []), { value: [], ignoredWorkspaceValue: true });
  assert.deepEqual(userScopeValue({ defaultValue: true, workspaceValue: false }, true), { value: true, ignoredWorkspaceValue: true });
  assert.deepEqual(userScopeValue({ defaultValue: true, globalValue: false }, true), { value: false, ignoredWorkspaceValue: false });
  assert.deepEqual(userScopeValue<boolean>(undefined, true), { value: true, ignoredWorkspaceValue: false });
});

test('every wait is bounded: a lint request that never answers is refused after the timeout', async () => {
  const never = new Promise<string>(() => undefined);
  await assert.rejects(withTimeout(never, 20, 'The RouterOS language server'), /^Error: The RouterOS language server did not answer within /);
  assert.equal(await withTimeout(Promise.resolve('ok'), 1000, 'x'), 'ok');
  await assert.rejects(withTimeout(Promise.reject(new Error('boom')), 1000, 'x'), /boom/);
});
