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
import { buildGrammar } from '../syntaxes/build-grammar.mjs';

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
  if (files.length === 0) {
    console.log(`FAIL no grammar test files in ${relative(root, testDir)}`);
    failed++;
  }

  const registry = createRegistry([{ path: grammarPath, scopeName: 'source.routeros' }]);
  for (const file of files) {
    const name = relative(root, file);
    let testCase;
    try {
      testCase = parseGrammarTestCase(readFileSync(file, 'utf8'));
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
