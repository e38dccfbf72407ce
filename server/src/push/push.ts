/**
 * The push safety flow, written once for both transports and both front ends (editor and CLI):
 *
 *   lint -> size check -> connect (trust decided here) -> confirm -> upload -> [dry run] -> [import] -> delete file
 *
 * Guarantees the callers rely on:
 *  - nothing is sent before the user confirmed, and nothing is applied in "check" mode;
 *  - the uploaded file is deleted whatever happened (only a file with exactly its name), and a failed or impossible
 *    delete is reported, never claimed;
 *  - an import whose result did not come back is reported as UNKNOWN, never as success;
 *  - a failure of the real import is reported as possibly applied (lines before the failing one), never as
 *    "nothing was applied" without evidence;
 *  - no password reaches a log or the screen: every piece of foreign text (router replies, errors, the script's own
 *    text quoted by the linter) is redacted where it enters; the flow's own sentences are not (see redact.ts).
 */
import { randomBytes } from 'node:crypto';
import { compareVersions, parseVersion } from '../core/version.js';
import { estimateRun, type RunEstimate } from './duration.js';
import { parseImportOutput, type ImportOutcome, type RouterLineError } from './importResult.js';
import { Redactor } from './redact.js';
import { PushError, type RouterInfo, type Transport } from './transport.js';
import { opensshFingerprint, type TrustStore } from './trust.js';

/** One finding of the project's linter (the shape `lintText` in server/src/lint.ts returns). */
export interface LintFinding {
  readonly code: string;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
}

/** Lints exactly the text that will be sent (positions relative to that text). */
export type LintFunction = (text: string, options?: { rosVersion?: string }) => LintFinding[] | Promise<LintFinding[]>;

export type PushMode = 'apply' | 'check';

export interface PushInput {
  /** The exact text to send (a whole file or a selection). */
  readonly text: string;
  readonly mode: PushMode;
  /** 0-based editor position where `text` starts, so router line numbers map back to the editor. */
  readonly origin?: { readonly line: number; readonly character: number };
  /** Push even if the linter reports errors. */
  readonly force?: boolean;
  /** The project's linter; omitted = no lint step (the caller decided to skip it). */
  readonly lint?: LintFunction;
  readonly rosVersion?: string;
  /** Upload name prefix (`vscode-push` or `rsc-push`). */
  readonly filePrefix?: string;
}

/** What the user confirms before anything is sent. */
export interface PushPlan {
  readonly endpoint: string;
  readonly router: RouterInfo;
  readonly fileName: string;
  readonly bytes: number;
  readonly lines: number;
  readonly mode: PushMode;
  /** True when a dry run runs first (router 7.16+). */
  readonly dryRunFirst: boolean;
  /** Lint warnings that did not block the push, and lint errors that were overridden with force. */
  readonly lintWarnings: number;
  readonly lintErrorsOverridden: number;
  /** Extra lines for the confirmation, e.g. that the router is too old for a dry run, or that it may run long. */
  readonly notes: readonly string[];
  /** What the text promises about its run time (see duration.ts). */
  readonly estimate: RunEstimate;
}

export interface TrustQuestion {
  readonly kind: 'certificate' | 'host-key';
  readonly endpoint: string;
  /** Colon-separated upper hex SHA-256. */
  readonly fingerprint: string;
  /** What to show: hex for certificates, OpenSSH `SHA256:` form plus hex for host keys. */
  readonly displayFingerprint: string;
  readonly trustKey: string;
}

export interface PushHooks {
  readonly trust: TrustStore;
  /** Asked once the router is known; returning false sends nothing. */
  confirm(plan: PushPlan): Promise<boolean>;
  /** Asked when a certificate or host key is not trusted yet; returning true pins it. Absent = refuse. */
  decideTrust?(question: TrustQuestion): Promise<boolean>;
  progress?(message: string): void;
  log?(line: string): void;
  readonly signal?: AbortSignal;
  readonly redactor?: Redactor;
}

