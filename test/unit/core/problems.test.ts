// Syntax problems: exact ranges, messages a network engineer can act on, and no cascades.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemLines, sketch } from './helpers.js';

/** [script, every problem as `line:col-line:col code message`]. */
const CASES: [string, string[]][] = [
  [':put "abc\n:put 1\n:put 2', ['1:6-1:10 unterminated-string unterminated string that starts at 1:6: add the closing `"`']],
  [':if ($a) do={ :put 1 } else { :put 2 }', ['1:24-1:28 missing-equals `else` needs `=`: write `else={`']],
  [':if ($a) do { :put 1 }', ['1:10-1:12 missing-equals `do` needs `=`: write `do={`']],
  ['if ([$ok]) {\n  :put 1\n}', ['1:12-1:13 missing-equals `if` needs `do=` before its block: write `do={`']],
  [':put [/ip route find\n:put 1', ['1:6-1:7 unbalanced-bracket missing `]` to close the `[` at 1:6']],
  [':put 1 }\n:put 2', ['1:8-1:9 unbalanced-bracket unexpected `}`: no block is open (an extra `}`, or a `{` missing before it)']],
  [':put (1 ]', ['1:6-1:7 unbalanced-bracket missing `)` to close the `(` at 1:6']],
  ['add list=\'x\' comment=\'y\'', ['1:10-1:11 single-quote `\'` is not a quote in RouterOS: use `"` around text']],
  ['/ip route add gateway = 3.3.3.3', ['1:22-1:24 space-before-equals no space is allowed before `=`: write `gateway=`']],
  [':for i from = 1 to = 2 do={ :put $i }', [
    '1:12-1:14 space-before-equals no space is allowed before `=`: write `from=`',
    '1:19-1:21 space-before-equals no space is allowed before `=`: write `to=`',
  ]],
  [':if ($a = 1\n) do={ :put 1 }', [
    '1:5-1:6 unbalanced-bracket missing `)` to close the `(` at 1:5: a `( )` group must end on the same line (or continue it with `\\` at the end of the line)',
    '2:3-2:6 syntax a command cannot start with `do=`: if this line continues the previous one, end that line with `\\`',
  ]],
  [':log info ("a".$i."b"; \n:put 2', ['1:11-1:12 unbalanced-bracket missing `)` to close the `(` at 1:11 before `;`']],
  [':put 1 \\ :put 2', ['1:8-1:9 stray-backslash a `\\` outside a string must be the last character of the line (a line continuation); remove it or move the rest to the next line']],
  [':put $', ['1:6-1:7 syntax `$` must be followed by a variable name (`$name` or `$"name with-dashes"`)']],
  [':put 2 #c', ['1:8-1:10 misplaced-comment `#` starts a comment only at the start of a command; here it is read as an extra value: put the comment on its own line']],
  [':local x 2 #c', ['1:12-1:14 misplaced-comment `#` starts a comment only at the start of a command; here it is read as an extra value: put the comment on its own line']],
  [':if (true) do={ :put 1 } # c', ['1:26-1:29 misplaced-comment `#` starts a comment only at the start of a command, not after `}`: put the comment on its own line']],
  [':put (1,#x)', ['1:9-1:11 misplaced-comment `#` does not start a comment inside an expression: close the `( )` first, or put the comment on its own line']],
  [':local t {}', ['1:10-1:12 empty-array an empty array `{}` is a syntax error in RouterOS: use `[:toarray ""]`']],
  ['/tool fetch url=x /import file=y', ['1:19-1:26 syntax `/import` looks like the start of another command: put it on its own line or after `;`']],
  ['/certificate add name=CA\norganization="X" unit="Y"', ['2:1-2:14 syntax a command cannot start with `organization=`: if this line continues the previous one, end that line with `\\`']],
  ['add name=abc"def" comment=x', ['1:13-1:14 syntax stray `"` right after `abc`: quote the whole value ("...") or remove this quote']],
  [':put "a"b', ['1:9-1:10 syntax `b` is stuck to the closing `"` before it: put a space between them, or move it inside the quotes']],
  ['= 5', ['1:1-1:2 syntax `=` needs a parameter name right before it (`name=value`)']],
  [':put ($a +)', ['1:10-1:11 syntax missing value after `+`']],
  ['/ip address print where', ['1:19-1:24 syntax `where` needs a condition after it (e.g. `where disabled=no`)']],
];

