// Tests in a real VS Code: code-server 4.100.3 (VS Code 1.100.3 with its Node extension host) driven by
// Debian's Chromium through playwright-core. Steps:
//   1. setup    scripts/e2e-setup.sh (idempotent: apt chromium/libkrb5-dev/ripgrep, code-server into .e2e/cs)
//   2. package  npm run package (production bundles + routeros-script.vsix)
//   3. ext      the extension's Mocha suite in the extension host, via @vscode/test-electron's runTests()
//               with a code-server "executable" (test/e2e/runTest.ts, test/e2e/code-server-shim.mjs)
//   4. ui       the packaged .vsix installed into code-server, driven like a user (test/e2e/ui/ui.test.mjs), and
//               its push commands against the stand-in REST router (test/e2e/ui/push.test.mjs); one file at a time
// A failure leaves a screenshot: test-results/ext-host/FAILED-ext-host.png, test-results/ui/FAILED-<test>.png.
// The last line is the plain "N passed, N failed" total; the exit code is non-zero when anything failed.
//
//   node scripts/e2e.mjs [ext|ui] [--no-setup] [--no-package]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const layers = args.filter((arg) => !arg.startsWith('--'));
const want = (layer) => layers.length === 0 || layers.includes(layer);
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

let passed = 0;
let failed = 0;

/** Runs a command in its own process group, echoing its output; resolves with { status, stdout }. */
function run(label, command, commandArgs, options = {}) {
  const since = Date.now();
  console.log(`\n--- ${label}: ${command} ${commandArgs.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('error', (error) => {
      console.log(`${label}: ${error.message}`);
      resolve({ status: 1, stdout });
    });
    child.on('close', (status, signal) => {
      // Whatever the step left in its process group (a browser, a server) goes with it.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already empty.
      }
      console.log(`--- ${label}: exit ${status ?? signal} after ${seconds(since)}`);
      resolve({ status: status ?? 1, stdout });
    });
  });
}

/** A step that is not a test (setup, packaging): failing it fails the run and skips what depends on it. */
async function step(label, command, commandArgs) {
  const { status } = await run(label, command, commandArgs);
  if (status !== 0) {
    failed++;
    console.log(`${label} failed`);
  }
  return status === 0;
}

/** Adds a suite's counts; a suite that crashed without counting still counts as one failure. */
function tally(label, counts, status) {
  let [p, f] = counts ?? [0, 0];
  if (status !== 0 && f === 0) f = 1;
  console.log(`${label}: ${p} passed, ${f} failed`);
  passed += p;
  failed += f;
}

async function compileSuite() {
  const { build } = await import('esbuild');
  const dir = path.join(root, 'test/e2e');
  const entryPoints = [
    path.join(dir, 'runTest.ts'),
    ...fs.readdirSync(path.join(dir, 'suite')).filter((name) => name.endsWith('.ts')).map((name) => path.join(dir, 'suite', name)),
  ];
  fs.rmSync(path.join(dir, 'out'), { recursive: true, force: true });
  // One CommonJS file per source file (no bundling): the extension host supplies `vscode`, Node the rest.
  await build({ entryPoints, outdir: path.join(dir, 'out'), outbase: dir, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning' });
}

async function main() {
  const { stopLeftoverCodeServers } = await import('../test/e2e/lib/codeServer.mjs');
  stopLeftoverCodeServers();
  try {
    if (!args.includes('--no-setup') && !(await step('setup', 'bash', [path.join(root, 'scripts/e2e-setup.sh')]))) return;
    if (!args.includes('--no-package') && !(await step('package', 'npm', ['run', '--silent', 'package']))) return;

    if (want('ext')) {
      await compileSuite();
      const { status, stdout } = await run('extension-host suite', process.execPath, [path.join(root, 'test/e2e/out/runTest.js')]);
      const match = [...stdout.matchAll(/extension-host tests: (\d+) passed, (\d+) failed/g)].at(-1);
      tally('extension-host suite', match && [Number(match[1]), Number(match[2])], status);
    }

    if (want('ui')) {
      // Screenshots of this run only (both UI files add theirs to the folder).
      fs.rmSync(path.join(root, 'test-results/ui'), { recursive: true, force: true });
      const tap = path.join(root, '.e2e/ui-results.tap');
      fs.mkdirSync(path.dirname(tap), { recursive: true });
      fs.rmSync(tap, { force: true });
      // Spec output for people, TAP into a file for the counts (so no "# pass" line reaches npm test's parser).
      // tsx: the UI tests expand snippets with the unit tests' expander (test/unit/snippets/expand.ts).
      const { status } = await run('UI suite (packaged .vsix)', process.execPath, [
        '--import', 'tsx',
        // One file at a time: each starts its own code-server and Chromium, too much for two cores at once.
        '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout',
        '--test-reporter=tap', `--test-reporter-destination=${tap}`,
        path.join(root, 'test/e2e/ui/ui.test.mjs'),
        path.join(root, 'test/e2e/ui/push.test.mjs'),
      ]);
      const report = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
      const pass = /^# pass (\d+)$/m.exec(report);
      const fail = /^# fail (\d+)$/m.exec(report);
      tally('UI suite', pass && [Number(pass[1]), Number(fail?.[1] ?? 0)], status);
    }
  } finally {
    stopLeftoverCodeServers();
  }
}

await main();
console.log(`\nreal VS Code tests took ${seconds(started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
