/**
 * Property-based tests of the whole lint (parse, analysis, rules) with fast-check: on random and mutated
 * scripts it never throws, never reports an internal error, and every reported range lies inside the document.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { lintText } from '../../../server/src/lint.js';
import { LineIndex } from '../../../server/src/core/text.js';

/** Fragments that RouterOS scripts are made of, so that random input reaches deep into the grammar. */
const FRAGMENTS = [
  '/', '/ip firewall mangle', '/interface pppoe-client', 'add', 'set', 'print', 'where', '[find]', '[', ']', '{', '}', '(', ')',
  ':local', ':global', ':if', ':foreach', ':for', 'do=', 'else=', 'on-error=', 'in=', 'from=1', 'to=5', '$x', '$"a b"', '$(1+2)',
  '"', '"text"', '"$x"', '"\\n"', '\\', '\\\n', '\n', '\r\n', '\r', ';', '#', '# comment', 'name=', 'chain=forward', 'action=change-mss',
  'new-mss=1400', 'max-mtu=1500', 'interface=ether1', 'profile=x', '=', '->', '~', '.', ',', '!', '1.2.3.4/24', '1h30m', '*1A',
  'AA:BB:CC:DD:EE:FF', '2001:db8::1', 'source="', 'on-up="', '\\"', '\u0000', '\u00ff', ' ', '  ', '\t', '..', 'yes', 'no',
];

function assertWellFormed(text: string): void {
  const findings = lintText(text);
  const lines = new LineIndex(text);
  for (const f of findings) {
    assert.notEqual(f.code, 'internal-error', f.message);
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.lineCount, `line ${p.line} outside 0..${lines.lineCount - 1}`);
      assert.ok(p.character >= 0 && p.character <= lines.lineText(p.line).length, `character ${p.character} past the end of line ${p.line}`);
    }
    assert.ok(f.range.start.line < f.range.end.line || (f.range.start.line === f.range.end.line && f.range.start.character <= f.range.end.character), 'start after end');
  }
}

test('random fragment soup: never throws, ranges inside the document', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(' ')), assertWellFormed), { numRuns: 400 });
});

test('random unicode and binary: never throws, ranges inside the document', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), assertWellFormed), { numRuns: 300 });
});

const corpusDir = path.resolve(__dirname, '../../../../shared/corpus/valid');
const corpus = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.rsc')).sort().map((f) => fs.readFileSync(path.join(corpusDir, f), 'latin1')) : [];

test('mutated corpus scripts: never throws, ranges inside the document', { skip: corpus.length ? false : 'no corpus beside the project' }, () => {
  const mutation = fc.record({
    file: fc.nat({ max: corpus.length - 1 }),
    edits: fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 20 }), insert: fc.constantFrom(...FRAGMENTS) }), { minLength: 1, maxLength: 8 }),
  });
  fc.assert(
    fc.property(mutation, ({ file, edits }) => {
      let text = corpus[file]!.slice(0, 20_000);
      for (const edit of edits) {
        const at = edit.at % (text.length + 1);
        text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
      }
      assertWellFormed(text);
    }),
    { numRuns: 150 },
  );
});

test('pathological inputs finish with a result: 100,000-character line, 10,000 nested brackets, NUL bytes', () => {
  for (const text of [
    `:put "${'a'.repeat(100_000)}"\n`,
    `:put ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    `:put ${'('.repeat(10_000)}\n`,
    `/ip address add ${'{'.repeat(10_000)}\n`,
    '\u0000'.repeat(10_000),
    `${'"'.repeat(5_000)}\n${'\\\n'.repeat(5_000)}`,
  ]) {
    assertWellFormed(text);
  }
});
