// `npm run setup`: everything a fresh machine of this kind needs, in one command: the npm dependencies from the
// lockfile, the system packages and code-server for the tests in a real VS Code, and the build.
// Each step is idempotent, so running it again is cheap.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function step(label, command, args) {
  console.log(`\n=== setup: ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`setup failed at: ${label} (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

step('npm dependencies (npm ci)', 'npm', ['ci', '--no-audit', '--no-fund']);
const e2eSetup = path.join(root, 'scripts/e2e-setup.sh');
if (fs.existsSync(e2eSetup) && process.env.RSC_SKIP_E2E !== '1') step('real VS Code test tools (apt + code-server)', 'bash', [e2eSetup]);
step('build', process.execPath, [path.join(root, 'scripts/build.mjs')]);
console.log('\nsetup done: try `node server/out/cli.js lint samples/`');
