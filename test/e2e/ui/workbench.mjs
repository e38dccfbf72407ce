// Small, readable actions on the VS Code web workbench for the UI tests (Playwright page in, DOM out).
// Every step waits for the element that proves it happened; nothing waits for a fixed time.

/** Runs a command by its palette title, e.g. "View: Close All Editors". */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  // Wait for the FOCUSED row: right after typing, the list may still show the unfiltered entries.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
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

/**
 * Expands snippet body lines the way VS Code inserts them when every placeholder keeps its default:
 * `${1:ether1}` becomes `ether1`, a mirror `$1` repeats it, a choice `${2|yes,no|}` takes its first option.
 */
export function expandSnippet(lines) {
  const defaults = new Map();
  const expanded = lines.map((line) => {
    let text = line;
    // Innermost placeholders first, until none is left (placeholders may nest: ${1:a ${2:b}}).
    for (let previous = ''; previous !== text; ) {
      previous = text;
      text = text
        .replace(/\$\{(\d+):([^{}$]*)\}/g, (_, index, value) => {
          defaults.set(index, value);
          return value;
        })
        .replace(/\$\{(\d+)\|([^,|}]*)[^}]*\}/g, (_, index, value) => {
          defaults.set(index, value);
          return value;
        });
    }
    return text;
  });
  return expanded.map((line) =>
    line
      .replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a, b) => defaults.get(a ?? b) ?? '')
      .replace(/\\\$/g, '$')
      .replace(/\\\}/g, '}'),
  );
}
