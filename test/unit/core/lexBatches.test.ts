/**
 * The parser lexes a file in batches of whole top-level lines (parserOptions.batchTokens, lexInBatches). Where the
 * batches are cut must not change anything: every corpus script parsed with one line per batch and with the whole
 * file in one batch gives the same tree, problems and comments; so do random texts with brackets left open.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { corpusScripts, corpusSkip } from './corpusScripts.js';
import { lex, lexInBatches } from '../../../server/src/core/lexer.js';
import { parseScript, parserOptions, type ParseResult } from '../../../server/src/core/parse.js';

function parseWithBatches(text: string, batchTokens: number): ParseResult {
  const saved = parserOptions.batchTokens;
  parserOptions.batchTokens = batchTokens;
  try {
    return parseScript(text);
  } finally {
    parserOptions.batchTokens = saved;
  }
}

function assertBatchingInvisible(text: string, label: string): void {
  const whole = parseWithBatches(text, Infinity);
  const lineByLine = parseWithBatches(text, 1);
  assert.deepEqual(lineByLine.script, whole.script, `${label}: the trees differ`);
  assert.deepEqual(lineByLine.problems, whole.problems, `${label}: the problems differ`);
  assert.deepEqual(lineByLine.comments, whole.comments, `${label}: the comments differ`);
}


describe('lexing in batches', () => {
  it('hands out the same tokens as one pass, cut only after top-level line breaks', () => {
    const text = '/ip address\nadd address=1.1.1.1/24 interface=[find name="a\nb"]\n:if (1) do={\n:put 1\n}\n/system script\nadd source=":put 2"';
    const next = lexInBatches(text, 1);
    const batches: string[][] = [];
    for (let batch = next(); ; batch = next()) {
      batches.push(batch.tokens.map((t) => t.image));
      const last = batch.tokens[batch.tokens.length - 1];
      if (batch.done) break;
      assert.equal(last?.tokenType.name, 'Newline', 'a batch that is not the last ends with a line break');
      assert.equal(batch.topLevelBreaks[batch.topLevelBreaks.length - 1], batch.tokens.length - 1);
    }
    assert.deepEqual(batches.flat(), lex(text).tokens.map((t) => t.image));
    // The bracketed lines stay in one batch each: `[find ...]` spans a line break, and so does the `do={ }` block.
    assert.deepEqual(batches.map((b) => b.join(' ').trim().split(' ')[0]), ['/', 'add', ':', '/', 'add']);
  });

  it('parses every corpus script the same with one line per batch as with one batch', { skip: corpusSkip }, () => {
    const scripts = corpusScripts();
    for (const [label, text] of scripts) assertBatchingInvisible(text, label);
    assert.ok(scripts.length >= 430, `${scripts.length} files`);
  });

  it('parses random texts with unbalanced brackets, strings and comments the same either way', () => {
    const piece = fc.constantFrom('add', 'x=1', '"a', 'b"', '[find', ']', '{', '}', '(', ')', '# c', ':put', '/ip', '$v', '\\', 'do={', 'where');
    const text = fc.array(fc.tuple(piece, fc.constantFrom(' ', '\n', '\r\n', ';')), { maxLength: 40 }).map((parts) => parts.map(([p, j]) => p + j).join(''));
    fc.assert(fc.property(text, (t) => assertBatchingInvisible(t, JSON.stringify(t))), { numRuns: 300 });
  });
});
