/**
 * The `rsc` command line: `rsc lint ...` for reviewers and CI, `rsc push ...` to apply a script to a router,
 * `rsc rules` to list the rule codes. Every command takes its process access through CliIo.
 */
import packageJson from '../../../package.json';
import { applyEngineSettings } from '../engineSettings.js';
import { RULES } from '../features/diagnostics/registry.js';
import type { CliIo } from './io.js';
import { LINT_USAGE, runLint } from './lint.js';
import { readPasswordNoEcho, runPush } from './push.js';
import { repositoryWebUrl } from './repositoryUrl.js';

const USAGE = `usage: rsc <command> [options]

Commands:
  lint    lint RouterOS scripts (rsc lint --help)
  push    apply a script to a router over REST or SSH (rsc push --help)
  rules   list the lint rules with their codes and default severities

${LINT_USAGE}`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint':
      return runLint(rest, io);
    case 'push':
      return runPush([...rest], io);
    case 'rules':
      for (const rule of RULES) io.stdout(`${rule.code.padEnd(28)} ${rule.defaultSeverity.padEnd(8)} ${rule.description}\n`);
      return 0;
    case '--version':
    case '-v':
      io.stdout(`${io.version}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`rsc: unknown command ${JSON.stringify(command)}\n${USAGE}\n`);
      return 2;
  }
}

/** Set when stdout's reader has closed the pipe (EPIPE). */
let stdoutGone = false;

function processIo(signal: AbortSignal): CliIo & { signal: AbortSignal } {
  return {
    stdout: (text) => {
      if (!stdoutGone) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    version: packageJson.version,
    informationUri: repositoryWebUrl(packageJson.repository),
    // A password prompt only makes sense on a terminal; in CI the password comes from ROUTEROS_PASSWORD.
    readPassword: process.stdin.isTTY ? readPasswordNoEcho : undefined,
    signal,
  };
}

// Run when executed as the `rsc` bin (the bundle), not when imported by tests.
if (typeof require !== 'undefined' && require.main === module) {
  applyEngineSettings();
  // Ctrl+C cancels a push cleanly (the push reports whether anything may have been applied); a second one exits.
  const abort = new AbortController();
  // `rsc lint ... | head`: the reader went away. Not a crash: the rest of the output is dropped and the run
  // still ends with its own exit status (1 when errors were found).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutGone = true;
  });
  process.once('SIGINT', () => {
    abort.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  main(process.argv.slice(2), processIo(abort.signal)).then(
    (code) => {
      // Let stdout drain before exiting: large JSON/SARIF reports are written asynchronously to pipes.
      process.exitCode = code;
      if (process.stdout.writableNeedDrain && !stdoutGone) process.stdout.once('drain', () => process.exit(code));
    },
    (error: unknown) => {
      process.stderr.write(`rsc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(2);
    },
  );
}
