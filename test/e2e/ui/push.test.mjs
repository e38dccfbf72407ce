// UI tests of "Push to Router" and "Check on Router" in the PACKAGED extension, against the stand-in routers of the
// push tests: REST (test/push/fakeRestRouter.ts: HTTPS on loopback with a self-signed certificate made at test
// time) and SSH (test/push/fakeSshRouter.ts: ssh2's server). They go through every dialog a user sees: the router
// picker, the password prompt, the offer to keep it in secret storage, the fingerprint of the unknown certificate
// or host key, the confirmation that names the router, the progress notification, the result, and the router's
// errors in Problems. Afterwards every file code-server wrote (settings, state, logs and the output channel's log)
// is searched for the password.
//
//   node --import tsx --test test/e2e/ui/push.test.mjs   (scripts/e2e.mjs packages the .vsix first and runs this)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { FakeRestRouter, makeCertificate } from '../../push/fakeRestRouter.ts';
import { FakeSshRouter, makeHostKey } from '../../push/fakeSshRouter.ts';
import { leaks } from '../../push/helpers.ts';
import { keepScreenshot, startUiSession, workbenchTest } from './session.mjs';
import { openFile, openProblems, problemEntries, runCommand } from './workbench.mjs';

const ROUTER_NAME = 'lab-router';
const SSH_ROUTER_NAME = 'lab-ssh';
/** Only this test knows it: a leak anywhere on disk is found by searching for it. */
const PASSWORD = `Ui-${process.pid}-Pa55!word`;

let certificate;
let router;
let sshHostKey;
let sshRouter;
let session;
let page;

before(async () => {
  certificate = makeCertificate();
  router = new FakeRestRouter(certificate);
  router.password = PASSWORD;
  const port = await router.start();
  sshHostKey = makeHostKey();
  sshRouter = new FakeSshRouter(sshHostKey.privateKey);
  sshRouter.password = PASSWORD;
  const sshPort = await sshRouter.start();
  session = await startUiSession('ui-push', {
    settings: {
      'routeros.routers': [
        { name: ROUTER_NAME, address: `https://127.0.0.1:${port}`, transport: 'rest', user: router.user },
        { name: SSH_ROUTER_NAME, address: `127.0.0.1:${sshPort}`, transport: 'ssh', user: sshRouter.user },
      ],
    },
  });
  page = session.page;
});

after(async () => {
  await session?.close();
  await router?.stop();
  await sshRouter?.stop();
  if (certificate) fs.rmSync(certificate.dir, { recursive: true, force: true });
});

function uiTest(name, body) {
  workbenchTest(() => page, name, body, { timeout: 120000 });
}

/** The modal dialog whose text matches, once it is shown. */
async function dialog(hasText) {
  const box = page.locator('.monaco-dialog-box', { hasText });
  await box.waitFor({ timeout: 30000 });
  return box;
}

async function clickDialogButton(box, label) {
  await box.locator('.monaco-button', { hasText: label }).first().click();
  await box.waitFor({ state: 'detached' });
}

/** Runs a push command and picks the router in the quick pick that lists the profiles. */
async function pushTo(command, routerName) {
  await runCommand(page, command, { waitClosed: false });
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: routerName }).first();
  await row.waitFor({ timeout: 30000 });
  await row.click();
}

/**
 * Opens a workspace file with the cursor at its start and nothing selected, so a push sends the whole file (VS Code
 * restores a reopened file's last selection).
 */
async function openWholeFile(name) {
  await openFile(page, name);
  await page.keyboard.press('Control+Home');
}

/** Types the password into the prompt (which does not echo it), then answers the offer to remember it. */
async function enterPassword(routerName, rememberAnswer) {
  const password = page.locator('.quick-input-widget input[type="password"]');
  await password.waitFor({ timeout: 30000 });
  await password.fill(PASSWORD);
  await page.keyboard.press('Enter');
  const remember = toast(`Remember the password for ${routerName}?`);
  await remember.waitFor({ timeout: 30000 });
  await remember.locator('.monaco-button', { hasText: rememberAnswer }).click();
}

