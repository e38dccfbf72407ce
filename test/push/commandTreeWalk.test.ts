// "Load Command Tree from Router" against a router whose /console/inspect answers come from RouterOS 7.24's own
// command tree (../shared/restraml, test input only): the walk must rebuild every menu and command, and the
// file it writes must let the linter accept what that router accepts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { lintText } from '../../server/src/lint.js';
import { makeTreeMeta, readCommandTree, treeFileJson } from '../../server/src/push/commandTree.js';
import { createLanguageServices } from '../../server/src/services.js';
import { restramlFile } from '../unit/schema/helpers.js';

type RawNode = { _type?: string } & Record<string, unknown>;

const treeFile = restramlFile('7.24');
const skip = !treeFile && 'no 7.24 command tree in ../shared/restraml';

function childrenOf(node: RawNode): Array<[string, RawNode]> {
  return Object.entries(node).filter((entry): entry is [string, RawNode] => !entry[0].startsWith('_') && typeof entry[1] === 'object' && entry[1] !== null);
}

/** Answers `request=child` the way RouterOS does, from a restraml tree. */
function inspectFrom(root: RawNode) {
  return {
    inspect: async (body: Record<string, string>) => {
      assert.equal(body.request, 'child');
      let node: RawNode | undefined = root;
      for (const segment of body.path === '' ? [] : body.path.split(',')) node = node?.[segment] as RawNode | undefined;
      return childrenOf(node ?? {}).map(([name, child]) => ({ type: 'child', name, 'node-type': child._type ?? 'dir' }));
    },
  };
}

/** Every menu and command path of a tree, e.g. `routing rule add`. */
function menusAndCommands(node: RawNode, prefix: string[] = [], into: string[] = []): string[] {
  for (const [name, child] of childrenOf(node)) {
    if (child._type === 'arg') continue;
    const menuPath = [...prefix, name];
    into.push(menuPath.join(' '));
    menusAndCommands(child, menuPath, into);
  }
  return into;
}

test('the walk of RouterOS 7.24\'s tree keeps every menu and command, and the linter accepts /routing rule with it', { skip }, async () => {
  const original = JSON.parse(fs.readFileSync(treeFile as string, 'utf8')) as RawNode;
  const walked = await readCommandTree(inspectFrom(original), { concurrency: 8 });
  assert.equal(walked.truncated, false, 'the whole tree fits the walk\'s bounds');
  const expected = menusAndCommands(original);
  const got = new Set(menusAndCommands(walked.tree as unknown as RawNode));
  assert.deepEqual(expected.filter((menuPath) => !got.has(menuPath)), [], 'menus or commands the walk left out');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsc-walked-tree-'));
  try {
    const file = path.join(dir, 'inspect-7.24.json');
    fs.writeFileSync(file, treeFileJson(walked.tree, makeTreeMeta('7.24', [{ name: 'routeros', version: '7.24' }], walked, false)));
    const services = createLanguageServices({ commandTreeFile: file });
    const script = [
      '/routing rule add action=lookup table=main src-address=10.0.0.0/8',
      '/routing filter rule add chain=bgp-in rule="accept"',
      '/routing rule add action=lookup tabel=main',
    ].join('\n');
    const errors = lintText(script, { rosVersion: '7.24', services })
      .filter((finding) => finding.severity === 'error')
      .map((finding) => `${finding.range.start.line + 1} ${finding.code}`);
    assert.deepEqual(errors, ['3 unknown-parameter'], 'known menus are accepted, a misspelt parameter in them is not');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
