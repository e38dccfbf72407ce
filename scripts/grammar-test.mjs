// Runs the TextMate grammar tests in test/grammar/*.rsc with vscode-tmgrammar-test (vscode-textmate + oniguruma,
// the engine VS Code itself uses) and prints one line per failed assertion plus a final "N passed, N failed"
// line counting assertions. Exits 1 when an assertion fails, a test file cannot be parsed, or the generated
// grammar JSON is out of date with syntaxes/build-grammar.mjs.
//
// Usage (from the repository root): node scripts/grammar-test.mjs [test files...]
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGrammar, readScriptParameterNames } from '../syntaxes/build-grammar.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const grammarPath = join(root, 'syntaxes', 'routeros.tmLanguage.json');
const testDir = join(root, 'test', 'grammar');

// The tool is CommonJS; its library entry points are the same ones its own CLI (dist/unit.js) uses.
const require = createRequire(import.meta.url);
const { createRegistry } = require('vscode-tmgrammar-test/dist/common/index.js');
const { parseGrammarTestCase, runGrammarTestCase } = require('vscode-tmgrammar-test/dist/unit/index.js');

function checkGeneratedGrammarIsCurrent() {
  const expected = `${JSON.stringify(buildGrammar(), null, 2)}\n`;
  return readFileSync(grammarPath, 'utf8') === expected;
}

/**
 * Checks of language-configuration.json that the editor relies on: words stay whole, `'` is not a quote, and a
 * line ending in a backslash (not in a comment) continues indented by one unit. Returns one [description,
 * failure or ''] pair per check. The real editor's behaviour is tested in test/e2e/suite/editing.test.ts.
 */
function checkLanguageConfiguration() {
  const config = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8'));
  const results = [];
  const check = (description, failure) => results.push([description, failure]);

  const word = new RegExp(config.wordPattern, 'g');
  const wordCases = [
    ['/interface pppoe-client add add-default-route=yes', ['interface', 'pppoe-client', 'add', 'add-default-route', 'yes']],
    [':put ($myVar->"k") $1 $"my-var"', ['put', '$myVar', 'k', '$1', '$"my-var"']],
    ['dst-address=10.0.0.0/8 ranges=10.0.0.2-10.0.0.9 mac=AA:BB:CC:DD:EE:FF', ['dst-address', '10.0.0.0/8', 'ranges', '10.0.0.2-10.0.0.9', 'mac', 'AA:BB:CC:DD:EE:FF']],
    ['address=2001:db8::1/64 id=*1A t=1h30m', ['address', '2001:db8::1/64', 'id', '*1A', 't', '1h30m']],
  ];
  for (const [text, expected] of wordCases) {
    const actual = text.match(word) ?? [];
    check(`wordPattern splits ${JSON.stringify(text)}`,
      JSON.stringify(actual) === JSON.stringify(expected) ? '' : `got ${JSON.stringify(actual)}`);
  }

  check('line comment is #', config.comments?.lineComment === '#' ? '' : `got ${config.comments?.lineComment}`);
  const pairs = (config.autoClosingPairs ?? []).map((pair) => pair.open + pair.close);
  for (const expected of ['{}', '[]', '()', '""']) {
    check(`auto-closes ${expected}`, pairs.includes(expected) ? '' : `pairs are ${pairs.join(' ')}`);
  }
  check("does not auto-close ' (not a quote in RouterOS)", pairs.some((p) => p.includes("'")) ? 'found a quote pair' : '');

  // VS Code applies the first rule whose regexes all match; simulate that for the continuation cases.
  const rules = config.onEnterRules ?? [];
  const firstRule = (previousLine, currentLine) => rules.find((rule) =>
    new RegExp(rule.beforeText).test(currentLine) &&
    (rule.previousLineText === undefined || new RegExp(rule.previousLineText).test(previousLine)));
  // `indent` (not a typed "    ") so that the continuation indent and the outdent after it are the same unit, the
  // editor's; package.json sets that unit to four spaces for RouterOS files, as in exports.
  const first = firstRule('/ip address', '/interface pppoe-client add name=pppoe-out1 \\');
  check('Enter after a first continuation line indents by one indentation unit',
    first?.action?.indent === 'indent' && first?.action?.appendText === undefined ? '' : `rule ${JSON.stringify(first)}`);
  const middle = firstRule('/interface pppoe-client add \\', '    name=pppoe-out1 \\');
  check('Enter inside a continuation keeps the indentation',
    middle?.action?.indent === 'none' && middle?.action?.appendText === undefined ? '' : `rule ${JSON.stringify(middle)}`);
  const last = firstRule('    name=pppoe-out1 \\', '    disabled=no');
  check('Enter after the last continuation line outdents',
    last?.action?.indent === 'outdent' ? '' : `rule ${JSON.stringify(last)}`);
  const plain = firstRule('/ip address', 'add address=10.0.0.1/24 interface=ether1');
  check('Enter after an ordinary line applies no continuation rule', plain ? `rule ${JSON.stringify(plain)}` : '');
  // A backslash does not continue a comment (reference A.3/A.4): no continuation indent after one.
  for (const [previous, comment] of [['/ip address', '# the next line is not joined \\'], ['/ip address', '  # indented comment \\'], ['/ip address', ':put 1; # comment \\']]) {
    const rule = firstRule(previous, comment);
    check(`Enter after ${JSON.stringify(comment)} applies no continuation rule`, rule ? `rule ${JSON.stringify(rule)}` : '');
  }
  const afterComment = firstRule('# the next line is not joined \\', 'add address=10.0.0.1/24 interface=ether1');
  check('a line after a comment that ends in a backslash is not the end of a continuation', afterComment ? `rule ${JSON.stringify(afterComment)}` : '');
  const commentInside = firstRule('/interface pppoe-client add \\', '    # the user name comes next');
  check('a comment line inside a continued command does not outdent', commentInside ? `rule ${JSON.stringify(commentInside)}` : '');
  return results;
}

