/**
 * Validators for structured values that have a syntax of their own (firewall matchers, VLAN ranges, ...).
 * Keyed by the `pattern` name used in the schema data. An unknown pattern name accepts any value: the schema
 * invariant tests make sure every name used in the data has a validator here.
 */

type PatternCheck = (value: string, name: string) => string | undefined;

const PORT = /^\d{1,5}$/;
const HASHES = [
  'src-address', 'dst-address', 'both-addresses', 'src-port', 'dst-port', 'both-ports',
  'src-address-and-port', 'dst-address-and-port', 'both-addresses-and-ports',
];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DST_LIMIT_MODES = ['dst-address', 'dst-address-and-port', 'src-address', 'src-and-dst-addresses', 'addresses-and-dst-port'];
const TIME_OF_DAY = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$|^\d{1,2}:\d{2}(?::\d{2})?$|^\d+$/;
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
    for (const item of value.split(',')) {
      const [from, to, extra] = item.split('-');
      if (extra !== undefined || !portOk(from ?? '') || (to !== undefined && !portOk(to))) return `\`${item}\` is not a port or port range (0..65535) for ${name}`;
    }
    return undefined;
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
    return badDay === undefined ? undefined : `\`${badDay}\` is not a day for ${name}: use ${DAYS.join(', ')}`;
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
    const [mode] = (modeAndExpire ?? '').split('/');
    const ok = extra === undefined && /^\d+[kKMG]?(?:\/\d*(?:ms|s|m|h|d))?$/.test(rate ?? '') && (burst === undefined || /^\d+$/.test(burst)) && (mode === undefined || mode === '' || DST_LIMIT_MODES.includes(mode));
    return ok ? undefined : `\`${value}\` is not valid for ${name}: write rate[/time],burst,mode[/expire]`;
  },
  /** `icmp-options=8:0`. */
  'icmp-options'(value, name) {
    const match = /^(\d+)(?::(\d+)(?:-(\d+))?)?$/.exec(value);
    return match && Number(match[1]) <= 255 && Number(match[2] ?? 0) <= 255 ? undefined : `\`${value}\` is not valid for ${name}: write type[:code], for example 8:0`;
  },
  /** `connection-limit=100,32`. */
  'connection-limit'(value, name) {
    return /^\d+,\d{1,3}$/.test(value) || /^\d+$/.test(value) ? undefined : `\`${value}\` is not valid for ${name}: write count,netmask, for example 100,32`;
  },
  /** `rate-limit=10M/20M` (rx/tx with optional burst fields). */
  'rate-limit'(value, name) {
    const first = value.split(' ')[0] ?? '';
    const [rx, tx, extra] = first.split('/');
    return extra === undefined && RATE.test(rx ?? '') && (tx === undefined || RATE.test(tx)) ? undefined : `\`${value}\` is not valid for ${name}: write rx/tx, for example 10M/20M`;
  },
  /** `tos=16`, `tos=16/252`. */
  tos(value, name) {
    const match = /^(\d+)(?:\/(\d+))?$/.exec(value);
    return match && Number(match[1]) <= 255 && Number(match[2] ?? 0) <= 255 ? undefined : `\`${value}\` is not valid for ${name}: write value[/mask], 0..255`;
  },
};

export function checkPattern(pattern: string, value: string, name: string): string | undefined {
  const check = PATTERN_CHECKS[pattern];
  return check ? check(value, name) : undefined;
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
