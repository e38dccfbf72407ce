/**
 * Parser throughput on a 50,000-line v7 export built from the shared corpus (not a test: timings on a shared
 * machine are too noisy to assert). Run it bundled, as the product runs (tsx adds per-closure overhead):
 *
 *   npx esbuild test/unit/core/parse-bench.ts --bundle --platform=node --outfile=/tmp/parse-bench.cjs && node /tmp/parse-bench.cjs
 *
 * "plain" uses exports without stored scripts; "all" also parses the code inside `source=` / `on-event=` strings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseScript } from '../../../server/src/core/parse.js';

const corpus = path.resolve(process.argv[2] ?? '../shared/corpus/valid');
const allExports = fs.readdirSync(corpus).filter((file) => file.endsWith('.rsc'))
  .map((file) => fs.readFileSync(path.join(corpus, file), 'latin1'))
  .filter((text) => /^# .*by RouterOS 7/.test(text));

for (const [label, exports] of [
  ['plain', allExports.filter((text) => !/source=|on-event=|script=|on-up=/.test(text))],
  ['all', allExports],
] as const) {
  const parts: string[] = [];
  let lines = 0;
  while (lines < 50000 && exports.length > 0) {
    for (const text of exports) {
      parts.push(text);
      lines += text.split('\n').length;
      if (lines >= 50000) break;
    }
  }
  const text = parts.join('\n');
  const megabytes = text.length / 1e6;
  let started = performance.now();
  parseScript(text);
  const cold = performance.now() - started;
  started = performance.now();
  const runs = 5;
  for (let run = 0; run < runs; run++) parseScript(text);
  const warm = (performance.now() - started) / runs;
  console.log(`${label}: ${lines} lines, ${megabytes.toFixed(2)} MB; first run ${cold.toFixed(0)} ms (${(megabytes / (cold / 1000)).toFixed(1)} MB/s), ` +
    `warm ${warm.toFixed(0)} ms (${(megabytes / (warm / 1000)).toFixed(1)} MB/s)`);
}
