/** Reading one script file, and refusing files that are not text at all (images, archives, UTF-16). */
import fs from 'node:fs';

export type ScriptRead = { readonly text: string; readonly notScript?: undefined } | { readonly text?: undefined; readonly notScript: string };

/**
 * Control characters other than tab, line feed, vertical tab, form feed and carriage return. Real scripts hold
 * none or a stray few; random binary data holds about one byte in ten (27 of the 256 byte values).
 */
const CONTROL = /[\u0001-\u0008\u000e-\u001f\u007f]/g;

/** Above one control character in twenty (and more than a stray handful) the file is data, not a script. */
const CONTROL_SHARE_LIMIT = 0.05;
const CONTROL_COUNT_TOLERATED = 8;

/**
 * Why `text` is not a RouterOS script, or undefined if it is text. A NUL byte is decisive: no text editor
 * writes one and RouterOS cannot keep one in a script. Otherwise the file must be mostly printable.
 */
export function notScriptReason(bytes: Uint8Array, text: string): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16 text; save it as UTF-8 or ASCII';
  if (text.includes('\u0000')) return 'binary data';
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > CONTROL_COUNT_TOLERATED && controls > text.length * CONTROL_SHARE_LIMIT) return 'binary data';
  return undefined;
}

/**
 * A script as RouterOS stores it: bytes, usually Windows-1252. Valid UTF-8 is decoded as UTF-8; anything
 * else as latin-1, so every byte maps to one character and offsets stay meaningful.
 */
export function decodeScript(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return bytes.toString('latin1');
  }
}

/** Reads a file to lint: its text, or why it is not a script. Throws only on I/O errors. */
export function readScriptFile(file: string): ScriptRead {
  const bytes = fs.readFileSync(file);
  const text = decodeScript(bytes);
  const notScript = notScriptReason(bytes, text);
  return notScript ? { notScript } : { text };
}
