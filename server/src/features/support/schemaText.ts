/**
 * Short renderings of schema facts (types, defaults, versions) for completion details and hover. Only the
 * labels are written here; the meaning of every menu, command and parameter comes from the schema service.
 */
import { compareVersions, inVersionWindow, parseVersion, type RouterOsVersion } from '../../core/version.js';
import type { DocEntry, ParameterSchema, ValueType, VersionWindow } from '../../schema/types.js';

/** One-line type description: `bool`, `integer 0..4095`, `one of: a, b, c`, `name of a ppp-profile`. */
export function describeType(type: ValueType): string {
  switch (type.kind) {
    case 'bool':
      return 'yes | no';
    case 'enum':
      return `one of: ${abbreviateList(type.values)}`;
    case 'enumList':
      return `comma list of: ${abbreviateList(type.values)}`;
    case 'integer': {
      const range = describeRange(type.min, type.max);
      const keywords = type.keywords?.length ? ` or ${type.keywords.join(' | ')}` : '';
      return `integer${range}${keywords}`;
    }
    case 'time': {
      const range = describeRange(type.minSeconds, type.maxSeconds, 's');
      const keywords = type.keywords?.length ? ` or ${type.keywords.join(' | ')}` : '';
      return `time${range}${keywords}`;
    }
    case 'ipv4':
      return type.list ? 'IPv4 address list' : 'IPv4 address';
    case 'ipv4Prefix':
      return 'IPv4 prefix';
    case 'ipv4Match':
      return 'IPv4 address, prefix or range';
    case 'ipv6':
      return 'IPv6 address';
    case 'ipv6Prefix':
      return 'IPv6 prefix';
    case 'mac':
      return 'MAC address';
    case 'string': {
      const range = describeRange(type.minLength, type.maxLength);
      return range ? `string, length${range}` : 'string';
    }
    case 'reference': {
      const names = type.list ? `comma list of ${type.target} names` : `name of ${withArticle(type.target)}`;
      return type.keywords?.length ? `${names} or ${type.keywords.join(' | ')}` : names;
    }
    case 'script':
      return 'script';
    case 'pattern':
      return type.pattern;
    case 'oneOf':
      return type.types.map(describeType).join(' or ');
    case 'any':
      return 'value';
    default:
      return 'value';
  }
}

/** `an interface`, `an ip-pool`, `a ppp-profile`. */
function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function describeRange(min: number | undefined, max: number | undefined, unit = ''): string {
  if (min === undefined && max === undefined) return '';
  if (min !== undefined && max !== undefined) return ` ${min}${unit}..${max}${unit}`;
  if (min !== undefined) return ` >= ${min}${unit}`;
  return ` <= ${max}${unit}`;
}

function abbreviateList(values: readonly string[], limit = 8): string {
  if (values.length <= limit) return values.join(', ');
  return `${values.slice(0, limit).join(', ')}, ... (${values.length})`;
}

const V7 = parseVersion('7.0')!;

/**
 * When an item exists, from its version window: `all RouterOS v7 versions`, `since RouterOS 7.13`,
 * `RouterOS v6 only (removed in 7.0)`, `removed in RouterOS 7.23`, `since RouterOS 7.13, removed in 7.20`.
 */
export function describeVersions(window: VersionWindow): string {
  const until = window.until ? parseVersion(window.until) : undefined;
  if (until && compareVersions(until, V7) <= 0 && !window.since) return `RouterOS v6 only (removed in ${window.until})`;
  if (window.since && window.until) return `since RouterOS ${window.since}, removed in ${window.until}`;
  if (window.since) return `since RouterOS ${window.since}`;
  if (window.until) return `removed in RouterOS ${window.until}`;
  return 'all RouterOS v7 versions';
}

/**
 * The versions line of hover and completion docs, checked against the version the document targets: an item
 * the target lacks says so, and a v6 target is told that the v7 facts were not checked for it.
 */
export function versionsLine(window: VersionWindow, target?: RouterOsVersion): string {
  const base = `Versions: ${describeVersions(window)}`;
  if (!target) return base;
  if (!inVersionWindow(target, window)) return `${base}; **not in RouterOS ${target.text}**, the version this document targets`;
  const until = window.until ? parseVersion(window.until) : undefined;
  const v6Item = until !== undefined && compareVersions(until, V7) <= 0;
  if (target.major < 7 && !v6Item) return `${base}; not checked for RouterOS ${target.text}, the version this document targets`;
  if (window.since || window.until) return `${base}; present in RouterOS ${target.text}, the version this document targets`;
  return base;
}