/**
 * The grammar colours the string value of every script-valued parameter of the parser's list as code (one list,
 * server/src/core/scriptParameters.ts, for the linter and the editor). Returns [description, failure] pairs.
 */
async function checkScriptParameters(registry) {
  const grammar = await registry.loadGrammar('source.routeros');
  const results = [];
  for (const name of readScriptParameterNames()) {
    for (const line of [`/system script set s ${name}="/ip address print"`, `:x ${name}="/ip address print"`]) {
      const { tokens } = grammar.tokenizeLine(line, null);
      const at = line.indexOf('"/') + 2;
      const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex);
      const scopes = token?.scopes ?? [];
      const ok = scopes.includes('meta.embedded.block.routeros') && scopes.includes('entity.name.tag.path.routeros');
      results.push([`${JSON.stringify(line)}: the string is code`, ok ? '' : `scopes at "ip": ${scopes.join(' ')}`]);
    }
  }
  return results;
}

/**
 * vscode-tmgrammar-test excludes scopes as `- a b`; a second ` - ` in one assertion makes its parser loop
 * forever, so such lines are refused before parsing. Returns the 1-based numbers of the offending lines.
 */
function assertionsWithTwoExclusions(text) {
  return text.split('\n').flatMap((line, index) => (/^#\s*(\^|<-)/.test(line) && line.split(' - ').length > 2 ? [index + 1] : []));
}

/** An assertion covers a character range; count each one so the summary says how much was checked. */
function countAssertions(testCase) {
  return testCase.assertions.reduce((sum, line) => sum + line.scopeAssertions.length, 0);
}

/** Failures come per token; an assertion fails once however many of its tokens are wrong. */
function failedAssertionKeys(failures, testCase) {
  const keys = new Set();
  for (const failure of failures) {
    const line = testCase.assertions.find((a) => a.testCaseLineNumber === failure.line);
    const index = line
      ? line.scopeAssertions.findIndex((a) => a.from < failure.end && a.to > failure.start)
      : -1;
    keys.add(`${failure.line}:${index}`);
  }
  return keys;
}

async function main() {
  const args = process.argv.slice(2);
  const files = args.length > 0
    ? args
    : readdirSync(testDir).filter((name) => name.endsWith('.rsc')).sort().map((name) => join(testDir, name));
  let passed = 0;
  let failed = 0;

  if (!checkGeneratedGrammarIsCurrent()) {
    console.log('FAIL syntaxes/routeros.tmLanguage.json is out of date: run node syntaxes/build-grammar.mjs');
    failed++;
  }
  for (const [description, failure] of checkLanguageConfiguration()) {
    if (failure) {
      console.log(`FAIL language-configuration.json: ${description}: ${failure}`);
      failed++;
    } else {
      passed++;
    }
  }
  if (files.length === 0) {
    console.log(`FAIL no grammar test files in ${relative(root, testDir)}`);
    failed++;
  }

  const registry = createRegistry([{ path: grammarPath, scopeName: 'source.routeros' }]);
  for (const [description, failure] of await checkScriptParameters(registry)) {
    if (failure) {
      console.log(`FAIL script-valued parameters: ${description}: ${failure}`);
      failed++;
    } else {
      passed++;
    }
  }
  for (const file of files) {
    const name = relative(root, file);
    let testCase;
    const text = readFileSync(file, 'utf8');
    const badLines = assertionsWithTwoExclusions(text);
    if (badLines.length > 0) {
      console.log(`FAIL ${name}: lines ${badLines.join(', ')}: write exclusions as "- scope.one scope.two", with one " - "`);
      failed++;
      continue;
    }
    try {
      testCase = parseGrammarTestCase(text);
    } catch (error) {
      console.log(`FAIL ${name}: cannot parse test file: ${error instanceof Error ? error.message : String(error)}`);
      failed++;
      continue;
    }
    const total = countAssertions(testCase);
    if (total === 0) {
      console.log(`FAIL ${name}: the file has no assertions`);
      failed++;
      continue;
    }
    const failures = await runGrammarTestCase(registry, testCase);
    for (const failure of failures) {
      const source = testCase.source[failure.srcLine] ?? '';
      const text = source.slice(failure.start, failure.end);
      const details = [
        failure.missing.length ? `missing ${failure.missing.join(' ')}` : '',
        failure.unexpected.length ? `unexpected ${failure.unexpected.join(' ')}` : '',
      ].filter(Boolean).join('; ');
      console.log(`FAIL ${name}:${failure.line + 1} ${JSON.stringify(text)} ${details}`);
      console.log(`     actual: ${failure.actual.join(' ') || '(no token)'}`);
    }
    const fileFailed = failedAssertionKeys(failures, testCase).size;
    failed += fileFailed;
    passed += total - fileFailed;
    console.log(`${fileFailed === 0 ? 'ok  ' : 'FAIL'} ${name} (${total - fileFailed}/${total} assertions)`);
  }

  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
  console.log(`FAIL grammar test run crashed: ${error instanceof Error ? error.stack : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
