// Launches Debian's Chromium through playwright-core with a throw-away profile. The host-resolver rule makes
// every name except the loopback fail to resolve, so the browser never reaches out of the machine.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { TMP_DIR } from './codeServer.mjs';

export const CHROMIUM_PATH = process.env.RSC_CHROMIUM || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate',
  '--no-pings', '--disable-domain-reliability', '--disable-client-side-phishing-detection',
];

/**
 * Returns { context, page, close }. Playwright refuses --user-data-dir in args, so a persistent context on a
 * fresh temporary folder plays that role; close() removes it.
 */
export async function launchBrowser({ viewport = { width: 1280, height: 800 } } = {}) {
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const profile = fs.mkdtempSync(path.join(TMP_DIR, 'chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close().catch(() => undefined);
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}