/** Puts `line` in place of the `- Versions:` line of a reference section (or after the section when it has none). */
function withVersionsLine(body: string, line: string): string {
  const versions = /^- Versions:.*$/m;
  if (versions.test(body)) return body.replace(versions, () => `- ${line}`);
  const lastLine = body.slice(body.lastIndexOf('\n') + 1);
  return `${body}${lastLine.startsWith('- ') ? '\n' : '\n\n'}- ${line}`;
}

/** Completion detail for a parameter: type and default. */
export function parameterDetail(parameter: ParameterSchema): string {
  const parts = [describeType(parameter.type)];
  if (parameter.default !== undefined) parts.push(`default: ${parameter.default}`);
  if (parameter.required) parts.push('required');
  return parts.join(' · ');
}

/** The full markdown for a parameter: meaning, type, values, default, versions, example and manual link. */
export function parameterMarkdown(parameter: ParameterSchema, doc: DocEntry | undefined, manualUrl?: string, target?: RouterOsVersion): string {
  const sections: string[] = [`**${parameter.name}**` + (parameter.required ? ' (required)' : '')];
  const body = doc?.markdown?.trim();
  if (parameter.summary && !body?.startsWith(parameter.summary.trim())) sections.push(parameter.summary);
  // The reference pages already list type, default and versions; facts are only composed when they do not.
  // The versions line always comes from the schema's window, told against the document's target.
  if (body && /^- Type:/m.test(body)) sections.push(withVersionsLine(body, versionsLine(parameter, target)));
  else {
    if (body) sections.push(body);
    sections.push(parameterFacts(parameter, target));
  }
  const example = doc?.example ?? parameter.example;
  if (example) sections.push('```routeros\n' + example + '\n```');
  const link = doc?.manualUrl ?? manualUrl;
  if (link) sections.push(`[RouterOS manual](${link})`);
  return sections.join('\n\n');
}

/** Type, values, default, versions and restrictions of a parameter, as a markdown list. */
function parameterFacts(parameter: ParameterSchema, target: RouterOsVersion | undefined): string {
  const facts: string[] = [`Type: ${describeType(parameter.type)}`];
  const allowed = allowedValues(parameter.type);
  if (allowed.length) facts.push(`Values: ${allowed.map((value) => `\`${value}\``).join(', ')}`);
  if (parameter.default !== undefined) facts.push(`Default: \`${parameter.default}\``);
  facts.push(versionsLine(parameter, target));
  if (parameter.readOnly) facts.push('Read-only (status) property');
  if (parameter.onlyFor?.length) facts.push(`Only with: ${parameter.onlyFor.join(', ')}`);
  return facts.map((fact) => `- ${fact}`).join('\n');
}

/** The fixed words a value of this type may be (enum members, keywords, yes/no). */
export function allowedValues(type: ValueType): string[] {
  switch (type.kind) {
    case 'bool':
      return ['yes', 'no'];
    case 'enum':
    case 'enumList':
      return [...type.values];
    case 'integer':
    case 'time':
    case 'reference':
      return [...(type.keywords ?? [])];
    case 'oneOf':
      return [...new Set(type.types.flatMap(allowedValues))];
    default:
      return [];
  }
}

/** Markdown for a documented item (menu or command): its doc entry, with a summary fallback. */
export function docMarkdown(
  title: string,
  summary: string | undefined,
  doc: DocEntry | undefined,
  manualUrl?: string,
  versions?: { readonly window: VersionWindow; readonly target?: RouterOsVersion },
): string {
  const sections: string[] = [title];
  const body = doc?.markdown?.trim();
  if (summary && !body?.startsWith(summary.trim())) sections.push(summary);
  if (versions) sections.push(withVersionsLine(body ?? '', versionsLine(versions.window, versions.target)).trim());
  else if (body) sections.push(body);
  if (doc?.example) sections.push('```routeros\n' + doc.example + '\n```');
  const link = doc?.manualUrl ?? manualUrl;
  if (link) sections.push(`[RouterOS manual](${link})`);
  return sections.join('\n\n');
}

/**
 * The line of a parameter's documentation that explains one of its values (a list item or table row that
 * starts with the value in backticks), if the documentation has one.
 */
export function valueDocLine(markdown: string | undefined, value: string): string | undefined {
  if (!markdown || !value) return undefined;
  const needle = '`' + value + '`';
  for (const line of markdown.split(/\r?\n/)) {
    const trimmed = line.replace(/^\s*(?:[-*]|\d+\.|\|)\s*/, '');
    if (trimmed.startsWith(needle) || trimmed.startsWith(`**${needle}**`)) return line.trim().replace(/^(?:[-*]|\d+\.)\s*/, '');
  }
  return undefined;
}
