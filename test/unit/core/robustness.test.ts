// The parser never throws, never hangs, and keeps every span inside the text, whatever it is given.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { grammar } from '../../../server/src/core/grammar.js';
import { parseScript, type ParseResult } from '../../../server/src/core/parse.js';
import { tokenize } from '../../../server/src/core/tokens.js';

/** Fails when a result shows an internal error or any span (tree, problem, comment) outside the text. */
function assertSound(text: string, result: ParseResult): void {
  for (const found of result.problems) {
    assert.ok(!found.message.startsWith('internal parser error'), found.message);
    assert.ok(found.span.start >= 0 && found.span.start <= found.span.end && found.span.end <= text.length, `problem span ${found.span.start}-${found.span.end}`);
  }
  for (const comment of result.comments) assert.ok(comment.start >= 0 && comment.start <= comment.end && comment.end <= text.length);
  const stack: unknown[] = [result.script];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'span' || key === 'nameSpan' || key === 'operatorSpan') {
          const span = child as { start: number; end: number };
          assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${key} ${span.start}-${span.end} in a text of ${text.length}`);
        } else {
          stack.push(child);
        }
      }
    }
  }
}

const ROUTEROS_CHARS = [...'abcdefxyz019 \t\n\r\\"\'$#;:=/.,!~<>+-*%&|^()[]{}@\u0000\u00ff'];
const routerosish = fc.array(fc.constantFrom(...ROUTEROS_CHARS), { maxLength: 300 }).map((chars) => chars.join(''));

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/valid');
const samples = fs.existsSync(CORPUS)
  ? fs.readdirSync(CORPUS).filter((file) => file.endsWith('.rsc')).sort().filter((_, index) => index % 13 === 0)
    .map((file) => fs.readFileSync(path.join(CORPUS, file), 'latin1').slice(0, 6000))
  : [':if ($a > 1) do={ :put "x$a" } else={ /ip address add address=1.2.3.4/24 }\n/system script add source=":put \\"$x\\""'];

describe('robustness', () => {
  it('passes Chevrotain\'s own grammar checks', () => {
    assert.doesNotThrow(() => grammar(true));
  });

  it('handles random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => assertSound(text, parseScript(text))), { numRuns: 300 });
  });

  it('handles random RouterOS-like text', () => {
    fc.assert(fc.property(routerosish, (text) => assertSound(text, parseScript(text))), { numRuns: 500 });
  });

  it('handles random binary, NUL bytes included', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
      const text = Buffer.from(bytes).toString('latin1');
      assertSound(text, parseScript(text));
      assert.ok(Array.isArray(tokenize(text)));
    }), { numRuns: 200 });
  });

  it('handles mutations of real scripts', () => {
    const mutation = fc.record({
      sample: fc.nat({ max: samples.length - 1 }),
      edits: fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.constantFrom('', '"', '{', '}', '[', ']', '(', ')', '\\', '\\\n', '$', '#', ';', '=', '\n', '\'', '\\q') }), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(fc.property(mutation, ({ sample, edits }) => {
      let text = samples[sample]!;
      for (const edit of edits) {
        const at = text.length === 0 ? 0 : edit.at % text.length;
        text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
      }
      assertSound(text, parseScript(text));
    }), { numRuns: 150 });
  });

  for (const [name, open, close] of [['brackets', '[', ']'], ['braces', '{', '}'], ['parentheses', '(', ')']] as const) {
    it(`survives 10,000 nested ${name} (closed and unclosed)`, () => {
      for (const text of [`:put ${open.repeat(10000)}1${close.repeat(10000)}`, `:put ${open.repeat(10000)}`, `:put "$[${open.repeat(10000)}"`]) {
        const result = parseScript(text);
        assertSound(text, result);
        assert.ok(result.problems.length > 0);
      }
    });
  }

  it('reports nesting beyond the bound once and reads on after it', () => {
    const text = `:put ${'['.repeat(300)}${']'.repeat(300)}\n:put 1`;
    const result = parseScript(text);
    assert.deepEqual(result.problems.map((found) => found.code), ['nesting-too-deep']);
    assert.equal(result.script.statements.length, 2);
  });

  it('handles a 100,000-character line and a long operator chain', () => {
    const long = `:put "${'x'.repeat(100000)}"\n:put (${Array.from({ length: 20000 }, (_, index) => index).join(' << ')})\n:put (${'1 + '.repeat(20000)}1)`;
    const result = parseScript(long);
    assertSound(long, result);
    assert.deepEqual(result.problems, []);
  });

  it('stays linear on lines that each open something they never close', () => {
    // Each of these once made every line rescan the rest of the file (40,000 lines took minutes).
    for (const line of [':put "$[x\n', ':put "abc\n', ':put (1\n', ':put "$("$[\n', '} #\n']) {
      const text = line.repeat(40000);
      const started = performance.now();
      const result = parseScript(text);
      const seconds = (performance.now() - started) / 1000;
      assert.ok(seconds < 15, `${JSON.stringify(line)} x 40000 took ${seconds.toFixed(1)} s`);
      assert.ok(result.problems.length >= 40000 && result.problems.length <= 80000, `${result.problems.length} problems`);
    }
  });

  it('parses 10 MB in bounded time', () => {
    const block = samples.join('\n');
    const text = block.repeat(Math.ceil(10_000_000 / Math.max(1, block.length))).slice(0, 10_000_000);
    const started = performance.now();
    const result = parseScript(text);
    const seconds = (performance.now() - started) / 1000;
    assertSound(text, result);
    assert.ok(seconds < 60, `took ${seconds.toFixed(1)} s`);
  });
});

describe('tokenize', () => {
  it('names token kinds for completion context', () => {
    const text = '/ip address add address=$a comment="x" disabled=(1 + 2)';
    assert.deepEqual(tokenize(text).map((token) => `${token.kind}:${token.text}`), [
      'SlashPrefix:/', 'Word:ip', 'Word:address', 'Word:add', 'Word:address', 'Equals:=', 'Variable:$a', 'Word:comment', 'Equals:=',
      'String:"x"', 'Word:disabled', 'Equals:=', 'LParen:(', 'Word:1', 'Operator:+', 'Word:2', 'RParen:)',
    ]);
  });

  it('gives spans as offsets and leaves comments out', () => {
    const text = '# c\n:put [find]';
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((token) => token.kind), ['Newline', 'ColonPrefix', 'Word', 'LBracket', 'Word', 'RBracket']);
    for (const token of tokens) assert.equal(text.slice(token.span.start, token.span.end), token.text);
  });

  it('marks `where` and the v7 slash path', () => {
    assert.deepEqual(tokenize('/ip/route print where gateway=1.1.1.1').map((token) => token.kind),
      ['SlashPrefix', 'Word', 'PathSep', 'Word', 'Word', 'Where', 'Word', 'Operator', 'Word']);
  });
});
