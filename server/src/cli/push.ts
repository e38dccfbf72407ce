/**
 * `rsc push`: apply (or dry-run) a script on a router from a terminal or CI.
 *
 *   rsc push --router URL --user NAME [--fingerprint SHA256] [--dry-run] [--force] [--transport rest|ssh] FILE
 *
 * The password comes from ROUTEROS_PASSWORD or an interactive no-echo prompt, never from a flag (flags end up in
 * shell history and in the process list). A self-signed certificate (or an SSH host key) is accepted only when it
 * matches --fingerprint: a CLI run has nobody to ask.
 *
 * Exit codes: 0 success, 1 failure (the message names the failing line), 2 usage error, unreadable file or a
 * password prompt cancelled with Ctrl+C, 3 unknown outcome (the import was sent but its result never came back: check the router).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AddressError, parseRouterAddress, type TransportKind } from '../push/address.js';
import { createTransport } from '../push/factory.js';
import { describePlan } from '../push/planText.js';
import { pushScript, type LintFunction } from '../push/push.js';
import { Redactor } from '../push/redact.js';
import { MemoryTrustStore, normalizeFingerprint, opensshFingerprint, trustKey } from '../push/trust.js';

export interface PushCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Record<string, string | undefined>;
  /** Reads a password without echo; provided only when stdin is a terminal. */
  readPassword?(prompt: string): Promise<string>;
  /** Base for a relative FILE (defaults to the process's working directory). */
  readonly cwd?: string;
  /** The linter to run first (tests inject one; the default is the project's lintText). */
  readonly lint?: LintFunction;
  /** Cancels the push (e.g. on Ctrl+C). */
  readonly signal?: AbortSignal;
}

export const EXIT_SUCCESS = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNKNOWN_OUTCOME = 3;

export const PUSH_USAGE = `usage: rsc push --router URL --user NAME [options] FILE

Uploads FILE to the router, runs /import on it (after a dry run on RouterOS 7.16+), and deletes it again.

Options:
  --router URL          https://host[:port] (REST, RouterOS 7), ssh://host[:port], or a bare host
  --user NAME           RouterOS user (needs the rest-api or ssh policy plus write)
  --transport rest|ssh  default: ssh for ssh:// addresses, otherwise rest
  --fingerprint SHA256  accept the router's self-signed certificate / SSH host key only if it has this SHA-256
                        fingerprint (hex with or without colons, any case, or SHA256:base64 for SSH)
  --ca-file FILE        trust certificates signed by this CA (PEM) as well
  --dry-run             check on the router only (RouterOS 7.16+); nothing is applied
  --force               push even if the linter reports errors
  --no-lint             skip the linter
  --ros-version V       RouterOS version the linter checks against
  --allow-http          allow plain http:// (sends the password unencrypted)
  --timeout SECONDS     limit for the import itself (default 65; the router cuts REST requests at 60)

The password is read from the ROUTEROS_PASSWORD environment variable, or asked for (no echo) on a terminal.
Exit codes: 0 success, 1 failure, 2 usage error, 3 unknown outcome (check the router).`;

interface PushArgs {
  router: string;
  user: string;
  file: string;
  transport?: TransportKind;
  fingerprint?: string;
  caFile?: string;
  dryRun: boolean;
  force: boolean;
  lint: boolean;
  rosVersion?: string;
  allowHttp: boolean;
  timeoutSeconds?: number;
}

class UsageError extends Error {}

