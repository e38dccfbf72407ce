// Runs the extension-host suite through @vscode/test-electron's runTests(), the standard entry point. The
// "VS Code executable" is code-server-shim.mjs, because no desktop VS Code can be downloaded here: it serves
// the same command line from code-server and drives it with Chromium (see test/e2e/README.md).
//
//   node test/e2e/out/runTest.js        (scripts/e2e.mjs compiles and runs it)
//
// Where desktop VS Code can be downloaded, RSC_E2E_VSCODE picks it instead of code-server: `stable`, `insiders` or
// a version such as `1.101.0` (runTests downloads it), or the path of an installed VS Code executable.
import fs from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../../..');
const e2eDir = process.env.RSC_E2E_DIR || path.join(root, '.e2e');

/** A fresh copy of the fixture workspace: the tests write workspace settings, which must not land in git. */
function freshFolder(name: string, from?: string): string {
  const target = path.join(e2eDir, 'run', name);
  fs.rmSync(target, { recursive: true, force: true });
  if (from) fs.cpSync(from, target, { recursive: true });
  else fs.mkdirSync(target, { recursive: true });
  return target;
}

/** code-server (the default here), a desktop VS Code that runTests downloads, or one already installed. */
function vscodeToRun(): { vscodeExecutablePath?: string; version?: string } {
  const wanted = process.env.RSC_E2E_VSCODE?.trim();
  if (!wanted) return { vscodeExecutablePath: path.join(root, 'test/e2e/code-server-shim.mjs') };
  if (fs.existsSync(wanted)) return { vscodeExecutablePath: path.resolve(wanted) };
  return { version: wanted };
}

async function main(): Promise<void> {
  const workspace = freshFolder('ext-workspace', path.join(root, 'test/e2e/workspace'));
  await runTests({
    ...vscodeToRun(),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'suite/index.js'),
    // An empty extensions folder, so only the extension under development loads.
    launchArgs: [
      workspace,
      `--user-data-dir=${freshFolder('ext-user-data')}`,
      `--extensions-dir=${freshFolder('ext-extensions')}`,
    ],
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
