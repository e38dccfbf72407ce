/**
 * Keeps one idle instance of each short-lived class alive for the life of the process.
 *
 * Why: V8 reaches the hidden classes ("maps") that a constructor's fields create only through weak transitions.
 * An analysis creates its Scanner, AstBuilder, LineIndex and (in a rule) OpenSpans and drops them when it ends,
 * so a full garbage collection between two analyses (the language server's idle collection, or a closed
 * document) frees those maps, and with them every function the optimizing compiler specialised for them
 * ("deoptimizing: weak objects"). The next analysis of a 50,000-line export then starts from unoptimized code.
 * Measured on that export: about 340 such deoptimizations in ten lints that each follow a full collection, and
 * about 30 with the instances kept.
 */
const kept: unknown[] = [];

/** Holds `instance` for good and returns it. Pass an instance that has been used as real ones are. */
export function keepShapeOf<T>(instance: T): T {
  kept.push(instance);
  return instance;
}
