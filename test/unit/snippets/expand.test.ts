// Unit tests for the snippet expander used by snippets.test.ts: body in, expanded text out.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { expandSnippet, tabStopIndexes } from './expand.js';

const EXPANSIONS: ReadonlyArray<readonly [string, string | readonly string[], string]> = [
  ['placeholder takes its default', 'name=${1:pppoe-out1}', 'name=pppoe-out1'],
  ['bare tab stop without a placeholder is empty', 'a$1b', 'ab'],
  ['braced tab stop without a placeholder is empty', 'a${2}b', 'ab'],
  ['final cursor $0 is empty', 'done$0', 'done'],
  ['choice takes its first option', 'use-peer-dns=${1|yes,no|}', 'use-peer-dns=yes'],
  ['choice options may escape , and |', '${1|a\\,b,c|}', 'a,b'],
  ['mirror takes the placeholder value', '${1:vlan-isp} and $1 and ${1}', 'vlan-isp and vlan-isp and vlan-isp'],
  ['mirror before its placeholder still takes the value', '$1 then ${1:x}', 'x then x'],
  ['mirror of a choice takes the first option', '${1|tcp,udp|} $1', 'tcp tcp'],
  ['nested placeholders expand inside out', '${1:gateway=${2:pppoe-out1}} / $2', 'gateway=pppoe-out1 / pppoe-out1'],
  ['escaped dollar is a literal dollar', ':put \\$user', ':put $user'],
  ['escaped brace inside a placeholder', '${1:a\\}b}', 'a}b'],
  ['escaped backslash', 'a\\\\b', 'a\\b'],
  ['other backslashes stay literal (RouterOS continuation and \\")', 'x=\\"v\\" \\', 'x=\\"v\\" \\'],
  ['variable with default', '${TM_FILENAME:export.rsc}', 'export.rsc'],
  ['variable without default is empty', 'a${TM_FILENAME}b$TM_LINE_NUMBER', 'ab'],
  ['lone dollar stays literal', 'cost $ 5 and ${', 'cost $ 5 and ${'],
  ['unterminated placeholder stays literal', '${1:abc', '${1:abc'],
  ['transform on a mirror keeps the value', '${1:ab} ${1/a/A/}', 'ab ab'],
  ['body lines are joined with newlines', ['/ip dns', 'set servers=${1:1.1.1.1}'], '/ip dns\nset servers=1.1.1.1'],
  ['numbers after the index end the tab stop', 'dst-address=${1:8.8.8.8}/32 host=$1', 'dst-address=8.8.8.8/32 host=8.8.8.8'],
  ['a placeholder that contains itself does not loop', '${1:a$1b}', 'ab'],
];

describe('expandSnippet', () => {
  for (const [name, body, expected] of EXPANSIONS) {
    it(name, () => {
      assert.equal(expandSnippet(body), expected);
    });
  }
});

describe('tabStopIndexes', () => {
  it('lists placeholders, choices, mirrors and $0 once each, sorted', () => {
    assert.deepEqual(tabStopIndexes('${2:a} ${1|x,y|} $2 $0 ${3:${4:z}}'), [0, 1, 2, 3, 4]);
  });
  it('finds none in plain text and escaped dollars', () => {
    assert.deepEqual(tabStopIndexes('/ip dns print \\$1'), []);
  });
});
