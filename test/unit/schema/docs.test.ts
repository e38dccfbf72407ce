/**
 * The hover documentation: the page convention, the generated JSON, and completeness (a focus parameter,
 * command or global command without a section fails here).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { bundledGlobals, bundledMenus } from '../../../server/src/schema/data/index.js';
import { buildDocsBundle, parseReferencePage } from '../../../server/src/schema/docsFormat.js';
import { createSchemaService } from '../../../server/src/schema/service.js';
import { referenceDocs, repoRoot } from './helpers.js';

describe('reference page convention', () => {
  test('a page section becomes a DocEntry', () => {
    const page = [
      '---',
      'menu: /interface/pppoe-client',
      'manual: https://example.invalid/pppoe',
      '---',
      '# PPPoE client',
      'Menu text.',
      '## parameter: max-mtu',
      'Largest unit.',
      '- Default: `auto`',
      'Example: `/interface pppoe-client set pppoe-out1 max-mtu=1492`',
      '## command: scan',
      'Find servers.',
      'Manual: https://example.invalid/scan',
    ].join('\n');
    const parsed = parseReferencePage(page, 'test.md');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.page, { kind: 'menu', menu: '/interface pppoe-client' });
    const odd = parseReferencePage('---\nmenu: /x\n---\n## parameter: __proto__\ntext', 'odd.md');
    assert.equal(odd.parameters['__proto__']?.markdown, 'text', 'odd names are plain keys');
    assert.deepEqual(parsed.menu, { markdown: 'Menu text.', example: undefined, manualUrl: 'https://example.invalid/pppoe' });
    assert.deepEqual(parsed.parameters['max-mtu'], {
      markdown: 'Largest unit.\n- Default: `auto`',
      example: '/interface pppoe-client set pppoe-out1 max-mtu=1492',
      manualUrl: 'https://example.invalid/pppoe',
    });
    assert.equal(parsed.commands.scan.manualUrl, 'https://example.invalid/scan');
    const { bundle } = buildDocsBundle([parsed]);
    const service = createSchemaService({ docs: bundle });
    assert.equal(service.getDocs(['interface', 'pppoe-client'], { parameter: 'max-mtu' })?.markdown, 'Largest unit.\n- Default: `auto`');
    assert.equal(service.getDocs(['interface', 'pppoe-client'])?.markdown, 'Menu text.');
    assert.equal(service.getDocs(['interface', 'pppoe-client'], { parameter: 'user' }), undefined);
  });

  test('broken pages are reported, not crashed on', () => {
    const noFront = parseReferencePage('# x\n## parameter: a\ntext', 'a.md');
    assert.match(noFront.problems.join('\n'), /missing front matter/);
    const bad = parseReferencePage('---\nmenu: /ppp secret\n---\n## param name\ntext\n## parameter: b\n## parameter: c\nx\n## parameter: c\ny', 'b.md');
    assert.deepEqual(bad.problems, [
      'b.md:4: heading must be "## parameter: name", "## command: name" or "## :name"',
      'b.md: parameter b has an empty section',
      'b.md: parameter c is documented twice',
    ]);
  });
});

describe('reference pages of this project', () => {
  const { bundle, problems } = referenceDocs();
  const service = createSchemaService({ docs: bundle });

  test('pages follow the convention', () => {
    assert.deepEqual(problems, []);
  });

  test('every parameter and command of every full menu has documentation', () => {
    const missing: string[] = [];
    for (const menu of bundledMenus.filter((m) => m.coverage === 'full')) {
      const where = '/' + menu.path.join(' ');
      if (!service.getDocs(menu.path)?.markdown) missing.push(`${where} (menu)`);
      for (const p of menu.parameters) if (!service.getDocs(menu.path, { parameter: p.name })?.markdown) missing.push(`${where} ${p.name}`);
      for (const c of menu.commands) if (!service.getDocs(menu.path, { command: c.name })?.markdown) missing.push(`${where} command ${c.name}`);
    }
    assert.deepEqual(missing, []);
  });

  test('every global command has documentation', () => {
    const missing = bundledGlobals.filter((g) => !service.getGlobalDocs(g.name)?.markdown).map((g) => g.name);
    assert.deepEqual(missing, []);
    assert.ok(service.getGlobalDocs(':onerror')?.markdown.includes('7.13'));
  });

  test('no page documents something the schema does not have', () => {
    const stray: string[] = [];
    for (const [key, page] of Object.entries(bundle.menus)) {
      const menu = service.getMenu(key.slice(1).split(' '));
      if (!menu) {
        stray.push(`${key}: no such menu`);
        continue;
      }
      for (const name of Object.keys(page.parameters)) if (!menu.parameters.some((p) => p.name === name)) stray.push(`${key} ${name}`);
      for (const name of Object.keys(page.commands)) if (!menu.commands.some((c) => c.name === name)) stray.push(`${key} command ${name}`);
    }
    for (const name of Object.keys(bundle.globals)) if (!service.getGlobalCommand(name)) stray.push(`:${name}`);
    assert.deepEqual(stray, []);
  });

  test('examples of menu pages only use names the schema knows', () => {
    const problems: string[] = [];
    for (const [key, page] of Object.entries(bundle.menus)) {
      const path = key.slice(1).split(' ');
      const entries = [page.menu, ...Object.values(page.parameters), ...Object.values(page.commands)];
      for (const example of entries.map((e) => e?.example).filter((e): e is string => !!e)) {
        if (!example.startsWith(key + ' ')) continue;
        const words = splitWords(example.slice(key.length + 1));
        const command = words[0];
        if (!service.getCommand(path, command)) {
          problems.push(`${example}: no command ${command}`);
          continue;
        }
        for (const word of words.slice(1)) {
          if (word === 'where') break; // the rest is an expression over property names
          // Item selectors (`[find ...]`) and values are not names; only `name=value` words are checked.
          const name = word.includes('=') && /^[a-z]/.test(word) ? word.slice(0, word.indexOf('=')) : undefined;
          if (name && !service.getParameter(path, command, name)) problems.push(`${example}: ${command} has no ${name}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  test('focus entries carry meaning, type, default, versions, example and manual link', () => {
    const entry = service.getDocs(['interface', 'pppoe-server', 'server'], { parameter: 'pppoe-over-vlan-range' });
    assert.ok(entry);
    assert.match(entry.markdown, /VLAN/);
    assert.match(entry.markdown, /- Type:/);
    assert.match(entry.markdown, /- Default:/);
    assert.match(entry.markdown, /7\.17/);
    assert.equal(entry.example, '/interface pppoe-server server set 0 pppoe-over-vlan-range=100-115,120');
    assert.equal(entry.manualUrl, 'https://help.mikrotik.com/docs/display/ROS/PPPoE');
    assert.ok(service.getDocs(['ip', 'firewall', 'mangle'], { command: 'add' })?.markdown, 'common commands fall back to the common page');
  });
});

/** Splits an example line on spaces outside quotes, braces and brackets (enough for the documentation examples). */
function splitWords(text: string): string[] {
  const words: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '{' || ch === '[')) depth++;
    else if (!quoted && (ch === '}' || ch === ']')) depth--;
    if (ch === ' ' && !quoted && depth === 0) {
      if (current) words.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) words.push(current);
  return words;
}

describe('scripts/build-docs.ts', () => {
  test('writes the bundle the service imports', () => {
    execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'build-docs.ts')], { cwd: repoRoot, stdio: 'pipe' });
    const generated = JSON.parse(fs.readFileSync(path.join(repoRoot, 'server', 'src', 'generated', 'docs.json'), 'utf8'));
    assert.deepEqual(generated, JSON.parse(JSON.stringify(referenceDocs().bundle)));
  });

  test('the default service serves the generated docs (fresh process, after generation)', () => {
    const probe = [
      "const { createSchemaService } = require('./server/src/schema/service.ts');",
      "const entry = createSchemaService().getDocs(['ip', 'firewall', 'mangle'], { parameter: 'new-mss' });",
      'process.stdout.write(JSON.stringify(entry));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', probe], { cwd: repoRoot, encoding: 'utf8' });
    const entry = JSON.parse(out) as { markdown: string; example?: string };
    assert.match(entry.markdown, /clamp-to-pmtu/);
    assert.ok(entry.example?.startsWith('/ip firewall mangle'));
  });
});
