// Every snippet in snippets/routeros.json is well formed and, expanded with its defaults, is a RouterOS v7 script
// the project's linter accepts without a single error.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lintText } from '../../../server/src/lint.js';
import { expandSnippet, tabStopIndexes } from './expand.js';

// Test files compile to CommonJS (see tsconfig), so the location comes from __dirname, not import.meta.
const SNIPPETS_FILE = path.resolve(__dirname, '../../../snippets/routeros.json');

interface Snippet {
  readonly prefix: string | readonly string[];
  readonly body: string | readonly string[];
  readonly description: string;
}

function loadSnippets(): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(SNIPPETS_FILE, 'utf8'));
  assert.ok(parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed), 'snippets file must hold an object');
  return parsed as Record<string, unknown>;
}

function isStringOrStrings(value: unknown): value is string | readonly string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

function asSnippet(name: string, value: unknown): Snippet {
  assert.ok(value !== null && typeof value === 'object', `${name}: snippet must be an object`);
  const record = value as Record<string, unknown>;
  assert.ok(isStringOrStrings(record.prefix), `${name}: prefix must be a string or a list of strings`);
  assert.ok(isStringOrStrings(record.body), `${name}: body must be a string or a list of strings`);
  assert.ok(typeof record.description === 'string' && record.description.length > 0, `${name}: description missing`);
  return record as unknown as Snippet;
}

/** Readable findings, one per line: `3:5-3:12 error unknown-parameter message`. */
function describeFindings(findings: ReturnType<typeof lintText>): string {
  return findings
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.severity} ${f.code} ${f.message}`)
    .join('\n');
}

const snippets = loadSnippets();
const names = Object.keys(snippets);

describe('snippets/routeros.json', () => {
  it('holds the PPPoE recipes the extension promises', () => {
    const prefixes = names.flatMap((name) => {
      const prefix = asSnippet(name, snippets[name]).prefix;
      return typeof prefix === 'string' ? [prefix] : [...prefix];
    });
    for (const expected of ['pppoe-failover', 'pppoe-client', 'pppoe-client-vlan', 'pppoe-server', 'pcc-load-balance', 'pppoe-dual-stack']) {
      assert.ok(prefixes.includes(expected), `missing snippet prefix ${expected}`);
    }
    assert.equal(new Set(prefixes).size, prefixes.length, 'snippet prefixes must be unique');
  });

  for (const name of names) {
    describe(name, () => {
      it('has prefix, body, description and at least one tab stop besides $0', () => {
        const snippet = asSnippet(name, snippets[name]);
        const stops = tabStopIndexes(snippet.body).filter((index) => index !== 0);
        assert.ok(stops.length > 0, `${name}: no tab stop`);
      });

      it('expands with its defaults to a script with no lint errors (RouterOS 7.24)', () => {
        const script = expandSnippet(asSnippet(name, snippets[name]).body);
        assert.ok(!script.includes('${'), `${name}: unexpanded placeholder left in:\n${script}`);
        const errors = lintText(script, { rosVersion: '7.24' }).filter((finding) => finding.severity === 'error');
        assert.equal(describeFindings(errors), '', `${name} expanded to:\n${script}`);
      });
    });
  }
});
