/**
 * Diagnostics: the parser's problems plus every registered rule, with the configured severities and the
 * `# rsc-disable-next-line` suppressions applied. One failing rule never hides the others.
 */
import type { DocumentAnalysis } from '../../analysis/types.js';
import type { SchemaService } from '../../schema/types.js';
import { describeCode, RULES } from './registry.js';
import type { Finding, RuleSeverityConfig } from './rule.js';
import { collectSuppressions } from './suppressions.js';
import { PartialRuleFailure } from './rules/extraChecks.js';
import { forgetGlobalCalls } from './rules/globalCalls.js';
import { forgetKnownMenuCommands } from './rules/shared.js';

export type { Finding, RuleSeverityConfig } from './rule.js';

export interface DiagnosticsContext {
  readonly schema: SchemaService;
  readonly rules?: RuleSeverityConfig;
}

/** Findings of one document, sorted by position. */
export function computeDiagnostics(analysis: DocumentAnalysis, context: DiagnosticsContext): Finding[] {
  const config = context.rules ?? {};
  const findings: Finding[] = [];
  const add = (code: string, message: string, span: Finding['span'], severity: Finding['severity'] | undefined, data?: Record<string, unknown>) => {
    const configured = config[code];
    if (configured === 'off') return;
    const rule = describeCode(code);
    findings.push({ code, message, severity: configured ?? severity ?? rule.defaultSeverity, span: clamp(span, analysis.text.length), data });
  };

  for (const problem of analysis.parse.problems) add(problem.code, problem.message, problem.span, problem.severity, problem.data);

  for (const rule of RULES) {
    if (!rule.check || config[rule.code] === 'off') continue;
    try {
      for (const report of rule.check({ analysis, schema: context.schema })) {
        add(rule.code, report.message, report.span, report.severity ?? rule.defaultSeverity, report.data);
      }
    } catch (error) {
      // A rule made of several checks keeps what its other checks found.
      if (error instanceof PartialRuleFailure) for (const report of error.reports) add(rule.code, report.message, report.span, report.severity ?? rule.defaultSeverity, report.data);
      const message = error instanceof Error ? error.message : String(error);
      add('internal-error', `internal error in rule ${rule.code}: ${message}`, { start: 0, end: 0 }, 'error');
    }
  }
  // What the rules shared is only for this run: the server keeps the analysis of every open document, and for a
  // 50,000-line export these lists are 15 MB more to keep.
  forgetKnownMenuCommands(analysis.commands);
  forgetGlobalCalls(analysis);

  const suppressed = collectSuppressions(analysis);
  const visible = suppressed.size === 0
    ? findings
    : findings.filter((f) => {
        const codes = suppressed.get(analysis.lines.positionAt(f.span.start).line);
        return !codes || (!codes.has('*') && !codes.has(f.code));
      });
  return visible.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function clamp(span: Finding['span'], length: number): Finding['span'] {
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(start, Math.min(span.end, length));
  return { start, end };
}
