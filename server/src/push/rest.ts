/**
 * The REST transport (RouterOS v7.1+): `https://<router>/rest/...` with HTTP Basic auth.
 *
 * Trust is decided on the TLS socket BEFORE any HTTP byte (and so before the Authorization header) is written:
 * the request gets its socket from `connectVerified`, which completes the handshake, checks the certificate
 * against the pin or the system CAs, and only then hands the socket over.
 *
 * Every request is bounded by a timeout. A request that was sent but got no answer (timeout, dropped connection,
 * or the router's own 60-second cut `{"detail":"Session closed","error":400}`) is reported as `unknown-outcome`,
 * because the router may have acted on it.
 *
 * The dry run does not go through the synchronous `/rest/execute`: over the API a dry run returns no text, only the
 * trap `found N error(s) in import file` (reference A.14), which names no line. The reference documents how to get
 * the report: `:execute script="/import ... dry-run" file=<name>` writes it to `<name>.txt`. So the dry run starts
 * as a background job (`/rest/execute` without `as-string` returns the job id, C.1), the transport waits for the job
 * to leave `/system/script/job` (the polling C.8 names for long runs; short requests, so no 60-second cut), reads
 * the report file and deletes it. A report that cannot be read is an error, never a clean dry run.
 *
 * Files are deleted only by exact name: the file list is fetched (a router may ignore the `?name=` filter) and only
 * a row whose `name` is exactly the uploaded name is deleted.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { endpointUrl, type RouterEndpoint } from './address.js';
import { Redactor, describeError } from './redact.js';
import { DEFAULT_TIMEOUTS, PushError, throwIfAborted, type ImportRun, type RemoveResult, type RouterInfo, type Timeouts, type Transport } from './transport.js';
import { fingerprintsMatch, mismatchMessage, normalizeFingerprint, trustKey, type TrustStore } from './trust.js';

/** The largest `contents` the router accepts in `PUT /rest/file` (measured: 60416 bytes accepted, 61440 refused). */
export const REST_MAX_UPLOAD_BYTES = 60416;

/** The router ends a REST request that runs longer than this (reference C.1). */
export const REST_REQUEST_LIMIT_SECONDS = 60;

/** Replies larger than this are cut off: nothing the push needs is anywhere near it. */
const MAX_REPLY_BYTES = 16 * 1024 * 1024;

/** First and longest pause between two looks at the dry-run job. */
const JOB_POLL_FIRST_MS = 100;
const JOB_POLL_MAX_MS = 1000;

export interface RestTransportOptions {
  readonly endpoint: RouterEndpoint;
  readonly user: string;
  readonly password: string;
  readonly trust: TrustStore;
  /** Extra CA certificates (PEM) to trust, for routers with a certificate from a private CA. */
  readonly ca?: string | Buffer;
  readonly timeouts?: Partial<Timeouts>;
  /** Overrides the upload limit (tests use it to reach the router's own refusal). */
  readonly maxUploadBytes?: number;
  readonly redactor?: Redactor;
  readonly log?: (line: string) => void;
}

interface RestReply {
  readonly status: number;
  readonly body: unknown;
}

interface RequestOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** What the request does, for messages: "reading the router identity". */
  readonly what: string;
}

/** One installed package, as `/system/package` lists it. */
export interface RouterPackage {
  readonly name: string;
  readonly version: string;
  readonly disabled: boolean;
}

export class RestTransport implements Transport {
  readonly kind = 'rest' as const;
  readonly endpoint: string;
  readonly maxUploadBytes: number;
  readonly requestLimitSeconds = REST_REQUEST_LIMIT_SECONDS;
  private readonly timeouts: Timeouts;
  private readonly redactor: Redactor;
  /** Dry-run report files (names without `.txt`) not deleted yet; removeFile tries again. */
  private readonly pendingReports = new Set<string>();
  private readonly authorization: string;

  constructor(private readonly options: RestTransportOptions) {
    if (options.endpoint.transport !== 'rest') throw new Error('RestTransport needs a REST endpoint.');
    this.endpoint = `${endpointUrl(options.endpoint)} as ${options.user}`;
    this.maxUploadBytes = options.maxUploadBytes ?? REST_MAX_UPLOAD_BYTES;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.redactor = options.redactor ?? new Redactor();
    this.redactor.addSecret(options.password, options.user);
    this.authorization = 'Basic ' + Buffer.from(`${options.user}:${options.password}`, 'utf8').toString('base64');
  }

