// Creates the language client that runs the bundled server (server/out/server.js) in a Node child process.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from './protocol.js';
import { LANGUAGE_ID } from './statusBar.js';

export const CLIENT_ID = 'routeros';
export const CLIENT_NAME = 'RouterOS Language Server';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    // `--inspect` lets a developer attach a debugger to the server when the extension runs in debug mode.
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    // The server pulls settings with workspace/configuration; this also notifies it when `routeros.*` changes.
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: output,
  };
  // The client id makes `routeros.trace.server` control the protocol trace.
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
