/** Shared by the CLI tests: a throw-away workspace on disk, and `rsc` run through main() with captured output. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../server/src/cli/main.js';
import type { CliIo } from '../../../server/src/cli/io.js';

export function workspace(files: Record<string, string | Buffer>, prefix = 'rsc-cli-'): string {
  // realpath: on some systems the temporary directory is itself reached through a link.
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function run(args: string[], cwd: string, extra: Partial<CliIo> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env: {}, version: '0.0.0-test', ...extra };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The file names in text-format output, in order of first appearance. */
export function filesInText(stdout: string): string[] {
  return [...new Set(stdout.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf(':'))))];
}

/** A script with one error (`passwrd`) on line 2, and its corrected twin. */
export const BAD = '/interface pppoe-client\nadd interface=ether1 user=isp passwrd=secret\n';
export const GOOD = '/interface pppoe-client\nadd interface=ether1 user=isp password=secret\n';
