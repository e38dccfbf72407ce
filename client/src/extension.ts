// Entry point of the VS Code extension: a thin client. It starts the language server, shows the target
// RouterOS version in the status bar, and registers the commands. All language knowledge lives in the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient.js';
import { LintTextRequest } from '../../server/src/protocol.js';
import { DocumentInfoRequest } from './protocol.js';
import { registerPushCommandsLazily } from './lazyPush.js';
import { TargetVersionStatus } from './statusBar.js';
import { SELECT_TARGET_VERSION_COMMAND, selectTargetVersion } from './targetVersion.js';

export const SHOW_OUTPUT_COMMAND = 'routeros.showOutput';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions and to its own tests. */
export interface RouterOSExtensionApi {
  /** Resolves once the language server has answered `initialize` (rejects if it could not start). */
  readonly serverReady: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): RouterOSExtensionApi {
  const output = vscode.window.createOutputChannel('RouterOS', { log: true });
  const diagnostics = vscode.languages.createDiagnosticCollection('routeros-router');
  context.subscriptions.push(output, diagnostics);

  const languageClient = createLanguageClient(context, output);
  client = languageClient;
  const serverReady = languageClient.start().catch((error: unknown) => {
    output.error(`The RouterOS language server did not start: ${String(error)}`);
    throw error;
  });
  // Activation must not fail (and must not wait) because the server is slow or broken; the log says why.
  serverReady.catch(() => undefined);

  const status = new TargetVersionStatus(async (params) => {
    await serverReady;
    return languageClient.sendRequest(DocumentInfoRequest, params);
  });
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(SELECT_TARGET_VERSION_COMMAND, (preset?: unknown) => selectTargetVersion(preset)),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
  );
  registerPushCommandsLazily(context, {
    output,
    diagnostics,
    // Push lints exactly the text it is about to send, with the server's own linter (`routeros/lintText`).
    lintText: async (params) => {
      await serverReady;
      return languageClient.sendRequest(LintTextRequest, params);
    },
  });

  void status.refresh();
  serverReady.then(() => status.refresh(), () => undefined);
  return { serverReady };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  // stop() rejects when the server never started; there is nothing left to clean up then.
  if (running) await running.stop().catch(() => undefined);
}
