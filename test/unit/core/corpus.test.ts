// The shared corpus: real scripts that must parse cleanly, and real mistakes that must be found near the line
// the router named. Skipped (with a message) when ../shared is not present.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseScript } from '../../../server/src/core/parse.js';
import { LineIndex } from '../../../server/src/core/text.js';

const SHARED = path.resolve(__dirname, '../../../../shared/corpus');
const present = fs.existsSync(path.join(SHARED, 'valid'));
const skip = present ? false : `shared corpus not found at ${SHARED}`;

function read(file: string): string {
  // RouterOS files are bytes (often Windows-1252); latin1 keeps every byte as one character.
  return fs.readFileSync(file, 'latin1');
}

/**
 * Valid-corpus files in which the parser reports problems, with the reason we believe the file (not the parser) is
 * wrong. `codes` lists the problem codes accepted for that file, so a new kind of problem still fails the test.
 */
const SCRIPT_FORM = 'uses `else {` / `do {` / `on-error {` without `=`; broken/12, broken/24 and broken/32 are the same mistake fixed upstream';
const VALID_EXCEPTIONS: Record<string, { codes: string[]; reason: string }> = {
  '0065-Defm-rawconf_mikrouter_latest.rsc': { codes: ['syntax', 'missing-equals', 'unbalanced-bracket'], reason: 'line 532 has `out-interface="wan A"/ip firewall nat` (a lost line break); its stored scripts also use `else {` and have an extra `}`' },
  '0130-dennyhalim-new.rsc': { codes: ['stray-backslash', 'syntax'], reason: '`regexp=\\.fm` has a backslash outside a string, which the language rules out (facts A.4 rule 4); its netwatch script glues two commands' },
  '0253-Defm-doIPSECPunch.rsc': { codes: ['syntax'], reason: 'line 170 has `" . . (` — the same double concatenation operator as broken/11' },
  '0033-Defm-rawconf_LivingRoomWAP_latest.rsc': { codes: ['unbalanced-bracket'], reason: 'a stored script has one `}` too many (line 540); it fails only when that script runs' },
  '0061-Defm-rawconf_CHR_latest.rsc': { codes: ['missing-equals'], reason: `a stored script ${SCRIPT_FORM}` },
  '0091-Defm-rawconf_capxl_latest.rsc': { codes: ['missing-equals'], reason: `a stored script ${SCRIPT_FORM}` },
  '0121-BlackVS-backuping-system_v1.4_ROS_6.rsc': { codes: ['missing-equals'], reason: `a stored script ${SCRIPT_FORM}` },
  '0122-BlackVS-backuping-system_v1.5_ROS_7.rsc': { codes: ['missing-equals'], reason: `a stored script ${SCRIPT_FORM}` },
  '0124-BlackVS-telegram_v1.rsc': { codes: ['missing-equals'], reason: `a stored script ${SCRIPT_FORM}` },
  '0126-bubnovd-script.rsc': { codes: ['syntax'], reason: 'a stored script has a raw `\\r\\n` before `body=`, so `body=` starts a command of its own when the script runs' },
  '0135-ElMoix-mikrotik-failover-config.rsc': { codes: ['syntax'], reason: 'a netwatch script puts `/log error` on the same line as the previous command without `;` (like broken/04)' },
  '0170-setanonline-pppoe.rsc': { codes: ['unbalanced-bracket'], reason: 'the scheduler on-event script has one `}` too many (line 102); it fails only when it runs' },
  '0188-gbudny93-RouterOS_Dual_WAN_Failover.rsc': { codes: ['unbalanced-bracket'], reason: 'the netwatch up-script `[find comment=WAN1 /ip firewall ...` never closes its `[`' },
  '0364-smirnovhub-global_functions_utils_tests.rsc': { codes: ['unbalanced-bracket'], reason: 'a test that stores deliberately unfinished code (`source="[:global ...`)' },
  '0182-Capobuf-routeros-setup.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0237-cheretbe-setup.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0250-Defm-doBackup.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0256-Defm-doPushStatsToInfluxDB.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0265-drpioneer-backup.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0298-KarolKozlowski-lease_script.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0299-KarolKozlowski-lease_script_test.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0304-kriszos-dhcpsync.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0353-rz3n-failover-ecmp.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0354-rz3n-failover-v1.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0355-rz3n-failover-v2.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0356-rz3n-failover-v3.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0371-vibbow-ddns.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0372-vibbow-ddnsv6-for-pc.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0373-vibbow-ddnsv6.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0374-vkushnir-checkDnsCacheAndAddToACL.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0376-vkushnir-addLeaseToDNS.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
  '0380-wifinigel-ch10-08-bad-script.rsc': { codes: ['missing-equals'], reason: SCRIPT_FORM },
};

