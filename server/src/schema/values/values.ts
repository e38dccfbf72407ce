/**
 * Checks a parameter value written in a script against its schema type. Returns undefined when the value is
 * acceptable, else a message an engineer can act on ("`1600` is out of range: max-mtu takes 64..65535").
 * Dynamic values (variables, substitutions, expressions) are not checked: only the router knows them.
 */
import type { ValueType } from '../../schema/types.js';
import { checkPattern } from './patterns.js';

const IPV4_PART = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}$`);
const IPV4_PREFIX = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}/(?:3[0-2]|[12]?\\d)$`);
const IPV4_RANGE = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}-${IPV4_PART}(?:\\.${IPV4_PART}){3}$`);
const IPV6 = /^(?=.*:)[0-9a-fA-F:.]{2,45}$/;
const MAC = /^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}$/;
const INTEGER = /^(?:-?\d+|0x[0-9a-fA-F]+)$/;
const TIME_UNITS = /^(?:\d+(?:\.\d+)?(?:ns|us|ms|s|m|h|d|w))+$/;
const TIME_CLOCK = /^(?:\d+w)?(?:\d+d)?\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.\d+)?)?$/;
// A bare number is seconds, fractions included (`interval=0.5`).
const TIME_SECONDS = /^\d+(?:\.\d+)?$/;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** Seconds in a RouterOS time value, or undefined if it is not one. Bare numbers are seconds. */
export function parseTimeSeconds(text: string): number | undefined {
  if (TIME_SECONDS.test(text)) return Number(text);
  if (TIME_UNITS.test(text)) {
    const factor: Record<string, number> = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
    let total = 0;
    for (const match of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|ms|s|m|h|d|w)/g)) total += Number(match[1]) * factor[match[2]!]!;
    return total;
  }
  const clock = /^(?:(\d+)w)?(?:(\d+)d)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?$/.exec(text);
  if (clock && TIME_CLOCK.test(text)) {
    const [, w, d, h, m, s] = clock;
    return Number(w ?? 0) * 604800 + Number(d ?? 0) * 86400 + Number(h) * 3600 + Number(m) * 60 + Number(s ?? 0);
  }
  return undefined;
}

function formatSeconds(seconds: number): string {
  if (seconds % 86400 === 0 && seconds > 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0 && seconds > 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0 && seconds > 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

function stripNegation(text: string, allowed: boolean | undefined): string {
  return allowed && text.startsWith('!') ? text.slice(1) : text;
}

function list(values: readonly string[]): string {
  return values.length <= 12 ? values.join(', ') : `${values.slice(0, 12).join(', ')}, ...`;
}

/**
 * @param name the parameter's name, for messages
 * @returns a message if the value is invalid, else undefined
 */
/** A word that starts with a letter: a keyword such as `never` or `auto`, or a name such as `chr-10.0.0.1`. */
const NAME_WORD = /^[a-z][\w.-]*$/i;

export function checkValue(text: string, type: ValueType, name: string): string | undefined {
  if ('openKeywords' in type && type.openKeywords && NAME_WORD.test(text)) return undefined;
  switch (type.kind) {
    case 'any':
    case 'script':
      return undefined;
    case 'bool':
      return ['yes', 'no', 'true', 'false'].includes(text) ? undefined : `\`${text}\` is not valid for ${name}: use yes or no`;
    case 'enum': {
      const value = stripNegation(text, type.negatable);
      return type.values.includes(value) || isAbbreviation(value, type.values) ? undefined : `\`${text}\` is not a value of ${name}: expected one of ${list(type.values)}`;
    }
    case 'enumList': {
      const value = stripNegation(text, type.negatable);
      for (const raw of value.split(',')) {
        const item = stripNegation(raw, type.elementNegation);
        if (!type.values.includes(item) && !isAbbreviation(item, type.values)) return `\`${raw}\` is not a value of ${name}: expected a comma list of ${list(type.values)}`;
      }
      return undefined;
    }
    case 'integer': {
      const value = stripNegation(text, type.negatable);
      if (type.keywords?.includes(value)) return undefined;
      if (!INTEGER.test(value)) {
        const extra = type.keywords?.length ? ` or ${type.keywords.join(', ')}` : '';
        return `\`${text}\` is not a number: ${name} takes an integer${rangeText(type.min, type.max)}${extra}`;
      }
      const number = value.startsWith('0x') ? parseInt(value, 16) : Number(value);
      if ((type.min !== undefined && number < type.min) || (type.max !== undefined && number > type.max)) {
        return `\`${text}\` is out of range: ${name} takes ${type.min ?? '…'}..${type.max ?? '…'}`;
      }
      return undefined;
    }
    case 'time': {
      if (type.keywords?.includes(text)) return undefined;
      if (type.openKeywords && text.includes('-')) {
        const [from, to, ...rest] = text.split('-');
        if (rest.length === 0) return checkValue(from!, type, name) ?? checkValue(to!, type, name);
      }
      const seconds = parseTimeSeconds(text);
      if (seconds === undefined) return `\`${text}\` is not a time: write it like 30s, 5m, 1h30m or 1d`;
      if ((type.minSeconds !== undefined && seconds < type.minSeconds) || (type.maxSeconds !== undefined && seconds > type.maxSeconds)) {
        return `\`${text}\` is out of range: ${name} takes ${formatSeconds(type.minSeconds ?? 0)}..${type.maxSeconds !== undefined ? formatSeconds(type.maxSeconds) : '…'}`;
      }
      return undefined;
    }
    case 'ipv4': {
      const items = type.list ? text.split(',') : [text];
      const bad = items.find((item) => !IPV4.test(item));
      return bad === undefined ? undefined : `\`${bad}\` is not an IPv4 address (like 192.0.2.1)`;
    }
    case 'ipv4Prefix':
      return IPV4_PREFIX.test(text) || IPV4.test(text) ? undefined : `\`${text}\` is not an IPv4 prefix (like 192.0.2.0/24)`;
    case 'ipv4Match': {
      const value = stripNegation(text, type.negatable);
      return IPV4.test(value) || IPV4_PREFIX.test(value) || IPV4_RANGE.test(value)
        ? undefined
        : `\`${text}\` is not an address, prefix or range (like 192.0.2.1, 192.0.2.0/24 or 192.0.2.1-192.0.2.9)`;
    }
    case 'ipv6':
      return IPV6.test(text) && !text.includes('/') ? undefined : `\`${text}\` is not an IPv6 address (like 2001:db8::1)`;
    case 'ipv6Prefix': {
      const [address, length, extra] = text.split('/');
      const ok = extra === undefined && IPV6.test(address ?? '') && (length === undefined || (/^\d+$/.test(length) && Number(length) <= 128));
      return ok ? undefined : `\`${text}\` is not an IPv6 prefix (like 2001:db8::/64)`;
    }
    case 'mac':
      return MAC.test(stripNegation(text, type.negatable)) ? undefined : `\`${text}\` is not a MAC address (like AA:BB:CC:DD:EE:FF)`;
    case 'string': {
      const value = stripNegation(text, type.negatable);
      if (type.maxLength !== undefined && value.length > type.maxLength) return `${name} takes at most ${type.maxLength} characters; this value has ${value.length}`;
      if (type.minLength !== undefined && value.length < type.minLength) return `${name} needs at least ${type.minLength} character${type.minLength === 1 ? '' : 's'}`;
      return undefined;
    }
    case 'reference':
      return stripNegation(text, type.negatable).length === 0 ? `${name} needs a name` : undefined;
    case 'pattern':
      return checkPattern(type.pattern, stripNegation(text, type.negatable), name);
    case 'oneOf': {
      let first: string | undefined;
      for (const inner of type.types) {
        const message = checkValue(text, inner, name);
        if (message === undefined) return undefined;
        first ??= message;
      }
      return first;
    }
    default:
      return undefined;
  }
}

function rangeText(min?: number, max?: number): string {
  if (min === undefined && max === undefined) return '';
  return ` in ${min ?? '…'}..${max ?? '…'}`;
}

/** RouterOS accepts a value abbreviated to an unambiguous prefix (`tcp-flags=sy` for syn). */
function isAbbreviation(value: string, values: readonly string[]): boolean {
  if (value.length < 2) return false;
  return values.filter((v) => v.startsWith(value)).length === 1;
}
