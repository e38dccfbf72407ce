// The `routeros.rules` setting of package.json lists exactly the rule registry's codes, each with its
// description and default severity, so settings.json completes and explains every code users can configure.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { RULES } from '../../../server/src/features/diagnostics/registry.js';
import { PACKAGE_JSON, SEVERITY_CHOICES, descriptionMarkdown, withRuleSettings } from '../../../scripts/rule-settings.js';

const packageText = fs.readFileSync(PACKAGE_JSON, 'utf8');
const setting = JSON.parse(packageText).contributes.configuration.properties['routeros.rules'];

test('routeros.rules has one property per registered rule code, in registry order, and no other', () => {
  assert.deepEqual(Object.keys(setting.properties), RULES.map((rule) => rule.code));
  assert.equal(setting.additionalProperties, false, 'a misspelt code is flagged in settings.json');
});

test('each property offers the severities and says what the rule checks and its default', () => {
  for (const rule of RULES) {
    const property = setting.properties[rule.code];
    assert.deepEqual(property.enum, [...SEVERITY_CHOICES], rule.code);
    assert.ok(property.markdownDescription.startsWith(descriptionMarkdown(rule.description)), rule.code);
    assert.ok(property.markdownDescription.endsWith(`Default: \`${rule.defaultSeverity}\`.`), rule.code);
  }
});

test('package.json is what the build generates (npm run build rewrites it when a rule is added)', () => {
  assert.equal(withRuleSettings(packageText), packageText);
});

test('descriptions keep backslashes visible outside code spans and untouched inside them', () => {
  assert.equal(descriptionMarkdown('valid: \\n and `\\n`'), 'valid: \\\\n and `\\n`');
});
