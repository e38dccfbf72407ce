/**
 * Findings (offset spans, rule codes) to LSP diagnostics and back, and quick fixes to code actions. The
 * severity is the one the rule registry decided; this layer only translates it.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis/types.js';
import type { Severity } from '../core/problems.js';
import type { SchemaService } from '../schema/types.js';
import type { Finding } from './diagnostics/index.js';
import { getQuickFixes } from './diagnostics/quickFixes.js';
import { spanToRange } from './support/ranges.js';

const TO_LSP: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const FROM_LSP: Readonly<Record<number, Severity>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export const DIAGNOSTIC_SOURCE = 'routeros';

export function findingToDiagnostic(analysis: DocumentAnalysis, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: spanToRange(analysis.lines, finding.span),
    severity: TO_LSP[finding.severity] ?? DiagnosticSeverity.Error,
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.data) diagnostic.data = finding.data;
  return diagnostic;
}

/** The finding a diagnostic came from (code actions get diagnostics back from the client). */
export function diagnosticToFinding(analysis: DocumentAnalysis, diagnostic: Diagnostic): Finding {
  const start = analysis.lines.offsetAt(diagnostic.range.start);
  const end = analysis.lines.offsetAt(diagnostic.range.end);
  const data = diagnostic.data && typeof diagnostic.data === 'object' ? (diagnostic.data as Record<string, unknown>) : undefined;
  return {
    code: String(diagnostic.code ?? ''),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    severity: FROM_LSP[diagnostic.severity ?? 1] ?? 'error',
    span: { start, end },
    data,
  };
}

/** Quick-fix code actions for the routeros diagnostics the client sends back (the schema checks a move first). */
export function provideCodeActions(analysis: DocumentAnalysis, uri: string, diagnostics: readonly Diagnostic[], schema?: SchemaService): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    for (const fix of getQuickFixes(analysis, diagnosticToFinding(analysis, diagnostic), schema)) {
      const edits: TextEdit[] = fix.changes.map((change) => ({ range: spanToRange(analysis.lines, change.span), newText: change.newText }));
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [uri]: edits } },
      });
    }
  }
  return actions;
}
