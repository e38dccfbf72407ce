// The README documents the extension as package.json contributes it: every setting, every command, every
// snippet prefix, the install line, and pictures that exist and are packaged with the extension.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const snippets: Record<string, { prefix: string | string[] }> = JSON.parse(fs.readFileSync(path.join(root, 'snippets/routeros.json'), 'utf8'));

/** The README from its "The extension" section on (the part about the editor extension). */
const extensionPart = readme.slice(readme.indexOf('## The extension'));

test('the README has a section about the extension after the linter and push sections', () => {
  const at = (heading: string) => readme.indexOf(heading);
  assert.ok(at('## The extension') > at('## Push to a router') && at('## Push to a router') > at('## The linter'));
});

test('every contributed setting is documented', () => {
  const settings = Object.keys(manifest.contributes.configuration.properties);
  assert.ok(settings.length >= 6);
  assert.deepEqual(settings.filter((name) => !extensionPart.includes(`\`${name}\``)), []);
});

test('every contributed command is documented by its palette title', () => {
  const titles: string[] = manifest.contributes.commands.map((c: { category: string; title: string }) => `${c.category}: ${c.title}`);
  assert.ok(titles.length >= 6);
  assert.deepEqual(titles.filter((title) => !extensionPart.includes(`**${title}**`)), []);
});

test('every snippet prefix is listed', () => {
  const prefixes = Object.values(snippets).flatMap((snippet) => [snippet.prefix].flat());
  assert.deepEqual(prefixes.filter((prefix) => !extensionPart.includes(`\`${prefix}\``)), []);
});

test('the install line installs the packaged .vsix', () => {
  assert.match(extensionPart, /^code --install-extension routeros-script\.vsix/m);
  assert.match(manifest.scripts.package, /-o routeros-script\.vsix/);
});

test('the pictures exist, are the UI tests\' screenshots, and are packaged where the README points', () => {
  const images = [...readme.matchAll(/!\[[^\]]+\]\(([^)\s]+)\)/g)].map((match) => match[1]);
  assert.ok(images.length >= 5, 'the README shows the extension at work');
  const uiDir = path.join(root, 'test/e2e/ui');
  const ui = fs.readdirSync(uiDir).filter((name) => name.endsWith('.test.mjs')).map((name) => fs.readFileSync(path.join(uiDir, name), 'utf8')).join('\n');
  const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
  for (const image of images) {
    assert.match(image, /^docs\/images\/[\w-]+\.png$/, `${image}: a relative path inside the package`);
    assert.ok(fs.existsSync(path.join(root, image)), `${image} does not exist`);
    const taken = new RegExp(`keepScreenshot\\((?:page, )?'${path.basename(image).replace('.', '\\.')}'\\)`);
    assert.match(ui, taken, `${image} is not taken by the UI tests`);
  }
  assert.ok(ignore.includes('!docs/images/*.png'), '.vscodeignore must package docs/images (vsce does not rewrite the links)');
});
