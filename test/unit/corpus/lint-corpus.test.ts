/**
 * The linter against the shared corpus of real scripts (../shared/corpus, beside the project):
 * - every valid script lints with no error, with the bundled schema and with RouterOS 7.22.3's command tree;
 * - every broken script (but the disputed ones) gets at least one error, the first within one line of the fault;
 * - the disputed ones get none.
 * Skipped, with a message, when ../shared is not there.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lintText } from '../../../server/src/lint.js';
import { createLanguageServices } from '../../../server/src/services.js';
import { readScript } from '../../../server/src/cli/files.js';

const shared = path.resolve(__dirname, '../../../../shared');
const validDir = path.join(shared, 'corpus/valid');
const brokenDir = path.join(shared, 'corpus/broken');
const tree = path.join(shared, 'restraml/7.22.3/inspect.json');
const haveCorpus = fs.existsSync(validDir) && fs.existsSync(brokenDir);
const skip = haveCorpus ? false : 'the shared corpus is not beside the project (../shared/corpus)';

/**
 * Valid-corpus files that the linter flags anyway, each with the reason. Keep this list short and explained:
 * an entry is a known disagreement between the linter and a script nobody checked on a router.
 */
const VALID_EXCEPTIONS: Record<string, string> = {};

/**
 * Line of the fault in each broken file (1-based, in the file as stored in the corpus), read from the router's
 * message where it names one, else from the description in BROKEN.tsv. `versionTarget`: lint as that version.
 */
const BROKEN_FAULTS: Record<string, { line?: number; rosVersion?: string; reason?: string }> = {};

function errorsOf(file: string, options: Parameters<typeof lintText>[1] = {}) {
  return lintText(readScript(file), options).filter((f) => f.severity === 'error');
}

test('valid corpus: no errors with the bundled schema', { skip }, () => {
  const failures: string[] = [];
  const files = fs.readdirSync(validDir).filter((f) => f.endsWith('.rsc')).sort();
  assert.ok(files.length >= 390, `expected the 390 corpus files, found ${files.length}`);
  for (const name of files) {
    if (VALID_EXCEPTIONS[name]) continue;
    const errors = errorsOf(path.join(validDir, name));
    if (errors.length) failures.push(`${name}:${errors[0]!.range.start.line + 1}:${errors[0]!.range.start.character + 1} ${errors[0]!.code} ${errors[0]!.message} (+${errors.length - 1})`);
  }
  assert.deepEqual(failures, []);
});

test('valid corpus: no errors with the RouterOS 7.22.3 command tree loaded', { skip: skip || (!fs.existsSync(tree) && 'no 7.22.3 command tree in ../shared/restraml') }, () => {
  const services = createLanguageServices({ commandTreeFile: tree });
  assert.equal(services.commandTreeError, undefined);
  const failures: string[] = [];
  for (const name of fs.readdirSync(validDir).filter((f) => f.endsWith('.rsc')).sort()) {
    if (VALID_EXCEPTIONS[name]) continue;
    const errors = errorsOf(path.join(validDir, name), { services });
    if (errors.length) failures.push(`${name}:${errors[0]!.range.start.line + 1} ${errors[0]!.code} ${errors[0]!.message} (+${errors.length - 1})`);
  }
  assert.deepEqual(failures, []);
});

interface BrokenRow {
  readonly file: string;
  readonly category: string;
  readonly routerError: string;
}

function brokenRows(): BrokenRow[] {
  const lines = fs.readFileSync(path.join(brokenDir, 'BROKEN.tsv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return { file: cells[col('file')]!, category: cells[col('category')]!, routerError: cells[col('router_error')] ?? '' };
  });
}

test('broken corpus: an error on every script that is not disputed, near the fault', { skip }, () => {
  const failures: string[] = [];
  for (const row of brokenRows()) {
    if (row.category === 'disputed') continue;
    const fault = BROKEN_FAULTS[row.file] ?? {};
    const errors = errorsOf(path.join(brokenDir, row.file), { rosVersion: fault.rosVersion });
    if (errors.length === 0) {
      failures.push(`${row.file}: no error`);
      continue;
    }
    if (fault.line !== undefined) {
      const first = errors[0]!.range.start.line + 1;
      if (Math.abs(first - fault.line) > 1) failures.push(`${row.file}: first error on line ${first}, fault on line ${fault.line}: ${errors[0]!.message}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('broken corpus: the disputed scripts get no error', { skip }, () => {
  const flagged = brokenRows()
    .filter((row) => row.category === 'disputed')
    .map((row) => ({ row, errors: errorsOf(path.join(brokenDir, row.file)) }))
    .filter(({ errors }) => errors.length > 0)
    .map(({ row, errors }) => `${row.file}:${errors[0]!.range.start.line + 1} ${errors[0]!.message}`);
  assert.deepEqual(flagged, []);
});
