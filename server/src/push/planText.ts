/**
 * The confirmation text for a push, shared by the editor's modal dialog and the CLI's log, so that both name the
 * same things: the router (identity and version), where it is, what is sent, and whether it is applied.
 */
import type { PushPlan } from './push.js';

export function describePlan(plan: PushPlan, source: string): string[] {
  const action =
    plan.mode === 'check'
      ? 'Dry run only: the router checks the script and applies nothing.'
      : plan.dryRunFirst
        ? 'A dry run first; if it finds no error, the script is imported and APPLIED.'
        : 'The script is imported and APPLIED (no dry run on this RouterOS version).';
  return [
    `Router: ${plan.router.identity} (RouterOS ${plan.router.version}) at ${plan.endpoint}`,
    `Sends: ${source} as ${plan.fileName} (${plan.bytes} bytes, ${plan.lines} lines)`,
    action,
    ...(plan.lintWarnings > 0 ? [`Linter warnings: ${plan.lintWarnings}.`] : []),
    ...plan.notes,
    'The uploaded file is deleted afterwards.',
  ];
}
