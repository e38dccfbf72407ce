/**
 * Decoding a string literal: its value (escapes and continuations applied), its text and interpolation parts,
 * and on request an offset map from each decoded character back to the file, so code parsed from the decoded
 * text can be reported at the exact place in the file (escapes and continuations included).
 */
import { isUpperHex, quotedNameFollows, scanInterpolation, scanString } from './stringScan.js';

export type DecodedPiece =
  | { readonly kind: 'text'; readonly start: number; readonly end: number; readonly value: string }
  | {
      readonly kind: 'interpolation';
      readonly start: number;
      readonly end: number;
      readonly form: 'name' | 'quoted' | 'group' | 'substitution';
      /** Where the interpolation's text sits in the decoded value (only when the offset map was asked for). */
      readonly decodedStart?: number;
      readonly decodedEnd?: number;
    };

export interface DecodedString {
  readonly value: string;
  readonly pieces: DecodedPiece[];
  readonly hasInterpolation: boolean;
  /** File offset where the source of decoded character k starts / ends (only when asked for). */
  readonly starts?: Int32Array;
  readonly ends?: Int32Array;
}

const SIMPLE: Record<string, string> = {
  '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t', $: '$', _: ' ', '?': '?', a: '\x07', b: '\b', f: '\f', v: '\v',
};

function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || code === 95 || code >= 128;
}

/**
 * Decodes the string token text[start, end). `unterminated` strings have no closing quote.
 * `wantMap` builds the decoded -> file offset map (only needed for strings that hold code).
 */
/** Stands in for a text part until the value it is cut from is complete. */
const PENDING_TEXT: DecodedPiece = { kind: 'text', start: 0, end: 0, value: '' };

