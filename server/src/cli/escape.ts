/**
 * Keeps script text from steering the terminal. Findings quote words from the script and name files, and either
 * may hold an ESC (colour codes, cursor moves), a carriage return that overwrites the line, a C1 control such as
 * CSI (U+009B) that some terminals obey, or a bidirectional override that reorders what the reader sees.
 */

/** C0 and C1 controls, DEL, line/paragraph separators and the bidirectional embedding/override/isolate marks. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** Text for a terminal: every unsafe character becomes `\xHH` (or `\uHHHH` above U+00FF); the rest is unchanged. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}

/** What JSON.stringify leaves raw inside strings: DEL, C1 controls, separators and bidirectional marks. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON that stays safe when printed. JSON.stringify already escapes C0 controls inside strings (the line breaks
 * left are its own layout), and the other unsafe characters can only stand inside strings, so writing them as
 * `\uHHHH` escapes changes no value.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (char) => `\\u${hex(char.charCodeAt(0), 4)}`);
}
