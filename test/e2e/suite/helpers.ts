// Shared helpers for the extension-host tests: the fixture workspace, activation, and event-driven waits.
import * as vscode from 'vscode';
import type { RouterOSExtensionApi } from '../../../client/src/extension.js';

export const EXTENSION_ID = 'rsc-tools.routeros-script';

/** A file of the fixture workspace (a fresh copy of test/e2e/workspace made for each run). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace open as a folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export function routerosExtension(): vscode.Extension<RouterOSExtensionApi> {
  const extension = vscode.extensions.getExtension<RouterOSExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension;
}

/** Activates (or joins the running activation) and waits until the language server answered initialize. */
export async function serverReady(): Promise<RouterOSExtensionApi> {
  const api = await routerosExtension().activate();
  await api.serverReady;
  return api;
}

export async function openRouterOS(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'routeros', content });
  await vscode.window.showTextDocument(document);
  return document;
}

/** Rejects after `ms` with a message naming what never happened; the caller races it against an event. */
function deadline(ms: number, what: string): { promise: Promise<never>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Resolves with the document's diagnostics once `accept` likes them: now, or at a later diagnostics event. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 15000,
): Promise<readonly vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (accept(current)) return current;
  const limit = deadline(timeoutMs, what);
  let subscription: vscode.Disposable | undefined;
  const changed = new Promise<readonly vscode.Diagnostic[]>((resolve) => {
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changedUri) => changedUri.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (accept(diagnostics)) resolve(diagnostics);
    });
  });
  try {
    return await Promise.race([changed, limit.promise]);
  } finally {
    limit.cancel();
    subscription?.dispose();
  }
}

/**
 * Polls a condition VS Code has no event for, every 50 ms, up to `timeoutMs`. Its one use is extension
 * activation: the API has `Extension.isActive` but no activation event (`extensions.onDidChange` only fires
 * when extensions are installed or removed), and calling `activate()` to wait would itself activate the
 * extension, which is exactly what the activation test must not do. Everything else waits on events.
 */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 20000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The text a diagnostic's range covers, for readable assertions. */
export function coveredText(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): string {
  return document.getText(diagnostic.range);
}

/** "2:61-2:68 error passwrd: <message>" (1-based line and column), so a failing assertion shows what came. */
export function describeDiagnostics(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): string {
  const severity = ['error', 'warning', 'info', 'hint'];
  return diagnostics
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${severity[d.severity]} ${coveredText(document, d)}: ${d.message}`)
    .join('\n');
}
