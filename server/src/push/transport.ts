/**
 * What the push flow needs from a way of talking to a router, and the errors a transport may raise.
 *
 * Both transports (REST for RouterOS v7, SSH+SFTP for v6 and REST-less routers) implement the same five steps, so
 * the safety flow in push.ts is written once. Every method takes an AbortSignal and is bounded by a timeout inside
 * the transport; none of them may wait forever.
 */

export interface RouterInfo {
  /** `/system identity` name. */
  readonly identity: string;
  /** RouterOS version as the router reports it, e.g. `7.16.2 (stable)`. */
  readonly version: string;
}

export interface ImportRun {
  /** The console text the import printed (possibly empty). */
  readonly text: string;
  /** True when the text came from an error reply (the router said the script failed, e.g. HTTP 400 with a detail). */
  readonly failedReply?: boolean;
}

/** What deleting the uploaded file found. */
export interface RemoveResult {
  /**
   * `removed`: a file with exactly that name existed and is gone now. `not-found`: no file has exactly that name (it
   * was never created, or the router keeps it under another name): nothing was deleted.
   */
  readonly state: 'removed' | 'not-found';
  /** Other leftovers the transport could not delete (e.g. a dry-run report file), already worded for the user. */
  readonly warnings?: readonly string[];
}

export interface ImportOptions {
  /**
   * The least time the script is known to take (its top-level `:delay`s), in seconds. Transports without a router-side
   * limit wait at least this long (plus their usual import timeout) before calling the outcome unknown.
   */
  readonly minimumSeconds?: number;
}

export interface Transport {
  /** `rest` or `ssh`. */
  readonly kind: 'rest' | 'ssh';
  /** Human description without secrets, e.g. `https://192.168.88.1:443 as admin`. */
  readonly endpoint: string;
  /** The largest upload the transport can carry, in bytes (undefined = no known limit). */
  readonly maxUploadBytes: number | undefined;
  /** The router's own limit on one request, in seconds (REST: 60); undefined = none known. */
  readonly requestLimitSeconds?: number;
  /** Identity and version. Both strings come from the router and are already redacted. */
  readRouterInfo(signal?: AbortSignal): Promise<RouterInfo>;
  uploadFile(name: string, contents: string, signal?: AbortSignal): Promise<void>;
  /** Runs `/import file-name=<name> verbose=yes [dry-run]` and returns the console text (already redacted). */
  runImport(name: string, dryRun: boolean, signal?: AbortSignal, options?: ImportOptions): Promise<ImportRun>;
  /**
   * Removes the uploaded file, matching its name exactly (never another file). Never receives the push's abort
   * signal: cleanup must run even after a cancel.
   */
  removeFile(name: string): Promise<RemoveResult>;
  /** Releases connections. Safe to call more than once. */
  close(): Promise<void>;
}

export type PushErrorKind =
  /** The router rejected the user name or password. */
  | 'auth'
  /** The certificate or host key is not trusted yet; `fingerprint` says what the user should check. */
  | 'trust-unknown'
  /** A pinned certificate or host key changed: possible interception, never continue. */
  | 'trust-mismatch'
  /** The router answered with an error (non-2xx with a detail, or an error line). */
  | 'router'
  /** No connection could be made, or it broke before the step could have changed anything. */
  | 'connection'
  /** The request was sent but its result never came back (cut at 60 s, timeout, dropped connection). */
  | 'unknown-outcome'
  /** The caller cancelled. */
  | 'cancelled'
  /** The script cannot be sent as it is (too large for the transport). */
  | 'too-large';

/**
 * The one error type transports throw. Its message never contains a secret: transports redact every piece of foreign
 * text (router replies, socket and library errors) before they build the message, so callers show it as it is.
 */
export class PushError extends Error {
  override readonly name = 'PushError';
  constructor(
    readonly kind: PushErrorKind,
    message: string,
    readonly details: { fingerprint?: string; pinned?: string; trustKey?: string; httpStatus?: number; routerDetail?: string } = {},
  ) {
    super(message);
  }
}

export function isPushError(value: unknown, kind?: PushErrorKind): value is PushError {
  return value instanceof PushError && (kind === undefined || value.kind === kind);
}

/** Throws a `cancelled` error if the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new PushError('cancelled', `Cancelled ${what}.`);
}

/** Default time limits (ms). The router itself cuts REST requests at 60 s, so the import limit sits just above. */
export interface Timeouts {
  /** Connecting and small requests (identity, upload, delete). */
  request: number;
  /** The import itself. */
  import: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { request: 20_000, import: 65_000 };
