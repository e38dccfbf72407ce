/**
 * Finding the `.rsc` files named on the command line. Directories are searched recursively; symbolic links are
 * followed (a link that leads back into a directory already being searched is not entered again), and a file
 * reached twice (named twice, or through a link) is linted once, under the first name it was found by.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeScript } from './scriptFile.js';

export interface FileListing {
  readonly files: string[];
  /** Arguments (or links found in directories) that could not be read, with the reason. */
  readonly errors: FileError[];
  /** Directories named on the command line that hold no `.rsc` file. */
  readonly emptyDirectories: string[];
}

export interface FileError {
  readonly file: string;
  readonly reason: string;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export function collectFiles(args: readonly string[]): FileListing {
  const found: string[] = [];
  const errors: FileError[] = [];
  const emptyDirectories: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (error) {
      errors.push({ file: arg, reason: describeFsError(error) });
      continue;
    }
    if (stat.isDirectory()) {
      const before = found.length;
      walk(arg, found, errors, new Set());
      if (found.length === before) emptyDirectories.push(arg);
    } else {
      found.push(arg);
    }
  }
  return { files: uniqueByRealPath(found), errors, emptyDirectories };
}

/** `visited` holds the real paths of the directories searched for this argument, so that link loops end. */
function walk(dir: string, files: string[], errors: FileError[], visited: Set<string>): void {
  const real = realPath(dir);
  if (visited.has(real)) return;
  visited.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    errors.push({ file: dir, reason: describeFsError(error) });
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const isScriptName = entry.name.toLowerCase().endsWith('.rsc');
    let kind: 'directory' | 'file' | 'other' = entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(full);
        kind = target.isDirectory() ? 'directory' : target.isFile() ? 'file' : 'other';
      } catch (error) {
        // A dangling link named like a script is a script the user cannot have linted: say so.
        if (isScriptName) errors.push({ file: full, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'a symbolic link to a file that does not exist' : describeFsError(error) });
        continue;
      }
    }
    if (kind === 'directory') {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, files, errors, visited);
    } else if (kind === 'file' && isScriptName) {
      files.push(full);
    }
  }
}

function uniqueByRealPath(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    const real = realPath(file);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
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
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The decoded text of a file known to be a script (tools such as the corpus test); `rsc lint` checks first. */
export function readScript(file: string): string {
  return decodeScript(fs.readFileSync(file));
}