export function decodeString(text: string, start: number, end: number, unterminated: boolean, wantMap: boolean): DecodedString {
  const contentEnd = unterminated ? end : Math.max(start + 1, end - 1);
  if (isPlain(text, start + 1, contentEnd)) return plainString(text, start + 1, contentEnd, wantMap);
  const pieces: DecodedPiece[] = [];
  // A decoded string is never longer than its source, so the maps can be sized once.
  const capacity = Math.max(0, contentEnd - start - 1);
  const starts = wantMap ? new Int32Array(capacity) : undefined;
  const ends = wantMap ? new Int32Array(capacity) : undefined;
  let mapped = 0;
  const chunks: string[] = [];
  let value = '';
  // Text parts are cut from the finished value (flat slices) rather than built by `+=`, which leaves a rope of one
  // node per run in every part of a big `source="..."` script.
  let decodedLength = 0;
  let partDecodedStart = 0;
  const textParts: { index: number; start: number; end: number; from: number; to: number }[] = [];
  let partStart = start + 1;
  let hasInterpolation = false;

  const add = (chars: string, from: number, to: number): void => {
    chunks.push(chars);
    decodedLength += chars.length;
    if (starts && ends) {
      for (let k = 0; k < chars.length && mapped < capacity; k++) {
        starts[mapped] = from;
        ends[mapped] = to;
        mapped++;
      }
    }
  };
  /** A run of characters copied as they are (the common case): one slice, one map entry per character. */
  const addRun = (from: number, to: number): void => {
    const run = text.slice(from, to);
    chunks.push(run);
    decodedLength += to - from;
    if (starts && ends) {
      for (let k = from; k < to && mapped < capacity; k++) {
        starts[mapped] = k;
        ends[mapped] = k + 1;
        mapped++;
      }
    }
  };
  const flushText = (upTo: number): void => {
    if (upTo > partStart) {
      textParts.push({ index: pieces.length, start: partStart, end: upTo, from: partDecodedStart, to: decodedLength });
      pieces.push(PENDING_TEXT);
    }
    partDecodedStart = decodedLength;
  };

  let i = start + 1;
  while (i < contentEnd) {
    const code = text.charCodeAt(i);
    if (code === 92 /* \ */ && i + 1 < contentEnd) {
      const next = text.charAt(i + 1);
      const nextCode = text.charCodeAt(i + 1);
      const simple = SIMPLE[next];
      if (simple !== undefined) {
        add(simple, i, i + 2);
        i += 2;
      } else if (isUpperHex(nextCode) && isUpperHex(text.charCodeAt(i + 2)) && i + 2 < contentEnd) {
        add(String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16)), i, i + 3);
        i += 3;
      } else if (nextCode === 32 || nextCode === 9 || nextCode === 10 || nextCode === 13) {
        let j = i + 1;
        while (j < contentEnd && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
        const after = text.charCodeAt(j);
        if (after === 13 || after === 10) {
          j += after === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1;
          // Export indentation after a continuation is not part of the value.
          while (j < contentEnd && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
          i = j;
        } else {
          i += 2;
        }
      } else {
        add(text.slice(i, i + 2), i, i + 2);
        i += 2;
      }
      continue;
    }
    if (code === 36 /* $ */ && i + 1 < contentEnd) {
      const next = text.charCodeAt(i + 1);
      let interpolationEnd = -1;
      let form: 'name' | 'quoted' | 'group' | 'substitution' = 'name';
      if (next === 40 || next === 91) {
        const scan = scanInterpolation(text, i + 1, 1);
        interpolationEnd = scan.unterminated ? contentEnd : Math.min(scan.end, contentEnd);
        form = next === 40 ? 'group' : 'substitution';
      } else if (next === 34 && quotedNameFollows(text, i + 1, 0)) {
        const scan = scanString(text, i + 1, [], 1);
        interpolationEnd = scan.unterminated ? contentEnd : Math.min(scan.end, contentEnd);
        form = 'quoted';
      } else if (isNameChar(next)) {
        let j = i + 1;
        while (j < contentEnd && isNameChar(text.charCodeAt(j))) j++;
        interpolationEnd = j;
      }
      if (interpolationEnd > i) {
        flushText(i);
        hasInterpolation = true;
        const decodedStart = mapped;
        addRun(i, interpolationEnd);
        pieces.push(starts ? { kind: 'interpolation', start: i, end: interpolationEnd, form, decodedStart, decodedEnd: mapped } : { kind: 'interpolation', start: i, end: interpolationEnd, form });
        partDecodedStart = decodedLength;
        i = interpolationEnd;
        partStart = i;
        continue;
      }
    }
    let runEnd = i + 1;
    while (runEnd < contentEnd) {
      const next = text.charCodeAt(runEnd);
      if (next === 92 || next === 36) break;
      runEnd++;
    }
    addRun(i, runEnd);
    i = runEnd;
  }
  flushText(contentEnd);
  value = chunks.join('');
  for (const part of textParts) pieces[part.index] = { kind: 'text', start: part.start, end: part.end, value: value.slice(part.from, part.to) };
  return {
    value, pieces, hasInterpolation,
    starts: starts ? starts.subarray(0, mapped) : undefined,
    ends: ends ? ends.subarray(0, mapped) : undefined,
  };
}

/** Whether text[from, to) has no `\` and no `$`: its value is the text itself (most strings of an export). */
function isPlain(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 92 || code === 36) return false;
  }
  return true;
}

/** decodeString for a plain string: one text piece, each character mapped to itself. */
function plainString(text: string, from: number, to: number, wantMap: boolean): DecodedString {
  const value = text.slice(from, to);
  const pieces: DecodedPiece[] = to > from ? [{ kind: 'text', start: from, end: to, value }] : [];
  if (!wantMap) return { value, pieces, hasInterpolation: false, starts: undefined, ends: undefined };
  const length = to - from;
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  for (let k = 0; k < length; k++) {
    starts[k] = from + k;
    ends[k] = from + k + 1;
  }
  return { value, pieces, hasInterpolation: false, starts, ends };
}
