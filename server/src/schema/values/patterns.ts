/**
 * Validators for structured values that have a syntax of their own (firewall matchers, VLAN ranges, ...).
 * Keyed by the `pattern` name used in the schema data. An unknown pattern name accepts any value: the schema
 * invariant tests make sure every name used in the data has a validator here.
 */

import { checkIpv4Range, isIpv4Prefix } from './ipv4.js';
import { parseTimeSeconds } from './time.js';

/**
 * What is wrong with a value. `doubtful`: the router may take it, but it is almost always a slip (a range written
 * backwards); reported as a warning rather than an error.
 */
export interface ValueProblem {
  readonly message: string;
  readonly doubtful?: boolean;
}

type PatternCheck = (value: string, name: string) => string | ValueProblem | undefined;

const PORT = /^\d{1,5}$/;
const HASHES = [
  'src-address', 'dst-address', 'both-addresses', 'src-port', 'dst-port', 'both-ports',
  'src-address-and-port', 'dst-address-and-port', 'both-addresses-and-ports',
];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DST_LIMIT_MODES = ['dst-address', 'dst-address-and-port', 'src-address', 'src-and-dst-addresses', 'addresses-and-dst-port'];
const TIME_OF_DAY = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$|^\d{1,2}:\d{2}(?::\d{2})?$|^\d+$/;
const DAY_SECONDS = 86400;
// Rates take k, M or G, in either case, with an optional b/bps suffix (`30M`, `30mb`, `512k`).
const RATE = /^\d+(?:\.\d+)?(?:[kKmMgG](?:b|bps)?)?$/;

function portOk(text: string): boolean {
  return PORT.test(text) && Number(text) <= 65535;
}

