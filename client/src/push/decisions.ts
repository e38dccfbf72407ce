// The decisions of the push commands that do not need VS Code, kept apart so they can be unit-tested: what part of
// the document is sent, how router lines map back to it, where a diagnostic goes, which secret belongs to which
// router, which settings a workspace may not change, and how long the client waits for the linter. commands.ts only
// wires them to the editor.
import { parseRouterAddress, type RouterEndpoint } from '../../../server/src/push/address.js';
import type { RouterProfile } from '../../../server/src/push/factory.js';
import type { PlacedError } from '../../../server/src/push/push.js';

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** The parts of an editor selection the decisions read. */
export interface SelectionShape {
  readonly start: Position;
  readonly end: Position;
  readonly isEmpty: boolean;
}

/** The parts of a document the decisions read. */
export interface DocumentShape {
  readonly lineCount: number;
  lineLength(line: number): number;
}

/** What is sent: whole lines, 0-based and inclusive. */
export interface PushRange {
  readonly start: Position;
  readonly end: Position;
  /** True when only a selection is sent (not the whole document). */
  readonly isSelection: boolean;
  readonly firstLine: number;
  readonly lastLine: number;
}

/**
 * The whole document when nothing is selected; otherwise the selection widened to whole lines, because half a
 * RouterOS command is never what anyone means to push. A selection that ends at the start of a line (a typical
 * line-wise selection) does not include that line.
 */
export function pushRange(selection: SelectionShape, document: DocumentShape): PushRange {
  const lastDocumentLine = Math.max(0, document.lineCount - 1);
  if (selection.isEmpty) {
    return { start: { line: 0, character: 0 }, end: { line: lastDocumentLine, character: document.lineLength(lastDocumentLine) }, isSelection: false, firstLine: 0, lastLine: lastDocumentLine };
  }
  const firstLine = Math.min(selection.start.line, lastDocumentLine);
  const endsAtLineStart = selection.end.character === 0 && selection.end.line > selection.start.line;
  const lastLine = Math.min(endsAtLineStart ? selection.end.line - 1 : selection.end.line, lastDocumentLine);
  return { start: { line: firstLine, character: 0 }, end: { line: lastLine, character: document.lineLength(lastLine) }, isSelection: true, firstLine, lastLine };
}

/** Where the pushed text starts in the editor: router line 1 is this line. */
export function originOf(range: PushRange): Position {
  return { line: range.start.line, character: range.start.character };
}

/** What the confirmation says is sent: `scripts/office.rsc`, or `scripts/office.rsc lines 12–30` for a selection. */
export function describeSource(relativePath: string, range: PushRange): string {
  if (!range.isSelection) return relativePath;
  const first = range.firstLine + 1;
  const last = range.lastLine + 1;
  return first === last ? `${relativePath} line ${first}` : `${relativePath} lines ${first}–${last}`;
}

/** A diagnostic's place in the editor: on a line of the pushed range, from the reported column to the line end. */
export interface DiagnosticPlacement {
  readonly line: number;
  readonly startCharacter: number;
  readonly endCharacter: number;
}

/**
 * Places a router error (already offset by the push origin) on the document. A line outside what was sent cannot be
 * right (the router only saw the pushed lines), so it is clamped into the pushed range; a column past the end of the
 * line marks the whole line rather than an invisible empty range.
 */
export function placeDiagnostic(error: Pick<PlacedError, 'line' | 'character'>, range: PushRange, document: DocumentShape): DiagnosticPlacement {
  const line = Math.min(Math.max(error.line, range.firstLine), range.lastLine, Math.max(0, document.lineCount - 1));
  const length = document.lineLength(line);
  const start = Math.max(0, error.character);
  if (start >= length) return { line, startCharacter: 0, endCharacter: length };
  return { line, startCharacter: start, endCharacter: length };
}

/**
 * The SecretStorage key of a router password: the normalized endpoint, never the profile's name. A name is only a
 * label, and one that a settings file can attach to another address; keyed by scheme, user, host and port, a stored
 * password is only ever sent to the endpoint it was typed for, and a changed endpoint asks again. The scheme (not
 * just rest/ssh) is part of it, so switching a profile to plain http asks for the password again too.
 */
export function secretKeyFor(endpoint: RouterEndpoint, user: string): string {
  const host = endpoint.host.toLowerCase();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return `routeros.password:${endpoint.scheme}|${user}@${shownHost}:${endpoint.port}`;
}

/** The key of a profile's password (throws the address parser's AddressError for a bad address). */
export function profileSecretKey(profile: RouterProfile): string {
  return secretKeyFor(profileEndpoint(profile), profile.user);
}

export function profileEndpoint(profile: RouterProfile): RouterEndpoint {
  return parseRouterAddress(profile.address, { transport: profile.transport, port: profile.port, allowHttp: profile.allowHttp });
}

/** The key earlier versions used (by profile name): never read, only deleted. */
export function legacySecretKey(profile: Pick<RouterProfile, 'name'>): string {
  return `routeros.password.${profile.name}`;
}

/** What `WorkspaceConfiguration.inspect()` returns, reduced to the scopes that matter here. */
export interface InspectedSetting<T> {
  readonly defaultValue?: T;
  readonly globalValue?: T;
  readonly workspaceValue?: T;
  readonly workspaceFolderValue?: T;
}

/**
 * The user's own value of a setting that a workspace must not change (router profiles decide where a password goes;
 * the lint switch decides whether a broken script may be sent). The settings are declared with application scope, so
 * VS Code already ignores workspace values; reading only the user and default values keeps that true even if a
 * workspace value slips through, and `ignoredWorkspaceValue` lets the caller say so.
 */
export function userScopeValue<T>(inspected: InspectedSetting<T> | undefined, fallback: T): { value: T; ignoredWorkspaceValue: boolean } {
  const value = inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
  const ignoredWorkspaceValue = inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
  return { value, ignoredWorkspaceValue };
}

/** How long the push waits for the language server to lint the text before it refuses. */
export const LINT_TIMEOUT_MS = 30_000;

/** Resolves like `promise`, or rejects after `ms` with a message naming `what` (every wait of a push is bounded). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${Math.round(ms / 100) / 10} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