  async readRouterInfo(signal?: AbortSignal): Promise<RouterInfo> {
    const identity = await this.request('GET', '/rest/system/identity', undefined, { timeoutMs: this.timeouts.request, signal, what: 'reading the router identity' });
    const resource = await this.request('GET', '/rest/system/resource', undefined, { timeoutMs: this.timeouts.request, signal, what: 'reading the router version' });
    return {
      identity: this.redactor.redact(stringField(identity.body, 'name') ?? '(unnamed)'),
      version: this.redactor.redact(stringField(resource.body, 'version') ?? '(unknown version)'),
    };
  }

  /** The installed packages (`GET /rest/system/package`), for keying a cached command tree. */
  async readPackages(signal?: AbortSignal): Promise<RouterPackage[]> {
    const reply = await this.request('GET', '/rest/system/package', undefined, { timeoutMs: this.timeouts.request, signal, what: 'reading the installed packages' });
    const rows = Array.isArray(reply.body) ? reply.body : [];
    const packages: RouterPackage[] = [];
    for (const row of rows) {
      const name = stringField(row, 'name');
      if (!name) continue;
      packages.push({ name, version: stringField(row, 'version') ?? '', disabled: stringField(row, 'disabled') === 'true' });
    }
    return packages;
  }

  async uploadFile(name: string, contents: string, signal?: AbortSignal): Promise<void> {
    const size = Buffer.byteLength(contents, 'utf8');
    if (size > this.maxUploadBytes) {
      throw new PushError('too-large', `The script is ${size} bytes; RouterOS accepts at most ${this.maxUploadBytes} bytes per file over REST. Push it in smaller parts or use the ssh transport.`);
    }
    await this.request('PUT', '/rest/file', { name, contents }, { timeoutMs: this.timeouts.request, signal, what: `uploading ${name}` });
  }

  async runImport(name: string, dryRun: boolean, signal?: AbortSignal): Promise<ImportRun> {
    if (dryRun) return this.dryRunThroughReportFile(name, signal);
    const script = `/import file-name=${name} verbose=yes`;
    try {
      // The router cuts this request at 60 s whatever the client waits; the flow warns about long scripts up front.
      const reply = await this.request('POST', '/rest/execute', { script, 'as-string': '' }, { timeoutMs: this.timeouts.import, signal, what: 'the import' });
      return { text: this.redactor.redact(stringField(reply.body, 'ret') ?? (typeof reply.body === 'string' ? reply.body : '')) };
    } catch (error) {
      // The router reports a failed script as a 400 whose detail is the script's error text: hand that text to the
      // parser like any other output. Other failures keep their meaning.
      if (error instanceof PushError && error.kind === 'router' && error.details.routerDetail) {
        return { text: error.details.routerDetail, failedReply: true };
      }
      throw error;
    }
  }

  /** See the file comment: background `:execute` with `file=`, wait for the job, read and delete the report. */
  private async dryRunThroughReportFile(name: string, signal?: AbortSignal): Promise<ImportRun> {
    const report = `${name.replace(/\.rsc$/i, '')}-dry-run`;
    const deadline = Date.now() + this.timeouts.import;
    const script = `/import file-name=${name} verbose=yes dry-run`;
    // Remembered before the request: even if its answer is lost, the cleanup looks for a report to delete.
    this.pendingReports.add(report);
    const started = await this.request('POST', '/rest/execute', { script, file: report }, { timeoutMs: this.timeouts.request, signal, what: 'starting the dry run' });
    const job = stringField(started.body, 'ret');
    if (!job || !/^\*[0-9A-Fa-f]+$/.test(job)) {
      throw new PushError('router', `The router did not start the dry run as a background job (it answered ${this.redactor.redact(JSON.stringify(started.body ?? null)).slice(0, 200)}).`);
    }
    try {
      await this.waitForJob(job, deadline, signal);
    } catch (error) {
      // Stop the job, so that it cannot write its report after the file cleanup ran. A dry run changes nothing, so
      // stopping it is harmless.
      await this.request('POST', '/rest/system/script/job/remove', { '.id': job }, { timeoutMs: this.timeouts.request, what: 'stopping the dry run' }).catch(() => undefined);
      throw error;
    }
    let found: { id: string; name: string } | undefined;
    try {
      const read = await this.readReport(report, signal);
      found = read.file;
      return { text: read.text };
    } finally {
      // Delete the report now (by the id just matched by exact name); removeFile tries again and reports a failure.
      const removal = found ? this.deleteById(found.id, found.name).then(() => undefined) : this.removeReport(report);
      await removal.then(() => this.pendingReports.delete(report), () => undefined);
    }
  }

