// Activation, commands and settings of the extension, in a real VS Code extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { routerosExtension, serverReady, waitUntil, workspaceFile } from './helpers.js';

suite('activation and commands', () => {
  test('stays inactive until a RouterOS file opens, then activates and starts the server', async () => {
    const extension = routerosExtension();
    assert.equal(extension.isActive, false, 'nothing RouterOS is open yet, so the extension must not be active');
    const document = await vscode.workspace.openTextDocument(workspaceFile('pppoe.rsc'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'routeros');
    await waitUntil(() => extension.isActive, 'activation by the routeros language');
    await serverReady();
  });

  test('a file without .rsc whose first line is an export header is RouterOS', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('backup-export'));
    assert.equal(document.languageId, 'routeros');
  });

  test('registers every command it contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: { command: string }[] = routerosExtension().packageJSON.contributes.commands;
    assert.ok(contributed.length >= 6, 'package.json contributes the six commands of the contract');
    const missing = contributed.map((c) => c.command).filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], 'contributed but not registered');
  });

  test('contributes the routeros.* settings with their defaults', () => {
    const config = vscode.workspace.getConfiguration('routeros');
    assert.equal(config.get('targetVersion'), '');
    assert.deepEqual(config.get('rules'), {});
    assert.equal(config.get('commandTreeFile'), '');
    assert.deepEqual(config.get('routers'), []);
    assert.equal(config.get('push.lintBeforePush'), true);
    assert.equal(config.get('trace.server'), 'off');
  });

  test('routeros.selectTargetVersion writes the workspace setting, and "auto" removes it', async () => {
    const inspect = () => vscode.workspace.getConfiguration('routeros').inspect<string>('targetVersion');
    assert.equal(await vscode.commands.executeCommand('routeros.selectTargetVersion', '7.20'), '7.20');
    assert.equal(inspect()?.workspaceValue, '7.20');
    assert.equal(vscode.workspace.getConfiguration('routeros').get('targetVersion'), '7.20');

    assert.equal(await vscode.commands.executeCommand('routeros.selectTargetVersion', 'auto'), '');
    assert.equal(inspect()?.workspaceValue, undefined);
    assert.equal(vscode.workspace.getConfiguration('routeros').get('targetVersion'), '');
  });

  test('routeros.selectTargetVersion refuses text that is not a version', async () => {
    assert.equal(await vscode.commands.executeCommand('routeros.selectTargetVersion', 'seven'), undefined);
    assert.equal(vscode.workspace.getConfiguration('routeros').inspect('targetVersion')?.workspaceValue, undefined);
  });

  test('a push command loads the push module on first use and runs the real command', async () => {
    // With no router configured and no stored password, the real command only reports that; the stub that
    // stands in until the first use must hand over to it instead of calling itself again.
    await vscode.commands.executeCommand('routeros.forgetRouterPassword');
    await vscode.commands.executeCommand('routeros.forgetRouterPassword');
  });

  test('routeros.showOutput runs', async () => {
    await vscode.commands.executeCommand('routeros.showOutput');
  });
});
