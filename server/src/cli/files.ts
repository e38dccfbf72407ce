/** Finding the `.rsc` files named on the command line (directories are searched recursively). */
import fs from 'node:fs';
import path from 'node:path';

export interface FileListing {
  readonly files: string[];
  /** Arguments that could not be read, with the reason. */
  readonly errors: string[];
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export function collectFiles(args: readonly string[]): FileListing {
  const files: string[] = [];
  const errors: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (error) {
      errors.push(`${arg}: ${describeFsError(error)}`);
      continue;
    }
    if (stat.isDirectory()) walk(arg, files, errors);
    else files.push(arg);
  }
  return { files, errors };
}

function walk(dir: string, files: string[], errors: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    errors.push(`${dir}: ${describeFsError(error)}`);
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, files, errors);
    } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.rsc')) {
      files.push(full);
    }
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Reads a script as RouterOS stores it: bytes, usually Windows-1252. Valid UTF-8 is decoded as UTF-8; anything
 * else as latin-1, so every byte maps to one character and offsets stay meaningful.
 */
export function readScript(file: string): string {
  const bytes = fs.readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return bytes.toString('latin1');
  }
}
