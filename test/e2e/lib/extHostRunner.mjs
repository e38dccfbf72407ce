// Runs the extension's Mocha suite inside code-server's real Node extension host. This is VS Code's own
// browser-integration-test mechanism: the workbench URL carries a `payload` naming the development extension
// and the tests module; the extension host calls the module's run(), and when it settles the workbench calls
// window.codeAutomationExit(code). Log lines (including Mocha's reporter) arrive via window.codeAutomationLog.
import util from 'node:util';
import { launchBrowser } from './browser.mjs';

/** Workbench noise that says nothing about the tests. */
const NOISE = /^(Resolv|Creating a socket|Ignoring fetching|\[Service Worker\]|ChatSessionStore)/;

/**
 * Returns the exit code the extension host reported (0 = all tests passed), or 1 on timeout.
 * `log` receives each line the tests printed.
 */
export async function runExtensionHostTests({ baseUrl, folder, extensionDevelopmentPath, extensionTestsPath, timeoutMs = 180000, log = console.log }) {
  const host = new URL(baseUrl).host;
  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
    ['skipWelcome', 'true'],
  ]);
  const browser = await launchBrowser();
  let timer;
  try {
    let reportExit;
    const exited = new Promise((resolve) => (reportExit = resolve));
    await browser.page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...(args || []));
      if (!NOISE.test(line)) log(line);
    });
    await browser.page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    await browser.page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const code = await Promise.race([exited, timedOut]);
    if (code === 'timeout') {
      log(`extension-host tests did not finish within ${timeoutMs / 1000} s`);
      return 1;
    }
    return typeof code === 'number' ? code : 1;
  } finally {
    clearTimeout(timer);
    await browser.close();
  }
}
