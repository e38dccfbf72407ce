/**
 * A validation rule: a stable code, a default severity users can change, a one-line explanation, and a check
 * that reads the shared document analysis. Rules never throw past the registry (see index.ts) and never stop
 * other rules from running.
 */
import type { Span } from '../../core/ast.js';
import type { Severity } from '../../core/problems.js';
import type { DocumentAnalysis } from '../../analysis/types.js';
import type { SchemaService } from '../../schema/types.js';

export interface Finding {
  readonly code: string;
  readonly message: string;
  readonly severity: Severity;
  readonly span: Span;
  /** Machine-readable data for quick fixes (`replacement`, `moveTo`). */
  readonly data?: Record<string, unknown>;
}

export interface RuleContext {
  readonly analysis: DocumentAnalysis;
  readonly schema: SchemaService;
}

/** What a rule reports; the registry adds the code and the configured severity. */
export interface RuleReport {
  readonly message: string;
  readonly span: Span;
  readonly data?: Record<string, unknown>;
  /** Overrides the default severity for this one report (rare: e.g. a hint-level variant). */
  readonly severity?: Severity;
}

export interface Rule {
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** One line: what the rule checks and why it matters. */
  readonly description: string;
  /** Undefined for codes that the parser reports (syntax errors): they are registered for severity and docs. */
  readonly check?: (context: RuleContext) => RuleReport[];
}

export type RuleSeverityConfig = Readonly<Record<string, Severity | 'off'>>;