  private async waitForJob(job: string, deadline: number, signal?: AbortSignal): Promise<void> {
    let pause = JOB_POLL_FIRST_MS;
    for (;;) {
      const reply = await this.request('GET', '/rest/system/script/job', undefined, { timeoutMs: this.timeouts.request, signal, what: 'waiting for the dry run' });
      const rows = Array.isArray(reply.body) ? reply.body : [];
      if (!rows.some((row) => stringField(row, '.id') === job)) return;
      if (Date.now() + pause > deadline) {
        throw new PushError('connection', `The dry run did not finish within ${Math.round(this.timeouts.import / 100) / 10} s.`);
      }
      await pauseFor(pause, signal, 'while waiting for the dry run');
      pause = Math.min(pause * 2, JOB_POLL_MAX_MS);
    }
  }

  /** The report `:execute file=<name>` wrote: `<name>.txt` (the reference's form), or `<name>` as it was asked for. */
  private async readReport(report: string, signal?: AbortSignal): Promise<{ text: string; file: { id: string; name: string } }> {
    const found = await this.findFileExactly([`${report}.txt`, report], signal);
    if (!found) throw new PushError('router', `The dry run left no report (${report}.txt) to read, so its result is unknown.`);
    let contents = stringField(found.row, 'contents');
    if (contents === undefined) {
      const one = await this.request('GET', `/rest/file/${encodeURIComponent(found.id)}`, undefined, { timeoutMs: this.timeouts.request, signal, what: `reading ${found.name}` });
      contents = stringField(one.body, 'contents');
    }
    if (contents === undefined) throw new PushError('router', `The dry-run report ${found.name} could not be read (the router sent no contents), so its result is unknown.`);
    return { text: this.redactor.redact(contents), file: { id: found.id, name: found.name } };
  }

  private async removeReport(report: string): Promise<void> {
    const found = await this.findFileExactly([`${report}.txt`, report]);
    if (found) await this.deleteById(found.id, found.name);
    this.pendingReports.delete(report);
  }

  async removeFile(name: string): Promise<RemoveResult> {
    const warnings: string[] = [];
    for (const report of [...this.pendingReports]) {
      try {
        await this.removeReport(report);
      } catch (error) {
        warnings.push(`Warning: could not delete the dry-run report ${report}.txt (${this.describe(error)}); remove it by hand with /file remove "${report}.txt".`);
      }
    }
    const found = await this.findFileExactly([name]);
    if (!found) return { state: 'not-found', warnings };
    const deleted = await this.deleteById(found.id, name);
    return { state: deleted ? 'removed' : 'not-found', warnings };
  }

  /**
   * The one file whose name is exactly one of `names` (in that order of preference). The `?name=` filter narrows the
   * list on routers that honour it; the exact comparison is what decides, so a router that ignores the filter and
   * lists every file can never make another file the target.
   */
  private async findFileExactly(names: string[], signal?: AbortSignal): Promise<{ id: string; name: string; row: unknown } | undefined> {
    for (const name of names) {
      const reply = await this.request('GET', `/rest/file?name=${encodeURIComponent(name)}`, undefined, { timeoutMs: this.timeouts.request, signal, what: `looking up ${name}` });
      const rows = Array.isArray(reply.body) ? reply.body : [];
      const matches = rows.filter((row) => stringField(row, 'name') === name);
      const id = matches.length === 1 ? stringField(matches[0], '.id') : undefined;
      if (matches.length > 1) throw new PushError('router', `The router lists ${matches.length} files named ${name}; none was deleted.`);
      if (id) return { id, name, row: matches[0] };
    }
    return undefined;
  }

  /** Deletes one file by id; false when the router says the id does not exist (404): then nothing was deleted. */
  private async deleteById(id: string, name: string): Promise<boolean> {
    try {
      await this.request('DELETE', `/rest/file/${encodeURIComponent(id)}`, undefined, { timeoutMs: this.timeouts.request, what: `deleting ${name}` });
      return true;
    } catch (error) {
      if (error instanceof PushError && error.details.httpStatus === 404) return false;
      throw error;
    }
  }

  private describe(error: unknown): string {
    return error instanceof PushError ? error.message : this.redactor.redactError(error);
  }

  /** `POST /rest/console/inspect` (used to read the command tree). */
  async inspect(body: Record<string, string>, signal?: AbortSignal): Promise<unknown> {
    const reply = await this.request('POST', '/rest/console/inspect', body, { timeoutMs: this.timeouts.request, signal, what: 'reading the command tree' });
    return reply.body;
  }

