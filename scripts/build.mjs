// Bundles the entry points with esbuild, after regenerating what is generated from one source: hover docs,
// the TextMate grammar (syntaxes/build-grammar.mjs, which reads the parser's script-parameter list) and the
// `routeros.rules` setting of package.json (scripts/rule-settings.ts, from the rule registry). Type checking is
// separate (`npm run typecheck`): esbuild only strips types, which keeps the build fast and the bundles small.
//
// The client is two bundles: client/out/extension.js (loaded at activation: the language client, status bar,
// target version) and client/out/push.js (push commands with the SSH and REST transports, loaded by
// client/src/lazyPush.ts on the first push command). `--metafile` prints what each client bundle weighs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const showSizes = process.argv.includes('--metafile');

// The grammar is rewritten only when its generator's output changed (the grammar tests also check this).
const { buildGrammar } = await import('../syntaxes/build-grammar.mjs');
const grammarFile = path.join(root, 'syntaxes', 'routeros.tmLanguage.json');
const grammarText = `${JSON.stringify(buildGrammar(), null, 2)}\n`;
if (!fs.existsSync(grammarFile) || fs.readFileSync(grammarFile, 'utf8') !== grammarText) {
  fs.writeFileSync(grammarFile, grammarText);
  console.log('syntaxes/routeros.tmLanguage.json regenerated');
}
execFileSync(process.execPath, ['--conditions=import', '--import', 'tsx', path.join(root, 'scripts', 'rule-settings.ts')], { cwd: root, stdio: 'inherit' });

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

const results = await Promise.all([
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
    external: ['vscode'],
    metafile: showSizes,
  }),
  // Loaded with require() on the first push command (client/src/lazyPush.ts), never at activation.
  build({
    ...common,
    entryPoints: [path.join(root, 'client/src/push/commands.ts')],
    outfile: path.join(root, 'client/out/push.js'),
    // ssh2 has optional native add-ons; keep them out of the bundle so a missing binding falls back to JS.
    external: ['vscode', 'cpu-features', './crypto/build/Release/sshcrypto.node'],
    metafile: showSizes,
  }),
]);
fs.chmodSync(path.join(root, 'server/out/cli.js'), 0o755);
if (showSizes) {
  for (const result of results.filter((r) => r.metafile)) {
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (!file.endsWith('.js')) continue;
      const parts = {};
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? '(project)';
        parts[pkg] = (parts[pkg] ?? 0) + bytesInOutput;
      }
      const biggest = Object.entries(parts).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, bytes]) => `${name} ${bytes}`);
      console.log(`${file}: ${output.bytes} bytes (${biggest.join(', ')})`);
    }
  }
}