/** A router (or lint) error placed on the editor's lines. */
export interface PlacedError {
  /** 0-based editor line. */
  readonly line: number;
  /** 0-based editor column. */
  readonly character: number;
  /** 1-based line in the pushed text, as the router counted it. */
  readonly routerLine: number;
  readonly message: string;
}

export type PushStatus = 'success' | 'failure' | 'unknown' | 'cancelled';

export interface PushResult {
  readonly status: PushStatus;
  /** The one final message for the user (already redacted). */
  readonly message: string;
  readonly errors: readonly PlacedError[];
  /** Lint findings, placed on editor lines. */
  readonly lintFindings: readonly LintFinding[];
  readonly router?: RouterInfo;
  /** What the router printed, for the output log (redacted). */
  readonly routerText?: string;
  /** True if the import may have changed the router (success, runtime error, unknown). */
  readonly mayHaveApplied: boolean;
  readonly cleanup?: CleanupResult;
  /** True when the linter's errors stopped the push (then `errors` are the lint errors). */
  readonly refusedByLint?: boolean;
}

/** What happened to the uploaded file. */
export interface CleanupResult {
  readonly fileName: string;
  /** True only when a file with exactly this name was deleted. */
  readonly removed: boolean;
  /** `removed`; `not-created` (the upload failed and no such file exists); `not-found` (uploaded, but no file has
   *  that name any more: never claimed as removed); `failed` (the delete itself failed). */
  readonly state: 'removed' | 'not-created' | 'not-found' | 'failed';
  /** A warning for the user (not found, failed, or other leftovers), when there is one. */
  readonly message?: string;
}

/** RouterOS gained `/import ... dry-run` in 7.16. */
export const DRY_RUN_SINCE = '7.16';

export function supportsDryRun(routerVersion: string): boolean {
  const numeric = /\d+(?:\.\d+){0,2}/.exec(routerVersion);
  const version = numeric ? parseVersion(numeric[0]) : undefined;
  const since = parseVersion(DRY_RUN_SINCE);
  return version !== undefined && since !== undefined && compareVersions(version, since) >= 0;
}

/** A unique upload name that can never trigger RouterOS's auto-import (`*.auto.rsc`). */
export function makeUploadName(prefix = 'vscode-push', now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const safePrefix = prefix.replace(/[^A-Za-z0-9_-]/g, '') || 'vscode-push';
  return `${safePrefix}-${stamp}-${randomBytes(4).toString('hex')}.rsc`;
}

const UNKNOWN_OUTCOME = 'The outcome is unknown: the connection broke after the script was sent; check the router.';

