/** RouterOS time intervals (facts A.6): unit fragments (`1h30m`), the clock form (`1d 02:00:00`) or bare seconds. */

const TIME_UNITS = /^(?:\d+(?:\.\d+)?(?:ns|us|ms|s|m|h|d|w))+$/;
const TIME_CLOCK = /^(?:(\d+)w)?(?:(\d+)d)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?$/;
// A bare number is seconds, fractions included (`interval=0.5`).
const TIME_SECONDS = /^\d+(?:\.\d+)?$/;
const UNIT_SECONDS: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** Seconds in a RouterOS time value, or undefined if it is not one. Bare numbers are seconds. */
export function parseTimeSeconds(text: string): number | undefined {
  if (TIME_SECONDS.test(text)) return Number(text);
  if (TIME_UNITS.test(text)) {
    let total = 0;
    for (const match of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|ms|s|m|h|d|w)/g)) total += Number(match[1]) * UNIT_SECONDS[match[2]!]!;
    return total;
  }
  const clock = TIME_CLOCK.exec(text);
  if (clock) {
    const [, w, d, h, m, s] = clock;
    return Number(w ?? 0) * 604800 + Number(d ?? 0) * 86400 + Number(h) * 3600 + Number(m) * 60 + Number(s ?? 0);
  }
  return undefined;
}

/** Seconds written the way RouterOS prints a duration: `35w3d13h13m56s`, `1d`, `0s`. */
export function formatDuration(seconds: number): string {
  if (seconds <= 0) return '0s';
  let rest = Math.floor(seconds);
  let text = '';
  for (const [unit, size] of [['w', 604800], ['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) text += `${count}${unit}`;
  }
  return text || '0s';
}
