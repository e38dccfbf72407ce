/**
 * The linter against the shared corpus of real scripts (../shared/corpus, beside the project):
 * - every valid script lints with no error, with the bundled schema and with RouterOS 7.22.3's command tree;
 * - every broken script (but the disputed ones) gets at least one error, the first within one line of the fault;
 * - the disputed ones get none.
 * Skipped, with a message, when ../shared is not there.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lintText } from '../../../server/src/lint.js';
import { createLanguageServices } from '../../../server/src/services.js';
import { readScript } from '../../../server/src/cli/files.js';

const shared = path.resolve(__dirname, '../../../../shared');
const validDir = path.join(shared, 'corpus/valid');
const brokenDir = path.join(shared, 'corpus/broken');
const tree = path.join(shared, 'restraml/7.22.3/inspect.json');
const haveCorpus = fs.existsSync(validDir) && fs.existsSync(brokenDir);
const skip = haveCorpus ? false : 'the shared corpus is not beside the project (../shared/corpus)';

/**
 * Valid-corpus files that the linter flags anyway, each with the reason. Keep this list short and explained:
 * an entry is a known disagreement between the linter and a script nobody checked on a router.
 */
const VALID_EXCEPTIONS: Record<string, string> = {
  // Not importable scripts at all: the output of `/system default-configuration print`, whose `script:` property
  // lines are plain text that RouterOS would refuse.
  '0029-eugenesamoilov-config.rsc': 'output of /system default-configuration print: the `script:` lines are not commands',
  '0058-pothi-default-conf-v7.6.rsc': 'output of /system default-configuration print: the `script:` lines are not commands',
  '0218-Antidron-default.rsc': 'output of /system default-configuration print: the `script:` lines are not commands',
  '0219-Antidron-original.rsc': 'output of /system default-configuration print: the `script:` lines are not commands',
  // Placeholders left in published scripts: a router refuses these values.
  '0076-FoxDenHome-router-backup.rsc': 'addresses redacted to `REMOVED` before publishing (line 424)',
  '0077-FoxDenHome-router.rsc': 'addresses redacted to `REMOVED` before publishing (line 434)',
  '0109-amit-nz-mikrotik-provisioning.rsc': 'template placeholder `<IP ADDRESS>` in an address (line 185)',
  '0126-bubnovd-script.rsc': 'template placeholder `PORT` for a port number (line 3)',
  '0137-ElMoix-mikrotik-pppoe-config.rsc': 'placeholder `vlan-id=ElMoix` (line 5): a VLAN id is a number',
  // Real mistakes that a router reports (at import, or when the code in a string runs).
  '0065-Defm-rawconf_mikrouter_latest.rsc': 'line 532 glues `/ip firewall nat` to the closing quote of `out-interface="wan A"`',
  '0130-dennyhalim-new.rsc': 'line 234 `regexp=\\.fm` has a backslash outside a string, which the manual calls illegal; line 264 has an unescaped `$%` in code inside a string',
  '0135-ElMoix-mikrotik-failover-config.rsc': 'lines 35-36: `/log` runs on after `/tool e-mail send` without `;` in the netwatch scripts',
  '0161-litecactus-switch.rsc': 'line 3 glues the `/interface vlan` menu line into a comment, so the `add` lines after it run at the root',
  '0188-gbudny93-RouterOS_Dual_WAN_Failover.rsc': 'line 14: `[find comment=WAN1` is never closed in the netwatch scripts',
  '0193-jimiedee1005-bonding_failover_loadbalancing_pcc.rsc': 'each DHCP-client script is followed by a stray `}` line, so the later `add` lines run at the root',
  '0253-Defm-doIPSECPunch.rsc': 'line 170 has two `.` operators in a row (`. . (`), the mistake of broken/11',
  '0288-gbudny93-RouterOS_RB750GR3_DUDE_Setup.rsc': '`:log critical` (line 24): RouterOS logs with debug, info, warning or error only',
  '0305-kriszos-failover.rsc': 'the `add` route lines from line 59 on have no `/ip route` menu line before them',
  '0364-smirnovhub-global_functions_utils_tests.rsc': 'a test script that stores deliberately broken code (`source="[:global ...`, line 371) to test error handling',
  '0033-Defm-rawconf_LivingRoomWAP_latest.rsc': 'doPeriodicLogParse (line 488) closes `:foreach rule` one `}` early, so the `}` on line 540 has no block to close',
  '0170-setanonline-pppoe.rsc': 'the `}` on line 102 is inside the on-event string (after a continuation), one more than the stored script opens',
};

