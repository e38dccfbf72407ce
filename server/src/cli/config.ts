/**
 * Workspace configuration for the linter: `.rsclintrc.json`, found next to the linted files or above them
 * (the nearest wins), or named with `--config`. Shape: `{ "rosVersion": "7.15", "rules": { "CODE": "off" } }`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RuleSeverityConfig } from '../features/diagnostics/rule.js';

export const CONFIG_FILE_NAME = '.rsclintrc.json';

export interface LintConfig {
  readonly rosVersion?: string;
  readonly rules?: RuleSeverityConfig;
  readonly commandTree?: string;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Reads and checks a config file; returns an error message instead of throwing. */
export function readConfig(file: string): { config?: LintConfig; error?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { error: `${file}: ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: `${file}: expected a JSON object` };
  const object = raw as Record<string, unknown>;
  const rules: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'> = {};
  if (object.rules !== undefined) {
    if (typeof object.rules !== 'object' || object.rules === null) return { error: `${file}: "rules" must be an object of code -> severity` };
    for (const [code, severity] of Object.entries(object.rules)) {
      if (typeof severity !== 'string' || !SEVERITIES.has(severity)) return { error: `${file}: rule "${code}" has severity ${JSON.stringify(severity)}; use error, warning, info, hint or off` };
      rules[code] = severity as 'error';
    }
  }
  if (object.rosVersion !== undefined && typeof object.rosVersion !== 'string') return { error: `${file}: "rosVersion" must be a string such as "7.15"` };
  const base = path.dirname(file);
  const commandTree = typeof object.commandTree === 'string' ? path.resolve(base, object.commandTree) : undefined;
  return { config: { rosVersion: object.rosVersion as string | undefined, rules, commandTree } };
}

/** The nearest `.rsclintrc.json` in `start` or its parents. */
export function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
