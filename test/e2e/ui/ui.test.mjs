// UI tests of the PACKAGED extension: the .vsix is installed into code-server with --install-extension and
// the workbench is driven by Debian's Chromium through playwright-core, the way a user would use it.
//
//   node --import tsx --test test/e2e/ui/ui.test.mjs   (scripts/e2e.mjs builds the .vsix first and runs this;
//                                                       tsx lets it expand snippets with the unit tests' expander)
//
// On success each scenario leaves a screenshot in test-results/ui/; with RSC_UPDATE_SCREENSHOTS=1 (or when the
// file is missing) the README's screenshots in docs/images/ are refreshed too. A failing scenario leaves
// test-results/ui/FAILED-<name>.png, a failing setup FAILED-before.png. RSC_VSIX=/path/to/other.vsix tests
// another package (and leaves docs/images alone).
//
// Scenarios do not leak into each other: each starts with no editor open (the language server then clears the
// closed files' problems) and ends by reverting the files it edited, in the editor and on disk.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT } from '../lib/codeServer.mjs';
import { zipEntries, zipRead } from '../lib/zipEntries.mjs';
import { expandSnippet } from '../../unit/snippets/expand.ts';
import { VSIX, keepScreenshot as keepScreenshotOf, startUiSession, workbenchTest } from './session.mjs';
import {
  activeEditor, appendNewLine, editorLines, openFile, openProblems, problemEntries, problemFiles, runCommand,
  saveActiveEditor, wordBox,
} from './workbench.mjs';

const FIXTURES = path.join(ROOT, 'test/e2e/workspace');
// code-server gives an extension's status-bar item the DOM id "<publisher>.<name>.<item id>".
const STATUS_ITEM = '.statusbar-item[id="rsc-tools.routeros-script.routeros.targetVersion"]';

let session;
let page;
let workspace;

before(async () => {
  session = await startUiSession('ui');
  ({ page, workspace } = session);
});

after(async () => {
  await session?.close();
});

/**
 * A test that starts from a workbench without editors, leaves a screenshot when it fails, and afterwards puts
 * back what it changed: `edits` are workspace files it types into (reverted in the editor, restored on disk),
 * `settings` says it may write .vscode/settings.json (removed).
 */
function scenario(name, { edits = [], settings = false } = {}, body) {
  workbenchTest(() => page, name, body, { cleanup: () => restore(edits, settings) });
}

/** Reverts and closes the edited files' editors, then copies the fixtures back over anything saved. */
async function restore(edits, settings) {
  if (!page || !workspace) return; // the setup failed; there is nothing to put back
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  for (const file of edits) {
    const tab = page.locator('.tabs-container .tab', { hasText: file });
    if ((await tab.count()) === 0) continue;
    await openFile(page, file);
    await runCommand(page, 'View: Revert and Close Editor');
    await tab.waitFor({ state: 'detached' });
  }
  for (const file of edits) fs.copyFileSync(path.join(FIXTURES, file), path.join(workspace, file));
  if (settings) fs.rmSync(path.join(workspace, '.vscode'), { recursive: true, force: true });
}

function keepScreenshot(fileName) {
  return keepScreenshotOf(page, fileName);
}

