/** Output formats of `rsc lint`: text (like other linters), JSON, and SARIF 2.1.0 for code scanning. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../core/problems.js';
import { RULES } from '../features/diagnostics/registry.js';
import { escapeForTerminal, escapeJsonForTerminal } from './escape.js';

export interface ReportedFinding {
  /** As shown to the user: relative to the current directory (which SARIF resolves it against). */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

/** One line per finding; control characters from file names or quoted script text are shown escaped. */
export function formatText(findings: readonly ReportedFinding[]): string {
  return findings.map((f) => escapeForTerminal(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${f.message}`)).join('\n') + (findings.length ? '\n' : '');
}

export function formatJson(findings: readonly ReportedFinding[]): string {
  return `${escapeJsonForTerminal(JSON.stringify(findings, null, 2))}\n`;
}

export interface SarifOptions {
  readonly toolVersion: string;
  /** The project's web page; omitted from the log when unknown. */
  readonly informationUri?: string;
  /** The directory `%SRCROOT%` stands for and findings' relative file names are resolved against. */
  readonly baseDir: string;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: rule metadata, 1-based regions, and file URIs relative to
 * `%SRCROOT%` (the base directory) for files under it, absolute `file:` URIs for the others (never `../`).
 */
export function formatSarif(findings: readonly ReportedFinding[], options: SarifOptions): string {
  const baseUri = directoryUri(options.baseDir);
  // Every rule is described, so that code scanning can show the explanation of any result it keeps.
  const rules = RULES.map((rule) => ({
    id: rule.code,
    name: rule.code.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
    helpUri: 'https://help.mikrotik.com/docs/display/ROS/Scripting',
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = findings.map((f) => ({
    ruleId: f.code,
    ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(path.resolve(options.baseDir, f.file), baseUri),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column : 1) },
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'rsc', ...(options.informationUri ? { informationUri: options.informationUri } : {}), version: options.toolVersion, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: baseUri } },
        results,
      },
    ],
  };
  return `${escapeJsonForTerminal(JSON.stringify(log, null, 2))}\n`;
}

/** A percent-encoded `file:` URI of a directory, ending with `/` as SARIF requires of a base URI. */
function directoryUri(dir: string): string {
  const href = pathToFileURL(path.resolve(dir)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function artifactLocation(file: string, baseUri: string): { uri: string; uriBaseId?: string } {
  const uri = pathToFileURL(file).href;
  return uri.startsWith(baseUri) ? { uri: uri.slice(baseUri.length), uriBaseId: '%SRCROOT%' } : { uri };
}
