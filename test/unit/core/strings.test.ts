// String literals: escapes, interpolation parts, and code in strings parsed with spans mapped to the file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommandStatement, Expression, StringLiteral } from '../../../server/src/core/ast.js';
import { parseScript } from '../../../server/src/core/parse.js';
import { problemLines, sketch, sketchExpression, spanText } from './helpers.js';

/** The value of the first argument of the first command. */
function firstValue(text: string): Expression {
  const statement = parseScript(text).script.statements[0] as CommandStatement;
  const arg = statement.args[0]!;
  assert.ok(arg.kind === 'positional' || arg.kind === 'named');
  return arg.value!;
}

function lastNamedString(text: string): StringLiteral {
  const statement = parseScript(text).script.statements[0] as CommandStatement;
  const arg = statement.args[statement.args.length - 1]!;
  assert.ok(arg.kind === 'named' && arg.value?.kind === 'string');
  return arg.value;
}

describe('escapes', () => {
  it('decodes every valid escape', () => {
    const value = firstValue(':put "a\\"b\\\\c\\n\\r\\t\\$\\_\\?\\a\\b\\f\\v\\41\\4F"');
    assert.equal(value.kind, 'string');
    assert.equal(value.kind === 'string' && value.value, 'a"b\\c\n\r\t$ ?\x07\b\f\vAO');
  });

  it('joins a backslash continuation inside a string (CRLF too) and drops the export indentation', () => {
    for (const text of [':put "a\\\n    b"', ':put "a\\\r\n    b"', ':put "a\\  \n b"']) {
      assert.deepEqual(problemLines(text), []);
      const value = firstValue(text);
      assert.equal(value.kind === 'string' && value.value, 'ab', text);
    }
  });

  it('reports each invalid escape with its exact range', () => {
    assert.deepEqual(problemLines(':put "bad \\q and \\0a and \\x"'), [
      '1:11-1:13 invalid-escape `\\q` is not a RouterOS escape: write `\\\\` for a backslash; valid escapes are \\" \\\\ \\n \\r \\t \\$ \\_ \\? \\a \\b \\f \\v and \\XX (two upper-case hex digits)',
      '1:18-1:21 invalid-escape `\\0a` is not a RouterOS escape: a hex escape needs two upper-case digits (`\\0A`)',
      '1:26-1:28 invalid-escape `\\x` is not a RouterOS escape: write `\\\\` for a backslash; valid escapes are \\" \\\\ \\n \\r \\t \\$ \\_ \\? \\a \\b \\f \\v and \\XX (two upper-case hex digits)',
    ]);
  });

  it('reads \\ff as \\f then f and \\aF as \\a then F', () => {
    assert.deepEqual(problemLines(':put "\\ff\\aF"'), []);
  });
});

describe('interpolation', () => {
  it('splits text and $x / $"q" / $(expr) / $[cmd] parts, with nested quotes inside $[ ]', () => {
    const text = ':put "v=$x q=$"my-var" e=$($a + 1) c=$[:pick "abc" 0 1]!"';
    assert.deepEqual(problemLines(text), []);
    const value = firstValue(text);
    assert.ok(value.kind === 'string');
    const parts = value.parts.map((part) => (part.kind === 'text' ? `text:${part.value}` : `${spanText(text, part.span)} -> ${sketchExpression(part.expression)}`));
    assert.deepEqual(parts, [
      'text:v=', '$x -> $x', 'text: q=', '$"my-var" -> $my-var', 'text: e=', '$($a + 1) -> ((+ $a number:1))',
      'text: c=', '$[:pick "abc" 0 1] -> [:pick "abc" flag:0 flag:1]', 'text:!',
    ]);
  });

  it('keeps spans inside interpolations as file offsets', () => {
    const text = ':put "n=$[/ip address get [find] address]"';
    const value = firstValue(text);
    assert.ok(value.kind === 'string');
    const part = value.parts[1]!;
    assert.ok(part.kind === 'interpolation' && part.expression.kind === 'substitution');
    const inner = part.expression.statements[0]!;
    assert.ok(inner.kind === 'command');
    assert.deepEqual(inner.words.map((word) => spanText(text, word.span)), ['ip', 'address', 'get']);
  });

  it('reports a problem inside an interpolation at its place in the file', () => {
    assert.deepEqual(problemLines(':put "x=$(1 +)"'), ['1:13-1:14 syntax missing value after `+`']);
  });
});

