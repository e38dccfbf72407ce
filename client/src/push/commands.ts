// The push commands of the VS Code extension: Push to Router, Check on Router (dry run), Load Command Tree from
// Router, Forget Router Password. This file is the UI only (pickers, dialogs, progress, diagnostics); the decisions
// are in ./decisions.ts, and the safety flow, transports, trust and result parsing in server/src/push, all
// unit-tested without VS Code.
import * as vscode from 'vscode';
import {
  commandTreeFileName,
  describeTree,
  makeTreeMeta,
  packageSetHash,
  readCommandTree,
  readTreeMeta,
  treeFileJson,
  type CommandTreeMeta,
} from '../../../server/src/push/commandTree.js';
import { createTransport, type RouterProfile } from '../../../server/src/push/factory.js';
import { describePlan } from '../../../server/src/push/planText.js';
import { identifyRouter, pushScript, type LintFinding, type PushMode, type PushPlan, type PushResult } from '../../../server/src/push/push.js';
import { Redactor } from '../../../server/src/push/redact.js';
import { RestTransport } from '../../../server/src/push/rest.js';
import { PushError } from '../../../server/src/push/transport.js';
import { trustKey } from '../../../server/src/push/trust.js';
import type { LintTextParams, LintTextResult } from '../../../server/src/protocol.js';
import { describeSource, legacySecretKey, LINT_TIMEOUT_MS, originOf, placeDiagnostic, profileEndpoint, pushRange, withTimeout, type DocumentShape, type PushRange } from './decisions.js';
import { askTrust, getPassword, GlobalStateTrustStore, lintBeforePush, passwordKey, pickProfile, readProfiles } from './routerAccess.js';

/** `source` of the diagnostics the router reports, so they can be told apart from the linter's. */
export const ROUTER_DIAGNOSTIC_SOURCE = 'RouterOS router';

export interface PushUiDeps {
  readonly output: vscode.OutputChannel;
  readonly diagnostics: vscode.DiagnosticCollection;
  /** Lints a text with the language server's own services (`routeros/lintText`). */
  readonly lintText: (params: LintTextParams) => Promise<LintTextResult>;
}

export function registerPushCommands(context: vscode.ExtensionContext, deps: PushUiDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('routeros.pushToRouter', () => runPushCommand(context, deps, 'apply')),
    vscode.commands.registerCommand('routeros.checkOnRouter', () => runPushCommand(context, deps, 'check')),
    vscode.commands.registerCommand('routeros.loadCommandTree', () => loadCommandTree(context, deps)),
    vscode.commands.registerCommand('routeros.forgetRouterPassword', () => forgetRouterPassword(context, deps)),
  );
}

function documentShape(document: vscode.TextDocument): DocumentShape {
  return { lineCount: document.lineCount, lineLength: (line) => document.lineAt(line).text.length };
}

