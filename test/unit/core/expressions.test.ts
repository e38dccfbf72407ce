// Expressions: the measured precedence table (facts A.8), prefix operators, literal kinds, missing operands.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyWord } from '../../../server/src/core/literals.js';
import { problemLines, sketch } from './helpers.js';

const VALID: [string, string][] = [
  ['(1 + 2 * 3)', '(+ number:1 (* number:2 number:3))'],
  ['(1 - 2 - 3)', '(- (- number:1 number:2) number:3)'],
  ['($a || $b && $c)', '(|| $a (&& $b $c))'],
  ['($a or $b and !$c)', '(or $a (and $b (!$c)))'],
  ['(1.1.1.1/32 in 1.0.0.0/8)', '(in ipPrefix:1.1.1.1/32 ipPrefix:1.0.0.0/8)'],
  ['("a" . $b . "c")', '(. (. "a" $b) "c")'],
  ['($a . 1 + 2)', '(. $a (+ number:1 number:2))'],
  ['(1 << 2 << 3)', '(<< number:1 (<< number:2 number:3))'],
  ['($a->"aX"->0)', '(-> (-> $a "aX") number:0)'],
  ['(-1 + -$x)', '(+ number:-1 (-$x))'],
  ['(~1.2.3.4 & 255.255.0.0 | 0.0.0.1 ^ 1.1.1.1)', '(| (& (~ip:1.2.3.4) ip:255.255.0.0) (^ ip:0.0.0.1 ip:1.1.1.1))'],
  ['($x = 1, $y != 2)', '(, (= $x number:1) (!= $y number:2))'],
  ['($x < 1 in $y)', '(in (< $x number:1) $y)'],
  ['($x <= 1 && $y >= 2)', '(&& (<= $x number:1) (>= $y number:2))'],
  ['($a % 2 * 3)', '(* (% $a number:2) number:3)'],
  ['(> [:put 1])', '(>[:put 1])'],
  ['(any $x)', '(any$x)'],
  ['($f <%% {1;2})', '(<%% $f array{number:1; number:2})'],
  ['([:len $x] > 0)', '(> [:len $x] number:0)'],
  ['(10 / 2)', '(/ number:10 number:2)'],
  ['(.1 + *1A)', '(+ time:.1 id:*1A)'],
  ['($x ~ "^a")', '(~ $x "^a")'],
  ['(2001:db8::1 in ::/0)', '(in ip6:2001:db8::1 ip6Prefix:::/0)'],
  ['(00:11:22 + 1h)', '(+ time:00:11:22 time:1h)'],
  ['($"my-var" + $1)', '(+ $my-var $1)'],
  ['( !template !disabled )', '(and (!template) (!disabled))'],
];

describe('expressions', () => {
  for (const [expression, expected] of VALID) {
    it(expression, () => {
      const script = `:put ${expression}`;
      assert.deepEqual(problemLines(script), []);
      assert.equal(sketch(script), `:put (${expected})`);
    });
  }

  const BROKEN: [string, string[]][] = [
    [':put ( < 100)', ['1:8-1:9 syntax missing value before `<`']],
    [':put ($a . . "x")', ['1:10-1:13 syntax missing value between `.` and `.`']],
    [':put ($a +)', ['1:10-1:11 syntax missing value after `+`']],
    [':put (!)', ['1:7-1:8 syntax missing value after `!`']],
  ];
  for (const [script, expected] of BROKEN) {
    it(`reports ${JSON.stringify(script)}`, () => assert.deepEqual(problemLines(script), expected));
  }
});

describe('literal kinds', () => {
  const KINDS: [string, string][] = [
    ['42', 'number'], ['-7', 'number'], ['0xFF', 'number'], ['0X10', 'word'],
    ['true', 'bool'], ['no', 'bool'],
    ['192.168.88.1', 'ip'], ['10.1', 'ip'], ['1.256', 'time'], ['10.0.0.0/8', 'ipPrefix'], ['10.0.0.1-10.0.0.9', 'ipRange'],
    ['2001:db8::1', 'ip6'], ['::/0', 'ip6Prefix'], ['AA:BB:CC:DD:EE:FF', 'mac'],
    ['00:11:22', 'time'], ['1h30m', 'time'], ['1w2d03:04:05', 'time'], ['100ms', 'time'], ['1s1m', 'time'],
    ['*1A', 'id'], ['ether1', 'word'], ['established,related', 'word'], ['8h-16h,mon', 'word'], ['add', 'word'],
  ];
  for (const [text, kind] of KINDS) it(`${text} is ${kind}`, () => assert.equal(classifyWord(text), kind));
});