export async function runPush(argv: string[], io: PushCliIo): Promise<number> {
  let args: PushArgs;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      io.stdout(`${PUSH_USAGE}\n`);
      return EXIT_SUCCESS;
    }
    args = parsed;
  } catch (error) {
    io.stderr(`rsc push: ${error instanceof Error ? error.message : String(error)}\n\n${PUSH_USAGE}\n`);
    return EXIT_USAGE;
  }

  let endpoint;
  try {
    endpoint = parseRouterAddress(args.router, { transport: args.transport, allowHttp: args.allowHttp });
  } catch (error) {
    if (error instanceof AddressError) {
      io.stderr(`rsc push: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }

  const filePath = path.resolve(io.cwd ?? process.cwd(), args.file);
  let text: string;
  let ca: string | undefined;
  try {
    // A UTF-8 byte-order mark is an editor's artefact, not script: RouterOS would read it as part of the first command.
    text = fs.readFileSync(filePath, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    io.stderr(`rsc push: cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return EXIT_USAGE;
  }
  if (args.caFile) {
    try {
      ca = fs.readFileSync(path.resolve(io.cwd ?? process.cwd(), args.caFile), 'utf8');
    } catch (error) {
      io.stderr(`rsc push: cannot read the CA file ${args.caFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return EXIT_USAGE;
    }
  }

  let password = io.env.ROUTEROS_PASSWORD;
  if (password === undefined) {
    if (!io.readPassword) {
      io.stderr('rsc push: no password: set the ROUTEROS_PASSWORD environment variable (or run in a terminal to be asked).\n');
      return EXIT_USAGE;
    }
    try {
      password = await io.readPassword(`Password for ${args.user} on ${endpoint.host}: `);
    } catch {
      // Ctrl+C (or a closed terminal) at the prompt: nothing was sent, say so plainly.
      io.stderr('rsc push: cancelled; nothing was sent.\n');
      return EXIT_USAGE;
    }
  }

  const redactor = new Redactor();
  redactor.addSecret(password, args.user);
  // The only "pin" of a CLI run is the one the user typed: a mismatch is reported as not matching it.
  const trust = new MemoryTrustStore({}, 'the fingerprint given with --fingerprint');
  if (args.fingerprint !== undefined) trust.set(trustKey(endpoint.transport, endpoint.host, endpoint.port), args.fingerprint);

  let lint: LintFunction | undefined;
  if (args.lint) {
    try {
      lint = io.lint ?? (await loadProjectLinter());
    } catch (error) {
      io.stderr(`rsc push: the linter could not be loaded (${error instanceof Error ? error.message : String(error)}); nothing was sent. Use --no-lint to push without it.\n`);
      return EXIT_FAILURE;
    }
  }
  const transport = createTransport(
    { name: args.router, address: args.router, transport: endpoint.transport, user: args.user, allowHttp: args.allowHttp },
    { password, trust, redactor, ca, timeouts: args.timeoutSeconds !== undefined ? { import: args.timeoutSeconds * 1000 } : undefined },
  );
  // The push flow redacts foreign text (router replies, errors, quoted script) where it enters; the CLI's own lines
  // are printed as they are, so a short password cannot garble them.
  const err = (line: string): void => io.stderr(`${line}\n`);

  const result = await pushScript(
    transport,
    { text, mode: args.dryRun ? 'check' : 'apply', force: args.force, lint, rosVersion: args.rosVersion, filePrefix: 'rsc-push' },
    {
      trust,
      redactor,
      signal: io.signal,
      // Nobody to ask on a command line: the flags are the consent.
      confirm: async (plan) => {
        err(describePlan(plan, args.file).join('\n'));
        return true;
      },
      progress: (message) => err(message),
    },
  );

  for (const finding of result.lintFindings) {
    err(`${args.file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.severity}: ${finding.message} [${finding.code}]`);
  }
  if (!result.refusedByLint) {
    for (const error of result.errors) err(`${args.file}:${error.line + 1}:${error.character + 1}: error: ${error.message}`);
  }
  if (result.routerText && result.status !== 'success') err(`Router output:\n${result.routerText.trim()}`);

  let message = result.message;
  if (/not trusted|not known yet/.test(message)) {
    const hint = endpoint.transport === 'ssh' ? opensshFingerprint(fingerprintIn(message) ?? '') : fingerprintIn(message);
    if (hint) message += ` After checking it, run again with --fingerprint ${hint}`;
  }
  switch (result.status) {
    case 'success':
      io.stdout(`${message}\n`);
      return EXIT_SUCCESS;
    case 'unknown':
      err(message);
      return EXIT_UNKNOWN_OUTCOME;
    default:
      err(message);
      return EXIT_FAILURE;
  }
}

function fingerprintIn(message: string): string | undefined {
  return /([0-9A-F]{2}(?::[0-9A-F]{2}){31})/.exec(message)?.[1];
}

async function loadProjectLinter(): Promise<LintFunction> {
  const { lintText } = await import('../lint.js');
  return (text, options) => lintText(text, options ?? {});
}

function parseArgs(argv: string[]): PushArgs | 'help' {
  const values: Partial<PushArgs> & { dryRun: boolean; force: boolean; lint: boolean; allowHttp: boolean } = { dryRun: false, force: false, lint: true, allowHttp: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--password':
      case '-p':
        throw new UsageError('passwords are never taken from the command line (they would end up in the shell history and the process list). Set ROUTEROS_PASSWORD, or run in a terminal to be asked.');
      case '--router':
        values.router = value();
        break;
      case '--user':
        values.user = value();
        break;
      case '--transport': {
        const transport = value();
        if (transport !== 'rest' && transport !== 'ssh') throw new UsageError(`--transport must be rest or ssh, not ${JSON.stringify(transport)}`);
        values.transport = transport;
        break;
      }
      case '--fingerprint': {
        const fingerprint = value();
        if (!normalizeFingerprint(fingerprint)) throw new UsageError(`--fingerprint ${JSON.stringify(fingerprint)} is not a SHA-256 fingerprint (64 hex digits, colons optional, or SHA256:base64)`);
        values.fingerprint = fingerprint;
        break;
      }
      case '--ca-file':
        values.caFile = value();
        break;
      case '--dry-run':
        values.dryRun = true;
        break;
      case '--force':
        values.force = true;
        break;
      case '--no-lint':
        values.lint = false;
        break;
      case '--ros-version':
        values.rosVersion = value();
        break;
      case '--allow-http':
        values.allowHttp = true;
        break;
      case '--timeout': {
        const seconds = Number(value());
        if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new UsageError('--timeout needs a number of seconds between 0 and 3600');
        values.timeoutSeconds = seconds;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        files.push(arg);
    }
  }
  if (!values.router) throw new UsageError('--router is required');
  if (!values.user) throw new UsageError('--user is required');
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'name the script FILE to push' : 'push one FILE at a time');
  return { ...values, router: values.router, user: values.user, file: files[0] };
}

/**
 * Reads a password from the terminal without echoing it. For the CLI's process io when stdin is a TTY
 * (`readPassword: process.stdin.isTTY ? readPasswordNoEcho : undefined`).
 */
export function readPasswordNoEcho(prompt: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    let typed = '';
    const wasRaw = input.isRaw;
    input.setRawMode?.(true);
    input.resume();
    input.setEncoding('utf8');
    const done = (error?: Error): void => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.setRawMode?.(wasRaw);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    // The terminal closing before Enter is a cancel too; the prompt must never wait forever.
    const onEnd = (): void => done(new Error('cancelled'));
    input.on('data', onData);
    input.once('end', onEnd);
  });
}
