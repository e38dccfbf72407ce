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
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { endpointUrl, type RouterEndpoint } from './address.js';
import { Redactor, describeError } from './redact.js';
import { DEFAULT_TIMEOUTS, PushError, throwIfAborted, type ImportRun, type RouterInfo, type Timeouts, type Transport } from './transport.js';
import { fingerprintsMatch, normalizeFingerprint, trustKey, type TrustStore } from './trust.js';

/** The largest `contents` the router accepts in `PUT /rest/file` (measured: 60416 bytes accepted, 61440 refused). */
export const REST_MAX_UPLOAD_BYTES = 60416;

/** Replies larger than this are cut off: nothing the push needs is anywhere near it. */
const MAX_REPLY_BYTES = 16 * 1024 * 1024;

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

export class RestTransport implements Transport {
  readonly kind = 'rest' as const;
  readonly endpoint: string;
  readonly maxUploadBytes: number;
  private readonly timeouts: Timeouts;
  private readonly redactor: Redactor;
  private readonly fileIds = new Map<string, string>();
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
    return { identity: stringField(identity.body, 'name') ?? '(unnamed)', version: stringField(resource.body, 'version') ?? '(unknown version)' };
  }

  async uploadFile(name: string, contents: string, signal?: AbortSignal): Promise<void> {
    const size = Buffer.byteLength(contents, 'utf8');
    if (size > this.maxUploadBytes) {
      throw new PushError('too-large', `The script is ${size} bytes; RouterOS accepts at most ${this.maxUploadBytes} bytes per file over REST. Push it in smaller parts or use the ssh transport.`);
    }
    const reply = await this.request('PUT', '/rest/file', { name, contents }, { timeoutMs: this.timeouts.request, signal, what: `uploading ${name}` });
    const id = stringField(reply.body, '.id');
    if (id) this.fileIds.set(name, id);
  }

  async runImport(name: string, dryRun: boolean, signal?: AbortSignal): Promise<ImportRun> {
    const script = `/import file-name=${name} verbose=yes${dryRun ? ' dry-run' : ''}`;
    try {
      const reply = await this.request('POST', '/rest/execute', { script, 'as-string': '' }, { timeoutMs: this.timeouts.import, signal, what: dryRun ? 'the dry run' : 'the import' });
      return { text: stringField(reply.body, 'ret') ?? (typeof reply.body === 'string' ? reply.body : '') };
    } catch (error) {
      // The router reports a failed script as a 400 whose detail is the script's error text: hand that text to the
      // parser like any other output. Other failures keep their meaning.
      if (error instanceof PushError && error.kind === 'router' && error.details.routerDetail) {
        return { text: error.details.routerDetail, failedReply: true };
      }
      throw error;
    }
  }

  async removeFile(name: string): Promise<void> {
    let id = this.fileIds.get(name);
    if (!id) {
      const found = await this.request('GET', `/rest/file?name=${encodeURIComponent(name)}`, undefined, { timeoutMs: this.timeouts.request, what: `looking up ${name}` });
      const rows = Array.isArray(found.body) ? found.body : [];
      const row = rows.find((candidate) => stringField(candidate, 'name') === name) ?? rows[0];
      id = stringField(row, '.id');
      if (!id) return; // Nothing by that name: the upload never created it.
    }
    try {
      await this.request('DELETE', `/rest/file/${encodeURIComponent(id)}`, undefined, { timeoutMs: this.timeouts.request, what: `deleting ${name}` });
    } catch (error) {
      // A second delete answers 404: the file is gone, which is what we wanted.
      if (error instanceof PushError && error.details.httpStatus === 404) return;
      throw error;
    }
    this.fileIds.delete(name);
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
      const finish = (error: unknown, reply?: RestReply): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        if (error) reject(this.classify(error, sent, options.what));
        else resolve(reply as RestReply);
      };
      const requestOptions: https.RequestOptions = {
        method,
        host: endpoint.host,
        port: endpoint.port,
        path,
        headers,
      };
      let request: http.ClientRequest;
      if (endpoint.scheme === 'https') {
        requestOptions.createConnection = ((_: unknown, callback: (error: Error | null, socket?: Duplex) => void) => {
          this.connectVerified().then((socket) => callback(null, socket), (error: Error) => callback(error));
          return undefined;
        }) as unknown as https.RequestOptions['createConnection'];
        // No agent: with `createConnection` and no agent, the request waits for our verified socket.
        request = https.request(requestOptions);
      } else {
        request = http.request({ ...requestOptions, agent: false });
      }
      const timer = setTimeout(() => request.destroy(new TimeoutError(options.timeoutMs)), options.timeoutMs);
      const onAbort = (): void => {
        request.destroy(new PushError('cancelled', `Cancelled during ${options.what}.`));
      };
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

  /** Opens the TLS connection and decides trust before the HTTP request may use it. */
  private connectVerified(): Promise<tls.TLSSocket> {
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
      const onError = (error: Error): void => reject(error);
      socket.once('error', onError);
      socket.once('secureConnect', () => {
        socket.off('error', onError);
        const fingerprint = socket.getPeerCertificate()?.fingerprint256 ?? '';
        Promise.resolve(trust.get(key)).then(
          (pinned) => {
            if (pinned) {
              if (fingerprintsMatch(pinned, fingerprint)) return resolve(socket);
              socket.destroy();
              return reject(
                new PushError(
                  'trust-mismatch',
                  `REFUSED: the certificate of ${endpointUrl(endpoint)} changed. Pinned SHA-256 fingerprint ${normalizeFingerprint(pinned) ?? pinned}, ` +
                    `now ${fingerprint}. Someone may be intercepting the connection; nothing was sent. If the router's certificate was replaced on purpose, check the new fingerprint on the router and pin it again.`,
                  { fingerprint, pinned, trustKey: key },
                ),
              );
            }
            if (socket.authorized) return resolve(socket);
            socket.destroy();
            reject(
              new PushError(
                'trust-unknown',
                `The certificate of ${endpointUrl(endpoint)} is not trusted (${String(socket.authorizationError ?? 'unverified')}). Its SHA-256 fingerprint is ${fingerprint}. ` +
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