async function runPushCommand(context: vscode.ExtensionContext, deps: PushUiDeps, mode: PushMode): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showErrorMessage('Open a RouterOS script (.rsc) to push it to a router.');
    return;
  }
  const document = editor.document;
  const range = pushRange(editor.selection, documentShape(document));
  // The text is taken once: this exact string is linted, shown in the confirmation and sent.
  const text = document.getText(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
  const origin = originOf(range);
  const source = describeSource(vscode.workspace.asRelativePath(document.uri), range);
  if (text.trim() === '') {
    void vscode.window.showErrorMessage('There is nothing to push: the script (or the selection) is empty.');
    return;
  }

  const purpose = mode === 'check' ? 'Check on Router' : 'Push to Router';
  const profile = await pickProfile(deps.output, purpose);
  if (!profile) return;
  try {
    profileEndpoint(profile);
  } catch (error) {
    void vscode.window.showErrorMessage(`Router ${profile.name}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }

  // Lint exactly what will be sent (a selection on its own, as the router will see it). The user may push anyway.
  let lintFindings: LintFinding[] | undefined;
  let force = false;
  if (lintBeforePush(deps.output)) {
    try {
      const linted = await withTimeout(deps.lintText({ text, uri: document.uri.toString() }), LINT_TIMEOUT_MS, 'The RouterOS language server');
      lintFindings = linted.findings;
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not check ${source} with the linter (${error instanceof Error ? error.message : String(error)}). Nothing was sent.`);
      return;
    }
    const lintErrors = lintFindings.filter((finding) => finding.severity === 'error');
    if (lintErrors.length > 0) {
      const anyway = mode === 'check' ? 'Check Anyway' : 'Push Anyway';
      const first = lintErrors[0];
      const choice = await vscode.window.showWarningMessage(
        `The linter reports ${lintErrors.length} error(s) in ${source} (first at line ${first.range.start.line + origin.line + 1}: ${first.message}).`,
        { modal: true, detail: 'Fix them first, or send the script anyway.' },
        anyway,
      );
      if (choice !== anyway) return;
      force = true;
    }
  }

  const password = await getPassword(context.secrets, profile);
  if (!password) return;

  deps.diagnostics.delete(document.uri);
  const redactor = new Redactor();
  redactor.addSecret(password.value, profile.user);
  const trust = new GlobalStateTrustStore(context.globalState);
  let transport;
  try {
    transport = createTransport(profile, { password: password.value, trust, redactor, log: (line) => deps.output.appendLine(line) });
  } catch (error) {
    void vscode.window.showErrorMessage(`Router ${profile.name}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }

  deps.output.appendLine(`--- ${purpose}: ${source} -> ${profile.name}`);
  const findings = lintFindings;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `RouterOS: ${purpose} (${profile.name})`, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await pushScript(
          transport,
          // The findings are those of this very text (positions relative to it); the flow places them on the editor.
          { text, mode, origin, force, lint: findings ? () => findings : undefined, filePrefix: 'vscode-push' },
          {
            trust,
            redactor,
            signal: controller.signal,
            confirm: (plan) => confirmPlan(plan, source),
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
  await showResult(result, { document, range, profile, password, deps, context, trust });
}

async function confirmPlan(plan: PushPlan, source: string): Promise<boolean> {
  const action = plan.mode === 'check' ? 'Run Dry Run' : 'Push';
  const detail = describePlan(plan, source).join('\n');
  const choice = await vscode.window.showWarningMessage(`${action} ${source} to ${plan.router.identity}?`, { modal: true, detail }, action);
  return choice === action;
}

interface ResultContext {
  readonly document: vscode.TextDocument;
  readonly range: PushRange;
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
        const place = placeDiagnostic(error, ctx.range, documentShape(document));
        const diagnostic = new vscode.Diagnostic(new vscode.Range(place.line, place.startCharacter, place.line, place.endCharacter), `Router: ${error.message}`, vscode.DiagnosticSeverity.Error);
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
    const endpoint = profileEndpoint(profile);
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
  const candidates: Array<{ profile: RouterProfile; key: string }> = [];
  for (const profile of profiles) {
    // Passwords stored by name by earlier versions are never used again: drop them here too.
    await context.secrets.delete(legacySecretKey(profile));
    let key: string;
    try {
      key = passwordKey(profile);
    } catch {
      continue; // an address that does not parse has no stored password
    }
    if ((await context.secrets.get(key)) !== undefined) candidates.push({ profile, key });
  }
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage('No router password is stored.');
    return;
  }
  const picked =
    candidates.length === 1
      ? candidates[0]
      : (await vscode.window.showQuickPick(candidates.map((candidate) => ({ label: candidate.profile.name, description: `${candidate.profile.user} @ ${candidate.profile.address}`, candidate })), { placeHolder: 'Forget the password of which router?' }))?.candidate;
  if (!picked) return;
  await context.secrets.delete(picked.key);
  void vscode.window.showInformationMessage(`Forgot the stored password for ${picked.profile.name}.`);
}

interface SavedTree {
  readonly uri: vscode.Uri;
  readonly meta: CommandTreeMeta | undefined;
}

async function loadCommandTree(context: vscode.ExtensionContext, deps: PushUiDeps): Promise<void> {
  const profile = await pickProfile(deps.output, 'Load Command Tree from Router (REST)', (candidate) => candidate.transport === 'rest');
  if (!profile) return;
  const names = { label: 'Names only', description: 'menus, commands and argument names (one request per menu)', argumentHints: false };
  const hinted = { label: 'Names and argument types', description: 'also each argument\'s value hint: one more request per argument (slower)', argumentHints: true };
  const depth = await vscode.window.showQuickPick([names, hinted], { title: 'RouterOS: Load Command Tree from Router', placeHolder: 'What to read' });
  if (!depth) return;
  try {
    profileEndpoint(profile);
  } catch (error) {
    void vscode.window.showErrorMessage(`Router ${profile.name}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const password = await getPassword(context.secrets, profile);
  if (!password) return;
  const redactor = new Redactor();
  redactor.addSecret(password.value, profile.user);
  const trust = new GlobalStateTrustStore(context.globalState);
  let transport;
  try {
    transport = createTransport(profile, { password: password.value, trust, redactor, log: (line) => deps.output.appendLine(line) });
  } catch (error) {
    void vscode.window.showErrorMessage(`Router ${profile.name}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!(transport instanceof RestTransport)) return;
  const rest = transport;

  const treeDir = vscode.Uri.joinPath(context.globalStorageUri, 'command-trees');
  let saved: SavedTree | undefined;
  try {
    saved = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `RouterOS: reading the command tree of ${profile.name}`, cancellable: true },
      async (progress, token): Promise<SavedTree | undefined> => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          const router = await identifyRouter(rest, { trust, decideTrust: askTrust, signal: controller.signal, log: (line) => deps.output.appendLine(line) });
          // The tree depends on the installed packages as much as on the version: both name the cache file.
          const packages = await rest.readPackages(controller.signal);
          const uri = vscode.Uri.joinPath(treeDir, commandTreeFileName(router.version, packageSetHash(packages), depth.argumentHints));
          const cached = await readCachedMeta(uri);
          if (cached.exists) {
            const reuse = 'Use Cached';
            const what = cached.meta ? describeTree(cached.meta) : 'an older file without a description (it may be partial)';
            const choice = await vscode.window.showInformationMessage(`A command tree for RouterOS ${router.version} with these packages is already cached: ${what}.`, reuse, 'Read Again');
            if (choice === reuse) return { uri, meta: cached.meta };
            if (choice === undefined) return undefined;
          }
          const result = await readCommandTree(rest, {
            signal: controller.signal,
            argumentHints: depth.argumentHints,
            progress: (visited, path) => progress.report({ message: `${visited} nodes (${path || 'root'})` }),
          });
          const meta = makeTreeMeta(router.version, packages, result, depth.argumentHints);
          await vscode.workspace.fs.createDirectory(treeDir);
          await vscode.workspace.fs.writeFile(uri, Buffer.from(treeFileJson(result.tree, meta), 'utf8'));
          return { uri, meta };
        } finally {
          subscription.dispose();
        }
      },
    );
  } catch (error) {
    const message = error instanceof PushError ? error.message : redactor.redactError(error);
    void vscode.window.showErrorMessage(`Could not read the command tree: ${message}`);
    return;
  }
  if (!saved) return;
  const description = saved.meta ? describeTree(saved.meta) : 'no description (it may be partial)';
  deps.output.appendLine(`Command tree saved to ${saved.uri.fsPath}: ${description}.`);
  // A partial tree is never offered as if it were complete: it is named as partial, with its own button.
  const partial = saved.meta?.truncated !== false;
  const use = partial ? 'Use the Partial Tree' : 'Use for This Workspace';
  const message = partial
    ? `The command tree is PARTIAL (${description}): a limit stopped the walk, so menus that exist on the router may be missing. Use it anyway for this workspace? This sets routeros.commandTreeFile.`
    : `Command tree ready (${description}). Use it for this workspace? This sets routeros.commandTreeFile.`;
  const choice = await (partial ? vscode.window.showWarningMessage(message, use, 'Not Now') : vscode.window.showInformationMessage(message, use, 'Not Now'));
  if (choice !== use) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('routeros').update('commandTreeFile', saved.uri.fsPath, target);
}

async function readCachedMeta(uri: vscode.Uri): Promise<{ exists: boolean; meta?: CommandTreeMeta }> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return { exists: false };
  }
  try {
    return { exists: true, meta: readTreeMeta(JSON.parse(Buffer.from(bytes).toString('utf8'))) };
  } catch {
    return { exists: true };
  }
}
