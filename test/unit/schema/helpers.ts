/** Shared helpers of the schema tests: the reference docs parsed in-process, and the restraml files if present. */
import fs from 'node:fs';
import path from 'node:path';
import { buildDocsBundle, parseReferencePage, type DocsBundle } from '../../../server/src/schema/docsFormat.js';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const referenceDir = path.join(repoRoot, 'docs', 'reference');
export const restramlDir = path.resolve(repoRoot, '..', 'shared', 'restraml');

/** The docs bundle built straight from docs/reference, the same way scripts/build-docs.ts builds it. */
export function referenceDocs(): { bundle: DocsBundle; problems: string[] } {
  const files = fs.readdirSync(referenceDir).filter((name) => name.endsWith('.md') && name !== 'README.md');
  return buildDocsBundle(files.map((name) => parseReferencePage(fs.readFileSync(path.join(referenceDir, name), 'utf8'), name)));
}

/** Path of a restraml file when the shared test data is present (the tests using it skip otherwise). */
export function restramlFile(version: string, name = 'inspect.json'): string | undefined {
  const file = path.join(restramlDir, version, name);
  return fs.existsSync(file) ? file : undefined;
}

/** Reads a node of a raw restraml tree by path segments. */
export function treeNode(tree: unknown, segments: readonly string[]): Record<string, unknown> | undefined {
  let node: unknown = tree;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : undefined;
}
