/**
 * Cross-check of the bundled schema against RouterOS's own command trees (tikoci/restraml crawls in
 * ../shared/restraml; test input only, nothing from them is copied into the schema). Skipped when absent.
 *
 * Documented exceptions:
 * - read-only properties (status values, counters, flags) are not arguments of add/set, so they are not looked
 *   up among the tree's arguments;
 * - items with `until` (v6-only: `/ppp profile use-vj-compression`) must NOT be in a v7 tree;
 * - items with `since` newer than the tree's version must be absent from it (export `path` is 7.23);
 * - `/system routerboard` exists only on RouterBOARD hardware, and the crawl ran on an x86 CHR;
 * - `:log` is a directory in the tree, so its `message` argument sits on the sub-commands (`info`, ...);
 * - `find` takes every property as a filter, although the tree lists only `where` for it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { compareVersions, inVersionWindow, parseVersion } from '../../../server/src/core/version.js';
import { bundledGlobals, bundledMenus } from '../../../server/src/schema/data/index.js';
import { createSchemaService } from '../../../server/src/schema/service.js';
import type { MenuSchema, ParameterSchema, VersionWindow } from '../../../server/src/schema/types.js';
import { restramlFile, treeNode } from './helpers.js';

const HARDWARE_ONLY_MENUS = new Set(['system routerboard']);

type Tree = Record<string, unknown>;
const trees = new Map<string, Tree | undefined>();
function tree(version: string): Tree | undefined {
  if (!trees.has(version)) {
    const file = restramlFile(version);
    trees.set(version, file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Tree) : undefined);
  }
  return trees.get(version);
}

const argNames = (node: Record<string, unknown> | undefined) => new Set(Object.keys(node ?? {}).filter((k) => !k.startsWith('_')));
const exists = (version: string, window: VersionWindow) => inVersionWindow(parseVersion(version)!, window);

/** Names of a bundled menu that disagree with a tree of `version`, as readable lines. */
function menuDifferences(menu: MenuSchema, version: string, raw: Tree): string[] {
  const where = '/' + menu.path.join(' ');
  const node = treeNode(raw, menu.path);
  if (!node) return HARDWARE_ONLY_MENUS.has(menu.path.join(' ')) ? [] : [`${where}: menu not in ${version}`];
  const problems: string[] = [];
  const treeArgs = new Set([...argNames(treeNode(node, ['add'])), ...argNames(treeNode(node, ['set']))]);
  for (const p of menu.parameters) {
    if (p.readOnly) continue;
    const expected = exists(version, p);
    if (expected !== treeArgs.has(p.name)) problems.push(`${where} ${p.name}: ${expected ? 'missing from' : 'unexpectedly in'} ${version}`);
  }
  for (const c of menu.commands) {
    const cmd = treeNode(node, [c.name]);
    if (exists(version, c) !== (cmd?._type === 'cmd')) problems.push(`${where} command ${c.name}: ${cmd ? 'unexpectedly in' : 'missing from'} ${version}`);
    if (!cmd) continue;
    const args = argNames(cmd);
    for (const p of c.parameters ?? []) if (exists(version, p) && !args.has(p.name)) problems.push(`${where} ${c.name} ${p.name}: missing from ${version}`);
  }
  return problems;
}

const schema = createSchemaService();

/**
 * Arguments of every command of a full menu against the tree of `version`, both ways: each argument the tree
 * lists is one the schema accepts there, and each argument the schema accepts in that version is in the tree.
 * Exceptions: read-only properties (never arguments of add/set) and the filters of `find`, which takes every
 * property although the tree lists only `where`.
 */
function argumentDifferences(menu: MenuSchema, version: string, raw: Tree, onlyVersioned = false): string[] {
  const node = treeNode(raw, menu.path);
  if (!node) return [];
  const problems: string[] = [];
  const target = parseVersion(version)!;
  for (const c of menu.commands) {
    const cmd = treeNode(node, [c.name]);
    if (cmd?._type !== 'cmd' || !inVersionWindow(target, c)) continue;
    const where = `/${menu.path.join(' ')} ${c.name}`;
    const inTree = argNames(cmd);
    const accepted = schema.getParameters(menu.path, c.name).filter((p) => !p.readOnly && !(c.name === 'find' && menu.parameters.includes(p)));
    const versioned = (p: ParameterSchema) => p.since !== undefined || p.until !== undefined;
    for (const p of accepted) {
      if (onlyVersioned && !versioned(p)) continue;
      const expected = inVersionWindow(target, p);
      if (expected !== inTree.has(p.name)) problems.push(`${where} ${p.name}: ${expected ? 'missing from' : 'unexpectedly in'} ${version}`);
    }
    if (onlyVersioned) continue;
    const known = new Set(schema.getParameters(menu.path, c.name).map((p) => p.name));
    for (const name of inTree) if (!known.has(name)) problems.push(`${where} ${name}: in ${version} but not in the schema`);
  }
  return problems;
}

