/** Loading command trees in restraml format: clear errors for bad files, menus and names from real files. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { commandTreeFromJson, loadCommandTree, typeFromDescription, versionFromPath } from '../../../server/src/schema/commandTree.js';
import { createSchemaService } from '../../../server/src/schema/service.js';
import { checkValue } from '../../../server/src/schema/values/values.js';
import { restramlFile } from './helpers.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rsc-tree-'));
function writeScratch(name: string, text: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('bad command tree files give a message, never an exception', () => {
  const cases: [string, () => string, RegExp][] = [
    ['missing file', () => path.join(scratch, 'nope.json'), /^Command tree file not found: .*nope\.json$/],
    ['a directory', () => scratch, /is a directory/],
    ['not JSON', () => writeScratch('bad.json', '{"ip": '), /is not valid JSON/],
    ['JSON array', () => writeScratch('array.json', '[1, 2]'), /expected a JSON object at the top level/],
    ['wrong shape', () => writeScratch('shape.json', '{"name": "x", "items": {"a": 1}}'), /no top-level entries with "_type"/],
    ['empty file', () => writeScratch('empty.json', ''), /is not valid JSON/],
  ];
  for (const [label, file, message] of cases) {
    test(label, () => {
      const result = loadCommandTree(file());
      assert.equal(result.tree, undefined);
      assert.match(result.error ?? '', message);
    });
  }
});

describe('conversion', () => {
  test('dirs with commands become names-level menus; args get rough types', () => {
    const { tree, error } = commandTreeFromJson({
      _meta: { version: '7.99' },
      ip: {
        _type: 'path',
        dns: { _type: 'dir', set: { _type: 'cmd', servers: { _type: 'arg' }, 'cache-size': { _type: 'arg', desc: '64..4294967295' } }, print: { _type: 'cmd' } },
        thing: {
          _type: 'dir',
          add: {
            _type: 'cmd',
            'copy-from': { _type: 'arg' },
            mode: { _type: 'arg', _completion: { fast: { style: 'none' }, slow: { style: 'none' }, ',': { style: 'syntax-meta' } } },
            on: { _type: 'arg', _completion: { yes: { style: 'arg' }, no: { style: 'arg' } } },
            script: { _type: 'arg', desc: 'script' },
          },
          set: { _type: 'cmd', numbers: { _type: 'arg' }, mode: { _type: 'arg' } },
        },
      },
      put: { _type: 'cmd', message: { _type: 'arg' } },
    });
    assert.equal(error, undefined);
    assert.ok(tree);
    assert.equal(tree.version, '7.99');
    assert.deepEqual(tree.rootCommands, ['put']);
    assert.deepEqual(tree.menus.map((m) => m.path.join(' ')).sort(), ['', 'ip dns', 'ip thing'], 'the root holds `put`');
    const dns = tree.menus.find((m) => m.path.join(' ') === 'ip dns')!;
    assert.equal(dns.singleton, true);
    assert.deepEqual(dns.parameters.find((p) => p.name === 'cache-size')?.type, { kind: 'integer', min: 64, max: 4294967295, openKeywords: true });
    const thing = tree.menus.find((m) => m.path.join(' ') === 'ip thing')!;
    assert.deepEqual(thing.parameters.map((p) => p.name), ['copy-from', 'mode', 'on', 'script']);
    assert.deepEqual(thing.parameters.find((p) => p.name === 'copy-from')?.onlyFor, ['add']);
    assert.deepEqual(thing.parameters.find((p) => p.name === 'mode')?.type, { kind: 'oneOf', types: [{ kind: 'enum', values: ['fast', 'slow'] }, { kind: 'any' }] });
    assert.deepEqual(thing.parameters.find((p) => p.name === 'on')?.type, { kind: 'bool' });
    assert.deepEqual(thing.parameters.find((p) => p.name === 'script')?.type, { kind: 'script' });
  });

  test('description hints map to value types', () => {
    const cases: [string, unknown][] = [
      ['string value', { kind: 'string', minLength: undefined, maxLength: undefined }],
      ['string value, max length 31', { kind: 'string', minLength: undefined, maxLength: 31 }],
      ['time interval', { kind: 'time', openKeywords: true }],
      ['00:00:00.200..    (time interval)', { kind: 'time', openKeywords: true }],
      ['A.B.C.D    (IP address)', { kind: 'ipv4', openKeywords: true }],
      ['A.B.C.D/M    (IP prefix)', { kind: 'ipv4Prefix', openKeywords: true }],
      ['IPv6/0..128    (IPv6 prefix)', { kind: 'ipv6Prefix', openKeywords: true }],
      ['AB[:|-|.]CD[:|-|.]EF[:|-|.]GH[:|-|.]IJ[:|-|.]KL    (MAC address)', { kind: 'mac', openKeywords: true }],
      ['pap|chap|mschap1|mschap2[,Allow*]', { kind: 'enumList', values: ['pap', 'chap', 'mschap1', 'mschap2'] }],
      ['0..255', { kind: 'integer', min: 0, max: 255, openKeywords: true }],
      ['see documentation', undefined],
    ];
    for (const [desc, expected] of cases) assert.deepEqual(typeFromDescription(desc), expected, desc);
  });

  test('a hint names only the numeric form, so words and time ranges pass and malformed values do not', () => {
    const time = typeFromDescription('0s..1d    (time interval)')!;
    assert.equal(checkValue('never', time, 'store-leases-disk'), undefined, '/ip dhcp-server config set store-leases-disk=never');
    assert.equal(checkValue('0s-1d', time, 'mon'), undefined, '/ip kid-control add mon=0s-1d');
    assert.equal(checkValue('1h30m', time, 'mon'), undefined);
    assert.match(checkValue('5x', time, 'mon') ?? '', /is not a time/);
    assert.match(checkValue('0s-5x', time, 'mon') ?? '', /is not a time/);
    assert.equal(checkValue('1h..2h', time, 'reselect-interval'), undefined, '/interface wifi set wifi2 channel.reselect-interval=1h..2h');
    assert.match(checkValue('1h..2x', time, 'reselect-interval') ?? '', /is not a time/);
    const integer = typeFromDescription('0..255')!;
    assert.equal(checkValue('auto', integer, 'ttl'), undefined);
    assert.match(checkValue('300', integer, 'ttl') ?? '', /out of range/);
    assert.match(checkValue('1.5', integer, 'ttl') ?? '', /not a number/);
    const address = typeFromDescription('A.B.C.D    (IP address)')!;
    assert.equal(checkValue('chr-10.255.255.1', address, 'router-id'), undefined, 'the name of a /routing id entry');
    assert.match(checkValue('10.0.0.300', address, 'router-id') ?? '', /not an IPv4 address/);
  });
});

describe('the version of a tree', () => {
  test('comes from _meta, else from a version-named folder or file name', () => {
    const json = { ip: { _type: 'dir', address: { _type: 'dir', print: { _type: 'cmd' } } } };
    const inFolder = path.join(scratch, '7.18.2');
    fs.mkdirSync(inFolder, { recursive: true });
    const plain = path.join(inFolder, 'inspect.json');
    fs.writeFileSync(plain, JSON.stringify(json));
    assert.equal(loadCommandTree(plain).tree?.version, '7.18.2');
    assert.equal(loadCommandTree(writeScratch('routeros-7.20.json', JSON.stringify(json))).tree?.version, '7.20');
    assert.equal(loadCommandTree(writeScratch('meta.json', JSON.stringify({ ...json, _meta: { version: '7.99' } }))).tree?.version, '7.99');
    assert.equal(loadCommandTree(writeScratch('tree.json', JSON.stringify(json))).tree?.version, undefined, 'no folder names a version');
  });

  test('versionFromPath ignores numbers that are no RouterOS release', () => {
    assert.equal(versionFromPath('/home/me/trees/7.22.3/deep-inspect.json'), '7.22.3');
    assert.equal(versionFromPath('C:\\trees\\6.49.7\\inspect.json'), '6.49.7');
    assert.equal(versionFromPath('/srv/10.0.0.1/inspect.json'), undefined);
    assert.equal(versionFromPath('/tmp/inspect.json'), undefined);
  });
});

describe('real restraml trees (when ../shared/restraml is present)', () => {
  for (const [version, name] of [['7.22.3', 'inspect.json'], ['7.22.3', 'deep-inspect.json'], ['7.24', 'inspect.json'], ['7.9.2', 'inspect.json']]) {
    const file = restramlFile(version, name);
    test(`${version}/${name} loads into menus with names`, { skip: file ? false : 'restraml data not present' }, (t) => {
      const started = performance.now();
      const { tree, error } = loadCommandTree(file!);
      const elapsed = performance.now() - started;
      assert.equal(error, undefined);
      assert.ok(tree);
      assert.ok(tree.menus.length > 300, `only ${tree.menus.length} menus`);
      const schema = createSchemaService({ commandTree: tree });
      assert.ok(schema.getParameter(['interface', 'wireguard'], 'set', 'listen-port'), '/interface wireguard listen-port');
      assert.equal(schema.getMenu(['interface', 'wireguard'])?.coverage, 'names');
      assert.ok(schema.getCommand(['interface', 'pppoe-client'], 'scan'));
      assert.equal(schema.getMenu(['interface', 'pppoe-client'])?.coverage, 'full', 'the bundled full menu wins');
      assert.ok(schema.isMenuOrDirectory(['ip', 'firewall']));
      assert.ok(tree.rootCommands.includes('local'));
      const vlanRange = schema.findParameterElsewhere('pppoe-over-vlan-range').map((l) => l.menuPath.join(' '));
      assert.equal(vlanRange[0], 'interface pppoe-server server');
      t.diagnostic(`${version}/${name}: ${tree.menus.length} menus loaded in ${Math.round(elapsed)} ms`);
    });
  }
});
