// Activation, commands and settings of the extension, in a real VS Code extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { routerosExtension, serverReady, waitUntil, workspaceFile } from './helpers.js';

suite('activation and commands', () => {
  // The first test of the first suite file (Mocha runs the files sorted, and activation.test.js comes first), in a
  // fresh extension host: nothing has activated the extension yet, so the export header alone must do it.
  test('stays inactive until a RouterOS file opens; a file without .rsc activates it by its export header alone', async () => {
    const extension = routerosExtension();
    assert.equal(extension.isActive, false, 'nothing RouterOS is open yet, so the extension must not be active');
    const document = await vscode.workspace.openTextDocument(workspaceFile('backup-export'));
    assert.ok(!document.fileName.endsWith('.rsc'), 'the fixture must not be recognised by its name');
    assert.match(document.lineAt(0).text, /^# \S+ \S+ by RouterOS \d/, 'its first line is an export header');
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'routeros');
    await waitUntil(() => extension.isActive, 'activation by the export header of backup-export');
    await serverReady();
  });

  test('a .rsc file is RouterOS', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('pppoe.rsc'));
    assert.equal(document.languageId, 'routeros');
  });

  test('declares limited support for untrusted workspaces, without their command tree and router settings', () => {
    const untrusted = routerosExtension().packageJSON.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    assert.deepEqual([...(untrusted?.restrictedConfigurations ?? [])].sort(), ['routeros.commandTreeFile', 'routeros.routers']);
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
