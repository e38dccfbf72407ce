/** Output formats of `rsc lint`: text (like other linters), JSON, and SARIF 2.1.0 for code scanning. */
import path from 'node:path';
import type { Severity } from '../core/problems.js';
import { RULES } from '../features/diagnostics/registry.js';

export interface ReportedFinding {
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

export function formatText(findings: readonly ReportedFinding[]): string {
  return findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${f.message}`).join('\n') + (findings.length ? '\n' : '');
}

export function formatJson(findings: readonly ReportedFinding[]): string {
  return `${JSON.stringify(findings, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 as GitHub code scanning accepts it: relative URIs, rule metadata, 1-based regions. */
export function formatSarif(findings: readonly ReportedFinding[], toolVersion: string, baseDir = process.cwd()): string {
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
          artifactLocation: { uri: toUri(f.file, baseDir), uriBaseId: '%SRCROOT%' },
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
        tool: { driver: { name: 'rsc', informationUri: 'https://example.invalid/routeros-script', version: toolVersion, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${baseDir.endsWith('/') ? baseDir : `${baseDir}/`}` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toUri(file: string, baseDir: string): string {
  const relative = path.isAbsolute(file) ? path.relative(baseDir, file) : file;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}
