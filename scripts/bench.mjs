// `npm run bench`: measures the linter and the language server on this machine and prints the figures.
// Lint: throughput on a 50,000-line v7 export built from the corpus and on the whole corpus, peak memory, and
// the time highlight.js takes merely to colour the same export with its `routeros` language (the yardstick the
// issue sets: a full lint must be at least as fast). Then the language-server benchmark (scripts/bench-lsp.mjs)
// and the activation benchmark (scripts/bench-activation.mjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildExport, corpusFiles } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { lintText, applyEngineSettings } = require(path.join(root, 'server/out/lint.js'));
// The engine settings of the `rsc` CLI and the language server (server/src/engineSettings.ts), so that the lint
// is measured as those processes run it.
applyEngineSettings();
const hljs = require('highlight.js/lib/core');
hljs.registerLanguage('routeros', require('highlight.js/lib/languages/routeros'));

const RUNS = 7;
const mb = (chars) => chars / (1024 * 1024);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Times several tasks the same way: one untimed warm-up run each (so each is measured with its code compiled, as
 * in a running language server or a CI job linting many files), then RUNS rounds in which every task runs once,
 * in turn. Interleaving matters on a shared machine whose speed drifts over seconds: tasks measured one after the
 * other would be compared across different conditions. Returns, per task, the median, the cold first run and the
 * last result.
 */
function timeTogether(tasks) {
  const results = tasks.map((fn) => {
    globalThis.gc?.();
    const start = performance.now();
    const result = fn();
    return { cold: performance.now() - start, times: [], result };
  });
  for (let round = 0; round < RUNS; round++) {
    tasks.forEach((fn, index) => {
      globalThis.gc?.();
      const start = performance.now();
      results[index].result = fn();
      results[index].times.push(performance.now() - start);
    });
  }
  return results.map(({ cold, times, result }) => ({ ms: median(times), cold, result }));
}

function time(fn) {
  return timeTogether([fn])[0];
}

const exportText = buildExport(50_000);
const exportLines = exportText.split('\n').length - 1;
lintText('/ip address print\n'); // load the schema once, as a running server or CLI has it loaded

const [lint, colour] = timeTogether([
  () => lintText(exportText),
  () => hljs.highlight(exportText, { language: 'routeros' }).value.length,
]);
const errors = lint.result.filter((f) => f.severity === 'error').length;

const files = corpusFiles();
const corpusTexts = files.map((f) => fs.readFileSync(f, 'latin1'));
const corpusChars = corpusTexts.reduce((n, t) => n + t.length, 0);
const corpus = time(() => corpusTexts.reduce((n, t) => n + lintText(t).length, 0));

const peakRssMb = process.resourceUsage().maxRSS / 1024;

// The linter on its own, as a reviewer runs it: `rsc lint` in a fresh process on the export. Its peak memory is
// the lint's alone (this process also holds highlight.js's output and the corpus), and its time includes
// starting Node, loading the schema and compiling the code.
const exportFile = path.join(os.tmpdir(), `rsc-bench-${process.pid}.rsc`);
fs.writeFileSync(exportFile, exportText, 'latin1');
const cliStart = performance.now();
const cli = spawnSync(process.execPath, ['--require', path.join(root, 'scripts/report-peak-rss.cjs'), path.join(root, 'server/out/cli.js'), 'lint', '--format', 'json', exportFile], {
  encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
});
const cliMs = performance.now() - cliStart;
fs.rmSync(exportFile, { force: true });
const cliPeakKb = Number(/peak-rss-kb (\d+)/.exec(cli.stderr ?? '')?.[1] ?? NaN);
const cliPeakMb = cliPeakKb / 1024;

console.log(`lint benchmark (median of ${RUNS} runs after a warm-up run, the lint and the colouring taking turns; Node ${process.version}, ${process.arch})`);
console.log(`  50,000-line v7 export: ${exportLines} lines, ${mb(exportText.length).toFixed(2)} MB, ${errors} errors`);
console.log(`  full lint (parse + analysis + rules): ${lint.ms.toFixed(1)} ms = ${(mb(exportText.length) / (lint.ms / 1000)).toFixed(2)} MB/s (first, cold run ${lint.cold.toFixed(0)} ms)`);
console.log(`  highlight.js routeros colouring:      ${colour.ms.toFixed(1)} ms = ${(mb(exportText.length) / (colour.ms / 1000)).toFixed(2)} MB/s (first, cold run ${colour.cold.toFixed(0)} ms)`);
console.log(`  whole corpus: ${files.length} files, ${mb(corpusChars).toFixed(2)} MB in ${corpus.ms.toFixed(1)} ms = ${(mb(corpusChars) / (corpus.ms / 1000)).toFixed(2)} MB/s`);
console.log(`  \`rsc lint\` on the export in its own process: ${cliMs.toFixed(0)} ms, peak memory (max RSS) ${cliPeakMb.toFixed(0)} MB (exit status ${cli.status})`);
console.log(`  peak memory of this benchmark process (all of the above, highlight.js included): ${peakRssMb.toFixed(0)} MB`);
console.log(`  targets: lint <= colouring ${lint.ms <= colour.ms ? 'met' : 'MISSED'}; under 1 s ${lint.ms < 1000 ? 'met' : 'MISSED'}; under 300 MB ${cliPeakMb < 300 ? 'met' : 'MISSED'}`);

const lspBench = path.join(root, 'scripts/bench-lsp.mjs');
if (fs.existsSync(lspBench)) {
  console.log('');
  const r = spawnSync(process.execPath, ['--expose-gc', lspBench], { cwd: root, stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
}

// What opening the first .rsc file costs the editor: the activation bundle and the server's start.
console.log('');
const activation = spawnSync(process.execPath, [path.join(root, 'scripts/bench-activation.mjs')], { cwd: root, stdio: 'inherit' });
if (activation.status !== 0) process.exitCode = activation.status ?? 1;
