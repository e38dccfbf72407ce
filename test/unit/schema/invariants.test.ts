/** Invariants of the bundled schema data: names unique, types well-formed, constraints pointing at real things. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseVersion } from '../../../server/src/core/version.js';
import { bundledGlobals, bundledMenus } from '../../../server/src/schema/data/index.js';
import type { ParameterSchema, ValueType, VersionWindow } from '../../../server/src/schema/types.js';
import { PATTERN_CHECKS } from '../../../server/src/schema/values/patterns.js';

const KINDS = new Set(['bool', 'enum', 'enumList', 'integer', 'time', 'ipv4', 'ipv4Prefix', 'ipv4Match', 'ipv6', 'ipv6Prefix', 'mac', 'string', 'reference', 'script', 'pattern', 'oneOf', 'any']);
/** The validators that exist: a pattern name without one would accept any value, so it fails here. */
const PATTERNS = new Set(Object.keys(PATTERN_CHECKS));

/** Every problem of one value type, as readable lines (empty when fine). */
function typeProblems(type: ValueType, where: string): string[] {
  const out: string[] = [];
  if (!KINDS.has(type.kind)) out.push(`${where}: unknown type kind ${type.kind}`);
  if ((type.kind === 'enum' || type.kind === 'enumList') && type.values.length === 0) out.push(`${where}: empty ${type.kind}`);
  if ((type.kind === 'enum' || type.kind === 'enumList') && new Set(type.values).size !== type.values.length) out.push(`${where}: duplicate enum values`);
  if (type.kind === 'integer' && type.min !== undefined && type.max !== undefined && type.min > type.max) out.push(`${where}: min > max`);
  if (type.kind === 'time' && type.minSeconds !== undefined && type.maxSeconds !== undefined && type.minSeconds > type.maxSeconds) out.push(`${where}: min > max`);
  if (type.kind === 'string' && type.minLength !== undefined && type.maxLength !== undefined && type.minLength > type.maxLength) out.push(`${where}: minLength > maxLength`);
  if (type.kind === 'pattern' && !PATTERNS.has(type.pattern)) out.push(`${where}: pattern ${type.pattern} has no validator in schema/values/patterns.ts`);
  if (type.kind === 'oneOf') type.types.forEach((t, i) => out.push(...typeProblems(t, `${where}[${i}]`)));
  if (type.kind === 'enum' && type.valueVersions) {
    for (const [value, window] of Object.entries(type.valueVersions)) {
      if (!type.values.includes(value)) out.push(`${where}: valueVersions names unknown value ${value}`);
      out.push(...versionProblems(window, `${where} value ${value}`));
    }
  }
  return out;
}

function versionProblems(window: VersionWindow, where: string): string[] {
  const out: string[] = [];
  for (const key of ['since', 'until'] as const) {
    const text = window[key];
    if (text !== undefined && !parseVersion(text)) out.push(`${where}: ${key} "${text}" does not parse`);
  }
  const since = window.since ? parseVersion(window.since) : undefined;
  const until = window.until ? parseVersion(window.until) : undefined;
  if (since && until && (since.major * 1000 + since.minor) >= (until.major * 1000 + until.minor)) out.push(`${where}: since >= until`);
  return out;
}

function duplicates(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => (seen.has(n) ? true : (seen.add(n), false)));
}

