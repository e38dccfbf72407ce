/**
 * The RouterOS version a document is written for: from its export header, else from a flag or setting,
 * else the newest version the schema describes.
 */
import { LATEST_KNOWN_VERSION, parseVersion } from '../core/version.js';
import type { TargetVersion } from './types.js';

/** `# 2024-01-05 12:00:00 by RouterOS 7.15.3` and `# jan/02/2024 10:00:00 by RouterOS 6.49.7`. */
const EXPORT_HEADER = /^#[^\r\n]*?\bby RouterOS\s+(\d+\.\d+(?:\.\d+)?(?:[a-z]+\d*)?)/im;

/** Only the first lines can hold the header; do not scan a 10 MB file for it. */
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