test('the .vsix holds the bundles, grammar, snippets, icon and README images, and no node_modules or CLI', () => {
  const entries = zipEntries(VSIX);
  const names = entries.map((entry) => entry.name);
  const readme = zipRead(VSIX, 'extension/readme.md').toString('utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
  assert.ok(images.length >= 5, `the README shows the extension at work: ${images.join(', ')}`);
  const required = [
    'extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/language-configuration.json',
    'extension/client/out/extension.js', 'extension/client/out/push.js', 'extension/server/out/server.js',
    'extension/syntaxes/routeros.tmLanguage.json', 'extension/snippets/routeros.json', 'extension/images/icon.png',
    // The README's pictures resolve inside the installed extension (vsce runs with --no-rewrite-relative-links).
    ...images.map((image) => `extension/${image}`),
  ];
  assert.deepEqual(required.filter((name) => !names.includes(name)), [], 'missing from the .vsix');
  const unwanted = names.filter((name) => /node_modules\/|\.map$|\.ts$|(^|\/)(test|src|\.e2e)\/|server\/out\/(cli|lint)\.js$/.test(name));
  assert.deepEqual(unwanted, [], 'must not be in the .vsix');
  // The client is a thin bundle: the parser and the analysis (Chevrotain) stay in the server's process, and the
  // push transports (ssh2) in push.js, which only the first push command loads.
  const client = zipRead(VSIX, 'extension/client/out/extension.js').toString('utf8');
  assert.ok(!/chevrotain/i.test(client), 'the client bundle contains the parser (Chevrotain)');
  assert.ok(!/SSH-2\.0/.test(client), 'the activation bundle contains the SSH client (ssh2)');
  assert.ok(/SSH-2\.0/.test(zipRead(VSIX, 'extension/client/out/push.js').toString('utf8')), 'push.js lacks the SSH client');
  assert.ok(/chevrotain/i.test(zipRead(VSIX, 'extension/server/out/server.js').toString('utf8')), 'the server bundle lacks the parser');
});

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

scenario('a misspelt parameter gets a squiggle and a Problems entry', {}, async () => {
  await openFile(page, 'pppoe.rsc');
  const squiggle = activeEditor(page).locator('.squiggly-error').first();
  await squiggle.waitFor({ timeout: 30000 });
  const word = await wordBox(page, 'passwrd');
  assert.ok(word, 'passwrd is not rendered in the editor');
  const squiggles = await activeEditor(page).locator('.squiggly-error').evaluateAll((nodes) =>
    nodes.map((node) => {
      const rect = node.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }),
  );
  assert.ok(squiggles.some((box) => overlaps(box, word)), `no error squiggle under "passwrd": ${JSON.stringify({ word, squiggles })}`);
  await openProblems(page);
  await problemEntries(page, 'passwrd').first().waitFor();
  await keepScreenshot('diagnostics.png');
});

scenario('hovering a parameter shows its documentation', {}, async () => {
  await openFile(page, 'pppoe.rsc');
  const word = await wordBox(page, 'add-default-route');
  assert.ok(word, 'add-default-route is not rendered in the editor');
  // Click the word (the cursor lands in it and the mouse rests on it), then ask for the hover from the keyboard
  // (Ctrl+K Ctrl+I, "Show or Focus Hover"): a mouse hover alone depends on mouse-move timing.
  await page.mouse.click(word.x + word.width / 2, word.y + word.height / 2);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: /default route/i });
  await hover.first().waitFor({ timeout: 20000 });
  await keepScreenshot('hover.png');
  await page.mouse.move(5, 5);
});

scenario('completion after "/interface pppoe-client add " offers and inserts add-default-route', { edits: ['scratch.rsc'] }, async () => {
  await openFile(page, 'scratch.rsc');
  await appendNewLine(page);
  await page.keyboard.type('/interface pppoe-client add ');
  await page.keyboard.press('Control+Space');
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'add-default-route' });
  await row.first().waitFor({ timeout: 20000 });
  await keepScreenshot('completion.png');
  await page.keyboard.type('add-def');
  await page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'add-default-route' }).waitFor();
  await page.keyboard.press('Enter');
  // Accepting a parameter inserts `name=` and asks for completion again, so the widget comes back with the
  // parameter's values: wait for the text and then for those values, not for the widget to go away.
  await activeEditor(page).locator('.view-line', { hasText: /add-default-route=/ }).first().waitFor({ timeout: 20000 });
  const lines = await editorLines(page);
  assert.ok(
    lines.some((line) => line.startsWith('/interface pppoe-client add add-default-route=')),
    `the accepted item is not in the text:\n${lines.join('\n')}`,
  );
  await page.locator('.suggest-widget .monaco-list-row', { hasText: /^\s*yes/ }).first().waitFor({ timeout: 20000 });
  await page.keyboard.press('Escape');
  await page.locator('.suggest-widget').waitFor({ state: 'hidden' });
});

