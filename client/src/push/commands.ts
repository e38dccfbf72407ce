// The push commands of the VS Code extension: Push to Router, Check on Router (dry run), Load Command Tree from
// Router, Forget Router Password. This file is the UI only (pickers, dialogs, progress, diagnostics); the safety
// flow, transports, trust and result parsing are in server/src/push and are unit-tested there.
import * as vscode from 'vscode';
import { parseRouterAddress } from '../../../server/src/push/address.js';
import { commandTreeFileName, readCommandTree } from '../../../server/src/push/commandTree.js';
import { createTransport, type RouterProfile } from '../../../server/src/push/factory.js';
import { describePlan } from '../../../server/src/push/planText.js';
import { identifyRouter, pushScript, type LintFinding, type PushMode, type PushPlan, type PushResult } from '../../../server/src/push/push.js';
import { Redactor } from '../../../server/src/push/redact.js';
import { RestTransport } from '../../../server/src/push/rest.js';
import { PushError } from '../../../server/src/push/transport.js';
import { trustKey } from '../../../server/src/push/trust.js';
import { askTrust, getPassword, GlobalStateTrustStore, passwordKey, pickProfile, readProfiles } from './routerAccess.js';

/** `source` of the diagnostics the router reports, so they can be told apart from the linter's. */
export const ROUTER_DIAGNOSTIC_SOURCE = 'RouterOS router';

export interface PushUiDeps {
  readonly output: vscode.OutputChannel;
  readonly diagnostics: vscode.DiagnosticCollection;
}

export function registerPushCommands(context: vscode.ExtensionContext, deps: PushUiDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('routeros.pushToRouter', () => runPushCommand(context, deps, 'apply')),
    vscode.commands.registerCommand('routeros.checkOnRouter', () => runPushCommand(context, deps, 'check')),
    vscode.commands.registerCommand('routeros.loadCommandTree', () => loadCommandTree(context, deps)),
    vscode.commands.registerCommand('routeros.forgetRouterPassword', () => forgetRouterPassword(context, deps)),
  );
}

