#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }). runTests
// spawns it with VS Code's command line (--extensionDevelopmentPath=…, --extensionTestsPath=…, folder,
// --user-data-dir=…, --extensions-dir=…) and takes its exit code as the verdict. No desktop VS Code can be
// downloaded on this machine, so the shim serves the same run from code-server (VS Code 1.100.3) and drives
// the workbench with Chromium; the extension host is the real Node one.
import path from 'node:path';
import { E2E_DIR, startCodeServer } from './lib/codeServer.mjs';
import { runExtensionHostTests } from './lib/extHostRunner.mjs';

function parseArgs(argv) {
  const options = { folders: [] };
  for (const arg of argv) {
    const match = /^--([^=]+)=(.*)$/.exec(arg);
    if (match) {
      const [, name, value] = match;
      if (name === 'extensionDevelopmentPath' && !options.extensionDevelopmentPath) options.extensionDevelopmentPath = value;
      else if (name === 'extensionTestsPath') options.extensionTestsPath = value;
      else if (name === 'user-data-dir') options.userDataDir = value;
      else if (name === 'extensions-dir') options.extensionsDir = value;
    } else if (!arg.startsWith('-')) {
      options.folders.push(arg);
    }
    // Other flags (--no-sandbox, --disable-updates, …) are meant for desktop Electron and do not apply.
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
if (!options.extensionDevelopmentPath || !options.extensionTestsPath) {
  console.error('code-server-shim: --extensionDevelopmentPath and --extensionTestsPath are required');
  process.exit(2);
}
const folder = path.resolve(options.folders[0] ?? options.extensionDevelopmentPath);
const userDataDir = path.resolve(options.userDataDir ?? path.join(E2E_DIR, 'run/ext-user-data'));
const extensionsDir = path.resolve(options.extensionsDir ?? path.join(E2E_DIR, 'run/ext-extensions'));

const server = await startCodeServer({
  folder,
  userDataDir,
  extensionsDir,
  logFile: path.join(E2E_DIR, 'logs/code-server-ext-host.log'),
});
let stopping = false;
const stopAndExit = async (code) => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(code);
};
// runTests forwards Ctrl+C as SIGINT; code-server runs in its own process group and must go down with us.
process.on('SIGINT', () => void stopAndExit(130));
process.on('SIGTERM', () => void stopAndExit(143));

let code = 1;
try {
  code = await runExtensionHostTests({
    baseUrl: server.url,
    folder,
    extensionDevelopmentPath: path.resolve(options.extensionDevelopmentPath),
    extensionTestsPath: path.resolve(options.extensionTestsPath),
    timeoutMs: Number(process.env.RSC_EXT_TEST_TIMEOUT_MS || 180000),
  });
} catch (error) {
  console.error(`code-server-shim: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  await stopAndExit(code);
}
