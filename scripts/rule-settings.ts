/**
 * Keeps the `routeros.rules` setting of package.json in step with the rule registry: one property per rule
 * code, with the rule's description and default severity, so that settings.json completes and explains the
 * codes (and flags a misspelt one). `npm run build` runs this; test/unit/docs/rule-settings.test.ts fails when
 * package.json and the registry disagree.
 *
 *   node --conditions=import --import tsx scripts/rule-settings.ts           (rewrites package.json if stale)
 *   node --conditions=import --import tsx scripts/rule-settings.ts --check   (exits 1 if stale)
 */
import fs from 'node:fs';
import path from 'node:path';
import { RULES } from '../server/src/features/diagnostics/registry.js';

export const PACKAGE_JSON = path.resolve(__dirname, '..', 'package.json');
export const SEVERITY_CHOICES = ['error', 'warning', 'info', 'hint', 'off'] as const;

export interface RuleSettingProperty {
  readonly type: 'string';
  readonly enum: readonly string[];
  readonly markdownDescription: string;
}

/** Markdown for a rule description: backslashes outside `code spans` are escaped, so `\n` shows as written. */
export function descriptionMarkdown(description: string): string {
  return description
    .split('`')
    .map((part, index) => (index % 2 === 0 ? part.replace(/\\/g, '\\\\') : part))
    .join('`');
}

/** The `properties` of `routeros.rules`, in registry order. */
export function ruleSettingProperties(): Record<string, RuleSettingProperty> {
  const properties: Record<string, RuleSettingProperty> = {};
  for (const rule of RULES) {
    properties[rule.code] = {
      type: 'string',
      enum: SEVERITY_CHOICES,
      markdownDescription: `${descriptionMarkdown(rule.description)} Default: \`${rule.defaultSeverity}\`.`,
    };
  }
  return properties;
}

interface PackageShape {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
}

/** package.json's text with `routeros.rules.properties` regenerated (the rest untouched, same formatting). */
export function withRuleSettings(packageText: string): string {
  const manifest = JSON.parse(packageText) as PackageShape;
  const setting = manifest.contributes.configuration.properties['routeros.rules'];
  if (!setting) throw new Error('package.json has no routeros.rules setting');
  setting.properties = ruleSettingProperties();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function main(): void {
  const current = fs.readFileSync(PACKAGE_JSON, 'utf8');
  const wanted = withRuleSettings(current);
  if (current === wanted) return;
  if (process.argv.includes('--check')) {
    console.error('package.json: routeros.rules does not list the rule registry: run npm run build');
    process.exit(1);
  }
  // Write-then-rename: a reader (vsce, a test) never sees half a package.json.
  const temporary = `${PACKAGE_JSON}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, wanted);
  fs.renameSync(temporary, PACKAGE_JSON);
  console.log('package.json: routeros.rules now lists every rule code of the registry');
}

if (require.main === module) main();