async function runPushCommand(context: vscode.ExtensionContext, deps: PushUiDeps, mode: PushMode): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showErrorMessage('Open a RouterOS script (.rsc) to push it to a router.');
    return;
  }
  const document = editor.document;
  const selection = editor.selection;
  // A selection is widened to whole lines: half a RouterOS command is never what anyone means to push.
  const range = selection.isEmpty ? new vscode.Range(0, 0, document.lineCount, 0) : wholeLines(document, selection);
  const text = document.getText(range);
  const origin = { line: range.start.line, character: range.start.character };
  if (text.trim() === '') {
    void vscode.window.showErrorMessage('There is nothing to push: the script (or the selection) is empty.');
    return;
  }

  const purpose = mode === 'check' ? 'Check on Router' : 'Push to Router';
  const profile = await pickProfile(deps.output, purpose);
  if (!profile) return;

  // Lint first: the language server's errors for the pushed lines. The user may push anyway, deliberately.
  const lintBeforePush = vscode.workspace.getConfiguration('routeros').get<boolean>('push.lintBeforePush', true);
  const lintFindings = lintBeforePush ? languageServerFindings(document, range) : [];
  const lintErrors = lintFindings.filter((finding) => finding.severity === 'error');
  let force = false;
  if (lintErrors.length > 0) {
    const anyway = mode === 'check' ? 'Check Anyway' : 'Push Anyway';
    const choice = await vscode.window.showWarningMessage(
      `The linter reports ${lintErrors.length} error(s) in what would be sent (first at line ${lintErrors[0].range.start.line + origin.line + 1}: ${lintErrors[0].message}).`,
      { modal: true, detail: 'Fix them first, or send the script anyway.' },
      anyway,
    );
    if (choice !== anyway) return;
    force = true;
  }

  const password = await getPassword(context.secrets, profile);
  if (!password) return;

  deps.diagnostics.delete(document.uri);
  const redactor = new Redactor();
  redactor.addSecret(password.value, profile.user);
  const trust = new GlobalStateTrustStore(context.globalState);
  let transport;
  try {
    transport = createTransport(profile, { password: password.value, trust, redactor, log: (line) => deps.output.appendLine(redactor.redact(line)) });
  } catch (error) {
    void vscode.window.showErrorMessage(`Router ${profile.name}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }

  deps.output.appendLine(`--- ${purpose}: ${document.uri.fsPath}${selection.isEmpty ? '' : ` lines ${range.start.line + 1}-${range.end.line + 1}`} -> ${profile.name}`);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `RouterOS: ${purpose} (${profile.name})`, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await pushScript(
          transport,
          { text, mode, origin, force, lint: lintBeforePush ? () => lintFindings.map((finding) => relativeTo(finding, origin)) : undefined, filePrefix: 'vscode-push' },
          {
            trust,
            redactor,
            signal: controller.signal,
            confirm: (plan) => confirmPlan(plan, document),
            decideTrust: askTrust,
            progress: (message) => progress.report({ message }),
            log: (line) => deps.output.appendLine(line),
          },
        );
      } finally {
        subscription.dispose();
      }
    },
  );
  await showResult(result, { document, profile, password, deps, context, trust });
}

function wholeLines(document: vscode.TextDocument, selection: vscode.Selection): vscode.Range {
  // A selection ending at the start of a line (a typical line-wise selection) does not include that line.
  const lastLine = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
  return new vscode.Range(selection.start.line, 0, lastLine, document.lineAt(lastLine).range.end.character);
}

/** The language server's diagnostics on the pushed lines, as lint findings in document coordinates. */
function languageServerFindings(document: vscode.TextDocument, range: vscode.Range): LintFinding[] {
  const severities: Record<number, LintFinding['severity']> = {
    [vscode.DiagnosticSeverity.Error]: 'error',
    [vscode.DiagnosticSeverity.Warning]: 'warning',
    [vscode.DiagnosticSeverity.Information]: 'info',
    [vscode.DiagnosticSeverity.Hint]: 'hint',
  };
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((diagnostic) => diagnostic.source !== ROUTER_DIAGNOSTIC_SOURCE && range.contains(diagnostic.range.start))
    .map((diagnostic) => ({
      code: typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? ''),
      message: diagnostic.message,
      severity: severities[diagnostic.severity] ?? 'info',
      range: {
        start: { line: diagnostic.range.start.line, character: diagnostic.range.start.character },
        end: { line: diagnostic.range.end.line, character: diagnostic.range.end.character },
      },
    }));
}

/** Document coordinates -> coordinates in the pushed text (the push core shifts them back). */
function relativeTo(finding: LintFinding, origin: { line: number; character: number }): LintFinding {
  const shift = (position: { line: number; character: number }) => ({
    line: position.line - origin.line,
    character: position.line === origin.line ? position.character - origin.character : position.character,
  });
  return { ...finding, range: { start: shift(finding.range.start), end: shift(finding.range.end) } };
}

async function confirmPlan(plan: PushPlan, document: vscode.TextDocument): Promise<boolean> {
  const action = plan.mode === 'check' ? 'Run Dry Run' : 'Push';
  const detail = describePlan(plan, vscode.workspace.asRelativePath(document.uri)).join('\n');
  const choice = await vscode.window.showWarningMessage(`${action} to ${plan.router.identity}?`, { modal: true, detail }, action);
  return choice === action;
}

interface ResultContext {
  readonly document: vscode.TextDocument;
  readonly profile: RouterProfile;
  readonly password: { stored: boolean };
  readonly deps: PushUiDeps;
  readonly context: vscode.ExtensionContext;
  readonly trust: GlobalStateTrustStore;
}

async function showResult(result: PushResult, ctx: ResultContext): Promise<void> {
  const { document, deps } = ctx;
  if (result.routerText && result.routerText.trim() !== '') deps.output.appendLine(`Router output:\n${result.routerText.trim()}`);
  if (!result.refusedByLint && result.errors.length > 0) {
    deps.diagnostics.set(
      document.uri,
      result.errors.map((error) => {
        const line = Math.min(error.line, Math.max(0, document.lineCount - 1));
        const end = document.lineAt(line).range.end;
        const diagnostic = new vscode.Diagnostic(new vscode.Range(line, Math.min(error.character, end.character), line, end.character), `Router: ${error.message}`, vscode.DiagnosticSeverity.Error);
        diagnostic.source = ROUTER_DIAGNOSTIC_SOURCE;
        return diagnostic;
      }),
    );
  }

  const showOutput = 'Show Output';
  const extra: string[] = [showOutput];
  const forget = 'Forget Stored Password';
  const unpin = 'Forget Pinned Fingerprint…';
  if (result.status === 'failure' && /Authentication failed/.test(result.message) && ctx.password.stored) extra.push(forget);
  if (result.status === 'failure' && /^REFUSED: /.test(result.message)) extra.push(unpin);

  let choice: string | undefined;
  switch (result.status) {
    case 'success':
      choice = await vscode.window.showInformationMessage(result.message, showOutput);
      break;
    case 'unknown':
      choice = await vscode.window.showWarningMessage(result.message, ...extra);
      break;
    case 'cancelled':
      choice = await vscode.window.showInformationMessage(result.message, showOutput);
      break;
    default:
      choice = await vscode.window.showErrorMessage(result.message, ...extra);
  }
  if (choice === showOutput) deps.output.show(true);
  if (choice === forget) {
    await ctx.context.secrets.delete(passwordKey(ctx.profile));
    void vscode.window.showInformationMessage(`Forgot the stored password for ${ctx.profile.name}.`);
  }
  if (choice === unpin) await forgetPin(ctx.trust, ctx.profile);
}

/** Removing a pin is how a user accepts a deliberately replaced certificate: confirm it explicitly. */
async function forgetPin(trust: GlobalStateTrustStore, profile: RouterProfile): Promise<void> {
  let key: string;
  try {
    const endpoint = parseRouterAddress(profile.address, { transport: profile.transport, port: profile.port, allowHttp: profile.allowHttp });
    key = trustKey(endpoint.transport, endpoint.host, endpoint.port);
  } catch {
    return;
  }
  const pinned = trust.get(key);
  if (!pinned) return;
  const yes = 'Forget the Pinned Fingerprint';
  const choice = await vscode.window.showWarningMessage(
    'Only do this if you know why the certificate or host key changed (for example, you replaced it on the router).',
    { modal: true, detail: `Pinned for ${key}:\n${pinned}\n\nThe next connection will show the new fingerprint and ask again.` },
    yes,
  );
  if (choice === yes) await trust.delete(key);
}

async function forgetRouterPassword(context: vscode.ExtensionContext, deps: PushUiDeps): Promise<void> {
  const profiles = readProfiles(deps.output);
  const candidates: RouterProfile[] = [];
  for (const profile of profiles) if ((await context.secrets.get(passwordKey(profile))) !== undefined) candidates.push(profile);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage('No router password is stored.');
    return;
  }
  const picked =
    candidates.length === 1
      ? candidates[0]
      : (await vscode.window.showQuickPick(candidates.map((profile) => ({ label: profile.name, description: `${profile.user} @ ${profile.address}`, profile })), { placeHolder: 'Forget the password of which router?' }))?.profile;
  if (!picked) return;
  await context.secrets.delete(passwordKey(picked));
  void vscode.window.showInformationMessage(`Forgot the stored password for ${picked.name}.`);
}

async function loadCommandTree(context: vscode.ExtensionContext, deps: PushUiDeps): Promise<void> {
  const profile = await pickProfile(deps.output, 'Load Command Tree from Router (REST)', (candidate) => candidate.transport === 'rest');
  if (!profile) return;
  const password = await getPassword(context.secrets, profile);
  if (!password) return;
  const redactor = new Redactor();
  redactor.addSecret(password.value, profile.user);
  const trust = new GlobalStateTrustStore(context.globalState);
  let transport;
  try {
    transport = createTransport(profile, { password: password.value, trust, redactor, log: (line) => deps.output.appendLine(redactor.redact(line)) });
  } catch (error) {
    void vscode.window.showErrorMessage(`Router ${profile.name}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!(transport instanceof RestTransport)) return;
  const rest = transport;

  const treeDir = vscode.Uri.joinPath(context.globalStorageUri, 'command-trees');
  let saved: { uri: vscode.Uri; version: string; nodes: number; truncated: boolean } | undefined;
  try {
    saved = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `RouterOS: reading the command tree of ${profile.name}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          const router = await identifyRouter(rest, { trust, decideTrust: askTrust, signal: controller.signal, log: (line) => deps.output.appendLine(redactor.redact(line)) });
          const uri = vscode.Uri.joinPath(treeDir, commandTreeFileName(router.version));
          if (await exists(uri)) {
            const reuse = 'Use Cached';
            const choice = await vscode.window.showInformationMessage(`A command tree for RouterOS ${router.version} is already cached.`, reuse, 'Read Again');
            if (choice === reuse) return { uri, version: router.version, nodes: -1, truncated: false };
            if (choice === undefined) return undefined;
          }
          const result = await readCommandTree(rest, {
            signal: controller.signal,
            progress: (visited, path) => progress.report({ message: `${visited} nodes (${path || 'root'})` }),
          });
          await vscode.workspace.fs.createDirectory(treeDir);
          await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(result.tree), 'utf8'));
          return { uri, version: router.version, nodes: result.nodes, truncated: result.truncated };
        } finally {
          subscription.dispose();
        }
      },
    );
  } catch (error) {
    const message = redactor.redact(error instanceof PushError || error instanceof Error ? error.message : String(error));
    void vscode.window.showErrorMessage(`Could not read the command tree: ${message}`);
    return;
  }
  if (!saved) return;
  deps.output.appendLine(`Command tree of RouterOS ${saved.version} saved to ${saved.uri.fsPath}${saved.nodes >= 0 ? ` (${saved.nodes} nodes${saved.truncated ? ', partial: a limit was reached' : ''})` : ''}.`);
  const use = 'Use for This Workspace';
  const choice = await vscode.window.showInformationMessage(
    `Command tree of RouterOS ${saved.version} is ready${saved.truncated ? ' (partial)' : ''}. Use it for this workspace? This sets routeros.commandTreeFile.`,
    use,
    'Not Now',
  );
  if (choice !== use) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('routeros').update('commandTreeFile', saved.uri.fsPath, target);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