describe('code in strings', () => {
  it('parses source= and maps spans back through escapes and continuations', () => {
    const text = '/system script add name=s source="/ip address\\r\\\n    \\nadd comment=\\"a\\\\\\\\b\\" interface=ether1"';
    assert.deepEqual(problemLines(text), []);
    const source = lastNamedString(text);
    assert.ok(source.nested);
    const commands = source.nested.statements.filter((statement) => statement.kind === 'command');
    const add = commands[1]!;
    assert.ok(add.kind === 'command');
    assert.equal(spanText(text, add.words[0]!.span), 'add');
    const comment = add.args[0]!;
    assert.ok(comment.kind === 'named' && comment.value?.kind === 'string');
    // The nested string is `"a\\b"` in the code; in the file it is written `\"a\\\\b\"`.
    assert.equal(spanText(text, comment.value.span), '\\"a\\\\\\\\b\\"');
    assert.equal(comment.value.value, 'a\\b');
    assert.equal(spanText(text, add.args[1]!.span), 'interface=ether1');
  });

  it('parses on-up=, on-event=, :parse and :execute strings, not ordinary ones', () => {
    assert.equal(sketch('/ppp profile set x on-up=":log info \\$user"'), '/ppp profile set x on-up=":log info $user"<code: :log info $user>');
    assert.equal(sketch(':local f [:parse ":put hello"]'), ':local f [:parse ":put hello"<code: :put hello>]');
    assert.equal(sketch(':execute ":put 1"'), ':execute ":put 1"<code: :put 1>');
    assert.equal(sketch('add comment=":put 1"'), 'add comment=":put 1"');
  });

  it('skips code that holds a $-substitution (its text is only known when the script runs)', () => {
    const source = lastNamedString('/tool netwatch add down-script=":log warning \\"$host down\\""');
    assert.equal(source.nested, undefined);
  });

  it('reports problems in code at the exact file place, marked as nested', () => {
    const text = '/system script add source=":put (1 + )"';
    const result = parseScript(text);
    assert.deepEqual(problemLines(text, result), ['1:36-1:37 syntax missing value after `+` (in the code inside this string)']);
    assert.deepEqual(result.problems[0]!.data, { nested: true });
  });

  it('maps positions in nested messages to file line:column', () => {
    assert.deepEqual(problemLines('\n/system script add source="\\\n    :put (2"'), [
      '3:10-3:11 unbalanced-bracket missing `)` to close the `(` at 3:10 (in the code inside this string) '.replace(/ $/, ''),
    ]);
  });
});

describe('a `$` right before the closing quote', () => {
  it('is a dollar sign: the string ends there and the next lines stay code', () => {
    const text = ':put "x$"\n:put "y"\n:put 1';
    assert.deepEqual(problemLines(text), []);
    assert.equal(sketch(text), ':put "x$"; :put "y"; :put 1');
  });

  it('still reads `$"name"` on one line as a quoted variable', () => {
    const value = firstValue(':put "v=$"my var""');
    assert.ok(value.kind === 'string');
    assert.deepEqual(value.parts.map((part) => part.kind), ['text', 'interpolation']);
  });
});

describe('code in a string completed by interpolation', () => {
  it('has its syntax checked with the interpolations standing in as words', () => {
    assert.deepEqual(problemLines('/system script add name=x source=":put $x; :if (1) do={ :put 2 "'), [
      '1:55-1:56 unbalanced-bracket missing `}` to close the `{` at 1:55 (in the code inside this string)',
    ]);
    assert.deepEqual(problemLines('/system scheduler add name=a on-event="/system script run $name"'), []);
  });

  it('is left alone when an interpolation completes an escape', () => {
    // The stored code is `[:parse "(\"\\$c\")"]`: `\` + the value of $c make an escape inside the inner string.
    assert.deepEqual(problemLines('/system script add name=x source="[:parse \\"(\\\\\\"\\\\\\\\\\$c\\\\\\")\\"]"'), []);
  });
});

