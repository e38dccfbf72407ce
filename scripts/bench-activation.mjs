// Activation benchmark: what VS Code loads when a .rsc file opens, and how soon the language server answers.
// Prints plain lines:
//   - the size of each bundle the extension ships (the activation bundle, the push bundle, the server);
//   - loading the activation bundle (client/out/extension.js) in a fresh Node process, with a stand-in for the
//     `vscode` module (the median of several processes), and which files that load reads from disk: the push
//     code (ssh2) and the parser (Chevrotain) must not be among them;
//   - how long the server takes from its start to its answer to `initialize` (the median of several starts).
// Run `npm run build` first (`npm run bench` does).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver/node');
const extensionBundle = path.join(root, 'client/out/extension.js');
const pushBundle = path.join(root, 'client/out/push.js');
const serverBundle = path.join(root, 'server/out/server.js');
const RUNS = 7;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (file) => `${(fs.statSync(file).size / 1024).toFixed(0)} KB`;

for (const file of [extensionBundle, pushBundle, serverBundle]) {
  if (!fs.existsSync(file)) {
    console.error(`bench-activation: ${path.relative(root, file)} is missing; run \`npm run build\` first.`);
    process.exit(2);
  }
}

// In the child: `vscode` is answered by a stand-in that accepts any use, so the bundle's own top-level code runs
// as it does in VS Code; then the time of the require and the files it read are printed as JSON.
const LOADER = `
const Module = require('node:module');
const stub = new Proxy(function () {}, {
  get: (_, key) => (key === Symbol.toPrimitive ? () => '' : stub),
  apply: () => stub,
  construct: () => stub,
});
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const start = process.hrtime.bigint();
require(process.argv[1]);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, files: Object.keys(require.cache) }));
`;

const loads = [];
let files = [];
for (let run = 0; run < RUNS; run++) {
  const child = spawnSync(process.execPath, ['-e', LOADER, extensionBundle], { encoding: 'utf8' });
  if (child.status !== 0) {
    console.error(`bench-activation: loading ${path.relative(root, extensionBundle)} failed:\n${child.stderr}`);
    process.exit(1);
  }
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1));
  loads.push(result.ms);
  files = result.files.map((file) => path.relative(root, file));
}
const heavy = files.filter((file) => /push\.js$|ssh2|chevrotain|server[\\/]out/.test(file));

/** Spawns the server and resolves with the milliseconds until it answered `initialize`. */
async function timeToInitialize() {
  const start = performance.now();
  const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  connection.listen();
  await connection.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  const elapsed = performance.now() - start;
  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
  connection.dispose();
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
  return elapsed;
}
const starts = [];
for (let run = 0; run < RUNS; run++) starts.push(await timeToInitialize());

console.log(`activation bundles (as \`npm run build\` makes them; \`npm run package\` minifies them): client/out/extension.js ${kb(extensionBundle)}, client/out/push.js ${kb(pushBundle)} (loaded by the first push command), server/out/server.js ${kb(serverBundle)} (its own process)`);
console.log(
  `activation: loading client/out/extension.js takes ${median(loads).toFixed(1)} ms (median of ${RUNS} fresh processes) and reads ${files.length} file(s) from disk: ${files.join(', ')}` +
    `; push code or parser among them: ${heavy.length === 0 ? 'none' : heavy.join(', ')}`,
);
console.log(`activation: the language server answers initialize ${median(starts).toFixed(0)} ms after it is started (median of ${RUNS} starts)`);