/**
 * Valid-corpus files that write a script argument without `=` (`} else {`, `do {`, `} on-error {`). RouterOS
 * takes `else={`, `do={` and `on-error={` (reference A.9, A.11); the broken corpus has this very mistake fixed
 * as a syntax error by its authors (broken/12 `} else {`, broken/24 `if (...) {`, broken/32 `do {`), so the
 * linter reports it as an error. Only `missing-equals` errors are tolerated in these files: any other error
 * still fails the test.
 */
const MISSING_EQUALS_FILES = [
  '0061-Defm-rawconf_CHR_latest.rsc', '0091-Defm-rawconf_capxl_latest.rsc',
  '0121-BlackVS-backuping-system_v1.4_ROS_6.rsc', '0122-BlackVS-backuping-system_v1.5_ROS_7.rsc', '0124-BlackVS-telegram_v1.rsc',
  '0182-Capobuf-routeros-setup.rsc', '0237-cheretbe-setup.rsc', '0250-Defm-doBackup.rsc', '0256-Defm-doPushStatsToInfluxDB.rsc',
  '0265-drpioneer-backup.rsc', '0298-KarolKozlowski-lease_script.rsc', '0299-KarolKozlowski-lease_script_test.rsc',
  '0304-kriszos-dhcpsync.rsc', '0353-rz3n-failover-ecmp.rsc', '0354-rz3n-failover-v1.rsc', '0355-rz3n-failover-v2.rsc',
  '0356-rz3n-failover-v3.rsc', '0371-vibbow-ddns.rsc', '0372-vibbow-ddnsv6-for-pc.rsc', '0373-vibbow-ddnsv6.rsc',
  '0374-vkushnir-checkDnsCacheAndAddToACL.rsc', '0376-vkushnir-addLeaseToDNS.rsc', '0380-wifinigel-ch10-08-bad-script.rsc',
];

/** The errors of a valid-corpus file that are not explained by the lists above. */
function unexplainedErrors(name: string, options: Parameters<typeof lintText>[1] = {}) {
  const errors = errorsOf(path.join(validDir, name), options);
  return MISSING_EQUALS_FILES.includes(name) ? errors.filter((e) => e.code !== 'missing-equals') : errors;
}

/**
 * Line of the fault in each broken file (1-based, in the file as stored in the corpus), read from the router's
 * message where it names one, else from the description in BROKEN.tsv. `versionTarget`: lint as that version.
 */
const BROKEN_FAULTS: Record<string, { line?: number; rosVersion?: string; reason?: string }> = {
  '01-alsyundawy-single-quotes.rsc': { line: 4 },
  '02-tarampampam-stray-quote-in-name.rsc': { line: 2, reason: 'the router named line 3979 of the generated original, which is line 2 here' },
  '03-nasnet-empty-lhs-comparison.rsc': { line: 1 },
  '04-ansible-two-commands-one-line.rsc': { line: 1 },
  '05-gitpel-ipsec-get-extra-arg.rsc': { line: 2 },
  '08-eworm-v7-path-syntax-on-v6.rsc': { rosVersion: '6.49.7', reason: 'valid on v7; the fault is running it on 6.49.7, so it is linted for that version' },
  '09-zealic-html-instead-of-rsc.rsc': { line: 1, reason: 'the router counted line 6 of a download with leading blank lines; the stored page starts with the HTML on line 1' },
  '11-eworm-double-concat-operator.rsc': { line: 1215 },
  '12-eworm-else-without-equals.rsc': { line: 129 },
  '24-ispapp-if-without-do.rsc': { line: 23 },
  '34-xeim-unterminated-string-1.rsc': { line: 4 },
  '35-xeim-unterminated-string-2.rsc': { line: 14 },
};

/**
 * Broken scripts the linter does not flag with an error, each with the reason. These are the limits of a
 * static check, not oversights: say so in the issue notes when the list changes.
 */
const BROKEN_EXCEPTIONS: Record<string, string> = {
  '06-gitpel-snmp-ipsec-ph2-probe-script.rsc':
    'fails only on RouterOS 6.49.x, where `/ip ipsec policy get` no longer accepts value-name=ph2-state; the bundled schema does not describe /ip ipsec policy per version',
  '07-beeyev-routerboard-on-chr.rsc': '`/system routerboard` is missing on CHR/x86 only; the linter does not know the target hardware (the file is valid on RouterBOARDs)',
  '10-wifinigel-colon-system-command.rsc':
    '`:system clock get time` is used by nine scripts of the valid corpus (in `[...]` too), so RouterOS evidently accepts `:` before a menu; the linter warns (colon-before-menu) instead of failing the script',
  '21-pothi-bare-word-variable.rsc':
    'RouterOS reads a bare word inside `( )` as a variable reference (reference A.8, measured on a device), so `installedVersion` works; the linter warns (bare-word-in-expression) instead',
};

