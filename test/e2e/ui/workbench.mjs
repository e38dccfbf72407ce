// Small, readable actions on the VS Code web workbench for the UI tests (Playwright page in, DOM out).
// Every step waits for the element that proves it happened; nothing waits for a fixed time.
import fs from 'node:fs';

/**
 * Runs a command by its palette title, e.g. "View: Close All Editors" or "Focus Problems (Errors, Warnings,
 * Infos)" (the category may be left out). The row whose label is exactly that title is clicked: the filter
 * ranks by fuzzy score, so the wanted command is not always the first (">File: Save" puts "File: Compare
 * Active File with Saved" on top). `waitClosed: false` is for commands that open a quick pick next.
 */
export async function runCommand(page, title, { waitClosed = true } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const label = page.locator('.label-name', { hasText: new RegExp(`^(?:[^:]+: )?${escaped}$`) });
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: label }).first();
  await row.click();
  // A command that opens a quick pick of its own reuses the widget: its caller waits for that pick instead.
  if (waitClosed) await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Opens a workspace file with Quick Open and waits until its tab is active and its text is rendered. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  // Wait for the FOCUSED row: until the filter applies, the first row is the most recently opened file.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await activeEditor(page).locator('.view-lines').waitFor();
}

export function activeEditor(page) {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** The rendered text of the active editor, one string per line (Monaco renders spaces as U+00A0). */
export async function editorLines(page) {
  const lines = await activeEditor(page).locator('.view-line').evaluateAll((nodes) =>
    nodes
      .map((node) => ({ top: parseFloat(node.style.top || '0'), text: node.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text),
  );
  return lines.map((line) => line.replace(/\u00a0/g, ' '));
}

/** Screen rectangle of the first occurrence of `word` in the active editor's rendered text, or null. */
export async function wordBox(page, word) {
  return activeEditor(page).evaluate((editor, target) => {
    /* global document, NodeFilter */
    for (const line of editor.querySelectorAll('.view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const texts = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
      const whole = texts.map((t) => t.textContent).join('');
      const at = whole.indexOf(target);
      if (at < 0) continue;
      // Map the match back to text nodes (tokens are separate spans) and measure it with a DOM range.
      const range = document.createRange();
      let offset = 0;
      for (const node of texts) {
        const length = node.textContent.length;
        if (at >= offset && at <= offset + length) range.setStart(node, at - offset);
        if (at + target.length >= offset && at + target.length <= offset + length) {
          range.setEnd(node, at + target.length - offset);
          break;
        }
        offset += length;
      }
      const rect = range.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }
    return null;
  }, word);
}

/** Puts the cursor on a fresh empty line at the end of the active editor (reusing a trailing empty line). */
export async function appendNewLine(page) {
  await activeEditor(page).locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  const lines = await editorLines(page);
  if (lines.at(-1) !== '') await page.keyboard.press('Enter');
}

/** Opens the Problems panel with the "View: Focus Problems" command (Control+Shift+M toggles: it may close it). */
export async function openProblems(page) {
  await runCommand(page, 'Focus Problems (Errors, Warnings, Infos)');
  await page.locator('.markers-panel').waitFor();
}

/** Problems entries (not the file rows above them): rows at the second level of the Problems tree. */
export function problemEntries(page, hasText) {
  const rows = page.locator('.markers-panel .monaco-list-row[aria-level="2"]');
  return hasText === undefined ? rows : rows.filter({ hasText });
}

/** The file rows of the Problems tree (one per file that has problems). */
export function problemFiles(page, hasText) {
  const rows = page.locator('.markers-panel .monaco-list-row[aria-level="1"]');
  return hasText === undefined ? rows : rows.filter({ hasText });
}

/**
 * Saves the active editor (File: Save) and resolves with the file's text once `accept(text)` likes what is on
 * disk, or with the last text seen after `timeoutMs` (for the caller's assertion to show). A watcher on the file
 * reports each write, so nothing is polled; `accept` guards against reading a write that is still under way.
 */
export async function saveActiveEditor(page, file, accept, timeoutMs = 20000) {
  let watcher;
  let timer;
  let last = fs.readFileSync(file, 'utf8');
  const settled = new Promise((resolve) => {
    const check = () => {
      last = fs.readFileSync(file, 'utf8');
      if (accept(last)) resolve(last);
    };
    watcher = fs.watch(file, check);
    timer = setTimeout(() => resolve(last), timeoutMs);
  });
  try {
    await runCommand(page, 'File: Save');
    return await settled;
  } finally {
    clearTimeout(timer);
    watcher?.close();
  }
}
