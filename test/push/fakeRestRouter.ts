/**
 * A stand-in RouterOS REST server for the push tests: HTTPS on 127.0.0.1 (random port) with a self-signed
 * certificate made by openssl at test time. It answers like the reference documents (routeros-facts.md C.1):
 * Basic auth with `401 {"error":401,"message":"Unauthorized"}`, JSON error bodies with `detail`, the
 * `contents too long` refusal above 60416 bytes, `/rest/execute` that runs synchronously only with `as-string`,
 * and the 60-second cut reply `{"detail":"Session closed","error":400,"message":"Bad Request"}`.
 *
 * Every request is recorded (method, path, parsed body, authorization) so tests can check what was sent.
 */
import { spawnSync } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import fs from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestCertificate {
  readonly dir: string;
  readonly key: string;
  readonly cert: string;
  /** As `openssl x509 -fingerprint -sha256` prints it: colon-separated upper hex. */
  readonly fingerprint: string;
}

/** Makes a fresh self-signed certificate for 127.0.0.1 with openssl. */
export function makeCertificate(): TestCertificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsc-push-cert-'));
  const keyPath = path.join(dir, 'key.pem');
  const certPath = path.join(dir, 'cert.pem');
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl req failed: ${made.stderr}`);
  const printed = spawnSync('openssl', ['x509', '-in', certPath, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' });
  const fingerprint = /=([0-9A-F:]+)/.exec(printed.stdout)?.[1];
  if (!fingerprint) throw new Error(`openssl x509 printed no fingerprint: ${printed.stdout} ${printed.stderr}`);
  return { dir, key: fs.readFileSync(keyPath, 'utf8'), cert: fs.readFileSync(certPath, 'utf8'), fingerprint };
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly authorization: string | undefined;
}

/** What `/import` does in this router: a reply to send, or a misbehaviour. */
export type ImportBehaviour =
  | { readonly kind: 'reply'; readonly status?: number; readonly body: unknown }
  /** Keep the request open and never answer (the client's timeout must end it). */
  | { readonly kind: 'hang' }
  /** Close the connection without an answer. */
  | { readonly kind: 'drop' };

export interface ImportCall {
  readonly fileName: string;
  readonly contents: string | undefined;
  readonly dryRun: boolean;
}

export const SUCCESS_TEXT = (name: string): string => `Opening script file ${name}\r\n\r\nScript file loaded and executed successfully\r\n`;

export class FakeRestRouter extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly files = new Map<string, { id: string; contents: string }>();
  /** Every non-dry-run import the router ran (i.e. everything that could have changed its configuration). */
  readonly appliedImports: ImportCall[] = [];
  identity = 'MikroTik-Test';
  version = '7.16.2 (stable)';
  user = 'admin';
  password = 'S3cret-Pa55!';
  /** Decides what an import answers; the default runs the file successfully. */
  onImport: (call: ImportCall) => ImportBehaviour = (call) => ({ kind: 'reply', body: { ret: call.dryRun ? 'No syntax errors found in the import file\r\n' : SUCCESS_TEXT(call.fileName) } });
  /** Answer to `DELETE /rest/file/<id>` (undefined = normal delete). */
  onDelete: (() => ImportBehaviour | undefined) | undefined;
  /** Misbehaviour for `PUT /rest/file`, after the file was stored (undefined = normal reply). */
  onUpload: (() => ImportBehaviour | undefined) | undefined;
  /** Whether `PUT /rest/file` returns the created object (with `.id`), as RouterOS does. */
  putReturnsObject = true;
  /** Children for `/console/inspect request=child`, keyed by comma path. */
  inspectTree: Record<string, Array<{ name: string; 'node-type': string }>> = {};
  private nextId = 0x10;
  private readonly server: https.Server;
  private readonly openResponses = new Set<ServerResponse>();

  constructor(certificate: TestCertificate) {
    super();
    this.server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => this.handle(request, response));
  }

  async start(): Promise<number> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return (this.server.address() as AddressInfo).port;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const response of this.openResponses) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves when a request with this method and path prefix arrives. */
  waitForRequest(method: string, pathPrefix: string): Promise<RecordedRequest> {
    const seen = this.requests.find((r) => r.method === method && r.path.startsWith(pathPrefix));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const listener = (request: RecordedRequest): void => {
        if (request.method === method && request.path.startsWith(pathPrefix)) {
          this.off('request', listener);
          resolve(request);
        }
      };
      this.on('request', listener);
    });
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      if (text !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const recorded: RecordedRequest = { method: request.method ?? '', path: request.url ?? '', body, authorization: request.headers.authorization };
      this.requests.push(recorded);
      this.route(recorded, response, request);
      this.emit('request', recorded);
    });
  }

  private send(response: ServerResponse, status: number, body: unknown): void {
    const payload = body === undefined ? '' : JSON.stringify(body);
    response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
    response.end(payload);
  }

  private error(response: ServerResponse, status: number, detail?: string): void {
    const messages: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 500: 'Internal Server Error' };
    this.send(response, status, detail === undefined ? { error: status, message: messages[status] } : { error: status, message: messages[status], detail });
  }

  private behave(behaviour: ImportBehaviour, response: ServerResponse, request: IncomingMessage): void {
    if (behaviour.kind === 'hang') {
      this.openResponses.add(response);
      return;
    }
    if (behaviour.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    this.send(response, behaviour.status ?? 200, behaviour.body);
  }

  private route(r: RecordedRequest, response: ServerResponse, request: IncomingMessage): void {
    const expected = 'Basic ' + Buffer.from(`${this.user}:${this.password}`).toString('base64');
    if (r.authorization !== expected) return this.error(response, 401);
    const [pathname, query = ''] = r.path.split('?');
    const body = (r.body ?? {}) as Record<string, unknown>;

    if (r.method === 'GET' && pathname === '/rest/system/identity') return this.send(response, 200, { name: this.identity });
    if (r.method === 'GET' && pathname === '/rest/system/resource') {
      return this.send(response, 200, { version: this.version, 'board-name': 'CHR', uptime: '1h2m3s', 'free-memory': '123456789' });
    }
    if (r.method === 'PUT' && pathname === '/rest/file') {
      const name = String(body.name ?? '');
      const contents = String(body.contents ?? '');
      if (Buffer.byteLength(contents) > 60416) return this.error(response, 400, 'failure: contents too long');
      const id = `*${(this.nextId++).toString(16).toUpperCase()}`;
      this.files.set(name, { id, contents });
      const override = this.onUpload?.();
      if (override) return this.behave(override, response, request);
      return this.send(response, 200, this.putReturnsObject ? { '.id': id, name, type: 'rsc file', size: String(Buffer.byteLength(contents)) } : []);
    }
    if (r.method === 'GET' && pathname === '/rest/file') {
      const wanted = new URLSearchParams(query).get('name');
      const rows = [...this.files.entries()].filter(([name]) => wanted === null || name === wanted).map(([name, file]) => ({ '.id': file.id, name }));
      return this.send(response, 200, rows);
    }
    if (r.method === 'DELETE' && pathname.startsWith('/rest/file/')) {
      const override = this.onDelete?.();
      if (override) return this.behave(override, response, request);
      const id = decodeURIComponent(pathname.slice('/rest/file/'.length));
      const entry = [...this.files.entries()].find(([, file]) => file.id === id);
      if (!entry) return this.error(response, 404);
      this.files.delete(entry[0]);
      return this.send(response, 200, []);
    }
    if (r.method === 'POST' && pathname === '/rest/execute') {
      const script = String(body.script ?? '');
      // Without as-string RouterOS runs the script in the background and returns only a job id.
      if (!('as-string' in body)) return this.send(response, 200, { ret: '*B546' });
      const match = /^\/import file-name=(\S+) verbose=yes( dry-run)?$/.exec(script);
      if (!match) return this.error(response, 400, 'no such command or directory (import)');
      const fileName = match[1];
      const dryRun = match[2] !== undefined;
      if (dryRun && !/^7\.(1[6-9]|[2-9]\d)/.test(this.version)) return this.error(response, 400, 'expected end of command (line 1 column 40)');
      const file = this.files.get(fileName);
      if (!file) return this.error(response, 400, 'Cannot open import file, file does not exist (:import; line 1)');
      const call: ImportCall = { fileName, contents: file.contents, dryRun };
      if (!dryRun) this.appliedImports.push(call);
      return this.behave(this.onImport(call), response, request);
    }
    if (r.method === 'POST' && pathname === '/rest/console/inspect') {
      const children = this.inspectTree[String(body.path ?? '')] ?? [];
      return this.send(response, 200, children.map((child) => ({ type: 'child', ...child })));
    }
    return this.error(response, 400, 'no such command prefix');
  }
}