export async function pushScript(transport: Transport, input: PushInput, hooks: PushHooks): Promise<PushResult> {
  const redactor = hooks.redactor ?? new Redactor();
  // Messages are the flow's own sentences around already-redacted foreign pieces: they are not redacted again.
  const say = (message: string): void => hooks.progress?.(message);
  const log = (line: string): void => hooks.log?.(line);
  const origin = input.origin ?? { line: 0, character: 0 };
  const finish = (result: PushResult): PushResult => {
    const message = result.cleanup?.message ? `${result.message} ${result.cleanup.message}` : result.message;
    log(message);
    return { ...result, message, routerText: result.routerText === undefined ? undefined : redactor.redact(result.routerText) };
  };
  const nothingSent = (status: PushStatus, message: string, extra: Partial<PushResult> = {}): PushResult =>
    finish({ status, message, errors: [], lintFindings: [], mayHaveApplied: false, ...extra });

  // 1. Lint exactly the text that will be sent: refuse a script with errors unless forced.
  let lintFindings: LintFinding[] = [];
  if (input.lint) {
    say('Checking the script with the linter…');
    try {
      const found = await input.lint(input.text, input.rosVersion ? { rosVersion: input.rosVersion } : undefined);
      // Lint messages may quote the script, which may hold a password: they are foreign text.
      lintFindings = found.map((finding) => ({ ...shiftFinding(finding, origin), message: redactor.redact(finding.message) }));
    } catch (error) {
      return nothingSent('failure', `The linter failed (${redactor.redactError(error)}); nothing was sent.`);
    }
  }
  const lintErrors = lintFindings.filter((finding) => finding.severity === 'error');
  if (lintErrors.length > 0 && !input.force) {
    const first = lintErrors[0];
    const placed = lintErrors.map((finding) => ({ line: finding.range.start.line, character: finding.range.start.character, routerLine: finding.range.start.line - origin.line + 1, message: `${finding.message} [${finding.code}]` }));
    return nothingSent(
      'failure',
      `Refused: the linter found ${lintErrors.length} error(s); first at line ${first.range.start.line + 1}: ${first.message}. Nothing was sent. Fix them, or push anyway with force (--force).`,
      { lintFindings, errors: placed, refusedByLint: true },
    );
  }

  // 2. Size and run time: the transport may have hard limits; refuse before connecting rather than fail half-way.
  const bytes = Buffer.byteLength(input.text, 'utf8');
  if (transport.maxUploadBytes !== undefined && bytes > transport.maxUploadBytes) {
    return nothingSent(
      'failure',
      `Refused: the script is ${bytes} bytes, more than the ${transport.maxUploadBytes} bytes RouterOS accepts in one file over REST. Nothing was sent. Push it in smaller parts or use the ssh transport.`,
      { lintFindings },
    );
  }
  const estimate = estimateRun(input.text);
  const limit = transport.requestLimitSeconds;
  if (input.mode === 'apply' && limit !== undefined && estimate.minimumSeconds >= limit) {
    return nothingSent(
      'failure',
      `Refused: the script waits at least ${formatSeconds(estimate.minimumSeconds)} in :delay, but RouterOS ends one ${transport.kind === 'rest' ? 'REST ' : ''}request after ${limit} s, ` +
        'so the result of the import could not be known. Nothing was sent. Push it over the ssh transport, or split it.',
      { lintFindings },
    );
  }

  // 3. Connect and identify the router (the certificate / host key is decided here, before the password is sent).
  say(`Connecting to ${transport.endpoint}…`);
  let router: RouterInfo;
  try {
    router = await identifyRouter(transport, { ...hooks, log });
  } catch (error) {
    const cancelled = hooks.signal?.aborted || (error instanceof PushError && error.kind === 'cancelled');
    return nothingSent(cancelled ? 'cancelled' : 'failure', cancelled ? 'Cancelled: nothing was sent to the router.' : failureBeforeSending(error, redactor), { lintFindings });
  }
  // Identity and version come from the router: foreign text (transports redact them; this keeps it so for any).
  router = { identity: redactor.redact(router.identity), version: redactor.redact(router.version) };
  log(`Router ${router.identity}, RouterOS ${router.version} (${transport.endpoint})`);

  const dryRunFirst = supportsDryRun(router.version);
  if (input.mode === 'check' && !dryRunFirst) {
    return nothingSent(
      'failure',
      `A dry run is not possible on ${router.identity}: RouterOS ${router.version} is older than ${DRY_RUN_SINCE}. Nothing was sent or applied.`,
      { lintFindings, router },
    );
  }

  // 4. Confirm with the user, naming the router and what will be sent.
  const fileName = makeUploadName(input.filePrefix);
  const notes: string[] = [];
  if (input.mode === 'apply' && !dryRunFirst) notes.push(`RouterOS ${router.version} is older than ${DRY_RUN_SINCE}: no dry run first.`);
  if (lintErrors.length > 0) notes.push(`The linter found ${lintErrors.length} error(s); pushing anyway (force).`);
  if (input.mode === 'apply') notes.push(...runTimeNotes(estimate, limit));
  const plan: PushPlan = {
    endpoint: transport.endpoint,
    router,
    fileName,
    bytes,
    lines: countLines(input.text),
    mode: input.mode,
    dryRunFirst,
    lintWarnings: lintFindings.length - lintErrors.length,
    lintErrorsOverridden: lintErrors.length,
    notes,
    estimate,
  };
  const confirmed = await hooks.confirm(plan);
  if (!confirmed) return nothingSent('cancelled', 'Cancelled: nothing was sent to the router.', { lintFindings, router });
  if (hooks.signal?.aborted) return nothingSent('cancelled', 'Cancelled: nothing was sent to the router.', { lintFindings, router });

  // 5. Upload, run, and always delete the file.
  const uploaded = { confirmed: false };
  let result: Omit<PushResult, 'cleanup'>;
  try {
    result = await uploadAndRun(transport, input, hooks, { fileName, router, dryRunFirst, origin, lintFindings, say, log, redactor, estimate, uploaded });
  } catch (error) {
    // uploadAndRun converts every expected failure; this is a bug path, still never a success.
    result = { status: 'unknown', message: `${UNKNOWN_OUTCOME} (${redactor.redactError(error)})`, errors: [], lintFindings, router, mayHaveApplied: true };
  }
  say(`Deleting ${fileName} from the router…`);
  const cleanup = await removeUploadedFile(transport, fileName, uploaded.confirmed, redactor);
  log(cleanup.removed ? `Deleted ${fileName} from the router.` : (cleanup.message ?? `${fileName} was not created on the router; nothing to delete.`));
  await transport.close().catch(() => undefined);
  return finish({ ...result, cleanup });
}

