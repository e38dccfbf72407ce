/**
 * A stand-in RouterOS REST server for the push tests: HTTPS on 127.0.0.1 (random port) with a self-signed
 * certificate made by openssl at test time. It answers like the reference documents (routeros-facts.md C.1):
 * Basic auth with `401 {"error":401,"message":"Unauthorized"}`, JSON error bodies with `detail`, the
 * `contents too long` refusal above 60416 bytes, `/rest/execute` that runs synchronously only with `as-string`,
 * and the 60-second cut reply `{"detail":"Session closed","error":400,"message":"Bad Request"}`.
 *
 * Dry runs follow A.14: run synchronously through the API they return no report, only the trap
 * `found N error(s) in import file` (a 400 here) or an empty `ret`; run as a background `:execute` with `file=<name>`
 * they write the whole console report to `<name>.txt` (CRLF) and show up in `/system/script/job` until done.
 *
 * Every request is recorded (method, path, parsed body, authorization) so tests can check what was sent.
 */
import { spawnSync } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
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
  /** Keep the request open without an answer, until the client gives up or the router's session limit cuts it. */
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
  /** Every dry run the router ran, and how it was asked for (`sync` through as-string, `job` in the background). */
  readonly dryRuns: Array<ImportCall & { route: 'sync' | 'job' }> = [];
  /** Background jobs still "running": id -> how many more job listings show it. */
  readonly jobs = new Map<string, number>();
  identity = 'MikroTik-Test';
  version = '7.16.2 (stable)';
  user = 'admin';
  password = 'S3cret-Pa55!';
  /**
   * Decides what an import answers; the default runs the file successfully. For a dry run the reply's `ret` (or its
   * `detail`) is the console report: written to the report file in the background route, reduced to the count in
   * the synchronous one. `hang` keeps a background dry run listed as a job forever; `drop` ends it without a report.
   */
  onImport: (call: ImportCall) => ImportBehaviour = (call) => ({ kind: 'reply', body: { ret: call.dryRun ? 'No syntax errors found in the import file\r\n' : SUCCESS_TEXT(call.fileName) } });
  /** Answer to `DELETE /rest/file/<id>` (undefined = normal delete). */
  onDelete: (() => ImportBehaviour | undefined) | undefined;
  /** Misbehaviour for `PUT /rest/file`, after the file was stored (undefined = normal reply). */
  onUpload: (() => ImportBehaviour | undefined) | undefined;
  /** How long a request may run before the router cuts it with "Session closed" (60 s on RouterOS). */
  sessionLimitMs = 60_000;
  /** Whether `PUT /rest/file` returns the created object (with `.id`), as RouterOS does. */
  putReturnsObject = true;
  /** A router that ignores the `?name=` filter of `GET /rest/file` and lists every file. */
  ignoresNameFilter = false;
  /** Whether `GET /rest/file` rows carry `contents` (otherwise only `GET /rest/file/<id>` does). */
  listsContents = true;
  /** Whether `GET /rest/file/<id>` carries `contents` (false: the router never shows a file's text). */
  showsContents = true;
  /** Stores uploads under another name (older 7.x appended `.txt` to some files, reference C.1). */
  storedName: (name: string) => string = (name) => name;
  /** How many job listings show a background job before it finishes. */
  jobListings = 0;
  /** Installed packages for `GET /rest/system/package`. */
  packages: Array<{ name: string; version: string; disabled?: string }> = [{ name: 'routeros', version: '7.16.2' }];
  /** Children for `/console/inspect request=child`, keyed by comma path. */
  inspectTree: Record<string, Array<{ name: string; 'node-type': string }>> = {};
  /** Replies for `/console/inspect request=syntax`, keyed by comma path. */
  inspectSyntax: Record<string, Array<Record<string, string>>> = {};
  private nextId = 0x10;
  private readonly server: http.Server;
  private readonly openResponses = new Set<ServerResponse>();

  /** `plainHttp` serves plain HTTP instead (RouterOS's `www` service, which a profile may use only with allowHttp). */
  constructor(certificate: TestCertificate, options: { plainHttp?: boolean } = {}) {
    super();
    const handler = (request: IncomingMessage, response: ServerResponse): void => this.handle(request, response);
    this.server = options.plainHttp ? http.createServer(handler) : https.createServer({ key: certificate.key, cert: certificate.cert }, handler);
  }

  /** Listens on `port` (0 = any free port; a fixed one restarts "the same router" with another certificate). */
  async start(port = 0): Promise<number> {
    this.server.listen(port, '127.0.0.1');
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
      // RouterOS ends a REST request that runs longer than its limit with "Session closed" (reference C.1).
      const cut = setTimeout(() => {
        if (!this.openResponses.delete(response) || response.writableEnded) return;
        this.send(response, 400, { detail: 'Session closed', error: 400, message: 'Bad Request' });
      }, this.sessionLimitMs);
      cut.unref();
      response.once('close', () => clearTimeout(cut));
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
      this.files.set(this.storedName(name), { id, contents });
      const override = this.onUpload?.();
      if (override) return this.behave(override, response, request);
      return this.send(response, 200, this.putReturnsObject ? { '.id': id, name, type: 'rsc file', size: String(Buffer.byteLength(contents)) } : []);
    }
    if (r.method === 'GET' && pathname === '/rest/file') {
      const wanted = this.ignoresNameFilter ? null : new URLSearchParams(query).get('name');
      const rows = [...this.files.entries()]
        .filter(([name]) => wanted === null || name === wanted)
        .map(([name, file]) => ({ '.id': file.id, name, size: String(Buffer.byteLength(file.contents)), ...(this.listsContents ? { contents: file.contents } : {}) }));
      return this.send(response, 200, rows);
    }
    if (r.method === 'GET' && pathname.startsWith('/rest/file/')) {
      const id = decodeURIComponent(pathname.slice('/rest/file/'.length));
      const entry = [...this.files.entries()].find(([, file]) => file.id === id);
      if (!entry) return this.error(response, 404);
      return this.send(response, 200, { '.id': id, name: entry[0], ...(this.showsContents ? { contents: entry[1].contents } : {}) });
    }
    if (r.method === 'DELETE' && pathname.startsWith('/rest/file/')) {
      const override = this.onDelete?.();
      if (override) return this.behave(override, response, request);
      const id = decodeURIComponent(pathname.slice('/rest/file/'.length));
      const entry = [...this.files.entries()].find(([, file]) => file.id === id);
      if (!entry) return this.error(response, 404);
      this.files.delete(entry[0]);
      // The reference (C): a remove answers with an empty body.
      return this.send(response, 200, undefined);
    }
    if (r.method === 'GET' && pathname === '/rest/system/script/job') {
      const rows: Array<Record<string, string>> = [{ '.id': '*1', type: 'login', owner: 'admin' }];
      for (const [id, left] of [...this.jobs.entries()]) {
        rows.push({ '.id': id, type: 'command', owner: this.user });
        if (left !== Infinity) {
          if (left <= 1) this.jobs.delete(id);
          else this.jobs.set(id, left - 1);
        }
      }
      return this.send(response, 200, rows);
    }
    if (r.method === 'POST' && pathname === '/rest/system/script/job/remove') {
      this.jobs.delete(String(body['.id'] ?? ''));
      return this.send(response, 200, []);
    }
    if (r.method === 'GET' && pathname === '/rest/system/package') {
      return this.send(response, 200, this.packages.map((p, i) => ({ '.id': `*${i + 1}`, name: p.name, version: p.version, disabled: p.disabled ?? 'false' })));
    }
    if (r.method === 'POST' && pathname === '/rest/execute') return this.execute(body, response, request);
    if (r.method === 'POST' && pathname === '/rest/console/inspect') {
      if (body.request === 'syntax') return this.send(response, 200, this.inspectSyntax[String(body.path ?? '')] ?? []);
      const children = this.inspectTree[String(body.path ?? '')] ?? [];
      return this.send(response, 200, children.map((child) => ({ type: 'child', ...child })));
    }
    return this.error(response, 400, 'no such command prefix');
  }

  private execute(body: Record<string, unknown>, response: ServerResponse, request: IncomingMessage): void {
    const script = String(body.script ?? '');
    const match = /^\/import file-name=(\S+) verbose=yes( dry-run)?$/.exec(script);
    const sync = 'as-string' in body;
    if (!match) return sync ? this.error(response, 400, 'no such command or directory (import)') : this.send(response, 200, { ret: `*${(this.nextId++).toString(16).toUpperCase()}` });
    const fileName = match[1];
    const dryRun = match[2] !== undefined;
    if (dryRun && !/^7\.(1[6-9]|[2-9]\d)/.test(this.version)) return this.error(response, 400, 'expected end of command (line 1 column 40)');
    const file = this.files.get(fileName);

    if (!sync) {
      // `:execute` in the background: a job id now, the output (if `file=`) in <file>.txt when the job ends.
      const job = `*${(this.nextId++).toString(16).toUpperCase()}`;
      const reportName = typeof body.file === 'string' ? `${body.file}.txt` : undefined;
      const call: ImportCall = { fileName, contents: file?.contents, dryRun };
      if (dryRun) this.dryRuns.push({ ...call, route: 'job' });
      else if (file) this.appliedImports.push(call);
      const behaviour: ImportBehaviour = file ? this.onImport(call) : { kind: 'reply', body: { ret: 'Cannot open import file, file does not exist (:import; line 1)\r\n' } };
      if (behaviour.kind === 'hang') this.jobs.set(job, Infinity);
      else if (this.jobListings > 0) this.jobs.set(job, this.jobListings);
      if (reportName && behaviour.kind === 'reply') {
        const reply = behaviour.body as { ret?: unknown; detail?: unknown };
        const text = String(reply.ret ?? reply.detail ?? '').replace(/\r?\n/g, '\r\n');
        this.files.set(reportName, { id: `*${(this.nextId++).toString(16).toUpperCase()}`, contents: text });
      }
      return this.send(response, 200, { ret: job });
    }

    if (!file) return this.error(response, 400, 'Cannot open import file, file does not exist (:import; line 1)');
    const call: ImportCall = { fileName, contents: file.contents, dryRun };
    if (dryRun) {
      // Through the API a dry run reports no text: an empty reply when clean, only the count when not (A.14).
      this.dryRuns.push({ ...call, route: 'sync' });
      const behaviour = this.onImport(call);
      if (behaviour.kind !== 'reply') return this.behave(behaviour, response, request);
      const reply = behaviour.body as { ret?: unknown; detail?: unknown };
      const count = /found (\d+) error\(s\) in import file/.exec(String(reply.ret ?? reply.detail ?? ''));
      if (count) return this.error(response, 400, `found ${count[1]} error(s) in import file`);
      return this.send(response, 200, { ret: '' });
    }
    this.appliedImports.push(call);
    return this.behave(this.onImport(call), response, request);
  }
}
