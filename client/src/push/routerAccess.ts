// Everything the push commands need to reach a router from VS Code: the profile (user settings only), the password
// (SecretStorage keyed by the router's endpoint, stored only with consent), pinned trust (globalState) and the consent
// dialogs. The push logic itself lives in server/src/push; the decisions in ./decisions.ts.
import * as vscode from 'vscode';
import { validateProfile, type RouterProfile } from '../../../server/src/push/factory.js';
import type { TrustQuestion } from '../../../server/src/push/push.js';
import type { TrustStore } from '../../../server/src/push/trust.js';
import { legacySecretKey, profileSecretKey, userScopeValue } from './decisions.js';

export const TRUST_STATE_KEY = 'routeros.trust';

/** The SecretStorage key of a profile's password: its endpoint, not its name (see decisions.ts). */
export function passwordKey(profile: RouterProfile): string {
  return profileSecretKey(profile);
}

/** `routeros.push.lintBeforePush` from the user's settings only: a workspace cannot switch the lint off. */
export function lintBeforePush(output: vscode.OutputChannel): boolean {
  const { value, ignoredWorkspaceValue } = userScopeValue(vscode.workspace.getConfiguration('routeros').inspect<boolean>('push.lintBeforePush'), true);
  if (ignoredWorkspaceValue) output.appendLine('Ignoring routeros.push.lintBeforePush from the workspace settings: only your user settings can change it.');
  return value !== false;
}

/** Pins kept in globalState under `routeros.trust` (a map from `rest:host:port` / `ssh:host:port` to a fingerprint). */
export class GlobalStateTrustStore implements TrustStore {
  constructor(private readonly state: vscode.Memento) {}
  get(key: string): string | undefined {
    return this.read()[key];
  }
  async set(key: string, fingerprint: string): Promise<void> {
    await this.state.update(TRUST_STATE_KEY, { ...this.read(), [key]: fingerprint });
  }
  async delete(key: string): Promise<void> {
    const pins = { ...this.read() };
    delete pins[key];
    await this.state.update(TRUST_STATE_KEY, pins);
  }
  private read(): Record<string, string> {
    const value = this.state.get<unknown>(TRUST_STATE_KEY);
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  }
}

/** The valid profiles in `routeros.routers`; invalid ones are reported once in the output. */
export function readProfiles(output: vscode.OutputChannel): RouterProfile[] {
  // User settings only: a repository's .vscode/settings.json must not be able to point a profile (and the password
  // the user types for it) at another host.
  const { value: raw, ignoredWorkspaceValue } = userScopeValue<unknown>(vscode.workspace.getConfiguration('routeros').inspect<unknown>('routers'), []);
  if (ignoredWorkspaceValue) output.appendLine('Ignoring routeros.routers from the workspace settings: router profiles are read from your user settings only.');
  const profiles: RouterProfile[] = [];
  for (const entry of Array.isArray(raw) ? raw : []) {
    const problem = validateProfile(entry);
    if (problem) output.appendLine(`Ignoring a router profile in routeros.routers: ${problem}.`);
    else profiles.push(entry as RouterProfile);
  }
  return profiles;
}

/** One profile: the only one, or the user's pick. Undefined when there is none (the user was told) or they cancelled. */
export async function pickProfile(output: vscode.OutputChannel, purpose: string, filter?: (profile: RouterProfile) => boolean): Promise<RouterProfile | undefined> {
  const profiles = readProfiles(output).filter((profile) => !filter || filter(profile));
  if (profiles.length === 0) {
    const open = 'Open Settings';
    const choice = await vscode.window.showErrorMessage(
      filter ? `No suitable router profile in routeros.routers for ${purpose}.` : 'No router is configured. Add a profile to the routeros.routers setting (name, address, transport, user).',
      open,
    );
    if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'routeros.routers');
    return undefined;
  }
  if (profiles.length === 1) return profiles[0];
  const picked = await vscode.window.showQuickPick(
    profiles.map((profile) => ({ label: profile.name, description: `${profile.user} @ ${profile.address} (${profile.transport})`, profile })),
    { title: `RouterOS: ${purpose}`, placeHolder: 'Choose a router' },
  );
  return picked?.profile;
}

export interface Password {
  readonly value: string;
  /** True when it came from SecretStorage (so a failed login can offer to forget it). */
  readonly stored: boolean;
}

/**
 * The password stored for this profile's endpoint, or a prompt (no echo); stored only if the user agrees. A password
 * stored under the profile's name by an earlier version is deleted unread: it may have been typed for another
 * address, and sending it to this one is exactly what endpoint keys prevent.
 */
export async function getPassword(secrets: vscode.SecretStorage, profile: RouterProfile): Promise<Password | undefined> {
  const key = passwordKey(profile);
  await secrets.delete(legacySecretKey(profile));
  const stored = await secrets.get(key);
  if (stored !== undefined) return { value: stored, stored: true };
  const typed = await vscode.window.showInputBox({
    title: `RouterOS: password for ${profile.user} on ${profile.name}`,
    prompt: `Password of the RouterOS user ${profile.user} at ${profile.address} (${profile.transport}). Leave empty for a user without a password.`,
    password: true,
    ignoreFocusOut: true,
  });
  if (typed === undefined) return undefined;
  const save = 'Save in Secret Storage';
  const choice = await vscode.window.showInformationMessage(`Remember the password for ${profile.name}? It is kept in VS Code's secret storage, never in settings.`, save, 'Not Now');
  if (choice === save) await secrets.store(key, typed);
  return { value: typed, stored: false };
}

/** The modal consent dialog for an unknown certificate or host key, showing its SHA-256 fingerprint. */
export async function askTrust(question: TrustQuestion): Promise<boolean> {
  const what = question.kind === 'certificate' ? 'certificate' : 'SSH host key';
  const trust = `Trust and Pin this ${what}`;
  const choice = await vscode.window.showWarningMessage(
    `The ${what} of ${question.endpoint} is not trusted yet.`,
    {
      modal: true,
      detail:
        `SHA-256 fingerprint:\n${question.displayFingerprint}\n\n` +
        (question.kind === 'certificate'
          ? 'Compare it with the router (/certificate print detail, or the fingerprint shown by your router) before trusting it. '
          : 'Compare it with the router\'s host key before trusting it. ') +
        'Once pinned, the connection is refused if it ever changes. Nothing has been sent yet (not even the password).',
    },
    trust,
  );
  return choice === trust;
}
