/**
 * The fast path for simple statements (server/src/core/simpleStatements.ts) must build exactly the tree the
 * Chevrotain parser builds: every corpus script, and random lines of the tokens it handles, parsed both ways.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { corpusScripts, corpusSkip } from './corpusScripts.js';
import { parseScript, parserOptions, type ParseResult } from '../../../server/src/core/parse.js';

function parseBothWays(text: string): { fast: ParseResult; parser: ParseResult } {
  parserOptions.simpleStatementFastPath = true;
  const fast = parseScript(text);
  parserOptions.simpleStatementFastPath = false;
  try {
    return { fast, parser: parseScript(text) };
  } finally {
    parserOptions.simpleStatementFastPath = true;
  }
}

function assertSame(text: string, label: string): void {
  const { fast, parser } = parseBothWays(text);
  assert.deepEqual(fast.script, parser.script, `${label}: the trees differ`);
  assert.deepEqual(fast.problems, parser.problems, `${label}: the problems differ`);
}


describe('the fast path for simple statements', () => {
  it('builds the same tree as the parser on every corpus script', { skip: corpusSkip }, () => {
    const scripts = corpusScripts();
    for (const [label, text] of scripts) assertSame(text, label);
    assert.ok(scripts.length >= 430, `${scripts.length} files`);
  });

  it('builds the same tree as the parser on random lines of words, strings, variables, `=` and `/`', () => {
    const piece = fc.constantFrom('add', 'chain', 'forward', 'x', '"a b"', '"q"', '$v', '$"n m"', '10.0.0.1/24', 'a-b');
    const joiner = fc.constantFrom(' ', '=', '', '/', ' = ', '; ', '\n', ':', ' /');
    const line = fc.array(fc.tuple(piece, joiner), { maxLength: 12 }).map((parts) => parts.map(([p, j]) => p + j).join(''));
    const start = fc.constantFrom('', '/', ':', '/ip ', '  ');
    fc.assert(
      fc.property(fc.array(fc.tuple(start, line), { maxLength: 6 }), (lines) => {
        assertSame(lines.map(([s, l]) => s + l).join('\n'), 'random');
      }),
      { numRuns: 400 },
    );
  });
});
