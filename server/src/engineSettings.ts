/**
 * Settings of the JavaScript engine for the processes that run the analysis: the language server and the `rsc`
 * command line call `applyEngineSettings()` first thing; the benchmark calls it too, so that it measures the
 * linter as those processes run it.
 *
 * `--no-allocation-site-pretenuring`: V8 learns which allocation sites make long-lived objects and allocates them
 * straight in the old generation. When a full collection then finds the old generation mostly dead (the syntax
 * tree of a closed or re-analysed document), it forgets all those decisions and throws away every optimized
 * function that depended on them: about 300 deoptimizations of parser and rule functions in ten lints of the
 * 50,000-line export that each followed a full collection. The next analysis of a big document then runs
 * unoptimized for a good part of its time. Measured with
 * `npm run bench` (lint of the 50,000-line export, each run after a full collection): see docs/architecture.md,
 * "Performance notes". Without pretenuring the tree is copied once more by the young-generation collector, which
 * costs less than the lost optimization.
 */
import v8 from 'node:v8';

let applied = false;

export function applyEngineSettings(): void {
  if (applied) return;
  applied = true;
  try {
    v8.setFlagsFromString('--no-allocation-site-pretenuring');
  } catch {
    // An engine without this flag: the analysis is correct either way, only slower after collections.
  }
}