/** Confirmation lines about the run time: the REST limit makes a long run an unknown outcome. */
function runTimeNotes(estimate: RunEstimate, limit: number | undefined): string[] {
  const notes: string[] = [];
  const risky = estimate.risks.length > 0 || estimate.minimumSeconds >= (limit ?? Infinity) / 2;
  if (limit !== undefined && risky) {
    const reasons = [...(estimate.minimumSeconds > 0 ? [`at least ${formatSeconds(estimate.minimumSeconds)} of :delay`] : []), ...estimate.risks];
    notes.push(
      `WARNING: this may run longer than the ${limit} s RouterOS allows one REST request (${reasons.join('; ')}). ` +
        'If the router cuts it, the outcome is unknown and part of the script may have been applied. The ssh transport has no such limit.',
    );
  } else if (estimate.minimumSeconds > 0) {
    notes.push(`The script waits at least ${formatSeconds(estimate.minimumSeconds)} in :delay.`);
  }
  return notes;
}

function formatSeconds(seconds: number): string {
  return `${Math.round(seconds * 10) / 10} s`;
}

interface RunContext {
  readonly fileName: string;
  readonly router: RouterInfo;
  readonly dryRunFirst: boolean;
  readonly origin: { line: number; character: number };
  readonly lintFindings: LintFinding[];
  readonly say: (message: string) => void;
  readonly log: (line: string) => void;
  readonly redactor: Redactor;
  readonly estimate: RunEstimate;
  /** Set once the router confirmed the upload (so a file that cannot be found later is worth a warning). */
  readonly uploaded: { confirmed: boolean };
}