function errorsOf(file: string, options: Parameters<typeof lintText>[1] = {}) {
  return lintText(readScript(file), options).filter((f) => f.severity === 'error');
}

test('valid corpus: no errors with the bundled schema', { skip }, () => {
  const failures: string[] = [];
  const files = fs.readdirSync(validDir).filter((f) => f.endsWith('.rsc')).sort();
  assert.ok(files.length >= 390, `expected the 390 corpus files, found ${files.length}`);
  for (const name of files) {
    if (VALID_EXCEPTIONS[name]) continue;
    const errors = unexplainedErrors(name);
    if (errors.length) failures.push(`${name}:${errors[0]!.range.start.line + 1}:${errors[0]!.range.start.character + 1} ${errors[0]!.code} ${errors[0]!.message} (+${errors.length - 1})`);
  }
  assert.deepEqual(failures, []);
});

test('valid corpus: no errors with the RouterOS 7.22.3 command tree loaded', { skip: skip || (!fs.existsSync(tree) && 'no 7.22.3 command tree in ../shared/restraml') }, () => {
  const services = createLanguageServices({ commandTreeFile: tree });
  assert.equal(services.commandTreeError, undefined);
  const failures: string[] = [];
  for (const name of fs.readdirSync(validDir).filter((f) => f.endsWith('.rsc')).sort()) {
    if (VALID_EXCEPTIONS[name]) continue;
    const errors = unexplainedErrors(name, { services });
    if (errors.length) failures.push(`${name}:${errors[0]!.range.start.line + 1} ${errors[0]!.code} ${errors[0]!.message} (+${errors.length - 1})`);
  }
  assert.deepEqual(failures, []);
});

test('valid corpus: every file listed for `missing-equals` still has that mistake (the list stays true)', { skip }, () => {
  const stale = MISSING_EQUALS_FILES.filter((name) => !errorsOf(path.join(validDir, name)).some((e) => e.code === 'missing-equals'));
  assert.deepEqual(stale, []);
});

interface BrokenRow {
  readonly file: string;
  readonly category: string;
  readonly routerError: string;
}

function brokenRows(): BrokenRow[] {
  const lines = fs.readFileSync(path.join(brokenDir, 'BROKEN.tsv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return { file: cells[col('file')]!, category: cells[col('category')]!, routerError: cells[col('router_error')] ?? '' };
  });
}

test('broken corpus: an error on every script that is not disputed, near the fault', { skip }, () => {
  const failures: string[] = [];
  for (const row of brokenRows()) {
    if (row.category === 'disputed' || BROKEN_EXCEPTIONS[row.file]) continue;
    const fault = BROKEN_FAULTS[row.file] ?? {};
    const errors = errorsOf(path.join(brokenDir, row.file), { rosVersion: fault.rosVersion });
    if (errors.length === 0) {
      failures.push(`${row.file}: no error`);
      continue;
    }
    if (fault.line !== undefined) {
      const first = errors[0]!.range.start.line + 1;
      if (Math.abs(first - fault.line) > 1) failures.push(`${row.file}: first error on line ${first}, fault on line ${fault.line}: ${errors[0]!.message}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('broken corpus: each exception still gets a warning at the fault, so the user hears of it', { skip }, () => {
  const silent = Object.keys(BROKEN_EXCEPTIONS)
    .filter((file) => !['06-gitpel-snmp-ipsec-ph2-probe-script.rsc', '07-beeyev-routerboard-on-chr.rsc'].includes(file))
    .filter((file) => lintText(readScript(path.join(brokenDir, file))).length === 0);
  assert.deepEqual(silent, []);
});

test('broken corpus: the disputed scripts get no error', { skip }, () => {
  const flagged = brokenRows()
    .filter((row) => row.category === 'disputed')
    .map((row) => ({ row, errors: errorsOf(path.join(brokenDir, row.file)) }))
    .filter(({ errors }) => errors.length > 0)
    .map(({ row, errors }) => `${row.file}:${errors[0]!.range.start.line + 1} ${errors[0]!.message}`);
  assert.deepEqual(flagged, []);
});
