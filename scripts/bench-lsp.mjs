// Language-server benchmark over real JSON-RPC on stdio against server/out/server.js (run `npm run build` first;
// `npm run bench` does). Prints plain lines:
//   - diagnostics time for a 50,000-line v7 export after didOpen (first open and the median of reopenings), and
//     for a 10,000-line one (for scale);
//   - completion and hover latency (median and p99) at 100 positions of a 10,000-line export, and completion
//     right after an edit (which waits for the new version's analysis);
//   - the server's resident memory with the 50,000-line export open.
// The exports are built from the corpus's v7 exports (scripts/corpus.mjs); without ../shared a synthetic export
// of the same size is generated instead.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver/node');
const serverPath = path.join(root, 'server', 'out', 'server.js');

const LARGE_LINES = 50_000;
const MEDIUM_LINES = 10_000;
const POSITIONS = 100;
const REOPENINGS = 3;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

async function exportOf(lines) {
  try {
    const { buildExport } = await import('./corpus.mjs');
    return { text: buildExport(lines), origin: 'corpus v7 exports' };
  } catch {
    return { text: syntheticExport(lines), origin: 'synthetic (no ../shared corpus)' };
  }
}

/** A plausible v7 export: PPP profiles and secrets, PPPoE clients, mangle rules, addresses. */
function syntheticExport(lines) {
  const out = ['# 2024-01-05 12:00:00 by RouterOS 7.15.3', '# software id = ABCD-1234'];
  for (let i = 0; out.length < lines; i++) {
    out.push('/ppp profile', `add name=profile${i} local-address=10.${i % 250}.0.1 remote-address=pool${i % 10}`);
    out.push('/ppp secret', `add name=user${i} password=p${i} profile=profile${i} service=pppoe`);
    out.push('/interface pppoe-client', `add name=pppoe-out${i} interface=ether${(i % 8) + 1} user=isp${i} password=x add-default-route=no`);
    out.push('/ip firewall mangle', `add chain=prerouting action=mark-routing new-routing-mark=to-isp${i % 4} src-address=10.${i % 250}.0.0/24`);
    out.push('/ip address', `add address=192.168.${i % 250}.1/24 interface=ether${(i % 8) + 1}`);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

class Client {
  constructor() {
    this.child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = rpc.createMessageConnection(new rpc.StreamMessageReader(this.child.stdout), new rpc.StreamMessageWriter(this.child.stdin));
    this.waiting = new Map();
    this.connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
      const key = `${params.uri}#${params.version}`;
      this.waiting.get(key)?.(params);
      this.waiting.delete(key);
    });
    this.connection.listen();
    this.counter = 0;
  }

  async initialize() {
    await this.connection.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await this.connection.sendNotification(rpc.InitializedNotification.type, {});
  }

  /** Opens a document and resolves with [milliseconds until its diagnostics, diagnostics]. */
  async openAndWait(text) {
    const uri = `file:///bench/doc-${++this.counter}.rsc`;
    const published = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within 120 s`)), 120_000);
      this.waiting.set(`${uri}#1`, (params) => {
        clearTimeout(timer);
        resolve(params);
      });
    });
    const start = performance.now();
    await this.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'routeros', version: 1, text } });
    const params = await published;
    return { uri, elapsed: performance.now() - start, count: params.diagnostics.length };
  }

  async close(uri) {
    await this.connection.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async timed(type, params) {
    const start = performance.now();
    const result = await this.connection.sendRequest(type, params);
    return { elapsed: performance.now() - start, result };
  }

  rssBytes() {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
      if (match) return Number(match[1]) * 1024;
    } catch {
      // Not Linux: ask the server itself.
    }
    return undefined;
  }

  async stop() {
    await this.connection.sendRequest(rpc.ShutdownRequest.type);
    await this.connection.sendNotification(rpc.ExitNotification.type);
    this.connection.dispose();
  }
}

/**
 * The server's RSS once it stops falling: sampled every 250 ms until a sample is no more than 1 MB below the one
 * before, for at most 15 s. Returns the last sample and when it was taken.
 */
async function settledRss(sample) {
  const started = performance.now();
  let previous = await sample();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const current = await sample();
    const after = performance.now() - started;
    if (previous - current <= 1024 * 1024 || after > 15000) return { rss: current, after };
    previous = current;
  }
}

/** Completion positions: just after `add `/`set ` (parameter names), or just after the first `=` (values). */
function probePositions(text, count) {
  const lines = text.split('\n');
  const candidates = [];
  lines.forEach((line, index) => {
    if (/^(add|set) /.test(line) && !line.endsWith('\\')) candidates.push(index);
  });
  const chosen = [];
  for (let i = 0; i < count && candidates.length; i++) chosen.push(candidates[Math.floor((i * candidates.length) / count)]);
  return chosen.map((line, i) => {
    const textOfLine = lines[line];
    const equals = textOfLine.indexOf('=');
    const atValue = i % 2 === 1 && equals > 0;
    return {
      completion: { line, character: atValue ? equals + 1 : textOfLine.indexOf(' ') + 1 },
      // Hover on a parameter name (just before its `=`) or on the command word.
      hover: { line, character: equals > 1 ? equals - 1 : 1 },
    };
  });
}