async function uploadAndRun(transport: Transport, input: PushInput, hooks: PushHooks, context: RunContext): Promise<Omit<PushResult, 'cleanup'>> {
  const { fileName, router, origin, lintFindings, say, log, redactor } = context;
  const base = { lintFindings, router };
  const notApplied = (status: PushStatus, message: string, routerText?: string, errors: PlacedError[] = []) => ({ ...base, status, message, errors, routerText, mayHaveApplied: false });
  const isCancel = (error: unknown): boolean => hooks.signal?.aborted === true || (error instanceof PushError && error.kind === 'cancelled');
  const reason = (error: unknown): string => (error instanceof PushError ? error.message : redactor.redactError(error));

  say(`Uploading ${fileName} (${Buffer.byteLength(input.text, 'utf8')} bytes)…`);
  try {
    await transport.uploadFile(fileName, input.text, hooks.signal);
    context.uploaded.confirmed = true;
  } catch (error) {
    // An upload only creates a file; whatever happened to it, nothing was applied.
    if (isCancel(error)) return notApplied('cancelled', 'Cancelled before the import started: nothing was applied.');
    return notApplied('failure', `Upload failed: ${reason(error)} Nothing was applied.`);
  }

  let dryRunClean = false;
  if (context.dryRunFirst) {
    say('Dry run on the router (nothing is applied)…');
    let dry: ImportOutcome;
    let dryFailedReply = false;
    try {
      const run = await transport.runImport(fileName, true, hooks.signal);
      dry = parseImportOutput(redactor.redact(run.text), true);
      dryFailedReply = run.failedReply === true;
      log(`Dry run output:\n${dry.text}`);
    } catch (error) {
      // A dry run never applies anything, so even a broken or cancelled dry run leaves the router unchanged.
      if (isCancel(error) || (error instanceof PushError && error.kind === 'unknown-outcome' && hooks.signal?.aborted)) {
        return notApplied('cancelled', 'Cancelled during the dry run: nothing was applied.');
      }
      return notApplied('failure', `The dry run failed: ${reason(error)} Nothing was applied.`);
    }
    const verdict = judgeDryRun(dry, origin);
    if (verdict) {
      if (verdict.status !== 'clean') return notApplied(verdict.status, verdict.message, dry.text, verdict.errors);
      dryRunClean = true;
      if (input.mode === 'check') return { ...base, status: 'success', message: `Dry run on ${router.identity} (RouterOS ${router.version}): no syntax errors found. Nothing was applied.`, errors: [], routerText: dry.text, mayHaveApplied: false };
    } else if (dryFailedReply) {
      // The router answered the dry run with an error we cannot place: stop, since something is wrong.
      return notApplied('failure', `Failed: the router refused the dry run: ${dry.text.trim().slice(0, 300)}. Nothing was applied.`, dry.text);
    } else {
      // No report that could be read is no evidence that the script is fine: stop rather than import blind.
      const excerpt = dry.text.trim() === '' ? 'an empty report' : `"${dry.text.trim().slice(0, 200)}"`;
      return notApplied(
        input.mode === 'check' ? 'unknown' : 'failure',
        `The dry run on ${router.identity} gave no report that could be read (${excerpt}), so its result is unknown. Nothing was applied${input.mode === 'apply' ? '; the import was not started' : ''}.`,
        dry.text,
      );
    }
  }
  if (input.mode === 'check') return notApplied('failure', 'A dry run is not possible on this router; nothing was applied.');

  if (hooks.signal?.aborted) return notApplied('cancelled', 'Cancelled before the import started: nothing was applied.');
  say(`Importing ${fileName} on ${router.identity}…`);
  let text: string;
  let failedReply = false;
  try {
    const run = await transport.runImport(fileName, false, hooks.signal, { minimumSeconds: context.estimate.minimumSeconds });
    text = redactor.redact(run.text);
    failedReply = run.failedReply === true;
  } catch (error) {
    if (error instanceof PushError && error.kind === 'cancelled') return notApplied('cancelled', 'Cancelled before the import started: nothing was applied.');
    if (error instanceof PushError && (error.kind === 'connection' || error.kind === 'auth' || error.kind === 'trust-mismatch' || error.kind === 'trust-unknown')) {
      return notApplied('failure', `The import could not be started: ${error.message} Nothing was applied.`);
    }
    return { ...base, status: 'unknown', message: `${UNKNOWN_OUTCOME} (${reason(error)})`, errors: [], mayHaveApplied: true };
  }
  log(`Import output:\n${text}`);
  return judgeImport(parseImportOutput(text, false), { failedReply, dryRunClean, origin, base, router });
}

