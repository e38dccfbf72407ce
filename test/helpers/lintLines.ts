/**
 * Test helper: lint a script and render the findings as readable lines, `line:col-line:col severity code message`
 * (1-based), so that tests compare text a person can read.
 */
import { lintText, type LintOptions } from '../../server/src/lint.js';

export function lintLines(text: string, options: LintOptions = {}): string[] {
  return lintText(text, options).map(
    (f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.severity} ${f.code} ${f.message}`,
  );
}

/** Only `line:col code` of each finding, for compact expectations. */
export function lintCodes(text: string, options: LintOptions = {}): string[] {
  return lintText(text, options).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code}`);
}
