/** RouterOS versions ("7.15.3", "6.49.7", "7.1rc2") and comparisons between them. */

export interface RouterOsVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** The text as written, for messages. */
  readonly text: string;
}

/** The newest RouterOS the bundled schema describes; the default target when nothing says otherwise. */
export const LATEST_KNOWN_VERSION = '7.24';

/** Parses `7.15.3`, `7.15`, `6.49.7`, `7.1rc2`, `7.24beta1` (pre-release suffixes are ignored). */
export function parseVersion(text: string): RouterOsVersion | undefined {
  const match = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[a-z]+\d*)?\s*$/i.exec(text);
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: match[2] === undefined ? 0 : Number(match[2]),
    patch: match[3] === undefined ? 0 : Number(match[3]),
    text: text.trim(),
  };
}

/** Negative if a < b, zero if equal, positive if a > b. */
export function compareVersions(a: RouterOsVersion, b: RouterOsVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** True if `version` lies in [since, until). Unparseable bounds are ignored rather than trusted. */
export function inVersionWindow(version: RouterOsVersion, window: { since?: string; until?: string }): boolean {
  const since = window.since ? parseVersion(window.since) : undefined;
  const until = window.until ? parseVersion(window.until) : undefined;
  if (since && compareVersions(version, since) < 0) return false;
  if (until && compareVersions(version, until) >= 0) return false;
  return true;
}
