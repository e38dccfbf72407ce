/** The scripts of ../shared/corpus (valid and broken), for tests that check a property on every one of them. */
import fs from 'node:fs';
import path from 'node:path';

export const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');

/** `false` when the corpus is there, else the reason to skip (for node:test's `skip`). */
export const corpusSkip: false | string = fs.existsSync(CORPUS_DIR) ? false : 'no ../shared/corpus';

/** Every corpus script as [label, text] (text read as latin1, as the files are not all UTF-8). */
export function corpusScripts(): [label: string, text: string][] {
  const scripts: [string, string][] = [];
  for (const dir of ['valid', 'broken']) {
    for (const name of fs.readdirSync(path.join(CORPUS_DIR, dir)).filter((f) => f.endsWith('.rsc'))) {
      scripts.push([`${dir}/${name}`, fs.readFileSync(path.join(CORPUS_DIR, dir, name), 'latin1')]);
    }
  }
  return scripts;
}
