/**
 * Pinned trust for router certificates and SSH host keys.
 *
 * Routers usually present a self-signed certificate, so "verify against the system CAs" alone would make push
 * unusable, and "accept anything" would hand the router password to whoever sits in the middle. The middle way:
 * show the SHA-256 fingerprint, pin it only when the user agrees, and refuse the connection when a pinned
 * fingerprint ever changes. The store itself is an interface: VS Code keeps pins in globalState, the CLI takes one
 * from `--fingerprint` for the duration of the run.
 */
import { createHash } from 'node:crypto';

export interface TrustStore {
  /** The pinned fingerprint for a key such as `rest:192.168.88.1:443`, if any. */
  get(key: string): string | undefined | Promise<string | undefined>;
  /** Pins a fingerprint (called only after the user agreed). */
  set(key: string, fingerprint: string): void | Promise<void>;
  /** Drops a pin (the user wants to trust a new certificate after checking it). */
  delete?(key: string): void | Promise<void>;
  /**
   * Where the pins come from, when they are not remembered from an earlier connection (the CLI's come from
   * `--fingerprint`): a mismatch then means "not the one given", not "changed".
   */
  readonly pinOrigin?: string;
}

/** The refusal when a certificate or host key differs from its pin, worded for where the pin came from. */
export function mismatchMessage(options: {
  readonly what: string;
  readonly where: string;
  readonly pinned: string;
  readonly presented: string;
  readonly unsent: string;
  readonly pinOrigin?: string;
  readonly replacedHint?: string;
}): string {
  const { what, where, pinned, presented, unsent } = options;
  if (options.pinOrigin) {
    return `REFUSED: the ${what} of ${where} does not match ${options.pinOrigin}. Expected ${pinned}, the router presented ${presented}. ` +
      `Either that fingerprint is wrong or someone is intercepting the connection; ${unsent}.`;
  }
  return `REFUSED: the ${what} of ${where} changed. Pinned ${pinned}, now ${presented}. Someone may be intercepting the connection; ${unsent}.` +
    (options.replacedHint ? ` ${options.replacedHint}` : '');
}

/** A trust store kept in memory: the CLI's store, and the tests'. */
export class MemoryTrustStore implements TrustStore {
  readonly pins = new Map<string, string>();
  constructor(initial?: Record<string, string>, readonly pinOrigin?: string) {
    for (const [key, value] of Object.entries(initial ?? {})) this.pins.set(key, value);
  }
  get(key: string): string | undefined {
    return this.pins.get(key);
  }
  set(key: string, fingerprint: string): void {
    this.pins.set(key, fingerprint);
  }
  delete(key: string): void {
    this.pins.delete(key);
  }
}

/** The store key for one endpoint: the transport kind plus host and port, so REST and SSH pins never mix. */
export function trustKey(kind: 'rest' | 'ssh', host: string, port: number): string {
  return `${kind}:${host.toLowerCase()}:${port}`;
}

/**
 * Canonical form of a fingerprint for comparison. Hex fingerprints (with or without colons, any case) become
 * colon-separated upper hex as `openssl x509 -fingerprint -sha256` prints them; OpenSSH's `SHA256:<base64>` form is
 * converted to the same hex so either spelling matches. Returns undefined for text that is not a SHA-256 digest.
 */
export function normalizeFingerprint(text: string): string | undefined {
  const trimmed = text.trim().replace(/^sha-?256\s*(fingerprint)?\s*=\s*/i, '');
  const openssh = /^SHA256:([A-Za-z0-9+/]{43})=?$/.exec(trimmed);
  if (openssh) {
    const bytes = Buffer.from(openssh[1] + '=', 'base64');
    return bytes.length === 32 ? hexWithColons(bytes) : undefined;
  }
  const hex = trimmed.replace(/[:\s-]/g, '');
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return undefined;
  return hexWithColons(Buffer.from(hex, 'hex'));
}

/** True when both texts name the same SHA-256 digest (spelling differences ignored). */
export function fingerprintsMatch(a: string, b: string): boolean {
  const left = normalizeFingerprint(a);
  return left !== undefined && left === normalizeFingerprint(b);
}

/** `AB:CD:...` for a digest. */
export function hexWithColons(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase().match(/../g)?.join(':') ?? '';
}

/** The SHA-256 fingerprint of an SSH host key blob, in colon hex (the form the trust store keeps). */
export function sshHostKeyFingerprint(keyBlob: Uint8Array): string {
  return hexWithColons(createHash('sha256').update(keyBlob).digest());
}

/** OpenSSH's display form (`SHA256:base64`, no padding), which users can compare with `ssh-keygen -lf`. */
export function opensshFingerprint(fingerprint: string): string {
  const hex = normalizeFingerprint(fingerprint);
  if (!hex) return fingerprint;
  return 'SHA256:' + Buffer.from(hex.replace(/:/g, ''), 'hex').toString('base64').replace(/=+$/, '');
}
