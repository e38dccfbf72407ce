/** The built `rsc` bin when the reader of its output goes away early (`rsc lint ... | head`). */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ensureServerBuilt } from '../../lsp/harness.js';

const CLI = path.resolve(__dirname, '../../../server/out/cli.js');

test('a closed pipe is not a crash: no EPIPE trace, and the exit status still says errors were found', async () => {
  ensureServerBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsc-pipe-'));
  // Thousands of findings, so the report is far larger than a pipe buffer.
  fs.writeFileSync(path.join(dir, 'many.rsc'), '/ip firewall mangle add chian=forward\n'.repeat(5000));
  const child = spawn(process.execPath, [CLI, 'lint', '--format', 'json', 'many.rsc'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Read the first chunk, then close our end, as `head -c` does.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  assert.equal(code, 1, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Unhandled/);
});