function judgeDryRun(outcome: ImportOutcome, origin: { line: number; character: number }): { status: 'clean' | 'failure'; message: string; errors: PlacedError[] } | undefined {
  switch (outcome.kind) {
    case 'dry-run-clean':
      return { status: 'clean', message: '', errors: [] };
    case 'dry-run-errors': {
      const errors = outcome.errors.map((error) => placeError(error, origin));
      const count = outcome.reportedCount ?? errors.length;
      const first = errors[0];
      const where = first ? ` first at line ${first.line + 1}: ${first.message}.` : ' (the router gave no line).';
      return { status: 'failure', message: `Failed: the dry run found ${count} error(s);${where} Nothing was applied.`, errors };
    }
    case 'missing-file':
      return { status: 'failure', message: 'Failed: the router could not open the uploaded file for the dry run. Nothing was applied.', errors: [] };
    default:
      return undefined;
  }
}

interface ImportJudgement {
  readonly failedReply: boolean;
  /** A dry run of this very file reported no syntax error before the import ran. */
  readonly dryRunClean: boolean;
  readonly origin: { line: number; character: number };
  readonly base: { lintFindings: LintFinding[]; router: RouterInfo };
  readonly router: RouterInfo;
}

function judgeImport(outcome: ImportOutcome, judgement: ImportJudgement): Omit<PushResult, 'cleanup'> {
  const { failedReply, dryRunClean, origin, base, router } = judgement;
  switch (outcome.kind) {
    case 'success':
      return { ...base, status: 'success', message: `Pushed to ${router.identity} (RouterOS ${router.version}): the script was loaded and executed successfully.`, errors: [], routerText: outcome.text, mayHaveApplied: true };
    case 'syntax-error': {
      // A verbose import reads and runs the file statement by statement, so a syntax error at line N says nothing
      // about the lines before it: they may have run. Only a clean dry run of the same file says the syntax is fine,
      // and then the error arose while running, after the lines before it.
      const errors = outcome.errors.map((error) => placeError(error, origin));
      const line = errors[0].line + 1;
      const consequence = dryRunClean
        ? `The dry run found no syntax error, so this happened while running: lines before line ${line} were applied; line ${line} and the rest were not.`
        : `Lines before line ${line} may have been applied; check the router.`;
      return { ...base, status: 'failure', message: `Failed at line ${line}: ${errors[0].message}. ${consequence}`, errors, routerText: outcome.text, mayHaveApplied: true };
    }
    case 'runtime-error': {
      const errors = outcome.errors.map((error) => placeError(error, origin));
      const line = errors[0].line + 1;
      const command = outcome.errors[0].command ? ` (${outcome.errors[0].command})` : '';
      return {
        ...base,
        status: 'failure',
        message: `Failed at line ${line}: ${outcome.errors[0].message}${command}. Lines before line ${line} were applied; line ${line} and the rest were not.`,
        errors,
        routerText: outcome.text,
        mayHaveApplied: true,
      };
    }
    case 'missing-file':
      return { ...base, status: 'failure', message: 'Failed: the router could not open the uploaded file. Nothing was applied.', errors: [], routerText: outcome.text, mayHaveApplied: false };
    case 'error-without-line':
      return { ...base, status: 'failure', message: `Failed: the router reported "${outcome.message}" without a line number. Some lines may have been applied; check the router.`, errors: [], routerText: outcome.text, mayHaveApplied: true };
    default: {
      if (failedReply) {
        return { ...base, status: 'failure', message: `Failed: the router answered "${outcome.text.trim().slice(0, 300)}". Some lines may have been applied; check the router.`, errors: [], routerText: outcome.text, mayHaveApplied: true };
      }
      const excerpt = outcome.text.trim() === '' ? 'no output' : `"${outcome.text.trim().slice(0, 200)}"`;
      return { ...base, status: 'unknown', message: `The outcome is unknown: the router's reply (${excerpt}) was not recognised; check the router.`, errors: [], routerText: outcome.text, mayHaveApplied: true };
    }
  }
}