describe('schema invariants', () => {
  test('menu paths are unique', () => {
    assert.deepEqual(duplicates(bundledMenus.map((m) => '/' + m.path.join(' '))), []);
  });

  test('parameter and command names are unique per menu and per command', () => {
    const problems: string[] = [];
    for (const menu of bundledMenus) {
      const where = '/' + menu.path.join(' ');
      for (const d of duplicates(menu.parameters.map((p) => p.name))) problems.push(`${where}: parameter ${d} twice`);
      for (const d of duplicates(menu.commands.map((c) => c.name))) problems.push(`${where}: command ${d} twice`);
      for (const c of menu.commands) for (const d of duplicates((c.parameters ?? []).map((p) => p.name))) problems.push(`${where} ${c.name}: argument ${d} twice`);
    }
    for (const g of bundledGlobals) for (const d of duplicates(g.parameters.map((p) => p.name))) problems.push(`:${g.name}: argument ${d} twice`);
    assert.deepEqual(duplicates(bundledGlobals.map((g) => g.name)), []);
    assert.deepEqual(problems, []);
  });

  test('every value type is well-formed and every version string parses', () => {
    const problems: string[] = [];
    const check = (p: ParameterSchema, where: string) => {
      problems.push(...typeProblems(p.type, `${where} ${p.name}`), ...versionProblems(p, `${where} ${p.name}`));
      if (!p.summary.trim()) problems.push(`${where} ${p.name}: empty summary`);
    };
    for (const menu of bundledMenus) {
      const where = '/' + menu.path.join(' ');
      problems.push(...versionProblems(menu, where));
      menu.parameters.forEach((p) => check(p, where));
      for (const c of menu.commands) {
        problems.push(...versionProblems(c, `${where} ${c.name}`));
        (c.parameters ?? []).forEach((p) => check(p, `${where} ${c.name}`));
      }
    }
    for (const g of bundledGlobals) {
      problems.push(...versionProblems(g, `:${g.name}`));
      g.parameters.forEach((p) => check(p, `:${g.name}`));
    }
    assert.deepEqual(problems, []);
  });

  test('requirements name real parameters and real values of the same menu', () => {
    const problems: string[] = [];
    let count = 0;
    for (const menu of bundledMenus) {
      const where = '/' + menu.path.join(' ');
      const byName = new Map(menu.parameters.map((p) => [p.name, p]));
      const checkRequirement = (owner: string, r: { parameter: string; values: readonly string[]; match?: string }) => {
        count++;
        const target = byName.get(r.parameter);
        if (!target) return problems.push(`${where} ${owner}: requires unknown parameter ${r.parameter}`);
        const known = allowedWords(target.type);
        for (const value of r.values) if (known && !known.has(value)) problems.push(`${where} ${owner}: requires ${r.parameter}=${value}, not an allowed value`);
      };
      for (const p of menu.parameters) {
        for (const r of p.requires ?? []) checkRequirement(p.name, r);
        for (const vr of p.valueRequires ?? []) {
          const own = allowedWords(p.type);
          for (const v of vr.values) if (own && !own.has(v)) problems.push(`${where} ${p.name}: valueRequires on unknown value ${v}`);
          for (const r of vr.requires) checkRequirement(`${p.name}=${vr.values.join('|')}`, r);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(count >= 20, `expected the mangle constraints to be present, found ${count}`);
  });

  test('required, defines and builtin names refer to parameters of their menu', () => {
    const problems: string[] = [];
    for (const menu of bundledMenus) {
      const where = '/' + menu.path.join(' ');
      const names = new Set(menu.parameters.map((p) => p.name));
      for (const d of [menu.defines, ...(menu.extraDefines ?? [])]) if (d && !names.has(d.by)) problems.push(`${where}: defines by unknown ${d.by}`);
      for (const p of menu.parameters) if (p.required && p.readOnly) problems.push(`${where} ${p.name}: required and read-only`);
    }
    assert.deepEqual(problems, []);
  });

  test('in-depth coverage: the focus menus are full, with their required parameters', () => {
    const full = bundledMenus.filter((m) => m.coverage === 'full').map((m) => '/' + m.path.join(' ')).sort();
    assert.deepEqual(full, ['/interface pppoe-client', '/interface pppoe-server', '/interface pppoe-server server', '/ip firewall mangle', '/ppp aaa', '/ppp active', '/ppp profile', '/ppp secret']);
    const required = (path: string) => bundledMenus.find((m) => '/' + m.path.join(' ') === path)?.parameters.filter((p) => p.required).map((p) => p.name).sort();
    assert.deepEqual(required('/interface pppoe-client'), ['interface']);
    assert.deepEqual(required('/ip firewall mangle'), ['chain']);
    assert.deepEqual(required('/ppp secret'), ['name']);
    assert.deepEqual(required('/ppp profile'), ['name']);
    assert.deepEqual(required('/interface pppoe-server server'), ['interface']);
  });

  test('mangle has the 76 add/set arguments of RouterOS 7.22+', () => {
    const mangle = bundledMenus.find((m) => m.path.join(' ') === 'ip firewall mangle');
    assert.ok(mangle);
    assert.equal(mangle.parameters.filter((p) => !p.readOnly).length, 76);
  });
});

/** The words a type accepts as a whole value, when it is a closed set (enum, bool, keywords); else undefined. */
function allowedWords(type: ValueType): Set<string> | undefined {
  switch (type.kind) {
    case 'bool':
      return new Set(['yes', 'no']);
    case 'enum':
    case 'enumList':
      return new Set(type.values);
    case 'reference':
      return undefined;
    case 'oneOf': {
      const sets = type.types.map(allowedWords);
      if (sets.some((s) => s === undefined)) return undefined;
      return new Set(sets.flatMap((s) => [...(s ?? [])]));
    }
    default:
      return undefined;
  }
}