describe('bundled schema against restraml 7.22.3', { skip: tree('7.22.3') ? false : 'restraml data not present' }, () => {
  const raw = () => tree('7.22.3')!;

  test('every command of the in-depth menus takes exactly the arguments the tree lists', () => {
    const problems = bundledMenus.filter((m) => m.coverage === 'full').flatMap((m) => argumentDifferences(m, '7.22.3', raw()));
    assert.deepEqual(problems, []);
  });

  test('every parameter and command of the in-depth menus exists (and nothing else does)', () => {
    const problems: string[] = [];
    for (const menu of bundledMenus.filter((m) => m.coverage === 'full')) {
      problems.push(...menuDifferences(menu, '7.22.3', raw()));
      // Completeness: 'full' means every argument the router accepts on add/set is known here.
      const node = treeNode(raw(), menu.path);
      const known = new Set(menu.parameters.map((p) => p.name));
      for (const name of [...argNames(treeNode(node, ['add'])), ...argNames(treeNode(node, ['set']))]) {
        if (name !== 'numbers' && !known.has(name)) problems.push(`/${menu.path.join(' ')} ${name}: in 7.22.3 but not in the schema`);
      }
      const commands = Object.entries(node ?? {}).filter(([, v]) => (v as { _type?: string })?._type === 'cmd').map(([k]) => k);
      for (const name of commands) if (!menu.commands.some((c) => c.name === name)) problems.push(`/${menu.path.join(' ')} command ${name}: in 7.22.3 but not in the schema`);
    }
    assert.deepEqual(problems, []);
  });

  test('names-level menus use names that exist', () => {
    const problems = bundledMenus.filter((m) => m.coverage === 'names').flatMap((m) => menuDifferences(m, '7.22.3', raw()));
    assert.deepEqual(problems, []);
  });

  test('global commands and their arguments exist', () => {
    const problems: string[] = [];
    for (const g of bundledGlobals) {
      const node = treeNode(raw(), [g.name]);
      if (!exists('7.22.3', g)) {
        if (node) problems.push(`:${g.name} unexpectedly in 7.22.3`);
        continue;
      }
      if (!node) {
        problems.push(`:${g.name} missing`);
        continue;
      }
      const args = argNames(node);
      for (const p of g.parameters) {
        if (g.name === 'log' && p.name === 'message') continue;
        if (exists('7.22.3', p) && !args.has(p.name)) problems.push(`:${g.name} ${p.name} missing`);
      }
      for (const sub of g.subcommands ?? []) if (!args.has(sub)) problems.push(`:${g.name} ${sub} missing`);
    }
    assert.deepEqual(problems, []);
  });
});

describe('version facts against older and newer trees', () => {
  test('items added after 7.9 are absent from 7.9.2; 7.24 has everything of 7.22 and tos', { skip: tree('7.9.2') && tree('7.24') ? false : 'restraml data not present' }, () => {
    const problems: string[] = [];
    for (const menu of bundledMenus.filter((m) => m.coverage === 'full')) {
      for (const version of ['7.9.2', '7.24']) {
        const node = treeNode(tree(version)!, menu.path);
        const args = new Set([...argNames(treeNode(node, ['add'])), ...argNames(treeNode(node, ['set']))]);
        for (const p of menu.parameters) {
          if (p.readOnly || !p.since) continue;
          const expected = compareVersions(parseVersion(version)!, parseVersion(p.since)!) >= 0;
          if (expected !== args.has(p.name)) problems.push(`/${menu.path.join(' ')} ${p.name} (since ${p.since}): ${expected ? 'missing from' : 'present in'} ${version}`);
        }
      }
    }
    for (const menu of bundledMenus.filter((m) => m.coverage === 'full')) {
      for (const version of ['7.9.2', '7.24']) problems.push(...argumentDifferences(menu, version, tree(version)!, true));
    }
    assert.deepEqual(problems, []);
    assert.equal(treeNode(tree('7.9.2')!, ['onerror']), undefined, ':onerror is 7.13+');
    assert.equal(treeNode(tree('7.24')!, ['ping'])?._type, undefined, ':ping left the root in 7.23');
  });
});
