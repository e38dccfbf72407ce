// The project's one test command (`npm test`): build, typecheck, lint, then every test layer in order.
// Each layer is a `node --test` run (TypeScript through tsx) or a tool of its own; the last line printed is
// the plain `N passed, N failed` total that CI reads.
//
//   npm test                 all layers
//   npm test -- unit         only the unit layer (also: lsp, grammar, e2e)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;

function run(label, command, args, options = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  process.stdout.write(result.stdout ?? '');
  return { status: result.status ?? 1, stdout: result.stdout ?? '' };
}

/** Counts from node's TAP summary (`# pass N` / `# fail N`) or from a plain `N passed, N failed` line. */
function count(stdout, status) {
  const tapPass = [...stdout.matchAll(/^# pass (\d+)$/gm)].map((m) => Number(m[1]));
  const tapFail = [...stdout.matchAll(/^# fail (\d+)$/gm)].map((m) => Number(m[1]));
  const plain = [...stdout.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)];
  let p = 0;
  let f = 0;
  if (tapPass.length) {
    p = tapPass.at(-1);
    f = tapFail.at(-1) ?? 0;
  } else if (plain.length) {
    p = Number(plain.at(-1)[1]);
    f = Number(plain.at(-1)[2]);
  }
  if (status !== 0 && f === 0) f = 1; // a crashed layer counts as a failure even if it printed no summary
  passed += p;
  failed += f;
}

function testFiles(dir) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  const out = [];
  for (const entry of fs.readdirSync(full, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.test.ts')) out.push(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  return out.sort();
}

function nodeTests(label, dir) {
  const files = testFiles(dir);
  if (!files.length) return;
  const r = run(label, process.execPath, ['--conditions=import', '--import', 'tsx', '--test', '--test-reporter=tap', ...files]);
  count(r.stdout, r.status);
}

const want = (layer) => only.length === 0 || only.includes(layer);

if (only.length === 0) {
  for (const [label, script] of [['build', 'build'], ['typecheck', 'typecheck'], ['lint', 'lint']]) {
    const r = run(label, 'npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) {
      failed++;
      console.log(`${label} failed`);
    }
  }
}
if (want('unit')) nodeTests('unit tests', 'test/unit');
if (want('lsp')) nodeTests('language-server tests (JSON-RPC on stdio)', 'test/lsp');
if (want('push')) nodeTests('push tests (stand-in routers on loopback)', 'test/push');
if (want('grammar') && fs.existsSync(path.join(root, 'test/grammar'))) {
  const r = run('grammar tests', process.execPath, [path.join(root, 'scripts/grammar-test.mjs')]);
  count(r.stdout, r.status);
}
if ((only.includes('e2e') || (only.length === 0 && process.env.RSC_SKIP_E2E !== '1')) && fs.existsSync(path.join(root, 'scripts/e2e.mjs'))) {
  const r = run('tests in a real VS Code (code-server + Chromium)', process.execPath, [path.join(root, 'scripts/e2e.mjs')]);
  count(r.stdout, r.status);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