describe('valid corpus', { skip }, () => {
  const dir = path.join(SHARED, 'valid');
  const files = present ? fs.readdirSync(dir).filter((file) => file.endsWith('.rsc')).sort() : [];

  it('has the files this test expects', () => assert.ok(files.length >= 300, `only ${files.length} files`));

  for (const file of files) {
    it(file, () => {
      const text = read(path.join(dir, file));
      const result = parseScript(text);
      const exception = VALID_EXCEPTIONS[file];
      if (!exception) {
        const lines = new LineIndex(text);
        const shown = result.problems.slice(0, 3).map((found) => `${lines.positionAt(found.span.start).line + 1}: ${found.code} ${found.message}`);
        assert.deepEqual(shown, []);
        return;
      }
      assert.ok(result.problems.length > 0, `listed as an exception but now clean, remove it: ${exception.reason}`);
      for (const found of result.problems) assert.ok(exception.codes.includes(found.code), `${found.code} ${found.message}`);
    });
  }
});

interface BrokenRow {
  file: string;
  category: string;
  routerError: string;
}

function brokenRows(): BrokenRow[] {
  const tsv = read(path.join(SHARED, 'broken', 'BROKEN.tsv')).split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = tsv[0]!.split('\t');
  const column = (name: string): number => header.indexOf(name);
  return tsv.slice(1).map((line) => {
    const cells = line.split('\t');
    return { file: cells[column('file')]!, category: cells[column('category')]!, routerError: cells[column('router_error')] ?? '' };
  });
}

/** Categories the parser alone must flag. Semantic, platform and version rows belong to the lead's rules. */
const PARSER_CATEGORIES = new Set(['syntax', 'garbage-input']);

/** Syntax rows the parser leaves to schema-aware rules, and why. */
const LEFT_TO_RULES: Record<string, string> = {
  // Telling `:system` from an abbreviated global command needs the command list: the valid corpus writes
  // `:pic`, `:type`, `:toarr` (RouterOS accepts unique prefixes), and even `:system` in eleven files.
  '10-wifinigel-colon-system-command.rsc': 'unknown global command `:system`',
};

/** Rows whose router line does not match the file's numbering, with the file's real line of the mistake. */
const ROUTER_LINE_OVERRIDES: Record<string, number | undefined> = {
  // The router counted line 3979 of the generated original; the excerpt here has it on line 2 (see BROKEN.tsv).
  '02-tarampampam-stray-quote-in-name.rsc': 2,
  // Reconstructed from the issue; BROKEN.tsv says the reported line depends on leading blank lines of the
  // original download. Every line of this HTML page is already wrong, so the first problem is on line 1.
  '09-zealic-html-instead-of-rsc.rsc': undefined,
};

describe('broken corpus', { skip }, () => {
  const rows = present ? brokenRows() : [];

  it('has the rows this test expects', () => assert.ok(rows.length >= 40, `only ${rows.length} rows`));

  for (const row of rows) {
    if (!row.file.endsWith('.rsc')) continue;
    it(`${row.file} (${row.category})`, () => {
      const text = read(path.join(SHARED, 'broken', row.file));
      const result = parseScript(text);
      const lines = new LineIndex(text);
      if (row.category === 'disputed') {
        assert.deepEqual(result.problems.map((found) => found.message), [], 'a disputed row must get no syntax problem');
        return;
      }
      if (!PARSER_CATEGORIES.has(row.category) || row.file in LEFT_TO_RULES) return;
      assert.ok(result.problems.length > 0, 'expected at least one problem');
      const match = /line (\d+) column (\d+)/.exec(row.routerError);
      const routerLine = row.file in ROUTER_LINE_OVERRIDES ? ROUTER_LINE_OVERRIDES[row.file] : match ? Number(match[1]) : undefined;
      if (routerLine === undefined) return;
      const firstLine = lines.positionAt(result.problems[0]!.span.start).line + 1;
      assert.ok(Math.abs(firstLine - routerLine) <= 1, `first problem on line ${firstLine}, router said ${routerLine}: ${result.problems[0]!.message}`);
    });
  }

  it('records the v7-only slash path of broken/08 for the version rules', () => {
    const text = read(path.join(SHARED, 'broken', '08-eworm-v7-path-syntax-on-v6.rsc'));
    const slashPaths: string[] = [];
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        const node = value as { kind?: string; slashPath?: boolean; words?: { text: string }[] };
        if (node.kind === 'command' && node.slashPath) slashPaths.push(node.words!.map((word) => word.text).join('/'));
        // `span` is left out: a node may be its own span.
        for (const [key, child] of Object.entries(value)) if (key !== 'span') visit(child);
      }
    };
    visit(parseScript(text).script);
    assert.ok(slashPaths.length > 0);
  });
});
