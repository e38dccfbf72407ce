// Typing in a real editor: the Enter rules of language-configuration.json as VS Code applies them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openRouterOS } from './helpers.js';

/** Opens `text` in a RouterOS editor with the given indentation unit, the cursor at the end of the last line. */
async function editorWith(text: string, tabSize: number): Promise<vscode.TextEditor> {
  const document = await openRouterOS(text);
  const editor = await vscode.window.showTextDocument(document);
  editor.options = { tabSize, insertSpaces: true };
  const last = document.lineAt(document.lineCount - 1);
  editor.selection = new vscode.Selection(last.range.end, last.range.end);
  return editor;
}

/**
 * Types like a user, through the editor's typing path, one piece at a time: the onEnter rules only run for an
 * Enter typed on its own (a `type` of "a\nb" inserts the text as a whole).
 */
async function type(text: string): Promise<void> {
  for (const piece of text.split(/(\n)/).filter(Boolean)) await vscode.commands.executeCommand('type', { text: piece });
}

function lines(editor: vscode.TextEditor): string[] {
  return editor.document.getText().split('\n');
}

suite('editing: Enter after a line continuation', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the continued lines are indented one unit (four spaces by default), and the line after them is not', async () => {
    assert.deepEqual(vscode.workspace.getConfiguration('editor', { languageId: 'routeros' }).get('tabSize'), 4, 'RouterOS files indent by four spaces, as exports do');
    const editor = await editorWith('/interface pppoe-client add name=pppoe-out1 \\', 4);
    await type('\n');
    assert.equal(lines(editor)[1], '    ', 'first continuation line');
    await type('interface=ether1 \\\n');
    assert.equal(lines(editor)[2], '    ', 'the continuation goes on at the same indentation');
    await type('disabled=no\n');
    assert.deepEqual(lines(editor), ['/interface pppoe-client add name=pppoe-out1 \\', '    interface=ether1 \\', '    disabled=no', '']);
  });

  test('the indentation unit is the editor\'s: with a tab size of 2, in and out by two spaces', async () => {
    const editor = await editorWith('/ip address add address=192.168.88.1/24 \\', 2);
    await type('\ninterface=bridge\n');
    assert.deepEqual(lines(editor), ['/ip address add address=192.168.88.1/24 \\', '  interface=bridge', '']);
  });

  test('a comment ending in a backslash does not continue: the next line is not indented', async () => {
    const editor = await editorWith('# a backslash does not continue a comment \\', 4);
    await type('\n');
    assert.equal(lines(editor)[1], '');
    await type(':put 1; # nor after a statement \\\n');
    assert.equal(lines(editor)[2], '');
  });
});