scenario('the pppoe-failover snippet inserts the whole failover recipe, which has no problems', { edits: ['failover.rsc'] }, async () => {
  // The snippet as packaged: what the user gets is what the test expects.
  const packaged = zipRead(VSIX, 'extension/snippets/routeros.json');
  assert.ok(packaged, 'the .vsix has no snippets/routeros.json');
  const failover = Object.values(JSON.parse(packaged.toString('utf8'))).find((s) => [s.prefix].flat().includes('pppoe-failover'));
  assert.ok(failover, 'snippets/routeros.json has no snippet with the prefix pppoe-failover');
  const before = fs.readFileSync(path.join(workspace, 'failover.rsc'), 'utf8');
  assert.ok(before.endsWith('\n'), 'the fixture ends with a newline, so the snippet goes on a line of its own');

  await openProblems(page);
  await openFile(page, 'failover.rsc');
  await appendNewLine(page);
  await page.keyboard.type('pppoe-failover');
  await page.keyboard.press('Control+Space');
  await page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'pppoe-failover' }).waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
  await page.locator('.suggest-widget').waitFor({ state: 'hidden' });
  await page.keyboard.press('Escape'); // leave snippet mode

  // "No problems" needs proof that the server has seen the snippet: a line with a known error goes in after
  // it, its Problems entry must be the file's only one, and once it is deleted the file must have none.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(':probe');
  await problemEntries(page, ':probe').first().waitFor({ timeout: 30000 });
  const whileProbing = await problemEntries(page).allInnerTexts();
  assert.equal(whileProbing.length, 1, `only the probe line may have a problem:\n${whileProbing.join('\n')}`);
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await problemEntries(page, ':probe').first().waitFor({ state: 'detached', timeout: 30000 });
  assert.deepEqual(await problemEntries(page).allInnerTexts(), [], 'the inserted recipe has problems');
  assert.equal(await problemFiles(page, 'failover.rsc').count(), 0, 'Problems lists failover.rsc');

  // The whole text, from the saved file (the editor renders only the lines in view).
  const expected = before + expandSnippet(failover.body);
  const after = await saveActiveEditor(page, path.join(workspace, 'failover.rsc'), (text) => text === expected);
  assert.equal(after, expected, 'the editor holds the fixture plus the expanded snippet');
  await page.keyboard.press('Control+Home'); // the picture shows the recipe from its start
  await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'Failover for two PPPoE uplinks' }).waitFor();
  await keepScreenshot('snippet.png');
});

scenario('the status bar shows the export header version', {}, async () => {
  await openFile(page, 'backup-export');
  const item = page.locator(STATUS_ITEM);
  await item.waitFor();
  await page.locator(STATUS_ITEM, { hasText: 'RouterOS 7.15' }).waitFor({ timeout: 20000 });
});

// version.rsc holds a slash path (/ip/address/print: RouterOS v7 syntax, an error for 6.49 only) and a line
// that is an error for every version (the proof that the file has been checked).
scenario('the status bar item changes the target version, and the diagnostics follow it', { settings: true }, async () => {
  await openProblems(page);
  await openFile(page, 'version.rsc');
  await problemEntries(page, ':probe').first().waitFor({ timeout: 30000 });
  const v7PathSyntax = /v7-path-syntax|slash-separated/;
  assert.equal(await problemEntries(page, v7PathSyntax).count(), 0, 'a slash path is fine for the automatic (v7) version');
  const item = page.locator(STATUS_ITEM);
  await item.waitFor({ timeout: 30000 });
  assert.match(await item.innerText(), /^RouterOS 7\./);
  await item.click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: '7.24' }).first().waitFor();
  await input.fill('6.49');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: '6.49' }).waitFor();
  await keepScreenshot('target-version.png');
  await page.keyboard.press('Enter');
  await page.locator(STATUS_ITEM, { hasText: 'RouterOS 6.49' }).waitFor();
  await problemEntries(page, v7PathSyntax).first().waitFor({ timeout: 30000 });
  const settings = JSON.parse(fs.readFileSync(path.join(workspace, '.vscode/settings.json'), 'utf8'));
  assert.equal(settings['routeros.targetVersion'], '6.49');
  await keepScreenshot('target-version-diagnostics.png');
});

scenario('"RouterOS: Show Output" shows the channel with the language server\'s log', {}, async () => {
  await openFile(page, 'pppoe.rsc'); // the server runs once a RouterOS file is open
  await runCommand(page, 'RouterOS: Show Output');
  // The Output panel renders the channel's text in an editor; the server's first line says it started.
  const output = page.locator('.part.panel .output-view, .part.panel [id="workbench.panel.output"]').first();
  await output.waitFor();
  await output.locator('.view-line', { hasText: 'RouterOS: language server started' }).first().waitFor({ timeout: 30000 });
});
