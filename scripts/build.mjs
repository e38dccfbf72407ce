// Bundles the three entry points with esbuild. Type checking is separate (`npm run typecheck`):
// esbuild only strips types, which keeps the build fast and the bundles small.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

// Hover documentation is generated from docs/reference/*.md before bundling (one source for docs and hover).
const docsBuilder = path.join(root, 'scripts', 'build-docs.ts');
if (fs.existsSync(docsBuilder)) {
  execFileSync(process.execPath, ['--import', 'tsx', docsBuilder], { cwd: root, stdio: 'inherit' });
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({ ...common, entryPoints: [path.join(root, 'server/src/server.ts')], outfile: path.join(root, 'server/out/server.js') }),
  build({
    ...common,
    entryPoints: [path.join(root, 'server/src/cli/main.ts')],
    outfile: path.join(root, 'server/out/cli.js'),
    banner: { js: '#!/usr/bin/env node' },
    // ssh2 has optional native add-ons; keep them out of the bundle so a missing binding falls back to JS.
    external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
  }),
  // The lint API as a library bundle, for benchmarks and tools that lint without the CLI.
  build({ ...common, entryPoints: [path.join(root, 'server/src/lint.ts')], outfile: path.join(root, 'server/out/lint.js') }),
  build({
    ...common,
    entryPoints: [path.join(root, 'client/src/extension.ts')],
    outfile: path.join(root, 'client/out/extension.js'),
    external: ['vscode', 'cpu-features', './crypto/build/Release/sshcrypto.node'],
  }),
]);
fs.chmodSync(path.join(root, 'server/out/cli.js'), 0o755);
