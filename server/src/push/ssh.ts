/**
 * The SSH transport, for RouterOS v6 and routers without REST: SFTP upload, then `/import` over an exec channel.
 *
 * RouterOS exits 0 from every exec, so only the printed text tells what happened (importResult.ts reads it).
 * The host key is checked during the key exchange, before the password is sent: a pinned key must match, an unknown
 * key is reported (with its fingerprint) so the caller can ask the user and retry.
 *
 * Everything the router prints is redacted in `exec`, where it enters; error messages are built from redacted pieces.
 */
import { Client, type ClientChannel, type SFTPWrapper } from 'ssh2';
import type { RouterEndpoint } from './address.js';
import { Redactor, describeError } from './redact.js';
import { DEFAULT_TIMEOUTS, PushError, throwIfAborted, type ImportOptions, type ImportRun, type RemoveResult, type RouterInfo, type Timeouts, type Transport } from './transport.js';
import { fingerprintsMatch, mismatchMessage, normalizeFingerprint, opensshFingerprint, sshHostKeyFingerprint, trustKey, type TrustStore } from './trust.js';

export interface SshTransportOptions {
  readonly endpoint: RouterEndpoint;
  readonly user: string;
  readonly password: string;
  readonly trust: TrustStore;
  readonly timeouts?: Partial<Timeouts>;
  readonly redactor?: Redactor;
  readonly log?: (line: string) => void;
}

/** Output beyond this is dropped; an import report is far smaller. */
const MAX_OUTPUT_CHARS = 4 * 1024 * 1024;

export class SshTransport implements Transport {
  readonly kind = 'ssh' as const;
  readonly endpoint: string;
  readonly maxUploadBytes = undefined;
  private readonly timeouts: Timeouts;
  private readonly redactor: Redactor;
  private connection: Promise<Client> | undefined;

  constructor(private readonly options: SshTransportOptions) {
    if (options.endpoint.transport !== 'ssh') throw new Error('SshTransport needs an ssh endpoint.');
    this.endpoint = `ssh://${options.endpoint.host}:${options.endpoint.port} as ${options.user}`;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.redactor = options.redactor ?? new Redactor();
    this.redactor.addSecret(options.password, options.user);
  }

  async readRouterInfo(signal?: AbortSignal): Promise<RouterInfo> {
    const text = await this.exec(':put [/system identity get name]; :put [/system resource get version]', this.timeouts.request, signal, 'reading the router identity');
    const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
    if (lines.length < 2 || /bad command|syntax error|expected /i.test(text)) {
      throw new PushError('router', `Could not read the router identity and version over SSH: ${text.trim().slice(0, 300) || 'no output'}.`);
    }
    return { identity: lines[0], version: lines[1] };
  }

