/** `rsc lint`: lint files and directories, print findings in text, JSON or SARIF, exit 1 on errors. */
import path from 'node:path';
import { parseVersion } from '../core/version.js';
import { computeDiagnostics } from '../features/diagnostics/index.js';
import { createLanguageServices } from '../services.js';
import { findConfig, readConfig, type LintConfig } from './config.js';
import { collectFiles, describeFsError, readScript } from './files.js';
import { formatJson, formatSarif, formatText, type ReportedFinding } from './formats.js';
import type { CliIo } from './io.js';

export const LINT_USAGE = `usage: rsc lint [--format text|json|sarif] [--ros-version X.Y] [--command-tree FILE] [--config FILE] FILES_OR_DIRECTORIES...

Lints RouterOS scripts. Directories are searched for .rsc files.
  --format        text (default): file:line:column: severity code message
                  json: an array of {file, line, column, endLine, endColumn, severity, code, message}
                  sarif: SARIF 2.1.0 for code scanning
  --ros-version   target RouterOS version when a file has no export header (default: newest v7)
  --command-tree  a RouterOS command tree (restraml inspect.json) for menus beyond the bundled schema
  --config        a .rsclintrc.json (default: the nearest one above the current directory)
Exit status: 0 no errors, 1 errors found, 2 bad usage or an unreadable file.`;

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
        const version = value();
        if (!version || !parseVersion(version)) return { error: `--ros-version takes a version such as 7.15 or 6.49.7, not ${JSON.stringify(version ?? '')}` };
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

export function runLint(argv: readonly string[], io: CliIo): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${LINT_USAGE}\n`);
    return 0;
  }
  const parsed = parseArgs(argv);
  if (!parsed.args) {
    io.stderr(`rsc lint: ${parsed.error}\n${LINT_USAGE}\n`);
    return 2;
  }
  const args = parsed.args;

  let config: LintConfig = {};
  const configFile = args.config ?? findConfig(io.cwd);
  if (configFile) {
    const read = readConfig(configFile);
    if (!read.config) {
      io.stderr(`rsc lint: ${read.error}\n`);
      return 2;
    }
    config = read.config;
  }

  const commandTreeFile = args.commandTree ?? config.commandTree;
  const services = createLanguageServices({ commandTreeFile });
  if (services.commandTreeError) {
    io.stderr(`rsc lint: ${services.commandTreeError}\n`);
    return 2;
  }

  const listing = collectFiles(args.inputs.map((input) => path.resolve(io.cwd, input)));
  let status = 0;
  for (const error of listing.errors) {
    io.stderr(`rsc lint: cannot read ${error}\n`);
    status = 2;
  }

  const findings: ReportedFinding[] = [];
  for (const file of listing.files) {
    const display = path.relative(io.cwd, file) || file;
    let text: string;
    try {
      text = readScript(file);
    } catch (error) {
      io.stderr(`rsc lint: cannot read ${display}: ${describeFsError(error)}\n`);
      status = 2;
      continue;
    }
    const analysis = services.analyze(text, { rosVersion: args.rosVersion ?? config.rosVersion });
    for (const finding of computeDiagnostics(analysis, { schema: services.schema, rules: config.rules })) {
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

  if (args.format === 'json') io.stdout(formatJson(findings));
  else if (args.format === 'sarif') io.stdout(formatSarif(findings, io.version, io.cwd));
  else io.stdout(formatText(findings));

  if (status === 2) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
