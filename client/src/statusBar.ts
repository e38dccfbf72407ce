// The status-bar item that shows which RouterOS version the active script is checked against. The server
// knows best (it reads the export header), so the item asks it; when the server cannot answer, the item
// falls back to the setting, or "auto".
import * as vscode from 'vscode';
import type { DocumentInfoParams, DocumentInfoResult } from './protocol.js';
import { SETTINGS_SECTION } from './protocol.js';
import { SELECT_TARGET_VERSION_COMMAND, currentTargetVersion } from './targetVersion.js';

export const LANGUAGE_ID = 'routeros';

/** Sends a request to the language server; rejects when the server is not running or lacks the method. */
export type RequestDocumentInfo = (params: DocumentInfoParams) => Promise<DocumentInfoResult | null | undefined>;

/** Shown text for a server answer: "RouterOS 7.24 (auto)", "RouterOS 7.22 (header)" or "RouterOS 7.20". */
export function statusText(info: DocumentInfoResult): string {
  switch (info.source) {
    case 'default':
      return `RouterOS ${info.targetVersion} (auto)`;
    case 'header':
      return `RouterOS ${info.targetVersion} (header)`;
    default:
      return `RouterOS ${info.targetVersion}`;
  }
}

/** Shown text when the server gave no answer: the setting, or "auto". */
export function fallbackText(settingValue: string): string {
  return settingValue ? `RouterOS ${settingValue}` : 'RouterOS auto';
}

const TOOLTIPS: Record<DocumentInfoResult['source'], string> = {
  header: 'Target version taken from the export header of this file.',
  setting: 'Target version set by routeros.targetVersion.',
  default: 'No export header and no routeros.targetVersion: the newest version known.',
};

export class TargetVersionStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts refreshes so that a slow answer for an older state never overwrites a newer one. */
  private generation = 0;

  constructor(private readonly requestInfo: RequestDocumentInfo) {
    this.item = vscode.window.createStatusBarItem('routeros.targetVersion', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'RouterOS Target Version';
    this.item.command = SELECT_TARGET_VERSION_COMMAND;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.targetVersion`)) this.refreshSoon();
      }),
      // The export header can be typed or deleted; only its first lines matter, but any edit may move them.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.refreshSoon();
      }),
    );
  }

  /** Debounced refresh: typing must not send one request per keystroke. */
  refreshSoon(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 250);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const setting = currentTargetVersion();
    let info: DocumentInfoResult | null | undefined;
    try {
      info = await this.requestInfo({ uri: document.uri.toString() });
    } catch {
      // An older server without the request, or a server still starting: the setting is the best we know.
      info = undefined;
    }
    if (generation !== this.generation) return;
    if (info && typeof info.targetVersion === 'string' && info.targetVersion) {
      this.item.text = statusText(info);
      this.item.tooltip = `${TOOLTIPS[info.source] ?? ''} Click to choose another version.`;
    } else {
      this.item.text = fallbackText(setting);
      this.item.tooltip = 'RouterOS version the scripts are checked against. Click to choose another version.';
    }
    this.item.accessibilityInformation = { label: `RouterOS target version: ${this.item.text}` };
    this.item.show();
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
