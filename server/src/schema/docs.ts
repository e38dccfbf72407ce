/**
 * Hover documentation, generated from docs/reference/*.md into server/src/generated/docs.json by
 * scripts/build-docs.ts. The JSON is pulled in with a literal require so esbuild bundles it; when the generator
 * has not run yet (a fresh checkout running a single test), hover simply has no documentation instead of the
 * whole schema failing to load.
 */
import type { DocsBundle } from './docsFormat.js';

const EMPTY: DocsBundle = { menus: {}, common: {}, globals: {} };

function loadBundledDocs(): DocsBundle {
  try {
    return require('../generated/docs.json') as DocsBundle;
  } catch {
    return EMPTY;
  }
}

export const bundledDocs: DocsBundle = loadBundledDocs();
