// Runs the extension's Mocha suite inside code-server's real Node extension host. This is VS Code's own
// browser-integration-test mechanism: the workbench URL carries a `payload` naming the development extension
// and the tests module; the extension host calls the module's run(), and when it settles the workbench calls
// window.codeAutomationExit(code). Log lines (including Mocha's reporter) arrive via window.codeAutomationLog.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { launchBrowser } from './browser.mjs';
import { ROOT } from './codeServer.mjs';

/** Where a failed or timed-out run leaves a picture of the workbench. */
export const EXT_HOST_FAILURE_SCREENSHOT = path.join(ROOT, 'test-results/ext-host/FAILED-ext-host.png');

/** Workbench noise that says nothing about the tests. */
const NOISE = /^(Resolv|Creating a socket|Ignoring fetching|\[Service Worker\]|ChatSessionStore)/;

/**
 * Returns the exit code the extension host reported (0 = all tests passed), or 1 on timeout.
 * `log` receives each line the tests printed. When the run fails or times out, a screenshot of the workbench
 * is saved to `screenshotFile` first (the state the tests left it in: open editors, notifications, panels).
 */
export async function runExtensionHostTests({ baseUrl, folder, extensionDevelopmentPath, extensionTestsPath, timeoutMs = 180000, log = console.log, screenshotFile = EXT_HOST_FAILURE_SCREENSHOT }) {
  const host = new URL(baseUrl).host;
  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
    ['skipWelcome', 'true'],
  ]);
  fs.rmSync(screenshotFile, { force: true });
  const browser = await launchBrowser();
  let timer;
  let code = 1;
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
    const result = await Promise.race([exited, timedOut]);
    if (result === 'timeout') log(`extension-host tests did not finish within ${timeoutMs / 1000} s`);
    code = typeof result === 'number' ? result : 1;
    return code;
  } finally {
    clearTimeout(timer);
    // Also after an exception (the page never loaded, the browser crashed): whatever the page shows helps.
    if (code !== 0) await saveScreenshot(browser.page, screenshotFile, log);
    await browser.close();
  }
}

async function saveScreenshot(page, file, log) {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file, timeout: 10000 });
    log(`screenshot of the failed extension-host run: ${path.relative(ROOT, file)}`);
  } catch (error) {
    log(`no screenshot of the failed run: ${error instanceof Error ? error.message : String(error)}`);
  }
}
