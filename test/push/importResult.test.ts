// Import output parsing: recorded RouterOS texts in, one readable line out. Line mapping with a selection offset.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseImportOutput, type ImportOutcome } from '../../server/src/push/importResult.js';
import { placeError } from '../../server/src/push/push.js';

function describe(outcome: ImportOutcome): string {
  switch (outcome.kind) {
    case 'success':
    case 'dry-run-clean':
    case 'missing-file':
    case 'unknown':
      return outcome.kind;
    case 'error-without-line':
      return `${outcome.kind} ${outcome.message}`;
    case 'dry-run-errors':
      return `${outcome.kind} count=${outcome.reportedCount ?? '-'} ` + outcome.errors.map((e) => `${e.line}:${e.column ?? '-'} ${e.message}`).join(' | ');
    default:
      return `${outcome.kind} ` + outcome.errors.map((e) => `${e.line}:${e.column ?? '-'} ${e.message}${e.command ? ` [${e.command}]` : ''}`).join(' | ');
  }
}

const applyCases: Array<[string, string, string]> = [
  ['success', 'Opening script file push.rsc\r\n\r\nScript file loaded and executed successfully\r\n', 'success'],
  ['syntax error', 'expected name value (line 7 column 1)', 'syntax-error 7:1 expected name value'],
  ['syntax error with prefix', 'Script Error: bad command name this (line 3 column 5)', 'syntax-error 3:5 bad command name this'],
  [
    'runtime error',
    'Script Error: failure: already have interface with name bridge (/interface/bridge/add; line 2) (:import; line 1)',
    'runtime-error 2:- failure: already have interface with name bridge [/interface/bridge/add]',
  ],
  [
    'runtime error over the API (parenthesis inside the command)',
    'input does not match any value of list (/interface/list/member/add (list); line 5)',
    'runtime-error 5:- input does not match any value of list [/interface/list/member/add (list)]',
  ],
  [
    'runtime error with parentheses inside the message',
    'Script Error: value of activation-timeout is out of range (00:00:10 .. 1d00:00:00) (/ppp/profile/add; line 12) (:import; line 1)',
    'runtime-error 12:- value of activation-timeout is out of range (00:00:10 .. 1d00:00:00) [/ppp/profile/add]',
  ],
  ['verbose trap without a line uses the last echoed #line', '#line 1\r\n/interface bridge add name=a\r\n#line 2\r\n/interface bridge add name=a\r\nScript Error: failure: already have interface with name a\r\n', 'runtime-error 2:- failure: already have interface with name a'],
  ['error without any line', 'Script Error: failure: something odd', 'error-without-line failure: something odd'],
  ['missing file', 'Cannot open import file, file does not exist (:import; line 1)', 'missing-file'],
  ['empty output is unknown, never success', '', 'unknown'],
  ['unrecognised output is unknown', 'Opening script file push.rsc\r\n', 'unknown'],
  [
    'the success words printed by the script, then output cut short, are unknown',
    'Opening script file push.rsc\r\nScript file loaded and executed successfully\r\nsetting up\r\n',
    'unknown',
  ],
  ['an error wins over a success line', 'Script file loaded and executed successfully\nScript Error: failure: x (/ip/address/add; line 4) (:import; line 1)', 'runtime-error 4:- failure: x [/ip/address/add]'],
];

for (const [name, text, expected] of applyCases) {
  test(`import output: ${name}`, () => {
    assert.equal(describe(parseImportOutput(text, false)), expected);
  });
}

const dryRunCases: Array<[string, string, string]> = [
  ['clean', 'No syntax errors found in the import file\r\n', 'dry-run-clean'],
  [
    'errors with #line markers',
    '#line 1\r\nthis is wrong\r\nbad command name this (line 1 column 1)\r\n#line 4\r\n/ip address add adress=1.2.3.4\r\nexpected end of command (line 1 column 16)\r\n#line 9\r\n/x \\\r\n  y=1\r\nbad command name y (line 2 column 3)\r\nScript Error: found 3 error(s) in import file\r\n',
    'dry-run-errors count=3 1:1 bad command name this | 4:16 expected end of command | 10:3 bad command name y',
  ],
  ['only the count (as the API reports it)', 'found 5 error(s) in import file', 'dry-run-errors count=5 '],
  ['no report at all is unknown', '', 'unknown'],
];

for (const [name, text, expected] of dryRunCases) {
  test(`dry-run output: ${name}`, () => {
    assert.equal(describe(parseImportOutput(text, true)), expected);
  });
}

test('router lines map to editor lines with the selection offset', () => {
  const lines = [
    placeError({ line: 1, column: 3, message: 'a' }, { line: 10, character: 4 }),
    placeError({ line: 3, column: 2, message: 'b' }, { line: 10, character: 4 }),
    placeError({ line: 2, message: 'c', command: '/ip/address/add' }, { line: 0, character: 0 }),
  ].map((p) => `${p.line}:${p.character} router-line ${p.routerLine} ${p.message}`);
  assert.deepEqual(lines, ['10:6 router-line 1 a', '12:1 router-line 3 b', '1:0 router-line 2 c (/ip/address/add)']);
});

test('one line rule for both modes: a position after a #line marker counts from that statement', () => {
  // The same report read as a dry run and as a verbose import: the same file lines, whichever mode.
  const report = '#line 4\r\n/ip address add adress=1.2.3.4\r\nexpected end of command (line 1 column 16)\r\n#line 9\r\n/x \\\r\n  y=1\r\nbad command name y (line 2 column 3)\r\n';
  const dry = parseImportOutput(report, true);
  const real = parseImportOutput(report, false);
  assert.equal(describe(dry), 'dry-run-errors count=- 4:16 expected end of command | 10:3 bad command name y');
  // The real import stops at its first error: the same line the dry run gave for it.
  assert.equal(describe(real), 'syntax-error 4:16 expected end of command');
});

test('a runtime error printed after a #line marker counts from that statement too', () => {
  const report = '#line 6\r\n/interface bridge port add bridge=br1 \\\r\n  interface=ether9\r\nfailure: no such interface (/interface/bridge/port/add; line 2)\r\n';
  assert.equal(describe(parseImportOutput(report, false)), 'runtime-error 7:- failure: no such interface [/interface/bridge/port/add]');
  assert.equal(describe(parseImportOutput(report, true)), 'dry-run-errors count=- 7:- failure: no such interface');
});

test('without markers a position is a file line in both modes', () => {
  assert.equal(describe(parseImportOutput('expected name value (line 7 column 1)', true)), 'dry-run-errors count=- 7:1 expected name value');
  assert.equal(describe(parseImportOutput('expected name value (line 7 column 1)', false)), 'syntax-error 7:1 expected name value');
});