export const PATTERN_CHECKS: Readonly<Record<string, PatternCheck>> = {
  /** `nth=every,packet`: every >= 1, 1 <= packet <= every. */
  nth(value, name) {
    const match = /^(\d+),(\d+)$/.exec(value);
    if (!match) return `\`${value}\` is not valid for ${name}: write every,packet (for example 2,1)`;
    const every = Number(match[1]);
    const packet = Number(match[2]);
    if (every < 1 || packet < 1 || packet > every) return `\`${value}\`: ${name} needs every >= 1 and 1 <= packet <= every`;
    return undefined;
  },
  /** `per-connection-classifier=hash:denominator/remainder`. */
  pcc(value, name) {
    const match = /^([a-z-]+):(\d+)\/(\d+)$/.exec(value);
    if (!match || !HASHES.includes(match[1]!)) return `\`${value}\` is not valid for ${name}: write hash:denominator/remainder, hash one of ${HASHES.join(', ')}`;
    if (Number(match[3]) >= Number(match[2]) || Number(match[2]) < 1) return `\`${value}\`: the remainder must be smaller than the denominator`;
    return undefined;
  },
  /** `dst-port=80,443,8000-8100`. */
  'port-list'(value, name) {
    let reversed: string | undefined;
    for (const item of value.split(',')) {
      const [from, to, extra] = item.split('-');
      if (extra !== undefined || !portOk(from ?? '') || (to !== undefined && !portOk(to))) return `\`${item}\` is not a port or port range (0..65535) for ${name}`;
      if (to !== undefined && Number(from) > Number(to)) reversed ??= item;
    }
    return reversed === undefined ? undefined : reversedRange(reversed, name);
  },
  /** `pppoe-over-vlan-range=100-115,120`: VLAN ids 1..4094. */
  'vlan-range'(value, name) {
    for (const item of value.split(',')) {
      const [from, to, extra] = item.split('-');
      const ok = (v?: string) => v !== undefined && /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 4094;
      if (extra !== undefined || !ok(from) || (to !== undefined && (!ok(to) || Number(to) < Number(from)))) return `\`${item}\` is not a VLAN id or range (1..4094) for ${name}`;
    }
    return undefined;
  },
  /** `time=8h-16h,mon,tue`. */
  'time-window'(value, name) {
    const [range, ...days] = value.split(',');
    const [from, to, extra] = (range ?? '').split('-');
    if (extra !== undefined || !from || !to || !TIME_OF_DAY.test(from) || !TIME_OF_DAY.test(to)) return `\`${value}\` is not valid for ${name}: write start-end[,days], for example 8h-16h,mon,tue`;
    const badDay = days.find((d) => !DAYS.includes(d));
    if (badDay !== undefined) return `\`${badDay}\` is not a day for ${name}: use ${DAYS.join(', ')}`;
    // Both ends are times of day, 0s to 1d.
    const start = parseTimeSeconds(from);
    const end = parseTimeSeconds(to);
    const late = [from, to].find((t) => (parseTimeSeconds(t) ?? 0) > DAY_SECONDS);
    if (late !== undefined) return `\`${late}\` is not a time of day: ${name} takes times from 0s to 1d (for example 8h-16h)`;
    if (start !== undefined && end !== undefined && start > end) {
      return { message: `\`${range}\` starts after it ends: to cover midnight in ${name}, use two rules (${from}-1d and 0s-${to})`, doubtful: true };
    }
    return undefined;
  },
  /** `new-ttl=set:64`, `increment:1`, `decrement:1`. */
  'ttl-change'(value, name) {
    const match = /^(set|increment|decrement):(\d+)$/.exec(value);
    return match && Number(match[2]) <= 255 ? undefined : `\`${value}\` is not valid for ${name}: write set:N, increment:N or decrement:N (N 0..255)`;
  },
  /** `ttl=equal:64`. */
  'ttl-match'(value, name) {
    const match = /^(equal|not-equal|less-than|greater-than):(\d+)$/.exec(value);
    return match && Number(match[2]) <= 255 ? undefined : `\`${value}\` is not valid for ${name}: write equal:N, not-equal:N, less-than:N or greater-than:N`;
  },
  /** `packet-size=100-500`, `tcp-mss=1400-1500`: min[-max] in 0..65535. */
  'size-range'(value, name) {
    const [from, to, extra] = value.split('-');
    return extra === undefined && portOk(from ?? '') && (to === undefined || portOk(to)) ? undefined : `\`${value}\` is not valid for ${name}: write min or min-max (0..65535)`;
  },
  /** `connection-bytes=2000000-0`, `connection-rate=0-100k`. */
  range(value, name) {
    return /^\d+[kKMG]?-\d+[kKMG]?$/.test(value) ? undefined : `\`${value}\` is not valid for ${name}: write from-to, for example 0-1000000`;
  },
  /** `limit=50/5s,10:packet`: count[/time][,burst][:packet|bit]. */
  limit(value, name) {
    return /^\d+[kKMG]?(?:\/(?:\d+)?(?:ms|s|m|h|d)|\/\d+)?(?:,\d+)?(?::(?:packet|bit))?$/.test(value)
      ? undefined
      : `\`${value}\` is not valid for ${name}: write count[/time][,burst][:packet|bit], for example 50/5s,10`;
  },
  /** `dst-limit=10/1m,5,dst-address/1m`. */
  'dst-limit'(value, name) {
    const [rate, burst, modeAndExpire, extra] = value.split(',');
    const [mode, expire, more] = (modeAndExpire ?? '').split('/');
    const ok = extra === undefined && /^\d+[kKMG]?(?:\/\d*(?:ms|s|m|h|d))?$/.test(rate ?? '') && (burst === undefined || /^\d+$/.test(burst)) && (mode === undefined || mode === '' || DST_LIMIT_MODES.includes(mode));
    if (!ok) return `\`${value}\` is not valid for ${name}: write rate[/time],burst,mode[/expire]`;
    if (more !== undefined || (expire !== undefined && parseTimeSeconds(expire) === undefined)) return `\`${modeAndExpire}\`: the expiry after \`/\` in ${name} must be a time (like ${mode}/1m)`;
    return undefined;
  },
  /** `icmp-options=8:0`. */
  'icmp-options'(value, name) {
    const match = /^(\d+)(?::(\d+)(?:-(\d+))?)?$/.exec(value);
    return match && Number(match[1]) <= 255 && Number(match[2] ?? 0) <= 255 ? undefined : `\`${value}\` is not valid for ${name}: write type[:code], for example 8:0`;
  },
  /** `connection-limit=100,32`. */
  'connection-limit'(value, name) {
    const match = /^\d+(?:,(\d{1,3}))?$/.exec(value);
    if (!match) return `\`${value}\` is not valid for ${name}: write count,netmask, for example 100,32`;
    return match[1] !== undefined && Number(match[1]) > 32 ? `\`${value}\`: the netmask of ${name} is a prefix length, 0..32` : undefined;
  },
  /** `rate-limit=10M/20M` (rx/tx with optional burst fields). */
  'rate-limit'(value, name) {
    const first = value.split(' ')[0] ?? '';
    const [rx, tx, extra] = first.split('/');
    return extra === undefined && RATE.test(rx ?? '') && (tx === undefined || RATE.test(tx)) ? undefined : `\`${value}\` is not valid for ${name}: write rx/tx, for example 10M/20M`;
  },
  /** `host-uniq=0a1b2c`: hexadecimal digits. */
  'hex-string'(value, name) {
    return /^[0-9a-fA-F]+$/.test(value) ? undefined : `\`${value}\` is not valid for ${name}: write hexadecimal digits (0-9, a-f), for example 0a1b2c`;
  },
  /** `ipsec-policy=in,ipsec`: direction in|out, then ipsec|none. */
  'ipsec-policy'(value, name) {
    return /^(?:in|out),(?:ipsec|none)$/.test(value) ? undefined : `\`${value}\` is not valid for ${name}: write in or out, then ipsec or none (for example in,ipsec)`;
  },
  /** `psd=21,3s,3,1`: weight threshold, delay threshold, low-port weight, high-port weight. */
  psd(value, name) {
    const [weight, delay, low, high, extra] = value.split(',');
    const whole = (v?: string) => v !== undefined && /^\d+$/.test(v);
    const ok = extra === undefined && whole(weight) && delay !== undefined && parseTimeSeconds(delay) !== undefined && whole(low) && whole(high);
    return ok ? undefined : `\`${value}\` is not valid for ${name}: write weight,delay,low-port-weight,high-port-weight (for example 21,3s,3,1)`;
  },
  /** `ranges=10.0.0.2-10.0.0.254,10.0.1.0/24`: addresses, a-b ranges or prefixes, comma separated. */
  'ip-ranges'(value, name) {
    let reversed: string | undefined;
    for (const item of value.split(',')) {
      if (isIpv4Prefix(item)) continue;
      const range = checkIpv4Range(item);
      if (range === 'reversed') reversed ??= item;
      else if (range !== 'ok') return `\`${item}\` is not an address, range or prefix for ${name} (like 10.0.0.2-10.0.0.254 or 10.0.1.0/24)`;
    }
    return reversed === undefined ? undefined : reversedRange(reversed, name);
  },
  /** `tos=16`, `tos=16/252`. */
  tos(value, name) {
    const match = /^(\d+)(?:\/(\d+))?$/.exec(value);
    return match && Number(match[1]) <= 255 && Number(match[2] ?? 0) <= 255 ? undefined : `\`${value}\` is not valid for ${name}: write value[/mask], 0..255`;
  },
};

export function checkPattern(pattern: string, value: string, name: string): ValueProblem | undefined {
  const check = PATTERN_CHECKS[pattern];
  const result = check ? check(value, name) : undefined;
  return typeof result === 'string' ? { message: result } : result;
}

/** A `from-to` item whose first value is above its last. */
export function reversedRange(item: string, name: string): ValueProblem {
  const dash = item.indexOf('-');
  return { message: `\`${item}\` starts above where it ends: write the lower end first for ${name} (${item.slice(dash + 1)}-${item.slice(0, dash)})`, doubtful: true };
}

/**
 * The words a value of a pattern starts with, each written as `word:` before its numbers
 * (`per-connection-classifier=both-addresses:2/0`, `new-ttl=set:64`, `ttl=less-than:10`); completion offers them.
 */
export const PATTERN_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  pcc: HASHES,
  'ttl-change': ['set', 'increment', 'decrement'],
  'ttl-match': ['equal', 'not-equal', 'less-than', 'greater-than'],
};
