/**
 * Problems found while reading a script. All stages return problems as values (they never throw), and
 * the diagnostics feature turns them into user-facing diagnostics with the rule registry's severities.
 */
import type { Span } from './ast.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Problem {
  /** Stable code, e.g. `syntax`, `unterminated-string`, `unknown-parameter`. Rules are keyed by it. */
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  /** Severity chosen by the producer; the rule registry's configured severity overrides it. */
  readonly severity?: Severity;
  /** Optional machine-readable data for quick fixes (e.g. the suggested replacement). */
  readonly data?: Record<string, unknown>;
}
