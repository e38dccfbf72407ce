// Registers the push commands without loading the push code at activation. The push module brings in the
// SSH and REST transports (ssh2 and friends, most of the client bundle), which only a push needs; activation
// should cost no more than starting the language client. Each push command starts as a stub; the first use
// loads the module, lets it register the real commands, and runs the real command with the same arguments.
import * as vscode from 'vscode';
import type { PushUiDeps } from './push/commands.js';

/** The push commands of the contract (package.json contributes them; client/src/push/ implements them). */
export const PUSH_COMMANDS = ['routeros.pushToRouter', 'routeros.checkOnRouter', 'routeros.loadCommandTree', 'routeros.forgetRouterPassword'];

export function registerPushCommandsLazily(context: vscode.ExtensionContext, deps: PushUiDeps): void {
  let loading: Promise<void> | undefined;
  const stubs: vscode.Disposable[] = [];
  const load = (): Promise<void> => {
    loading ??= (async () => {
      // Free the command ids first: the push module registers the real commands under the same ids.
      for (const stub of stubs) stub.dispose();
      // esbuild keeps this module in the same bundle but evaluates it (and ssh2) only now.
      const { registerPushCommands } = await import('./push/commands.js');
      registerPushCommands(context, deps);
    })();
    return loading;
  };
  for (const command of PUSH_COMMANDS) {
    const stub = vscode.commands.registerCommand(command, async (...args: unknown[]) => {
      await load();
      return vscode.commands.executeCommand(command, ...args);
    });
    stubs.push(stub);
    context.subscriptions.push(stub);
  }
}
