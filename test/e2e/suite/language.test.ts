// Language features served by the bundled language server, seen through the real VS Code API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, openRouterOS, serverReady, waitForDiagnostics, workspaceFile } from './helpers.js';

const WRONG_PARAMETER_LINE = '/interface pppoe-client add interface=ether1 user=a passwrd=b';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

suite('language server features', () => {
  suiteSetup(async () => {
    await serverReady();
  });

  test('publishes a diagnostic on a misspelt parameter (passwrd)', async () => {
    const document = await openRouterOS(`${WRONG_PARAMETER_LINE}\n`);
    const onPasswrd = (d: vscode.Diagnostic) => document.getText(d.range).startsWith('passwrd');
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some(onPasswrd), 'a diagnostic on "passwrd"');
    const found = diagnostics.find(onPasswrd);
    assert.ok(found, describeDiagnostics(document, diagnostics));
    assert.equal(found.range.start.line, 0);
    assert.equal(found.range.start.character, WRONG_PARAMETER_LINE.indexOf('passwrd'));
    assert.equal(found.severity, vscode.DiagnosticSeverity.Error, describeDiagnostics(document, diagnostics));
    // Only the misspelt parameter is wrong: the other parameters of the line are real.
    const others = diagnostics.filter((d) => d.range.start.line === 0 && !onPasswrd(d) && d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(others, [], describeDiagnostics(document, others));
  });

  test('fixing the parameter clears the diagnostic (incremental sync)', async () => {
    const document = await openRouterOS(`${WRONG_PARAMETER_LINE}\n`);
    const onLine = (all: readonly vscode.Diagnostic[]) => all.some((d) => d.range.start.line === 0 && d.severity === vscode.DiagnosticSeverity.Error);
    await waitForDiagnostics(document.uri, onLine, 'the first diagnostic');
    const column = WRONG_PARAMETER_LINE.indexOf('passwrd');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, column, 0, column + 'passwrd'.length), 'password');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(document.uri, (all) => !onLine(all), 'the diagnostic to go away after the fix');
  });

  test('the fixture file gets the same diagnostic', async () => {
    const uri = workspaceFile('pppoe.rsc');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri, (all) => all.some((d) => document.getText(d.range).startsWith('passwrd')), 'a diagnostic on "passwrd" in pppoe.rsc');
  });

  test('completion after "/interface pppoe-client add " offers add-default-route', async () => {
    const line = '/interface pppoe-client add ';
    const document = await openRouterOS(`${line}\n`);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(0, line.length),
    );
    const labels = list.items.map(labelOf);
    assert.ok(
      labels.some((label) => label.replace(/=$/, '') === 'add-default-route'),
      `add-default-route missing from: ${labels.slice(0, 40).join(', ')}`,
    );
    // The menu's own parameters, not commands of other menus.
    assert.ok(labels.some((label) => label.replace(/=$/, '') === 'user'), 'user missing');
  });

  test('hover on a parameter shows its documentation', async () => {
    const line = '/interface pppoe-client add interface=ether1 add-default-route=yes';
    const document = await openRouterOS(`${line}\n`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      new vscode.Position(0, line.indexOf('add-default-route') + 4),
    );
    const text = hoverText(hovers);
    assert.match(text, /default route/i, `hover text was: ${JSON.stringify(text)}`);
  });
});
