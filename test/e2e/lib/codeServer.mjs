// Starts and stops code-server (VS Code 1.100 in the browser, with a real Node extension host) for the tests.
// Each start gets its own port, HOME, user-data and extensions folders under .e2e/, so runs never share state.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const E2E_DIR = process.env.RSC_E2E_DIR || path.join(ROOT, '.e2e');
export const CODE_SERVER_BIN = path.join(E2E_DIR, 'cs/node_modules/.bin/code-server');
export const TMP_DIR = path.join(E2E_DIR, 'tmp');
/** Each running code-server leaves its process-group id here, so scripts/e2e.mjs can clean up after a crash. */
export const PID_DIR = path.join(E2E_DIR, 'pids');

/** Settings that keep the workbench quiet: no welcome page (it steals focus), no update or gallery checks. */
const QUIET_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.hover.delay': 100,
  // Only the language server's completions: words from open files must not make a completion test pass.
  'editor.wordBasedSuggestions': 'off',
};

/** The environment code-server runs in: a private HOME, a private TMPDIR, and no extension gallery at all. */
export function codeServerEnv(extra = {}) {
  const home = path.join(E2E_DIR, 'home');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  // An empty gallery means code-server never looks up open-vsx.org, so nothing leaves the loopback interface.
  return { ...process.env, HOME: home, TMPDIR: TMP_DIR, EXTENSIONS_GALLERY: '{}', ...extra };
}

export function writeUserSettings(userDataDir, extra = {}) {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...QUIET_USER_SETTINGS, ...extra }, null, 2));
}

/** A TCP port nobody listens on right now (the kernel picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Installs a .vsix into an extensions folder with code-server's CLI (about half a second). */
export function installExtension(vsixPath, { userDataDir, extensionsDir }) {
  const result = spawnSync(
    CODE_SERVER_BIN,
    ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsixPath, '--force'],
    { env: codeServerEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0 || !/successfully installed/i.test(result.stdout)) {
    throw new Error(`installing ${vsixPath} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout.trim();
}

/** The line code-server prints once its HTTP server is bound (code-server 4.x: src/node/main.ts). */
const LISTENING = /HTTP server listening on (http:\/\/\S+)/;

/**
 * Starts code-server on 127.0.0.1 without authentication and resolves once it has printed that its HTTP server
 * is listening (no polling: its output is read as it comes, and also written to `logFile`).
 * Returns { url, port, pid, logFile, stop }. stop() kills the whole process group, because a plain kill
 * leaves the file-watcher child alive for a few seconds.
 */
export async function startCodeServer({ folder, userDataDir, extensionsDir, logFile, settings = {}, readyTimeoutMs = 60000 }) {
  if (!fs.existsSync(CODE_SERVER_BIN)) throw new Error(`code-server is not installed at ${CODE_SERVER_BIN}: run scripts/e2e-setup.sh`);
  writeUserSettings(userDataDir, settings);
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const port = await freePort();
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const child = spawn(
    CODE_SERVER_BIN,
    [
      '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, folder,
    ],
    { env: codeServerEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Everything code-server prints goes to the log for as long as it runs (a full pipe would block it).
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const pidFile = path.join(PID_DIR, `code-server-${child.pid}.pid`);
  fs.mkdirSync(PID_DIR, { recursive: true });
  fs.writeFileSync(pidFile, String(child.pid));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopCodeServer(child);
    fs.rmSync(pidFile, { force: true });
    log.end();
  };

  let timer;
  let seen = '';
  const outcome = await new Promise((resolve) => {
    const onOutput = (chunk) => {
      seen = (seen + chunk).slice(-4096);
      const match = LISTENING.exec(seen);
      if (match) resolve({ ready: true, announced: match[1] });
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.once('exit', (code, signal) => resolve({ ready: false, why: `exited ${JSON.stringify({ code, signal })}` }));
    child.once('error', (error) => resolve({ ready: false, why: error.message }));
    timer = setTimeout(() => resolve({ ready: false, why: `no "HTTP server listening" line within ${readyTimeoutMs / 1000} s` }), readyTimeoutMs);
  });
  clearTimeout(timer);
  if (outcome.ready && outcome.announced.replace(/\/$/, '') === url) return { url, port, pid: child.pid, logFile, stop };
  await stop();
  const why = outcome.ready ? `it listens on ${outcome.announced}, not ${url}` : outcome.why;
  const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
  throw new Error(`code-server did not come up on ${url} (${why}):\n${tail}`);
}

/**
 * Stops a code-server we started: SIGTERM to its process group, wait for the leader's exit event (bounded),
 * then SIGKILL whatever is left of the group (the file watcher outlives the leader by a few seconds).
 */
export async function stopCodeServer(child) {
  if (!child.pid) return;
  signalGroup(child.pid, 'SIGTERM');
  if (child.exitCode === null && child.signalCode === null) {
    let timer;
    await Promise.race([
      new Promise((resolve) => child.once('exit', resolve)),
      new Promise((resolve) => (timer = setTimeout(resolve, 5000))),
    ]);
    clearTimeout(timer);
  }
  signalGroup(child.pid, 'SIGKILL');
}

/**
 * Stops code-server process groups whose pid files outlived their test process (a crash, a kill -9).
 * A pid is only signalled while /proc says it is still a code-server, so a recycled pid is left alone.
 */
export function stopLeftoverCodeServers(log = console.log) {
  if (!fs.existsSync(PID_DIR)) return 0;
  let stopped = 0;
  for (const name of fs.readdirSync(PID_DIR)) {
    const file = path.join(PID_DIR, name);
    const pid = Number(fs.readFileSync(file, 'utf8'));
    let commandLine = '';
    try {
      commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      // Not running any more.
    }
    if (pid > 1 && commandLine.includes('code-server')) {
      log(`stopping leftover code-server process group ${pid}`);
      signalGroup(pid, 'SIGKILL');
      stopped++;
    }
    fs.rmSync(file, { force: true });
  }
  return stopped;
}

/** Signals a process group we created (never anything else); a group that is already gone is fine. */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has no members left.
  }
}

/** Copies a fixture workspace to a fresh folder, so tests that write settings never touch the repository. */
export function freshWorkspace(name) {
  const target = path.join(E2E_DIR, 'run', name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(path.join(ROOT, 'test/e2e/workspace'), target, { recursive: true });
  return target;
}

/** A fresh, empty folder under .e2e/run (user data, extensions). */
export function freshDir(name) {
  const target = path.join(E2E_DIR, 'run', name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  return target;
}
