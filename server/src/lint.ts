/**
 * Linting a text in one call: analysis plus diagnostics, positions as 0-based lines and characters. Used by the
 * CLI, the push command's safety check and the snippet tests; the language server uses the same pieces.
 */
import type { Severity } from './core/problems.js';
export { applyEngineSettings } from './engineSettings.js';
import { computeDiagnostics } from './features/diagnostics/index.js';
import type { RuleSeverityConfig } from './features/diagnostics/rule.js';
import { createLanguageServices, type LanguageServices } from './services.js';

export interface LintOptions {
  readonly rosVersion?: string;
  readonly rules?: RuleSeverityConfig;
  readonly commandTreeFile?: string;
  /** Reuse services (and their loaded schema) across many files. */
  readonly services?: LanguageServices;
}

export interface LintFinding {
  readonly code: string;
  readonly message: string;
  readonly severity: Severity;
  readonly range: {
    readonly start: { readonly line: number; readonly character: number };
    readonly end: { readonly line: number; readonly character: number };
  };
}

let defaultServices: LanguageServices | undefined;

export function lintText(text: string, options: LintOptions = {}): LintFinding[] {
  const services = options.services ?? (options.commandTreeFile ? createLanguageServices({ commandTreeFile: options.commandTreeFile }) : (defaultServices ??= createLanguageServices()));
  const analysis = services.analyze(text, { rosVersion: options.rosVersion });
  return computeDiagnostics(analysis, { schema: services.schema, rules: options.rules }).map((finding) => ({
    code: finding.code,
    message: finding.message,
    severity: finding.severity,
    range: { start: analysis.lines.positionAt(finding.span.start), end: analysis.lines.positionAt(finding.span.end) },
  }));
}
