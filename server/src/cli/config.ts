/**
 * Linter configuration: `.rsclintrc.json`, shape `{ "rosVersion": "7.15", "rules": { "CODE": "off" }, "commandTree": FILE }`.
 *
 * Which file applies to a linted script: `--config FILE` if given (for every script); else the nearest
 * `.rsclintrc.json` in the script's own directory or above it; else the nearest one in the current directory or
 * above it (for scripts outside the current directory's tree); else none. So one run over several projects uses
 * each project's own settings, as editors do.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RuleSeverityConfig } from '../features/diagnostics/rule.js';
import { ruleByCode, RULES } from '../features/diagnostics/registry.js';
import { closestMatch } from '../features/diagnostics/suggest.js';
import { describeFsError } from './files.js';
import { rosVersionProblem } from './rosVersion.js';

export const CONFIG_FILE_NAME = '.rsclintrc.json';

export interface LintConfig {
  readonly rosVersion?: string;
  readonly rules?: RuleSeverityConfig;
  readonly commandTree?: string;
}

export interface ConfigRead {
  readonly config?: LintConfig;
  /** Why the file cannot be used; the run stops. */
  readonly error?: string;
  /** Problems that do not stop the run (an unknown rule code is ignored). */
  readonly warnings: readonly string[];
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Reads and checks a config file; returns messages (naming it `shownAs`) instead of throwing. */
export function readConfig(file: string, shownAs = file): ConfigRead {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { error: `${shownAs}: ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : describeFsError(error)}`, warnings: [] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: `${shownAs}: expected a JSON object`, warnings: [] };
  const object = raw as Record<string, unknown>;
  const warnings: string[] = [];
  const rules: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'> = {};
  if (object.rules !== undefined) {
    if (typeof object.rules !== 'object' || object.rules === null || Array.isArray(object.rules)) return { error: `${shownAs}: "rules" must be an object of code -> severity`, warnings };
    for (const [code, severity] of Object.entries(object.rules)) {
      if (typeof severity !== 'string' || !SEVERITIES.has(severity)) return { error: `${shownAs}: rule "${code}" has severity ${JSON.stringify(severity)}; use error, warning, info, hint or off`, warnings };
      if (!ruleByCode(code)) warnings.push(unknownCodeWarning(shownAs, code));
      rules[code] = severity as 'error';
    }
  }
  if (object.rosVersion !== undefined) {
    if (typeof object.rosVersion !== 'string') return { error: `${shownAs}: "rosVersion" must be a string such as "7.15"`, warnings };
    const problem = rosVersionProblem(object.rosVersion);
    if (problem) return { error: `${shownAs}: "rosVersion": ${problem}`, warnings };
  }
  if (object.commandTree !== undefined && typeof object.commandTree !== 'string') return { error: `${shownAs}: "commandTree" must be a file name`, warnings };
  const base = path.dirname(file);
  const commandTree = typeof object.commandTree === 'string' ? path.resolve(base, object.commandTree) : undefined;
  return { config: { rosVersion: object.rosVersion as string | undefined, rules, commandTree }, warnings };
}

function unknownCodeWarning(file: string, code: string): string {
  const suggestion = closestMatch(code, RULES.map((rule) => rule.code));
  const hint = suggestion ? `did you mean "${suggestion}"?` : 'see `rsc rules` for the codes';
  return `${file}: unknown rule code "${code}" is ignored; ${hint}`;
}

/** The nearest `.rsclintrc.json` in `start` or its parents. */
export function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The config file that applies to `file` when no `--config` is given (see the top of this file). */
export function configFileFor(file: string, cwd: string): string | undefined {
  return findConfig(path.dirname(path.resolve(cwd, file))) ?? findConfig(cwd);
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}
