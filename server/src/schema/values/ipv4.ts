/**
 * IPv4 literals as RouterOS reads them (facts A.6): two to four dotted parts, each 0..255; a short form fills the
 * low octets (`10.1` is 10.0.0.1, `2.1.1` is 2.1.0.1). Prefixes add `/0..32`, ranges join two addresses with `-`.
 */

const PART = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The address as a 32-bit number, or undefined when the text is not an IPv4 literal. */
export function ipv4Value(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => PART.test(p))) return undefined;
  const numbers = parts.map(Number);
  // The last part is the last octet; the parts before it fill the octets from the top, the gap is zeros.
  const octets = [0, 0, 0, numbers[numbers.length - 1]!];
  for (let i = 0; i < numbers.length - 1; i++) octets[i] = numbers[i]!;
  return ((octets[0]! * 256 + octets[1]!) * 256 + octets[2]!) * 256 + octets[3]!;
}

export function isIpv4Address(text: string): boolean {
  return ipv4Value(text) !== undefined;
}

/** `address/length` with length 0..32, or a bare address. */
export function isIpv4Prefix(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return isIpv4Address(text);
  const length = text.slice(slash + 1);
  return isIpv4Address(text.slice(0, slash)) && /^(?:3[0-2]|[12]?\d)$/.test(length);
}

export type Ipv4RangeCheck = 'ok' | 'not-a-range' | 'reversed';

/** `first-last`: both addresses, and the first not above the last. */
export function checkIpv4Range(text: string): Ipv4RangeCheck {
  const dash = text.indexOf('-');
  if (dash < 0) return 'not-a-range';
  const from = ipv4Value(text.slice(0, dash));
  const to = ipv4Value(text.slice(dash + 1));
  if (from === undefined || to === undefined) return 'not-a-range';
  return from > to ? 'reversed' : 'ok';
}
