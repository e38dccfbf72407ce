// Registers the push commands without loading the push code at activation. The push module brings in the
// SSH and REST transports (ssh2 and friends, more than half of what the client would weigh), which only a push
// needs; activation should cost no more than starting the language client. So the push code is a bundle of its
// own, client/out/push.js (scripts/build.mjs), that extension.js does not contain. Each push command starts as
// a stub; the first use loads that bundle, lets it register the real commands, and runs the real command with
// the same arguments.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PushUiDeps } from './push/commands.js';

type PushModule = typeof import('./push/commands.js');

/** The push bundle's file name, next to extension.js in client/out. */
export const PUSH_BUNDLE = 'push.js';

/**
 * Loads client/out/push.js. The path is computed, so esbuild leaves this require() alone and the push code
 * never enters extension.js; Node loads it the first time a push command runs.
 */
function loadPushModule(): PushModule {
  return require(path.join(__dirname, PUSH_BUNDLE)) as PushModule;
}

/** The push commands of the contract (package.json contributes them; client/src/push/ implements them). */
export const PUSH_COMMANDS = ['routeros.pushToRouter', 'routeros.checkOnRouter', 'routeros.loadCommandTree', 'routeros.forgetRouterPassword'];

export function registerPushCommandsLazily(context: vscode.ExtensionContext, deps: PushUiDeps): void {
  let loaded = false;
  const stubs: vscode.Disposable[] = [];
  /** Swaps the stubs for the real commands; throws (leaving the stubs, so a later use retries) if it cannot. */
  const load = (): void => {
    if (loaded) return;
    const push = loadPushModule();
    // Free the command ids first: the push module registers the real commands under the same ids.
    for (const stub of stubs) stub.dispose();
    push.registerPushCommands(context, deps);
    loaded = true;
  };
  for (const command of PUSH_COMMANDS) {
    const stub = vscode.commands.registerCommand(command, async (...args: unknown[]) => {
      try {
        load();
      } catch (error) {
        deps.output.appendLine(`The push commands could not be loaded: ${String(error)}`);
        void vscode.window.showErrorMessage('RouterOS: the push commands could not be loaded; see the RouterOS output.');
        return undefined;
      }
      return vscode.commands.executeCommand(command, ...args);
    });
    stubs.push(stub);
    context.subscriptions.push(stub);
  }
}
