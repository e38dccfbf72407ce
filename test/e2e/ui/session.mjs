// One UI test session: the packaged .vsix installed into a fresh code-server (own workspace copy, user data and
// extensions folders), and Debian's Chromium on its workbench. Each UI test file opens its own session, so the
// files never share state; scripts/e2e.mjs runs them one after the other.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { launchBrowser } from '../lib/browser.mjs';
import { ROOT, freshDir, freshWorkspace, installExtension, startCodeServer } from '../lib/codeServer.mjs';
import { runCommand } from './workbench.mjs';

export const VSIX = path.resolve(process.env.RSC_VSIX || path.join(ROOT, 'routeros-script.vsix'));
export const RESULTS = path.join(ROOT, 'test-results/ui');
const DOC_IMAGES = path.join(ROOT, 'docs/images');

/**
 * Starts code-server with the .vsix installed and `settings` in the user settings, opens the workbench in Chromium
 * and gives it keyboard focus. `name` keeps the session's folders and log apart from other sessions'.
 * Returns { page, workspace, userDataDir, logFile, close }.
 */
export async function startUiSession(name, { settings = {} } = {}) {
  assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package first`);
  fs.mkdirSync(RESULTS, { recursive: true });
  const workspace = freshWorkspace(`${name}-workspace`);
  const userDataDir = freshDir(`${name}-user-data`);
  const extensionsDir = freshDir(`${name}-extensions`);
  installExtension(VSIX, { userDataDir, extensionsDir });
  const logFile = path.join(ROOT, `.e2e/logs/code-server-${name}.log`);
  const server = await startCodeServer({ folder: workspace, userDataDir, extensionsDir, logFile, settings });
  let browser;
  try {
    browser = await launchBrowser();
    const page = browser.page;
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    // Give the workbench keyboard focus (the guide: without a click, the first shortcut can go nowhere).
    await page.locator('.monaco-workbench').click({ position: { x: 600, y: 400 } });
    const close = async () => {
      await browser.close();
      await server.stop();
    };
    return { page, workspace, userDataDir, logFile, close };
  } catch (error) {
    if (browser) await failureScreenshot(browser.page, 'before').catch(() => undefined);
    await browser?.close();
    await server.stop();
    throw error;
  }
}

/**
 * A UI test that starts from a workbench without editors and leaves test-results/ui/FAILED-<name>.png when it
 * fails; `cleanup` runs afterwards either way. `page` is a getter: the session opens in the file's before().
 */
export function workbenchTest(page, name, body, { timeout = 90000, cleanup } = {}) {
  test(name, { timeout }, async () => {
    try {
      await page().keyboard.press('Escape');
      await runCommand(page(), 'View: Close All Editors');
      await body();
    } catch (error) {
      await failureScreenshot(page(), name);
      throw error;
    } finally {
      await cleanup?.();
    }
  });
}

/** test-results/ui/FAILED-<name>.png, when there is a page to photograph. */
export async function failureScreenshot(page, name) {
  if (!page) return;
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `FAILED-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path: file }).catch(() => undefined);
}

/** Saves a screenshot of a passing scenario, and refreshes the README's copy when asked or missing. */
export async function keepScreenshot(page, fileName) {
  const file = path.join(RESULTS, fileName);
  await page.screenshot({ path: file });
  const docCopy = path.join(DOC_IMAGES, fileName);
  // Only the project's own package may refresh the README's pictures (not a .vsix given through RSC_VSIX).
  const ownPackage = !process.env.RSC_VSIX;
  if (ownPackage && (process.env.RSC_UPDATE_SCREENSHOTS === '1' || !fs.existsSync(docCopy))) {
    fs.mkdirSync(DOC_IMAGES, { recursive: true });
    fs.copyFileSync(file, docCopy);
  }
}