if (!fs.existsSync(serverPath)) {
  console.error(`bench-lsp: ${path.relative(root, serverPath)} is missing; run \`npm run build\` first.`);
  process.exit(2);
}

const large = await exportOf(LARGE_LINES);
const medium = await exportOf(MEDIUM_LINES);
const client = new Client();
await client.initialize();

// Diagnostics for the large export: the first open (cold code paths), then reopenings (warm). Memory is read
// with only that first document open, so no closed document's garbage is counted.
const first = await client.openAndWait(large.text);
const rssNow = async () => client.rssBytes() ?? (await client.connection.sendRequest('routeros/serverStats')).rss;
const rss = await rssNow();
// Right after the diagnostics the heap still holds the analysis's garbage; V8 gives it back on its own within a
// few seconds of idleness. The memory the user lives with is the settled figure: sample until it stops falling.
const settled = await settledRss(rssNow);
const warm = [];
let lastUri = first.uri;
for (let i = 0; i < REOPENINGS; i++) {
  await client.close(lastUri);
  const run = await client.openAndWait(large.text);
  warm.push(run.elapsed);
  lastUri = run.uri;
}
console.log(`lsp input: ${LARGE_LINES} and ${MEDIUM_LINES}-line v7 exports from ${large.origin}`);
console.log(`lsp diagnostics after didOpen, ${LARGE_LINES} lines: first ${ms(first.elapsed)}, median of ${REOPENINGS} reopenings ${ms(median(warm))} (${first.count} diagnostics; target 300 ms)`);
const mb = (bytes) => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
console.log(`lsp memory (RSS) with the ${LARGE_LINES}-line export open: ${mb(settled.rss)} once settled (${(settled.after / 1000).toFixed(1)} s after the diagnostics), ${mb(rss)} right after them (target 200 MB)`);
await client.close(lastUri);

// Completion and hover latency on the medium export, measured at the client (JSON-RPC round trip included).
const opened = await client.openAndWait(medium.text);
console.log(`lsp diagnostics after didOpen, ${MEDIUM_LINES} lines (code warm): ${ms(opened.elapsed)} (for scale: the target is set for ${LARGE_LINES} lines)`);
const positions = probePositions(medium.text, POSITIONS);
const completionTimes = [];
const hoverTimes = [];
let emptyCompletions = 0;
// One untimed pass warms the code paths, as a user's first keystrokes would.
for (const probe of positions.slice(0, 10)) await client.timed(rpc.CompletionRequest.type, { textDocument: { uri: opened.uri }, position: probe.completion });
for (const probe of positions) {
  const completion = await client.timed(rpc.CompletionRequest.type, { textDocument: { uri: opened.uri }, position: probe.completion });
  completionTimes.push(completion.elapsed);
  if (!(completion.result?.items ?? completion.result ?? []).length) emptyCompletions++;
  const hover = await client.timed(rpc.HoverRequest.type, { textDocument: { uri: opened.uri }, position: probe.hover });
  hoverTimes.push(hover.elapsed);
}
console.log(
  `lsp completion, ${MEDIUM_LINES} lines, ${positions.length} positions: median ${ms(median(completionTimes))}, p99 ${ms(percentile(completionTimes, 99))} ` +
    `(${positions.length - emptyCompletions} with items; target p99 5 ms)`,
);
// Typing: each keystroke makes a new version, and a completion request for it waits for that version's
// analysis (the server analyses whole documents). An edit at the end of the document keeps the probes in place.
const afterEditTimes = [];
const lastLine = medium.text.split('\n').length - 1;
let version = 1;
for (const probe of positions.slice(0, 20)) {
  version++;
  await client.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: opened.uri, version },
    contentChanges: [{ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, text: '#' }],
  });
  afterEditTimes.push((await client.timed(rpc.CompletionRequest.type, { textDocument: { uri: opened.uri }, position: probe.completion })).elapsed);
}
console.log(`lsp completion right after an edit, ${MEDIUM_LINES} lines, ${afterEditTimes.length} edits: median ${ms(median(afterEditTimes))}, p99 ${ms(percentile(afterEditTimes, 99))} (includes analysing the new version)`);
console.log(`lsp hover, ${MEDIUM_LINES} lines, ${positions.length} positions: median ${ms(median(hoverTimes))}, p99 ${ms(percentile(hoverTimes, 99))}`);
await client.stop();
