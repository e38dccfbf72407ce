// Shared helpers for the push tests: hooks that record everything the push flow says, and the secret checks.
import type { LintFinding, PushHooks, PushInput, PushPlan, PushResult, TrustQuestion } from '../../server/src/push/push.js';
import { pushScript } from '../../server/src/push/push.js';
import { Redactor } from '../../server/src/push/redact.js';
import type { Transport } from '../../server/src/push/transport.js';
import { MemoryTrustStore } from '../../server/src/push/trust.js';

export interface Recorder {
  readonly hooks: PushHooks;
  readonly plans: PushPlan[];
  readonly questions: TrustQuestion[];
  readonly progress: string[];
  readonly logs: string[];
  /** What the transport's own log hook wrote (connect it with `transportLog`). */
  readonly transportLogs: string[];
  /** Every result `push()` returned with this recorder. */
  readonly results: PushResult[];
  readonly trust: MemoryTrustStore;
  /** Appends to `transportLogs`; pass it as the transport's `log` option. */
  readonly transportLog: (line: string) => void;
  /** Everything that was said or returned, joined, for "the secret never appears" checks. */
  everything(extra?: unknown): string;
}

export function record(options: { confirm?: boolean | ((plan: PushPlan) => Promise<boolean>); trustAnswer?: boolean; trust?: MemoryTrustStore; signal?: AbortSignal; redactor?: Redactor } = {}): Recorder {
  const plans: PushPlan[] = [];
  const questions: TrustQuestion[] = [];
  const progress: string[] = [];
  const logs: string[] = [];
  const transportLogs: string[] = [];
  const results: PushResult[] = [];
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
    transportLogs,
    results,
    trust,
    transportLog: (line) => transportLogs.push(line),
    everything: (extra) =>
      [...progress, ...logs, ...transportLogs, JSON.stringify(plans), JSON.stringify(questions), JSON.stringify(results), JSON.stringify(extra ?? null)].join('\n'),
  };
}

/** Runs a push and keeps its result in the recorder, so the after-test secret check sees it too. */
export async function push(transport: Transport, input: PushInput, rec: Recorder): Promise<PushResult> {
  const result = await pushScript(transport, input, rec.hooks);
  rec.results.push(result);
  return result;
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

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The forms of the password found in `text`. The password and its URL-encoded form count when they stand as a token
 * of their own (not glued to letters or digits: a short password such as `Fi` is not "in" the word `File`); the
 * base64 Basic-auth form counts anywhere. Written independently of the redactor, so that it can catch its mistakes.
 */
export function leaks(text: string, user: string, password: string): string[] {
  const standalone = (form: string): RegExp => {
    const start = /^[\p{L}\p{N}_]/u.test(form) ? '(?<![\\p{L}\\p{N}_])' : '';
    const end = /[\p{L}\p{N}_]$/u.test(form) ? '(?![\\p{L}\\p{N}_])' : '';
    return new RegExp(`${start}${escapeRegExp(form)}${end}`, 'u');
  };
  const found: string[] = [];
  for (const form of new Set([password, encodeURIComponent(password)])) if (standalone(form).test(text)) found.push(form);
  const basic = Buffer.from(`${user}:${password}`).toString('base64').replace(/=+$/, '');
  if (text.includes(basic)) found.push(basic);
  return found;
}
