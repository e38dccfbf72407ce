/** `rsc lint --format sarif`: a log that SARIF 2.1.0 and GitHub code scanning accept, with correct file URIs. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { repositoryWebUrl } from '../../../server/src/cli/repositoryUrl.js';
import { BAD, run, workspace } from './helpers.js';

type Json = Record<string, unknown>;

function absoluteUri(value: unknown, what: string): URL {
  assert.equal(typeof value, 'string', `${what} is a string`);
  assert.doesNotThrow(() => new URL(value as string), `${what} is an absolute URI: ${String(value)}`);
  return new URL(value as string);
}

/**
 * The parts of SARIF 2.1.0 that are required by the schema or read by GitHub code scanning: version and runs;
 * tool.driver.name; each rule's id (unique) and shortDescription; each result's ruleId, level, message.text and a
 * physical location with an artifact URI and a 1-based region; uriBaseId naming an originalUriBaseIds entry whose
 * URI is absolute and ends with `/`; relative artifact URIs that are valid, percent-encoded URI references.
 */
function assertValidSarif(log: Json): void {
  assert.equal(log.version, '2.1.0');
  assert.equal(typeof log.$schema, 'string');
  assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
  const run0 = log.runs[0] as Json;
  const driver = (run0.tool as Json).driver as Json;
  assert.equal(typeof driver.name, 'string');
  if (driver.informationUri !== undefined) assert.match(absoluteUri(driver.informationUri, 'informationUri').protocol, /^https?:$/);
  const rules = driver.rules as Json[];
  assert.ok(Array.isArray(rules) && rules.length > 0);
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
  for (const rule of rules) {
    assert.match(String(rule.id), /^[a-z0-9-]+$/);
    assert.equal(typeof (rule.shortDescription as Json).text, 'string');
    assert.ok(['none', 'note', 'warning', 'error'].includes(String((rule.defaultConfiguration as Json).level)));
    if (rule.helpUri !== undefined) absoluteUri(rule.helpUri, 'helpUri');
  }
  const bases = (run0.originalUriBaseIds ?? {}) as Record<string, Json>;
  for (const [name, base] of Object.entries(bases)) {
    const url = absoluteUri(base.uri, name);
    assert.equal(url.protocol, 'file:');
    assert.ok(String(base.uri).endsWith('/'), `${name} ends with /`);
    assert.equal(url.href, base.uri, `${name} is already in normalised, percent-encoded form`);
  }
  assert.ok(Array.isArray(run0.results));
  for (const result of run0.results as Json[]) {
    assert.equal(typeof result.ruleId, 'string');
    if (result.ruleIndex !== undefined) assert.equal(rules[result.ruleIndex as number]!.id, result.ruleId);
    assert.ok(['none', 'note', 'warning', 'error'].includes(String(result.level)));
    assert.equal(typeof (result.message as Json).text, 'string');
    const physical = ((result.locations as Json[])[0] as Json).physicalLocation as Json;
    const artifact = physical.artifactLocation as Json;
    const uri = String(artifact.uri);
    assert.doesNotMatch(uri, /(^|\/)\.\.(\/|$)/, 'no ../ segments');
    assert.doesNotMatch(uri, /[\s#?\\]|%(?![0-9A-F]{2})/, `percent-encoded: ${uri}`);
    if (artifact.uriBaseId !== undefined) {
      assert.ok(bases[artifact.uriBaseId as string], 'uriBaseId names a base');
      assert.doesNotMatch(uri, /^[a-z][a-z0-9+.-]*:/i, 'relative to its base');
    } else {
      assert.equal(absoluteUri(uri, 'artifact uri').protocol, 'file:');
    }
    const region = physical.region as Record<string, number>;
    assert.ok(region.startLine! >= 1 && region.startColumn! >= 1);
    assert.ok(region.endLine! >= region.startLine!);
    if (region.endLine === region.startLine) assert.ok(region.endColumn! >= region.startColumn!);
  }
}

/** Where a result's artifact is on disk. */
function resultPath(log: Json, index: number): string {
  const run0 = (log.runs as Json[])[0]!;
  const artifact = ((((run0.results as Json[])[index]!.locations as Json[])[0] as Json).physicalLocation as Json).artifactLocation as Json;
  const base = artifact.uriBaseId ? String(((run0.originalUriBaseIds as Record<string, Json>)[artifact.uriBaseId as string])!.uri) : undefined;
  return fileURLToPath(new URL(String(artifact.uri), base));
}

test('sarif: a valid log; names with spaces, # and non-ASCII are percent-encoded relative to %SRCROOT%', async () => {
  const dir = workspace({ 'my scripts/ä #1.rsc': BAD }, 'rsc cli space ');
  const r = await run(['lint', '--format', 'sarif', 'my scripts'], dir);
  const log = JSON.parse(r.stdout) as Json;
  assertValidSarif(log);
  const run0 = (log.runs as Json[])[0] as Json;
  assert.equal(((run0.originalUriBaseIds as Json)['%SRCROOT%'] as Json).uri, `${new URL(`file://${dir}/`).href}`);
  assert.match(String(((run0.originalUriBaseIds as Json)['%SRCROOT%'] as Json).uri), /rsc%20cli%20space%20/);
  const artifact = ((((run0.results as Json[])[0]!.locations as Json[])[0] as Json).physicalLocation as Json).artifactLocation;
  assert.deepEqual(artifact, { uri: 'my%20scripts/%C3%A4%20%231.rsc', uriBaseId: '%SRCROOT%' });
  assert.equal(resultPath(log, 0), path.join(dir, 'my scripts', 'ä #1.rsc'));
});

test('sarif: a file outside the current directory gets an absolute file URI, not ../', async () => {
  const project = workspace({ 'in.rsc': BAD });
  const outside = workspace({ 'out.rsc': BAD }, 'rsc-cli-outside-');
  const r = await run(['lint', '--format', 'sarif', 'in.rsc', path.join(outside, 'out.rsc')], project);
  const log = JSON.parse(r.stdout) as Json;
  assertValidSarif(log);
  const run0 = (log.runs as Json[])[0] as Json;
  const artifacts = (run0.results as Json[]).map((result) => (((result.locations as Json[])[0] as Json).physicalLocation as Json).artifactLocation as Json);
  assert.deepEqual(artifacts[0], { uri: 'in.rsc', uriBaseId: '%SRCROOT%' });
  assert.equal(artifacts[1]!.uriBaseId, undefined);
  assert.equal(artifacts[1]!.uri, new URL(`file://${outside}/out.rsc`).href);
  assert.equal(resultPath(log, 1), path.join(outside, 'out.rsc'));
});

test('sarif: informationUri only when the project has a real address', async () => {
  const dir = workspace({ 'bad.rsc': BAD });
  const without = JSON.parse((await run(['lint', '--format', 'sarif', 'bad.rsc'], dir)).stdout) as Json;
  const driverOf = (log: Json) => (((log.runs as Json[])[0] as Json).tool as Json).driver as Json;
  assert.equal('informationUri' in driverOf(without), false);
  const withUri = JSON.parse((await run(['lint', '--format', 'sarif', 'bad.rsc'], dir, { informationUri: 'https://github.com/rsc-tools/routeros-script' })).stdout) as Json;
  assertValidSarif(withUri);
  assert.equal(driverOf(withUri).informationUri, 'https://github.com/rsc-tools/routeros-script');
});

test('sarif: an empty run is still a valid log', async () => {
  const dir = workspace({ 'good.rsc': ':put "hello"\n' });
  const r = await run(['lint', '--format', 'sarif', 'good.rsc'], dir);
  assert.equal(r.code, 0);
  const log = JSON.parse(r.stdout) as Json;
  assertValidSarif(log);
  assert.deepEqual(((log.runs as Json[])[0] as Json).results, []);
});

test('the repository address: real ones become web addresses; placeholders and odd values give none', () => {
  assert.equal(repositoryWebUrl({ type: 'git', url: 'git+https://github.com/rsc-tools/routeros-script.git' }), 'https://github.com/rsc-tools/routeros-script');
  assert.equal(repositoryWebUrl('https://gitlab.com/a/b'), 'https://gitlab.com/a/b');
  assert.equal(repositoryWebUrl('https://user:token@github.com/a/b.git'), 'https://github.com/a/b', 'credentials are dropped');
  for (const placeholder of [{ url: 'https://example.invalid/routeros-script.git' }, 'https://example.com/x', 'http://localhost/x', 'https://foo.test/x']) {
    assert.equal(repositoryWebUrl(placeholder), undefined, JSON.stringify(placeholder));
  }
  for (const odd of [undefined, null, 42, {}, 'github:a/b', 'not a url', 'ssh://git@github.com/a/b.git']) {
    assert.equal(repositoryWebUrl(odd), undefined, JSON.stringify(odd));
  }
});