/** A notification toast whose text matches. */
function toast(hasText) {
  return page.locator('.notifications-toasts .notification-toast', { hasText });
}

/** Resolves once `file` holds `marker` (a watcher reports each write; nothing is polled). */
async function fileContains(file, marker, timeoutMs = 30000) {
  const has = () => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(marker);
  if (has()) return true;
  let watcher;
  let timer;
  try {
    return await new Promise((resolve) => {
      watcher = fs.watch(path.dirname(file), () => has() && resolve(true));
      timer = setTimeout(() => resolve(has()), timeoutMs);
    });
  } finally {
    watcher?.close();
    clearTimeout(timer);
  }
}

/** Every regular file under `dir` (sockets and the like are left out). */
function filesUnder(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/** The output channel's log file, which code-server keeps under the user-data folder's logs. */
function outputChannelLog() {
  const logs = path.join(session.userDataDir, 'logs');
  return filesUnder(logs).find((file) => file.endsWith(path.join('rsc-tools.routeros-script', 'RouterOS.log')));
}

uiTest('Push to Router: the password, the certificate pinned on consent, a confirmation naming the router, and its error on line 3', async () => {
  router.onImport = (call) =>
    call.dryRun
      ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file\r\n' } }
      : {
          kind: 'reply',
          status: 400,
          body: { error: 400, message: 'Bad Request', detail: 'Script Error: failure: already have interface with name bridge-guest (/interface/bridge/add; line 3) (:import; line 1)' },
        };
  await openWholeFile('push.rsc');
  await pushTo('Push to Router', ROUTER_NAME);

  await enterPassword(ROUTER_NAME, 'Save in Secret Storage');

  const trust = await dialog('is not trusted yet');
  const trustText = await trust.innerText();
  assert.ok(trustText.includes(certificate.fingerprint), `the dialog shows the certificate's SHA-256 fingerprint ${certificate.fingerprint}:\n${trustText}`);
  assert.equal(router.requests.length, 0, 'nothing is sent before the certificate is trusted');
  await clickDialogButton(trust, 'Trust and Pin');

  const confirm = await dialog(`to ${router.identity}?`);
  const confirmText = await confirm.innerText();
  assert.match(confirmText, /push\.rsc/, 'the confirmation says what is sent');
  assert.ok(confirmText.includes('7.16.2'), `the confirmation gives the version read from the router:\n${confirmText}`);
  assert.equal(router.files.size, 0, 'nothing is uploaded before the user confirms');
  await keepScreenshot(page, 'push-confirm.png');
  await clickDialogButton(confirm, 'Push');

  await toast(/line 3/).first().waitFor({ timeout: 60000 });
  await openProblems(page);
  const entry = problemEntries(page, 'already have interface with name bridge-guest');
  await entry.first().waitFor({ timeout: 30000 });
  assert.match(await entry.first().innerText(), /\[Ln 3, Col 1\]/, 'the router\'s error is on line 3 of the file');
  await keepScreenshot(page, 'push-result.png');

  assert.equal(router.dryRuns.length, 1, 'the dry run comes first on 7.16');
  assert.equal(router.appliedImports.length, 1);
  assert.equal(router.appliedImports[0].contents, fs.readFileSync(path.join(session.workspace, 'push.rsc'), 'utf8'), 'the file is sent as it is');
  assert.deepEqual([...router.files.keys()], [], 'the uploaded file (and the dry-run report) are deleted');
});

uiTest('Check on Router reuses the stored password and the pinned certificate, applies nothing, and puts the dry run\'s error on its line', async () => {
  router.onImport = (call) => ({
    kind: 'reply',
    body: {
      ret: call.dryRun
        ? '#line 4\r\n/ip address add address=192.168.88.1/24 interface=bridge-lan\r\ninput does not match any value of interface (line 1 column 50)\r\nScript Error: found 1 error(s) in import file\r\n'
        : 'should not run',
    },
  });
  const applied = router.appliedImports.length;
  await openWholeFile('push.rsc');
  await pushTo('Check on Router', ROUTER_NAME);
  // The confirmation comes straight away: no password prompt, no certificate question (each would come first).
  const confirm = await dialog(`to ${router.identity}?`);
  await clickDialogButton(confirm, 'Run Dry Run');
  await toast(/line 4/).first().waitFor({ timeout: 60000 });
  await openProblems(page);
  const entry = problemEntries(page, 'input does not match any value of interface');
  await entry.first().waitFor({ timeout: 30000 });
  assert.match(await entry.first().innerText(), /\[Ln 4, Col 50\]/);
  assert.equal(router.appliedImports.length, applied, 'a check applies nothing');
  assert.deepEqual([...router.files.keys()], [], 'the uploaded file is deleted');
});

uiTest('Push to Router with a selection sends only the selected lines, and the router\'s line 1 is the selection\'s first line', async () => {
  router.onImport = (call) =>
    call.dryRun
      ? { kind: 'reply', body: { ret: 'No syntax errors found in the import file\r\n' } }
      : { kind: 'reply', status: 400, body: { error: 400, message: 'Bad Request', detail: 'Script Error: failure: already have such bridge (/interface/bridge/add; line 1) (:import; line 1)' } };
  const applied = router.appliedImports.length;
  await openFile(page, 'push.rsc');
  // Lines 3 and 4: go to line 3, then extend the selection to the end of line 4.
  await runCommand(page, 'Go to Line/Column...', { waitClosed: false });
  await page.locator('.quick-input-widget input').fill(':3');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+End');
  await pushTo('Push to Router', ROUTER_NAME);
  const confirm = await dialog(`to ${router.identity}?`);
  assert.match(await confirm.innerText(), /push\.rsc lines 3.4/, 'the confirmation names the selected lines');
  await clickDialogButton(confirm, 'Push');
  await toast(/line 3/).first().waitFor({ timeout: 60000 });
  await openProblems(page);
  const entry = problemEntries(page, 'already have such bridge');
  await entry.first().waitFor({ timeout: 30000 });
  assert.match(await entry.first().innerText(), /\[Ln 3, Col 1\]/);
  const lines = fs.readFileSync(path.join(session.workspace, 'push.rsc'), 'utf8').split('\n');
  assert.equal(router.appliedImports.length, applied + 1);
  assert.equal(router.appliedImports.at(-1).contents, lines.slice(2, 4).join('\n'), 'only lines 3 and 4 are sent');
});

uiTest('Load Command Tree from Router: the router\'s own tree, once used for the workspace, checks every parameter of its menus', async () => {
  // The stand-in router's tree: /system identity set with its one parameter, `name`.
  router.inspectTree = {
    '': [{ name: 'system', 'node-type': 'dir' }],
    system: [{ name: 'identity', 'node-type': 'dir' }],
    'system,identity': [{ name: 'set', 'node-type': 'cmd' }],
    'system,identity,set': [{ name: 'name', 'node-type': 'arg' }],
  };
  const settingsFile = path.join(session.workspace, '.vscode', 'settings.json');
  try {
    await openProblems(page);
    await openFile(page, 'identity.rsc');
    await problemEntries(page, ':probe').first().waitFor({ timeout: 30000 });
    assert.equal(await problemEntries(page, 'nme').count(), 0, 'without the router\'s tree /system identity is known by name only');

    // Only one profile uses REST, so there is no router to pick: the next question is what to read.
    await runCommand(page, 'Load Command Tree from Router', { waitClosed: false });
    const namesOnly = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Names only' }).first();
    await namesOnly.waitFor({ timeout: 30000 });
    await namesOnly.click();
    const ready = toast('Command tree ready');
    await ready.waitFor({ timeout: 60000 });
    await ready.locator('.monaco-button', { hasText: 'Use for This Workspace' }).click();

    await problemEntries(page, 'nme').first().waitFor({ timeout: 30000 });
    const treeFile = JSON.parse(fs.readFileSync(settingsFile, 'utf8'))['routeros.commandTreeFile'];
    assert.match(treeFile, /inspect-7\.16\.2-[0-9a-f]{12}\.json$/, 'the cached tree is named by version and package set');
    assert.ok(fs.existsSync(treeFile), `the cached tree ${treeFile} exists`);
  } finally {
    // Later tests lint with the bundled schema again.
    fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
  }
});

uiTest('the progress notification cancels a push: a dry run that never ends is stopped, nothing applied, nothing left behind', async () => {
  // The dry run runs as a background job on the router; this one stays listed as running for ever.
  router.onImport = (call) => (call.dryRun ? { kind: 'hang' } : { kind: 'reply', body: { ret: 'should not run' } });
  const applied = router.appliedImports.length;
  await openWholeFile('push.rsc');
  await pushTo('Push to Router', ROUTER_NAME);
  await clickDialogButton(await dialog(`to ${router.identity}?`), 'Push');
  const progress = toast('RouterOS: Push to Router');
  await progress.locator('.monaco-button', { hasText: 'Cancel' }).click();
  await toast('Cancelled during the dry run: nothing was applied.').first().waitFor({ timeout: 60000 });
  assert.equal(router.appliedImports.length, applied, 'nothing was applied');
  assert.deepEqual([...router.files.keys()], [], 'the uploaded file is deleted after a cancel too');
});

uiTest('Push to Router over SSH (RouterOS v6): the host key trusted on first use with consent, SFTP upload, import, file removed', async () => {
  await openWholeFile('push.rsc');
  await pushTo('Push to Router', SSH_ROUTER_NAME);
  await enterPassword(SSH_ROUTER_NAME, 'Not Now');

  const trust = await dialog('SSH host key');
  const trustText = await trust.innerText();
  assert.ok(trustText.includes(sshHostKey.fingerprint), `the dialog shows the host key's SHA-256 fingerprint ${sshHostKey.fingerprint}:\n${trustText}`);
  assert.deepEqual(sshRouter.passwordsReceived, [], 'the password is not sent before the host key is trusted');
  await clickDialogButton(trust, 'Trust and Pin');

  const confirm = await dialog(`to ${sshRouter.identity}?`);
  assert.ok((await confirm.innerText()).includes('6.49.7'), 'the confirmation gives the version read from the router');
  await clickDialogButton(confirm, 'Push');
  await toast(`Pushed to ${sshRouter.identity}`).first().waitFor({ timeout: 60000 });
  assert.equal(sshRouter.appliedImports.length, 1);
  assert.equal(sshRouter.appliedImports[0].contents, fs.readFileSync(path.join(session.workspace, 'push.rsc'), 'utf8'));
  assert.deepEqual([...sshRouter.files.keys()], [], 'the uploaded file is removed');
});

uiTest('a script with lint errors is not sent unless the user says so', async () => {
  const before = router.requests.length;
  await openWholeFile('pppoe.rsc');
  await pushTo('Push to Router', ROUTER_NAME);
  const refusal = await dialog(/The linter reports \d+ error\(s\) in pppoe\.rsc/);
  await clickDialogButton(refusal, 'Cancel');
  assert.equal(router.requests.length, before, 'nothing reached the router');
});

uiTest('the password is nowhere on disk: not in settings, state, logs or the output channel', async () => {
  const log = outputChannelLog();
  assert.ok(log, 'code-server keeps the output channel\'s log under logs/');
  // The log is written behind the scenes: wait for the line that ends the first push before reading everything.
  assert.ok(await fileContains(log, 'Router output:'), `the output channel's log shows the push:\n${fs.readFileSync(log, 'utf8')}`);
  const places = [session.userDataDir, session.workspace, path.dirname(session.logFile)];
  const found = [];
  for (const file of places.flatMap(filesUnder)) {
    const text = fs.readFileSync(file).toString('latin1');
    for (const leak of leaks(text, router.user, PASSWORD)) found.push(`${file}: ${leak}`);
  }
  assert.deepEqual(found, []);
});
