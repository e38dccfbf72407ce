/**
 * Checks a parameter value written in a script against its schema type. Returns undefined when the value is
 * acceptable, else a message an engineer can act on ("`1600` is out of range: max-mtu takes 64..65535").
 * Dynamic values (variables, substitutions, expressions) are not checked: only the router knows them.
 */
import type { ValueType } from '../../schema/types.js';
import { checkIpv4Range, isIpv4Address, isIpv4Prefix } from './ipv4.js';
import { checkPattern, reversedRange, type ValueProblem } from './patterns.js';
import { formatDuration, parseTimeSeconds } from './time.js';

export type { ValueProblem } from './patterns.js';
export { parseTimeSeconds } from './time.js';

const IPV6 = /^(?=.*:)[0-9a-fA-F:.]{2,45}$/;
const MAC = /^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}$/;
const INTEGER = /^(?:-?\d+|0x[0-9a-fA-F]+)$/;
/** A word that starts with a letter: a keyword such as `never` or `auto`, or a name such as `chr-10.0.0.1`. */
const NAME_WORD = /^[a-z][\w.-]*$/i;

export function isIpv4(text: string): boolean {
  return isIpv4Address(text);
}

function stripNegation(text: string, allowed: boolean | undefined): string {
  return allowed && text.startsWith('!') ? text.slice(1) : text;
}

function list(values: readonly string[]): string {
  return values.length <= 12 ? values.join(', ') : `${values.slice(0, 12).join(', ')}, ...`;
}

/** `0..63`, `0 or more`, `65535 or less`: a range as a person reads it. */
export function rangeText(min: number | undefined, max: number | undefined, format: (n: number) => string = String): string {
  if (min !== undefined && max !== undefined) return `${format(min)}..${format(max)}`;
  if (min !== undefined) return `${format(min)} or more`;
  if (max !== undefined) return `${format(max)} or less`;
  return 'any value';
}

/** The message of the problem with a value, or undefined when RouterOS accepts it. */
export function checkValue(text: string, type: ValueType, name: string): string | undefined {
  return findValueProblem(text, type, name)?.message;
}

/**
 * The problem with a value, or undefined when RouterOS accepts it. A problem marked `doubtful` is a value the
 * router may take but that is most likely a mistake (a range written backwards).
 */
