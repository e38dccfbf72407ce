/**
 * Builds server/src/generated/docs.json from docs/reference/*.md (the one source of hover documentation).
 * The page convention is described in server/src/schema/docsFormat.ts and docs/reference/README.md.
 * Exits non-zero when a page breaks the convention, so a broken page fails the build instead of hover.
 *
 *   node --import tsx scripts/build-docs.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildDocsBundle, parseReferencePage } from '../server/src/schema/docsFormat.js';

const root = path.resolve(__dirname, '..');
const sourceDir = path.join(root, 'docs', 'reference');
const outFile = path.join(root, 'server', 'src', 'generated', 'docs.json');

const files = fs.existsSync(sourceDir)
  ? fs.readdirSync(sourceDir).filter((name) => name.endsWith('.md') && name !== 'README.md').sort()
  : [];
const pages = files.map((name) => parseReferencePage(fs.readFileSync(path.join(sourceDir, name), 'utf8'), `docs/reference/${name}`));
const { bundle, problems } = buildDocsBundle(pages);

fs.mkdirSync(path.dirname(outFile), { recursive: true });
const text = JSON.stringify(bundle) + '\n';
// Rewrite only on change so watchers and bundlers do not rebuild for nothing; write-then-rename so a test or
// bundler reading the file at the same moment never sees half of it.
if (!fs.existsSync(outFile) || fs.readFileSync(outFile, 'utf8') !== text) {
  const temporary = `${outFile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, outFile);
}

const entries = Object.values(bundle.menus).reduce((n, m) => n + Object.keys(m.parameters).length + Object.keys(m.commands).length, 0);
console.log(`build-docs: ${files.length} pages, ${entries} menu entries, ${Object.keys(bundle.globals).length} global commands -> ${path.relative(root, outFile)}`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`build-docs: ${problem}`);
  process.exitCode = 1;
}
