// Shared helpers for the push tests: hooks that record everything the push flow says.
import type { LintFinding, PushHooks, PushPlan, TrustQuestion } from '../../server/src/push/push.js';
import { Redactor } from '../../server/src/push/redact.js';
import { MemoryTrustStore } from '../../server/src/push/trust.js';

export interface Recorder {
  readonly hooks: PushHooks;
  readonly plans: PushPlan[];
  readonly questions: TrustQuestion[];
  readonly progress: string[];
  readonly logs: string[];
  readonly trust: MemoryTrustStore;
  /** Everything that was said, joined, for "the secret never appears" checks. */
  everything(extra?: unknown): string;
}

export function record(options: { confirm?: boolean | ((plan: PushPlan) => Promise<boolean>); trustAnswer?: boolean; trust?: MemoryTrustStore; signal?: AbortSignal; redactor?: Redactor } = {}): Recorder {
  const plans: PushPlan[] = [];
  const questions: TrustQuestion[] = [];
  const progress: string[] = [];
  const logs: string[] = [];
  const trust = options.trust ?? new MemoryTrustStore();
  const hooks: PushHooks = {
    trust,
    signal: options.signal,
    redactor: options.redactor ?? new Redactor(),
    confirm: async (plan) => {
      plans.push(plan);
      if (typeof options.confirm === 'function') return options.confirm(plan);
      return options.confirm ?? true;
    },
    decideTrust: async (question) => {
      questions.push(question);
      return options.trustAnswer ?? false;
    },
    progress: (message) => progress.push(message),
    log: (line) => logs.push(line),
  };
  return {
    hooks,
    plans,
    questions,
    progress,
    logs,
    trust,
    everything: (extra) => [...progress, ...logs, JSON.stringify(plans), JSON.stringify(questions), JSON.stringify(extra ?? null)].join('\n'),
  };
}

/** A stand-in linter: every line containing `BAD` is an error, every line containing `WARN` a warning. */
export function fakeLint(text: string): LintFinding[] {
  const findings: LintFinding[] = [];
  text.split('\n').forEach((line, index) => {
    const bad = line.indexOf('BAD');
    if (bad >= 0) findings.push({ code: 'fake-error', message: 'a bad word', severity: 'error', range: { start: { line: index, character: bad }, end: { line: index, character: bad + 3 } } });
    const warn = line.indexOf('WARN');
    if (warn >= 0) findings.push({ code: 'fake-warning', message: 'a warning', severity: 'warning', range: { start: { line: index, character: warn }, end: { line: index, character: warn + 4 } } });
  });
  return findings;
}

/** Asserts-friendly check that no form of the password leaked into a text. */
export function leaks(text: string, user: string, password: string): string[] {
  const forms = [password, encodeURIComponent(password), Buffer.from(`${user}:${password}`).toString('base64').replace(/=+$/, '')];
  return forms.filter((form) => text.includes(form));
}
