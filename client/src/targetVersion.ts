// The "RouterOS: Select Target Version" command: a Quick Pick of the RouterOS versions users target most,
// writing `routeros.targetVersion` for the workspace (or for the user when no folder is open).
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from './protocol.js';

export const SELECT_TARGET_VERSION_COMMAND = 'routeros.selectTargetVersion';

/** Versions offered in the picker, newest first. "auto" maps to the empty setting. */
export const OFFERED_VERSIONS = ['7.24', '7.22', '7.20', '7.18', '7.16', '7.15', '7.13', '7.10', '6.49'];

const AUTO_LABEL = 'auto';
const OTHER_LABEL = 'Other…';

/** Accepts "7", "7.24", "7.24.1" and "6.49.17": a major version with up to two more numeric parts. */
export function isVersionText(text: string): boolean {
  return /^\d+(\.\d+){0,2}$/.test(text.trim());
}

export function currentTargetVersion(): string {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('targetVersion', '').trim();
}

/**
 * Asks for a version (or takes `preset`, which lets tests and keybindings skip the UI) and stores it.
 * Returns the stored value ("" for auto), or undefined when the user cancelled.
 */
export async function selectTargetVersion(preset?: unknown): Promise<string | undefined> {
  const chosen = typeof preset === 'string' ? normalise(preset) : await pickVersion();
  if (chosen === undefined) return undefined;
  if (!isVersionText(chosen) && chosen !== '') {
    void vscode.window.showErrorMessage(`"${chosen}" is not a RouterOS version such as 7.24 or 6.49.`);
    return undefined;
  }
  await writeTargetVersion(chosen);
  return chosen;
}

function normalise(text: string): string {
  const trimmed = text.trim();
  return trimmed === AUTO_LABEL ? '' : trimmed;
}

async function pickVersion(): Promise<string | undefined> {
  const current = currentTargetVersion();
  const items: vscode.QuickPickItem[] = [
    { label: AUTO_LABEL, description: 'from the export header, else the newest version known', picked: current === '' },
    ...OFFERED_VERSIONS.map((version) => ({ label: version, description: version === current ? 'current' : undefined })),
    { label: OTHER_LABEL, description: 'type a version' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'RouterOS target version',
    placeHolder: `Check scripts against which RouterOS version? (now: ${current || AUTO_LABEL})`,
  });
  if (!picked) return undefined;
  if (picked.label === OTHER_LABEL) {
    const typed = await vscode.window.showInputBox({
      title: 'RouterOS target version',
      prompt: 'A RouterOS version such as 7.19 or 6.48',
      value: current,
      validateInput: (text) => (isVersionText(text) ? undefined : 'Type a version such as 7.19 or 6.48.'),
    });
    return typed === undefined ? undefined : normalise(typed);
  }
  return normalise(picked.label);
}

async function writeTargetVersion(version: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  // Workspace level when a folder is open, so one project can target an old router without changing the rest.
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inherited = config.inspect<string>('targetVersion')?.globalValue ?? '';
  // Choosing "auto" removes the workspace value rather than writing the default into settings.json, unless
  // a user-level value exists that the workspace must override.
  const value = version === '' && (target === vscode.ConfigurationTarget.Global || inherited === '') ? undefined : version;
  await config.update('targetVersion', value, target);
}
