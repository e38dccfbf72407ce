// Builds benchmark inputs from the shared corpus: a v7 export of a given number of lines, made of the corpus's
// v7 export files one after another (each keeps its own menu lines, so the result is a valid export).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const corpusDir = path.resolve(root, '..', 'shared', 'corpus', 'valid');

export function corpusFiles() {
  if (!fs.existsSync(corpusDir)) return [];
  return fs.readdirSync(corpusDir).filter((f) => f.endsWith('.rsc')).sort().map((f) => path.join(corpusDir, f));
}

function v7Exports() {
  const tsv = path.join(corpusDir, 'SOURCES.tsv');
  if (!fs.existsSync(tsv)) return [];
  const rows = fs.readFileSync(tsv, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  return rows.filter((r) => r[5] === 'export' && /^7\./.test(r[4] ?? '')).map((r) => path.join(corpusDir, r[0]));
}

/** A v7 export of exactly `lines` lines (the header of the first file stays on top). */
export function buildExport(lines) {
  const sources = v7Exports();
  if (sources.length === 0) throw new Error(`no v7 exports found in ${corpusDir}: is ../shared beside the project?`);
  const out = [];
  for (let i = 0; out.length < lines; i++) {
    const text = fs.readFileSync(sources[i % sources.length], 'latin1').replace(/\r\n?/g, '\n');
    const body = text.split('\n');
    // Later copies drop their header comment so that the first header sets the version of the whole export.
    for (const line of i === 0 ? body : body.filter((l, n) => !(n < 6 && l.startsWith('#')))) {
      out.push(line);
      if (out.length >= lines) break;
    }
  }
  // Never end inside a continued line.
  while (out.length && out[out.length - 1].endsWith('\\')) out.pop();
  return out.join('\n') + '\n';
}
