/**
 * Test harness for the language server over real JSON-RPC on stdio: spawns `node server/out/server.js
 * --stdio`, speaks LSP through vscode-jsonrpc, answers workspace/configuration with the test's settings, and
 * collects publishDiagnostics notifications so tests can wait for them (bounded, no sleeps).
 */
import { after, before } from 'node:test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  ConfigurationRequest,
  createMessageConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type MessageConnection,
  type Position,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'server', 'out', 'server.js');

/** Builds the bundle when it is missing or older than a server source file (once per test process). */
let builtInThisProcess = false;

export function ensureServerBuilt(): void {
  if (builtInThisProcess) return;
  builtInThisProcess = true;
  if (isBuildCurrent()) return;
  // Test files run in parallel processes: one builds while the others wait for its lock to go away.
  const lock = path.join(ROOT, 'server', 'out', '.lsp-test-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  try {
    fs.mkdirSync(lock);
  } catch {
    waitForLockRelease(lock);
    if (isBuildCurrent()) return;
  }
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function isBuildCurrent(): boolean {
  const built = fs.existsSync(SERVER) ? fs.statSync(SERVER).mtimeMs : 0;
  return built > 0 && newestSource(path.join(ROOT, 'server', 'src')) <= built;
}

/** Blocks (without busy-looping) until another process's build lock disappears, for at most two minutes. */
function waitForLockRelease(lock: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; fs.existsSync(lock) && waited < 120_000; waited += 100) Atomics.wait(pause, 0, 0, 100);
  fs.rmSync(lock, { recursive: true, force: true });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? dir, entry.name);
    newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Splits `<|>` out of a script: the text without it and the cursor's position. */
export function withCursor(marked: string): { text: string; position: Position; offset: number } {
  const offset = marked.indexOf('<|>');
  if (offset < 0) throw new Error('test script has no <|> cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 3);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { text, offset, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

/** Position of the first occurrence of `needle` (plus `delta` characters) in `text`. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 1): Position {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found in test script`);
  }
  const before = text.slice(0, index + delta).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

export interface SessionOptions {
  /** The `routeros` settings section returned to workspace/configuration; undefined = client does not support it. */
  readonly settings?: Record<string, unknown>;
  /** Extra client capabilities for `textDocument` (merged into the initialize request). */
  readonly textDocumentCapabilities?: Record<string, unknown>;
}

/** The test client's answer to workspace/configuration, and an optional gate that delays it. */
interface SettingsHolder {
  current?: Record<string, unknown>;
  gate?: Promise<void>;
}

export class LspSession {
  readonly initializeResult: InitializeResult;
  private counter = 0;

  private constructor(
    readonly connection: MessageConnection,
    private readonly child: ChildProcess,
    initializeResult: InitializeResult,
    private readonly published: PublishDiagnosticsParams[],
    /** Called back whenever diagnostics arrive. */
    private readonly waiters: Set<() => void>,
    /** Lines the server logged (window/logMessage). */
    readonly logs: string[],
    /** What the test client answers to workspace/configuration; tests may replace `current`. */
    readonly settings: SettingsHolder,
  ) {
    this.initializeResult = initializeResult;
  }

  static async start(options: SessionOptions = {}): Promise<LspSession> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published: PublishDiagnosticsParams[] = [];
    const logs: string[] = [];
    const waiters = new Set<() => void>();
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      published.push(params);
      for (const waiter of [...waiters]) waiter();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      logs.push(params.message);
    });
    const settings: SettingsHolder = { current: options.settings };
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      // A held configuration answer keeps the server waiting for settings (see holdConfiguration).
      if (settings.gate) await settings.gate;
      return params.items.map(() => settings.current ?? null);
    });
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        ...(options.settings ? { workspace: { configuration: true } } : {}),
        ...(options.textDocumentCapabilities ? { textDocument: options.textDocumentCapabilities } : {}),
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return new LspSession(connection, child, result, published, waiters, logs, settings);
  }

  /**
   * Holds back the answers to workspace/configuration until the returned function is called: the server then
   * waits for the settings of a document before it can analyse it, so a test can order events around that wait.
   */
  holdConfiguration(): () => void {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.settings.gate = gate;
    return () => {
      if (this.settings.gate === gate) this.settings.gate = undefined;
      release();
    };
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** A fresh document URI, so tests in one session never see each other's diagnostics. */
  uri(name = 'doc'): string {
    return `file:///test/${name}-${++this.counter}.rsc`;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'routeros', version, text },
    });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** How many diagnostics notifications arrived for `uri` so far (for waiting on the next one). */
  publishedCount(uri: string): number {
    return this.published.filter((p) => p.uri === uri).length;
  }

  /** Resolves with the `index`-th (0-based) diagnostics notification for `uri`. */
  waitForNthDiagnostics(uri: string, index: number): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, undefined, 10_000, (p) => this.published.filter((q) => q.uri === uri).indexOf(p) === index);
  }

  /** Versions of every diagnostics notification received for `uri`, in order. */
  publishedVersions(uri: string): (number | undefined)[] {
    return this.published.filter((p) => p.uri === uri).map((p) => p.version);
  }

  /** Resolves with the first diagnostics for `uri` (of `version`, if given); rejects after `timeoutMs`. */
  waitForDiagnostics(
    uri: string,
    version?: number,
    timeoutMs = 10_000,
    filter: (params: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<PublishDiagnosticsParams> {
    const matches = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version) && filter(p);
    const already = this.published.find(matches);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no diagnostics for ${uri} version ${version ?? 'any'} within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        const found = this.published.find(matches);
        if (!found) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      this.waiters.add(check);
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      if (!this.exited) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            this.child.kill();
            resolve();
          }, 2000);
          this.child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    }
  }
}

/** Formats diagnostics as readable lines: `2:22-2:25 error unknown-parameter: message`. */
export function formatDiagnostics(params: PublishDiagnosticsParams): string[] {
  const severity = ['', 'error', 'warning', 'info', 'hint'];
  return params.diagnostics.map(
    (d) =>
      `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ` +
      `${severity[d.severity ?? 1]} ${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`,
  );
}

/**
 * One language server for the enclosing `describe`: built if stale and started before its tests, stopped after
 * them. Returns a getter, because the session exists only once `before` has run.
 */
export function sessionPerSuite(options: SessionOptions = {}): () => LspSession {
  let session: LspSession | undefined;
  before(async () => {
    ensureServerBuilt();
    session = await LspSession.start(options);
  });
  after(async () => {
    await session?.stop();
  });
  return () => {
    if (!session) throw new Error('the language server session is used before `before` has started it');
    return session;
  };
}