describe('syntax problems', () => {
  for (const [script, expected] of CASES) {
    it(JSON.stringify(script), () => assert.deepEqual(problemLines(script), expected));
  }
});

describe('no cascades', () => {
  it('reports an unclosed block once and still reads every later line', () => {
    const text = ':if (1) do={\n:put 1\n/ip address print\n:put 2';
    assert.deepEqual(problemLines(text), ['1:12-1:13 unbalanced-bracket missing `}` to close the `{` at 1:12']);
    assert.equal(sketch(text), ':if (number:1) do={:put 1; /ip address print; :put 2}');
  });

  it('cuts a never-closed string at the end of its line and reads the next lines as code', () => {
    const text = ':local a "x\n:local b 1\n/ip address add address=1.2.3.4';
    assert.equal(problemLines(text).length, 1);
    assert.equal(sketch(text), ':local a "x"; :local b 1; /ip address add address=ip:1.2.3.4');
  });

  it('keeps a stray quote in an export from flipping the quotes of the lines after it', () => {
    const text = '/ip dns static\nadd name=machine.tld". comment=A\nadd name=b comment="x y"\nadd name=c comment="z"';
    assert.deepEqual(problemLines(text), ['2:21-2:22 syntax stray `"` right after `machine.tld`: quote the whole value ("...") or remove this quote']);
  });

  it('ends a `[` that is still open when the next line starts a new command', () => {
    const text = '/ip firewall address-list remove [find list="x"\n/ip firewall address-list\nadd address=1.2.3.4 list=x';
    assert.deepEqual(problemLines(text), ['1:34-1:35 unbalanced-bracket missing `]` to close the `[` at 1:34']);
    assert.equal(sketch(text), '/ip firewall address-list remove [find list="x"]; /ip firewall address-list; add address=ip:1.2.3.4 list=x');
  });

  it('keeps a `[ ]` that goes on over an indented line', () => {
    assert.deepEqual(problemLines(':put [/ip address get\n  [find] address]'), []);
  });

  it('reports a `#` inside an array, where RouterOS reads no comment, and accepts one in a code block', () => {
    assert.deepEqual(problemLines(':local a {\n  "x"; # note\n  "y"\n}'), [
      '2:8-2:9 misplaced-comment `#` inside an array is not a comment: RouterOS rejects it; put the comment on its own line outside the array',
    ]);
    assert.deepEqual(problemLines(':if (1) do={\n  # fine here\n  :put 1\n}'), []);
    assert.deepEqual(problemLines(':global lists {\n#  "old"={1;2};\n  "new"={3;4}\n}'), [], 'a line that starts with `#` is skipped');
  });

  it('keeps a `[` that ends its line open for the command on the next lines', () => {
    assert.deepEqual(problemLines(':put [\n:len "abc"]'), []);
  });

  it('reports a pasted banner once', () => {
    assert.deepEqual(problemLines('*****\n* banner *\n*****\n:put 1'), [
      '1:1-3:6 syntax `*****` cannot start a command: a command starts with a letter, `/` or `:` (if this line is a comment, start it with `#`) (and the next 2 lines)',
    ]);
  });

  it('does not stop at the first error', () => {
    const text = ':put "a\\q"\n:put (1 +)\n:put 1 }\n:local x {}\n';
    assert.deepEqual(problemLines(text).map((line) => line.split(' ')[0]), ['1:8-1:10', '2:9-2:10', '3:8-3:9', '4:10-4:12']);
  });
});
