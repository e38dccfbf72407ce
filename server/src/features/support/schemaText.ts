/**
 * Short renderings of schema facts (types, defaults, versions) for completion details and hover. Only the
 * labels are written here; the meaning of every menu, command and parameter comes from the schema service.
 */
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
      const names = type.list ? `comma list of ${type.target} names` : `name of a ${type.target}`;
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

/** `since 7.13`, `7.1 to 7.15`, or '' when always present. */
export function describeVersions(window: VersionWindow): string {
  if (window.since && window.until) return `RouterOS ${window.since} to before ${window.until}`;
  if (window.since) return `since RouterOS ${window.since}`;
  if (window.until) return `until before RouterOS ${window.until}`;
  return '';
}

/** Completion detail for a parameter: type and default. */
export function parameterDetail(parameter: ParameterSchema): string {
  const parts = [describeType(parameter.type)];
  if (parameter.default !== undefined) parts.push(`default: ${parameter.default}`);
  if (parameter.required) parts.push('required');
  return parts.join(' · ');
}

/** The full markdown for a parameter: meaning, type, values, default, versions, example and manual link. */
export function parameterMarkdown(parameter: ParameterSchema, doc: DocEntry | undefined, manualUrl?: string): string {
  const sections: string[] = [`**${parameter.name}**` + (parameter.required ? ' (required)' : '')];
  const body = doc?.markdown?.trim();
  if (parameter.summary && !body?.startsWith(parameter.summary.trim())) sections.push(parameter.summary);
  if (body) sections.push(body);
  // The reference pages already list type, default and versions; facts are only composed when they do not.
  if (!body || !/^- Type:/m.test(body)) sections.push(parameterFacts(parameter));
  const example = doc?.example ?? parameter.example;
  if (example) sections.push('```routeros\n' + example + '\n```');
  const link = doc?.manualUrl ?? manualUrl;
  if (link) sections.push(`[RouterOS manual](${link})`);
  return sections.join('\n\n');
}

/** Type, values, default, versions and restrictions of a parameter, as a markdown list. */
function parameterFacts(parameter: ParameterSchema): string {
  const facts: string[] = [`Type: ${describeType(parameter.type)}`];
  const allowed = allowedValues(parameter.type);
  if (allowed.length) facts.push(`Values: ${allowed.map((value) => `\`${value}\``).join(', ')}`);
  if (parameter.default !== undefined) facts.push(`Default: \`${parameter.default}\``);
  const versions = describeVersions(parameter);
  if (versions) facts.push(`Available ${versions}`);
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
export function docMarkdown(title: string, summary: string | undefined, doc: DocEntry | undefined, manualUrl?: string, versions?: string): string {
  const sections: string[] = [title];
  const body = doc?.markdown?.trim();
  if (summary && !body?.startsWith(summary.trim())) sections.push(summary);
  if (body) sections.push(body);
  if (versions && !body?.includes('Versions:')) sections.push(`Available ${versions}`);
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