/** Maps a router line (1-based, in the pushed text) to the editor, offsetting by where the pushed text started. */
export function placeError(error: RouterLineError, origin: { line: number; character: number }): PlacedError {
  const line = origin.line + error.line - 1;
  const column = error.column !== undefined ? error.column - 1 : 0;
  const character = (error.line === 1 ? origin.character : 0) + Math.max(0, column);
  return { line, character, routerLine: error.line, message: error.command ? `${error.message} (${error.command})` : error.message };
}

function shiftFinding(finding: LintFinding, origin: { line: number; character: number }): LintFinding {
  const shift = (position: { line: number; character: number }) => ({
    line: position.line + origin.line,
    character: position.character + (position.line === 0 ? origin.character : 0),
  });
  return { ...finding, range: { start: shift(finding.range.start), end: shift(finding.range.end) } };
}

/**
 * Reads the router's identity and version, which is also where trust is settled: on an unknown certificate or
 * host key the caller is asked, the fingerprint is pinned on consent, and the step is retried once.
 */
export function identifyRouter(transport: Transport, hooks: Pick<PushHooks, 'trust' | 'decideTrust' | 'signal' | 'log'>): Promise<RouterInfo> {
  return withTrust(transport, hooks, () => transport.readRouterInfo(hooks.signal), (line) => hooks.log?.(line));
}

async function withTrust<T>(transport: Transport, hooks: Pick<PushHooks, 'trust' | 'decideTrust'>, step: () => Promise<T>, log: (line: string) => void): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof PushError) || error.kind !== 'trust-unknown' || !error.details.fingerprint || !error.details.trustKey) throw error;
    const fingerprint = error.details.fingerprint;
    const question: TrustQuestion = {
      kind: transport.kind === 'ssh' ? 'host-key' : 'certificate',
      endpoint: transport.endpoint,
      fingerprint,
      displayFingerprint: transport.kind === 'ssh' ? `${opensshFingerprint(fingerprint)} (${fingerprint})` : fingerprint,
      trustKey: error.details.trustKey,
    };
    const accepted = hooks.decideTrust ? await hooks.decideTrust(question) : false;
    if (!accepted) throw error;
    await hooks.trust.set(error.details.trustKey, fingerprint);
    log(`Pinned the ${question.kind} of ${transport.endpoint}: SHA-256 ${question.displayFingerprint}`);
    return await step();
  }
}

function failureBeforeSending(error: unknown, redactor: Redactor): string {
  if (error instanceof PushError) {
    switch (error.kind) {
      case 'trust-mismatch':
      case 'trust-unknown':
        return error.message;
      case 'cancelled':
        return 'Cancelled: nothing was sent to the router.';
      default:
        return `${error.message} Nothing was sent.`;
    }
  }
  return `Could not talk to the router: ${redactor.redactError(error)}. Nothing was sent.`;
}

async function removeUploadedFile(transport: Transport, fileName: string, uploadConfirmed: boolean, redactor: Redactor): Promise<CleanupResult> {
  try {
    const removed = await transport.removeFile(fileName);
    const extra = removed.warnings?.length ? ` ${removed.warnings.join(' ')}` : '';
    if (removed.state === 'removed') return { fileName, removed: true, state: 'removed', message: extra ? extra.trim() : undefined };
    if (!uploadConfirmed) return { fileName, removed: false, state: 'not-created', message: extra ? extra.trim() : undefined };
    return {
      fileName,
      removed: false,
      state: 'not-found',
      message: `Warning: the uploaded file ${fileName} was not found when deleting it, so nothing was deleted — check /file on the router.${extra}`,
    };
  } catch (error) {
    return {
      fileName,
      removed: false,
      state: 'failed',
      message: `Warning: could not delete ${fileName} from the router (${error instanceof PushError ? error.message : redactor.redactError(error)}); remove it by hand with /file remove "${fileName}".`,
    };
  }
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  const lines = text.split(/\r\n|\r|\n/);
  return lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
}
