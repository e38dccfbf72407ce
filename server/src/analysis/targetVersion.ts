/**
 * The RouterOS version a document is written for: from its export header, else from a flag or setting,
 * else the newest version the schema describes.
 */
import { LATEST_KNOWN_VERSION, parseVersion } from '../core/version.js';
import type { TargetVersion } from './types.js';

/**
 * The first line `/export` writes: `# <date> <time> by RouterOS <version>`, with the date as `2024-01-05`
 * (7.10 and later) or `jan/02/2024` (v6 and 7.0-7.9). Lines such as `# software id = …` follow it and say
 * nothing about the version. Only the first line counts (after a byte-order mark, and after blank lines, which a
 * terminal capture of the export may put first): a comment further down that looks like a header is text the
 * author wrote or pasted, not a statement about this file. Seen in shared exports and accepted here: a day padded
 * with a space (`nov/ 5/2022`), a date and time masked with `_`, and a patch level masked as `x` (`6.45.X`).
 */
const EXPORT_HEADER =
  /^\uFEFF?(?:[ \t]*\r?\n)*# (?:[\d_]{4}-[\d_]{2}-[\d_]{2}|[a-z]{3}\/[ \d]?\d\/\d{4}) [\d_]{2}:[\d_]{2}:[\d_]{2} by RouterOS (\d+\.\d+(?:\.\d+)?(?:(?:alpha|beta|rc)\d+)?)(?:\.x)?[ \t]*(?:\r?\n|\r|$)/i;

/** Blank lines before the header are few; do not scan a 10 MB file of them. */
const HEADER_SEARCH_LIMIT = 2000;

export function versionFromHeader(text: string): string | undefined {
  const match = EXPORT_HEADER.exec(text.slice(0, HEADER_SEARCH_LIMIT));
  return match?.[1];
}

export function determineTargetVersion(text: string, configured?: string): TargetVersion {
  const fromHeader = versionFromHeader(text);
  const headerVersion = fromHeader ? parseVersion(fromHeader) : undefined;
  if (headerVersion) return { version: headerVersion, source: 'header' };
  const configuredVersion = configured ? parseVersion(configured) : undefined;
  if (configuredVersion) return { version: configuredVersion, source: 'setting' };
  return { version: parseVersion(LATEST_KNOWN_VERSION)!, source: 'default' };
}
