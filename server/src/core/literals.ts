/**
 * Classifies a bare word by its shape (RouterOS literal lexicon, facts A.6). Meaning is the schema's business:
 * `yes` is reported as a bool even where a parameter takes `yes` as an enum value.
 */
import type { LiteralKind } from './ast.js';

const NUMBER = /^-?(?:0x[0-9a-fA-F]+|\d+)$/;
const ID = /^\*[0-9a-fA-F]+$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){1,3}$/;
const IPV4_PREFIX = /^(\d{1,3}(?:\.\d{1,3}){1,3})\/(\d{1,2})$/;
const IPV4_RANGE = /^(\d{1,3}(?:\.\d{1,3}){1,3})-(\d{1,3}(?:\.\d{1,3}){1,3})$/;
const MAC = /^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}$/;
const TIME_UNITS = /^(?:\d+(?:\.\d+)?(?:ns|us|ms|s|m|h|d|w))+$/;
const TIME_CLOCK = /^(?:\d+w)?(?:\d+d)?\d+:\d+(?::\d+)?(?:\.\d+)?$/;
const IPV6 = /^[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?:\d{1,3}(?:\.\d{1,3}){3})?$/;
const IPV6_PREFIX = /^([0-9A-Fa-f:.]+)\/(\d{1,3})$/;
const FRACTION_TIME = /^\d*\.\d+$/;

function isIpv4(text: string): boolean {
  if (!IPV4.test(text)) return false;
  return text.split('.').every((part) => Number(part) <= 255);
}

function isIpv6(text: string): boolean {
  if (!IPV6.test(text)) return false;
  const colons = text.split(':').length - 1;
  return text.includes('::') ? colons <= 7 : colons === 7;
}

export function classifyWord(text: string): LiteralKind {
  if (text.length === 0) return 'word';
  const first = text.charCodeAt(0);
  if (text === 'true' || text === 'false' || text === 'yes' || text === 'no') return 'bool';
  if (first === 42 /* * */) return ID.test(text) ? 'id' : 'word';
  // A word starting with a letter other than a-f can only be a word; skip the shape tests.
  const lower = first | 32;
  if (lower >= 103 && lower <= 122) return 'word';
  if (NUMBER.test(text)) return 'number';
  if (text.includes(':')) {
    if (MAC.test(text)) return 'mac';
    if (TIME_CLOCK.test(text)) return 'time';
    if (isIpv6(text)) return 'ip6';
    const v6prefix = IPV6_PREFIX.exec(text);
    if (v6prefix && isIpv6(v6prefix[1]!) && Number(v6prefix[2]) <= 128) return 'ip6Prefix';
    return 'word';
  }
  if (isIpv4(text)) return 'ip';
  const prefix = IPV4_PREFIX.exec(text);
  if (prefix) return isIpv4(prefix[1]!) && Number(prefix[2]) <= 32 ? 'ipPrefix' : 'word';
  const range = IPV4_RANGE.exec(text);
  if (range) return isIpv4(range[1]!) && isIpv4(range[2]!) ? 'ipRange' : 'word';
  if (TIME_UNITS.test(text)) return 'time';
  if (FRACTION_TIME.test(text)) return 'time';
  return 'word';
}
