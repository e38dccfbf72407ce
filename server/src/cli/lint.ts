/** `rsc lint`: lint files and directories, print findings in text, JSON or SARIF, exit 1 on errors. */
import path from 'node:path';
import { computeDiagnostics } from '../features/diagnostics/index.js';
import { createLanguageServices, type LanguageServices } from '../services.js';
import { CONFIG_FILE_NAME, configFileFor, readConfig, type LintConfig } from './config.js';
import { escapeForTerminal } from './escape.js';
import { collectFiles, describeFsError } from './files.js';
import { formatJson, formatSarif, formatText, type ReportedFinding } from './formats.js';
import type { CliIo } from './io.js';
import { rosVersionProblem } from './rosVersion.js';
import { readScriptFile, type ScriptRead } from './scriptFile.js';

export const LINT_USAGE = `usage: rsc lint [--format text|json|sarif] [--ros-version X.Y] [--command-tree FILE] [--config FILE] FILES_OR_DIRECTORIES...

Lints RouterOS scripts. Directories are searched for .rsc files (symbolic links are followed); each file is
linted once. A file that is not text (NUL bytes, mostly control characters) is reported, not linted.
  --format        text (default): file:line:column: severity code message
                  json: an array of {file, line, column, endLine, endColumn, severity, code, message}
                  sarif: SARIF 2.1.0 for code scanning
  --ros-version   target RouterOS version (6.x or 7.x, e.g. 7.15 or 6.49.7) for files without an export
                  header (default: newest v7)
  --command-tree  a RouterOS command tree (restraml inspect.json) for menus beyond the bundled schema
  --config        the ${CONFIG_FILE_NAME} for every file (default: for each file, the nearest one in its
                  directory or above, else the nearest one in the current directory or above)
Exit status: 0 no errors, 1 errors found, 2 bad usage, a bad config, an unreadable or non-text file, or
nothing to lint.`;

interface LintArgs {
  format: 'text' | 'json' | 'sarif';
  rosVersion?: string;
  commandTree?: string;
  config?: string;
  inputs: string[];
}

function parseArgs(argv: readonly string[]): { args?: LintArgs; error?: string } {
  const args: LintArgs = { format: 'text', inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--format': {
        const format = value();
        if (format !== 'text' && format !== 'json' && format !== 'sarif') return { error: `--format takes text, json or sarif, not ${JSON.stringify(format ?? '')}` };
        args.format = format;
        break;
      }
      case '--ros-version': {
        const version = value() ?? '';
        const problem = rosVersionProblem(version);
        if (problem) return { error: `--ros-version: ${problem}` };
        args.rosVersion = version;
        break;
      }
      case '--command-tree':
        args.commandTree = value();
        if (!args.commandTree) return { error: '--command-tree needs a file' };
        break;
      case '--config':
        args.config = value();
        if (!args.config) return { error: '--config needs a file' };
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') return { error: `unknown option ${flag}` };
        args.inputs.push(arg);
    }
  }
  if (args.inputs.length === 0) return { error: 'no files or directories to lint' };
  return { args };
}

/** What one file is linted with: its configuration and the services for its command tree. */
interface FilePlan {
  readonly file: string;
  readonly config: LintConfig;
  readonly services: LanguageServices;
}