  async uploadFile(name: string, contents: string, signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal, `before uploading ${name}`);
    const client = await this.connect(signal);
    this.options.log?.(`sftp put ${name}`);
    await this.bounded<void>(`uploading ${name}`, this.timeouts.request, signal, false, (done, onCancel) => {
      client.sftp((error: Error | undefined, sftp: SFTPWrapper) => {
        if (error) return done(error);
        onCancel(() => sftp.end());
        sftp.writeFile(name, contents, (writeError?: Error | null) => {
          sftp.end();
          done(writeError ?? undefined);
        });
      });
    });
  }

  async runImport(name: string, dryRun: boolean, signal?: AbortSignal, options: ImportOptions = {}): Promise<ImportRun> {
    const command = `/import file-name=${name} verbose=yes${dryRun ? ' dry-run' : ''}`;
    // SSH has no router-side time limit: wait at least as long as the script's own delays, plus the usual limit.
    const timeoutMs = this.timeouts.import + (dryRun ? 0 : Math.max(0, options.minimumSeconds ?? 0) * 1000);
    const text = await this.exec(command, timeoutMs, signal, dryRun ? 'the dry run' : 'the import', true);
    return { text };
  }

  async removeFile(name: string): Promise<RemoveResult> {
    // The counts before and after prove what happened: `1 0` removed, `0 0` there was no such file. `find name=`
    // compares the whole name, so no other file can match.
    const count = `:put [:len [/file find name="${name}"]]`;
    const text = await this.exec(`${count}; /file remove [find name="${name}"]; ${count}`, this.timeouts.request, undefined, `deleting ${name}`);
    const numbers = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
    if (numbers.length === 2 && /^\d+$/.test(numbers[0]) && numbers[1] === '0') return { state: numbers[0] === '0' ? 'not-found' : 'removed' };
    throw new PushError('router', `The router did not confirm deleting ${name}: ${text.trim().slice(0, 300) || 'no output'}.`);
  }

  async close(): Promise<void> {
    const pending = this.connection;
    this.connection = undefined;
    if (!pending) return;
    try {
      (await pending).end();
    } catch {
      // A connection that never opened has nothing to close.
    }
  }

  private connect(signal?: AbortSignal): Promise<Client> {
    if (this.connection) return this.connection;
    const { endpoint, user, password, trust } = this.options;
    const key = trustKey('ssh', endpoint.host, endpoint.port);
    const attempt = new Promise<Client>((resolve, reject) => {
      const client = new Client();
      let trustProblem: PushError | undefined;
      let settled = false;
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        client.end();
        reject(error);
      };
      const onAbort = (): void => fail(new PushError('cancelled', 'Cancelled while connecting; nothing was sent.'));
      signal?.addEventListener('abort', onAbort, { once: true });
      client.on('ready', () => {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        resolve(client);
      });
      client.on('error', (error: Error & { level?: string }) => {
        if (trustProblem) return fail(trustProblem);
        if (error.level === 'client-authentication') return fail(new PushError('auth', `Authentication failed for user ${user} (ssh).`));
        const reason = /timed out/i.test(error.message) ? `no answer within ${this.timeouts.request / 1000} s` : this.redactor.redact(describeError(error));
        fail(new PushError('connection', `Could not connect to ${this.endpoint} over SSH: ${reason}.`));
      });
      client.on('close', () => {
        // A connection that dies later must be reopened (cleanup runs after a dropped import).
        if (this.connection === attempt) this.connection = undefined;
        fail(new PushError('connection', `The SSH connection to ${this.endpoint} closed.`));
      });
      client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => password)));
      client.connect({
        host: endpoint.host,
        port: endpoint.port,
        username: user,
        password,
        tryKeyboard: true,
        readyTimeout: this.timeouts.request,
        hostVerifier: (keyBlob: Buffer, verify: (valid: boolean) => void) => {
          const fingerprint = sshHostKeyFingerprint(keyBlob);
          Promise.resolve(trust.get(key)).then(
            (pinned) => {
              if (pinned) {
                if (fingerprintsMatch(pinned, fingerprint)) return verify(true);
                trustProblem = new PushError(
                  'trust-mismatch',
                  mismatchMessage({
                    what: 'SSH host key',
                    where: `${endpoint.host}:${endpoint.port}`,
                    pinned: `${opensshFingerprint(pinned)} (${normalizeFingerprint(pinned) ?? pinned})`,
                    presented: `${opensshFingerprint(fingerprint)} (${fingerprint})`,
                    unsent: 'the password was not sent',
                    pinOrigin: trust.pinOrigin,
                  }),
                  { fingerprint, pinned, trustKey: key },
                );
                return verify(false);
              }
              trustProblem = new PushError(
                'trust-unknown',
                `The SSH host key of ${endpoint.host}:${endpoint.port} is not known yet. Its SHA-256 fingerprint is ${opensshFingerprint(fingerprint)} (${fingerprint}). ` +
                  'Compare it with the router before trusting it; the password was not sent.',
                { fingerprint, trustKey: key },
              );
              verify(false);
            },
            (error: unknown) => {
              trustProblem = new PushError('connection', `Could not read the trust store: ${describeError(error)}.`);
              verify(false);
            },
          );
        },
      });
    });
    this.connection = attempt;
    attempt.catch(() => {
      if (this.connection === attempt) this.connection = undefined;
    });
    return attempt;
  }

  /** Runs one console command and returns its output. `mayApply` marks commands whose interruption leaves the outcome unknown. */
  private async exec(command: string, timeoutMs: number, signal: AbortSignal | undefined, what: string, mayApply = false): Promise<string> {
    throwIfAborted(signal, `before ${what}`);
    const client = await this.connect(signal);
    this.options.log?.(`ssh exec ${command}`);
    let output = '';
    await this.bounded<void>(what, timeoutMs, signal, mayApply, (done, onCancel) => {
      client.exec(command, (error: Error | undefined, channel: ClientChannel) => {
        if (error) return done(error);
        onCancel(() => channel.close());
        const collect = (chunk: Buffer): void => {
          if (output.length < MAX_OUTPUT_CHARS) output += chunk.toString('utf8');
        };
        channel.on('data', collect);
        channel.stderr.on('data', collect);
        channel.on('close', () => done());
      });
    });
    // Everything a command prints is router text: redacted here, where it enters.
    return this.redactor.redact(output);
  }

  /**
   * Wraps a callback-style SSH step with a timeout and cancellation. When the step may change the router
   * (`mayApply`) and was interrupted, the result is `unknown-outcome`, never a plain failure.
   */
  private bounded<T>(
    what: string,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    mayApply: boolean,
    start: (done: (error?: Error, value?: T) => void, onCancel: (cancel: () => void) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let cancelStep: (() => void) | undefined;
      let settled = false;
      const settle = (error: PushError | undefined, value?: T): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(value as T);
      };
      const interrupted = (reason: string): PushError =>
        mayApply
          ? new PushError('unknown-outcome', `${reason} during ${what}, after the command was sent: the outcome is unknown.`)
          : new PushError(reason.startsWith('Cancelled') ? 'cancelled' : 'connection', `${reason} during ${what}.`);
      const timer = setTimeout(() => {
        cancelStep?.();
        // The connection may be wedged; drop it so the cleanup step opens a fresh one.
        void this.close();
        settle(interrupted(`No answer within ${Math.round(timeoutMs / 100) / 10} s`));
      }, timeoutMs);
      const onAbort = (): void => {
        cancelStep?.();
        settle(interrupted('Cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      // A dropped connection ends the step too: the channel never closes cleanly then.
      void this.connection?.then((client) => client.once('close', () => settle(interrupted('The connection broke'))), () => undefined);
      start(
        (error, value) => {
          if (!error) return settle(undefined, value);
          settle(mayApply ? interrupted('The connection broke') : new PushError('connection', `Failed ${what}: ${this.redactor.redact(describeError(error))}.`));
        },
        (cancel) => {
          cancelStep = cancel;
        },
      );
    });
  }
}