export function findValueProblem(text: string, type: ValueType, name: string): ValueProblem | undefined {
  if ('openKeywords' in type && type.openKeywords && NAME_WORD.test(text)) return undefined;
  const message = (m: string | undefined): ValueProblem | undefined => (m === undefined ? undefined : { message: m });
  switch (type.kind) {
    case 'any':
    case 'script':
      return undefined;
    case 'bool':
      return message(['yes', 'no', 'true', 'false'].includes(text) ? undefined : `\`${text}\` is not valid for ${name}: use yes or no`);
    case 'enum': {
      const value = stripNegation(text, type.negatable);
      return message(type.values.includes(value) || isAbbreviation(value, type.values) ? undefined : `\`${text}\` is not a value of ${name}: expected one of ${list(type.values)}`);
    }
    case 'enumList': {
      const value = stripNegation(text, type.negatable);
      for (const raw of value.split(',')) {
        const item = stripNegation(raw, type.elementNegation);
        if (!type.values.includes(item) && !isAbbreviation(item, type.values)) return { message: `\`${raw}\` is not a value of ${name}: expected a comma list of ${list(type.values)}` };
      }
      return undefined;
    }
    case 'integer': {
      const value = stripNegation(text, type.negatable);
      if (type.keywords?.includes(value)) return undefined;
      if (!INTEGER.test(value)) {
        const extra = type.keywords?.length ? ` or ${type.keywords.join(', ')}` : '';
        const bounds = type.min === undefined && type.max === undefined ? '' : ` (${rangeText(type.min, type.max)})`;
        return { message: `\`${text}\` is not a number: ${name} takes an integer${bounds}${extra}` };
      }
      const number = value.startsWith('0x') ? parseInt(value, 16) : Number(value);
      if ((type.min !== undefined && number < type.min) || (type.max !== undefined && number > type.max)) {
        return { message: `\`${text}\` is out of range: ${name} takes ${rangeText(type.min, type.max)}` };
      }
      return undefined;
    }
    case 'time': {
      if (type.keywords?.includes(text)) return undefined;
      // A pair of times (`mon=0s-1d`, wifi's `reselect-interval=1h..2h`), which a tree's hint does not mention.
      const pair = type.openKeywords ? text.split(text.includes('..') ? '..' : '-') : [];
      if (pair.length === 2) return findValueProblem(pair[0]!, type, name) ?? findValueProblem(pair[1]!, type, name);
      const seconds = parseTimeSeconds(text);
      if (seconds === undefined) return { message: `\`${text}\` is not a time: write it like 30s, 5m, 1h30m or 1d` };
      if ((type.minSeconds !== undefined && seconds < type.minSeconds) || (type.maxSeconds !== undefined && seconds > type.maxSeconds)) {
        return { message: `\`${text}\` is out of range: ${name} takes ${rangeText(type.minSeconds ?? 0, type.maxSeconds, formatDuration)}` };
      }
      return undefined;
    }
    case 'ipv4': {
      const items = type.list ? text.split(',') : [text];
      const bad = items.find((item) => !isIpv4Address(item));
      return message(bad === undefined ? undefined : `\`${bad}\` is not an IPv4 address (like 192.0.2.1)`);
    }
    case 'ipv4Prefix':
      return message(isIpv4Prefix(text) ? undefined : `\`${text}\` is not an IPv4 prefix (like 192.0.2.0/24)`);
    case 'ipv4Match': {
      const value = stripNegation(text, type.negatable);
      if (isIpv4Prefix(value)) return undefined;
      const range = checkIpv4Range(value);
      if (range === 'ok') return undefined;
      if (range === 'reversed') return reversedRange(value, name);
      return { message: `\`${text}\` is not an address, prefix or range (like 192.0.2.1, 192.0.2.0/24 or 192.0.2.1-192.0.2.9)` };
    }
    case 'ipv6':
      return message(IPV6.test(text) && !text.includes('/') ? undefined : `\`${text}\` is not an IPv6 address (like 2001:db8::1)`);
    case 'ipv6Prefix': {
      const [address, length, extra] = text.split('/');
      const ok = extra === undefined && IPV6.test(address ?? '') && (length === undefined || (/^\d+$/.test(length) && Number(length) <= 128));
      return message(ok ? undefined : `\`${text}\` is not an IPv6 prefix (like 2001:db8::/64)`);
    }
    case 'mac':
      return message(MAC.test(stripNegation(text, type.negatable)) ? undefined : `\`${text}\` is not a MAC address (like AA:BB:CC:DD:EE:FF)`);
    case 'string': {
      const value = stripNegation(text, type.negatable);
      if (type.maxLength !== undefined && value.length > type.maxLength) return { message: `${name} takes at most ${type.maxLength} characters; this value has ${value.length}` };
      if (type.minLength !== undefined && value.length < type.minLength) return { message: `${name} needs at least ${type.minLength} character${type.minLength === 1 ? '' : 's'}` };
      return undefined;
    }
    case 'reference':
      return message(stripNegation(text, type.negatable).length === 0 ? `${name} needs a name` : undefined);
    case 'pattern':
      return checkPattern(type.pattern, stripNegation(text, type.negatable), name);
    case 'oneOf': {
      let first: ValueProblem | undefined;
      for (const inner of type.types) {
        const problem = findValueProblem(text, inner, name);
        if (problem === undefined) return undefined;
        first ??= problem;
      }
      const forms = type.types.map(describeForm);
      if (forms.every((f): f is string => f !== undefined)) return { message: `\`${text}\` is not valid for ${name}: expected ${forms.join(' or ')}` };
      return first;
    }
    default:
      return undefined;
  }
}

/** A short description of the values a type accepts, for messages about alternatives; undefined if none fits. */
function describeForm(type: ValueType): string | undefined {
  switch (type.kind) {
    case 'enum':
      return type.values.length <= 4 ? `one of ${type.values.join(', ')}` : `a name (${type.values.slice(0, 3).join(', ')}, ...)`;
    case 'integer': {
      const words = type.keywords?.length ? `, ${type.keywords.join(', ')}` : '';
      return type.min !== undefined && type.max !== undefined ? `${type.min}..${type.max}${words}` : `a number (${rangeText(type.min, type.max)})${words}`;
    }
    case 'bool':
      return 'yes or no';
    case 'time':
      return 'a time';
    case 'ipv4':
      return 'an IPv4 address';
    case 'ipv4Prefix':
      return 'an IPv4 prefix';
    case 'ipv6':
      return 'an IPv6 address';
    case 'mac':
      return 'a MAC address';
    default:
      return undefined;
  }
}

/** RouterOS accepts a value abbreviated to an unambiguous prefix (`tcp-flags=sy` for syn). */
function isAbbreviation(value: string, values: readonly string[]): boolean {
  if (value.length < 2) return false;
  return values.filter((v) => v.startsWith(value)).length === 1;
}