export function runLint(argv: readonly string[], io: CliIo): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${LINT_USAGE}\n`);
    return 0;
  }
  const parsed = parseArgs(argv);
  if (!parsed.args) {
    io.stderr(`rsc lint: ${escapeForTerminal(parsed.error ?? '')}\n${LINT_USAGE}\n`);
    return 2;
  }
  const args = parsed.args;
  // Messages name files and quote arguments; neither may carry control characters to the terminal.
  const say = (message: string) => io.stderr(`rsc lint: ${escapeForTerminal(message)}\n`);
  const shown = (file: string) => path.relative(io.cwd, file) || '.';

  const listing = collectFiles(args.inputs.map((input) => path.resolve(io.cwd, input)));
  let status = 0;
  for (const error of listing.errors) {
    say(`cannot read ${shown(error.file)}: ${error.reason}`);
    status = 2;
  }
  for (const dir of listing.emptyDirectories) say(`no .rsc files found in ${shown(dir)}`);

  const plans = planFiles(listing.files, args, io.cwd, shown, say);
  if (!plans) return 2;

  const findings: ReportedFinding[] = [];
  let linted = 0;
  for (const plan of plans) {
    const display = shown(plan.file);
    let read: ScriptRead;
    try {
      read = readScriptFile(plan.file);
    } catch (error) {
      say(`cannot read ${display}: ${describeFsError(error)}`);
      status = 2;
      continue;
    }
    if (read.notScript !== undefined) {
      say(`${display}: not a RouterOS script (${read.notScript})`);
      status = 2;
      continue;
    }
    linted++;
    const analysis = plan.services.analyze(read.text, { rosVersion: args.rosVersion ?? plan.config.rosVersion });
    for (const finding of computeDiagnostics(analysis, { schema: plan.services.schema, rules: plan.config.rules })) {
      const start = analysis.lines.positionAt(finding.span.start);
      const end = analysis.lines.positionAt(finding.span.end);
      findings.push({
        file: display,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: finding.severity,
        code: finding.code,
        message: finding.message,
      });
    }
  }
  if (linted === 0) {
    // Every way of getting here has already been explained above (missing, empty, unreadable, not text).
    if (status !== 2 && listing.emptyDirectories.length === 0) say('nothing to lint');
    status = 2;
  }

  if (args.format === 'json') io.stdout(formatJson(findings));
  else if (args.format === 'sarif') io.stdout(formatSarif(findings, { toolVersion: io.version, informationUri: io.informationUri, baseDir: io.cwd }));
  else io.stdout(formatText(findings));

  if (status === 2) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/**
 * Finds and reads the configuration of every file, and loads each command tree once, before anything is
 * linted: a broken config or command tree stops the run (exit 2) rather than leaving some files half-checked.
 * Each config file's warnings are printed once. Returns undefined after reporting a fatal problem.
 */
function planFiles(files: readonly string[], args: LintArgs, cwd: string, shown: (file: string) => string, say: (message: string) => void): FilePlan[] | undefined {
  const configs = new Map<string, LintConfig | undefined>();
  const configFileByDir = new Map<string, string | undefined>();
  const servicesByTree = new Map<string, LanguageServices>();
  let failed = false;

  const loadConfig = (file: string | undefined): LintConfig | undefined => {
    if (file === undefined) return {};
    if (!configs.has(file)) {
      const read = readConfig(file, shown(file));
      for (const warning of read.warnings) say(`warning: ${warning}`);
      if (read.error) say(read.error);
      configs.set(file, read.config);
    }
    return configs.get(file);
  };
  const configFileOf = (file: string): string | undefined => {
    if (args.config) return path.resolve(cwd, args.config);
    const dir = path.dirname(file);
    if (!configFileByDir.has(dir)) configFileByDir.set(dir, configFileFor(file, cwd));
    return configFileByDir.get(dir);
  };
  const servicesFor = (commandTree: string | undefined): LanguageServices | undefined => {
    const key = commandTree ?? '';
    let services = servicesByTree.get(key);
    if (!services) {
      services = createLanguageServices({ commandTreeFile: commandTree });
      if (services.commandTreeError) say(services.commandTreeError);
      servicesByTree.set(key, services);
    }
    return services.commandTreeError ? undefined : services;
  };

  // An explicit --config or --command-tree is checked even when no file is found, like any other argument.
  if (args.config && !loadConfig(configFileOf(''))) return undefined;
  if (args.commandTree && !servicesFor(args.commandTree)) return undefined;
  const plans: FilePlan[] = [];
  for (const file of files) {
    const config = loadConfig(configFileOf(file));
    if (!config) {
      failed = true;
      continue;
    }
    const services = servicesFor(args.commandTree ?? config.commandTree);
    if (!services) {
      failed = true;
      continue;
    }
    plans.push({ file, config, services });
  }
  return failed ? undefined : plans;
}