  async close(): Promise<void> {
    // Each request uses its own connection (no keep-alive), so there is nothing to release.
  }

  private request(method: string, path: string, body: unknown, options: RequestOptions): Promise<RestReply> {
    throwIfAborted(options.signal, `before ${options.what}`);
    const { endpoint } = this.options;
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
    const headers: Record<string, string | number> = { Authorization: this.authorization, Accept: 'application/json' };
    if (payload) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = payload.length;
    }
    this.options.log?.(`${method} ${endpointUrl(endpoint)}${path}`);

    return new Promise<RestReply>((resolve, reject) => {
      let sent = false;
      let settled = false;
      // The TLS socket being opened for this request. Until the handshake and the trust decision are done, the
      // request does not own it, so a timeout or a cancel must destroy it here or it would stay open.
      let tlsSocket: tls.TLSSocket | undefined;
      const finish = (error: unknown, reply?: RestReply): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        if (error) {
          tlsSocket?.destroy();
          reject(this.classify(error, sent, options.what));
        } else {
          resolve(reply as RestReply);
        }
      };
      const requestOptions: https.RequestOptions = {
        method,
        host: endpoint.host,
        port: endpoint.port,
        path,
        headers,
      };
      // The request is built with `new http.ClientRequest`, not `https.request`: VS Code's extension host replaces
      // `http(s).request` with a proxy-aware version that swaps in its own agent, which ignores `createConnection`
      // and verifies the certificate itself, so a self-signed router would fail before its fingerprint could be
      // shown or matched against the pin. The class is the same one `https.request` constructs; only the hook is
      // skipped. (A proxy between the editor and a router's management address is not supported.)
      let request: http.ClientRequest;
      if (endpoint.scheme === 'https') {
        requestOptions.createConnection = ((_: unknown, callback: (error: Error | null, socket?: Duplex) => void) => {
          this.connectVerified((socket) => {
            tlsSocket = socket;
            // Settled already (timeout or cancel while the socket was being created): release it at once.
            if (settled) socket.destroy();
          }).then((socket) => callback(null, socket), (error: Error) => callback(error));
          return undefined;
        }) as unknown as https.RequestOptions['createConnection'];
        // No agent: with `createConnection` and no agent, the request waits for our verified socket.
        request = new http.ClientRequest(requestOptions);
      } else {
        request = new http.ClientRequest({ ...requestOptions, agent: false });
      }
      // Settle first, then destroy: a request still waiting for its socket emits no 'error' when destroyed (Node
      // reports it only once a socket is assigned, which a stalled handshake never does).
      const stop = (error: Error): void => {
        finish(error);
        request.destroy(error);
      };
      const timer = setTimeout(() => stop(new TimeoutError(options.timeoutMs)), options.timeoutMs);
      const onAbort = (): void => stop(new PushError('cancelled', `Cancelled during ${options.what}.`));
      options.signal?.addEventListener('abort', onAbort, { once: true });

      request.on('finish', () => {
        sent = true;
      });
      request.on('error', (error) => finish(error));
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_REPLY_BYTES) request.destroy(new Error('the reply was too large'));
          else chunks.push(chunk);
        });
        response.on('error', (error) => finish(error));
        response.on('aborted', () => finish(new Error('the connection closed in the middle of the reply')));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          if (text.trim() !== '') {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
          } else {
            parsed = undefined;
          }
          if (status >= 200 && status < 300) finish(undefined, { status, body: parsed });
          else finish(this.httpError(status, parsed, options.what));
        });
      });
      request.end(payload);
    });
  }

  /** Opens the TLS connection and decides trust before the HTTP request may use it. `track` receives the socket at once. */
  private connectVerified(track: (socket: tls.TLSSocket) => void): Promise<tls.TLSSocket> {
    const { endpoint, trust, ca } = this.options;
    const key = trustKey('rest', endpoint.host, endpoint.port);
    return new Promise<tls.TLSSocket>((resolve, reject) => {
      const socket = tls.connect({
        host: endpoint.host,
        port: endpoint.port,
        servername: net.isIP(endpoint.host) ? undefined : endpoint.host,
        // Verification is done below, so that a self-signed certificate can be matched against its pin.
        rejectUnauthorized: false,
        ca: ca ? [...tls.rootCertificates, ca.toString()] : undefined,
      });
      track(socket);
      // Listen for errors until the request takes the socket over (it adds its own listener then); an error while
      // the trust store is read must not go unhandled.
      const onError = (error: Error): void => reject(error);
      socket.on('error', onError);
      const handOver = (): void => {
        socket.off('error', onError);
        resolve(socket);
      };
      socket.once('secureConnect', () => {
        const fingerprint = socket.getPeerCertificate()?.fingerprint256 ?? '';
        Promise.resolve(trust.get(key)).then(
          (pinned) => {
            if (pinned) {
              if (fingerprintsMatch(pinned, fingerprint)) return handOver();
              socket.destroy();
              return reject(
                new PushError(
                  'trust-mismatch',
                  mismatchMessage({
                    what: 'certificate',
                    where: endpointUrl(endpoint),
                    pinned: `SHA-256 fingerprint ${normalizeFingerprint(pinned) ?? pinned}`,
                    presented: fingerprint,
                    unsent: 'nothing was sent',
                    pinOrigin: trust.pinOrigin,
                    replacedHint: "If the router's certificate was replaced on purpose, check the new fingerprint on the router and pin it again.",
                  }),
                  { fingerprint, pinned, trustKey: key },
                ),
              );
            }
            if (socket.authorized) return handOver();
            socket.destroy();
            reject(
              new PushError(
                'trust-unknown',
                `The certificate of ${endpointUrl(endpoint)} is not trusted (${this.redactor.redact(String(socket.authorizationError ?? 'unverified'))}). Its SHA-256 fingerprint is ${fingerprint}. ` +
                  'Compare it with the router (/certificate print detail) before trusting it; nothing was sent.',
                { fingerprint, trustKey: key },
              ),
            );
          },
          (error: unknown) => {
            socket.destroy();
            reject(error);
          },
        );
      });
    });
  }

  private httpError(status: number, body: unknown, what: string): PushError {
    const detail = stringField(body, 'detail');
    const message = stringField(body, 'message');
    if (status === 401) {
      return new PushError('auth', `Authentication failed for user ${this.options.user} (${what}).`, { httpStatus: status });
    }
    if (detail && /session closed/i.test(detail)) {
      return new PushError(
        'unknown-outcome',
        `The router closed the session during ${what} (it cuts REST requests after 60 s): the outcome is unknown.`,
        { httpStatus: status, routerDetail: detail },
      );
    }
    const reason = this.redactor.redact(detail ?? message ?? (typeof body === 'string' ? body.slice(0, 300) : `HTTP ${status}`));
    return new PushError('router', `The router refused ${what}: ${reason} (HTTP ${status}).${restHint(status, detail, what)}`, { httpStatus: status, routerDetail: detail ? this.redactor.redact(detail) : undefined });
  }

  /** Maps a low-level failure to a PushError, deciding whether the request may have had an effect. */
  private classify(error: unknown, sent: boolean, what: string): PushError {
    if (error instanceof PushError) {
      if (error.kind === 'cancelled' && sent) {
        return new PushError('unknown-outcome', `Cancelled during ${what}, after the request was sent: the outcome is unknown.`, { ...error.details });
      }
      return error;
    }
    const reason = this.redactor.redact(error instanceof TimeoutError ? error.message : describeError(error));
    if (sent) return new PushError('unknown-outcome', `The connection broke during ${what} after the request was sent (${reason}): the outcome is unknown.`);
    return new PushError('connection', `Could not reach the router for ${what}: ${reason}.`);
  }
}

/** Points at the likely cause when an old router lacks what REST push needs. */
function restHint(status: number, detail: string | undefined, what: string): string {
  if (status === 404 && what.startsWith('reading the router')) return ' The REST API needs RouterOS 7.1 or later with the www-ssl service enabled; for RouterOS 6 use the ssh transport.';
  if (what.startsWith('uploading') && detail && /unknown parameter|no such command/i.test(detail)) return ' Uploading a file over REST needs RouterOS 7.9 or later; use the ssh transport for older routers.';
  return '';
}

/** Waits `ms`, or throws `cancelled` as soon as the signal fires. */
function pauseFor(ms: number, signal: AbortSignal | undefined, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new PushError('cancelled', `Cancelled ${what}.`));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new PushError('cancelled', `Cancelled ${what}.`));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${Math.round(ms / 100) / 10} s`);
  }
}

function stringField(value: unknown, field: string): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const found = (value as Record<string, unknown>)[field];
    if (typeof found === 'string') return found;
    if (typeof found === 'number' || typeof found === 'boolean') return String(found);
  }
  return undefined;
}
