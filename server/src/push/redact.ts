/**
 * Keeps router passwords out of every message, log line and error the push code produces.
 *
 * Where it applies: only to FOREIGN text, i.e. text that came from the router (replies, console output, the
 * identity), from errors raised by sockets and libraries, or from the user's script (which a lint message or a
 * router echo may quote). The push code's own sentences never contain the password, and redacting them would garble
 * them when the password is a short word ("Fix them" must not become "Fi*** them"). Transports redact at the point
 * where foreign text enters; messages built from already-redacted pieces are shown as they are.
 *
 * What it masks: whole-token occurrences of the password and of the forms it can leak in: URL-encoded, the base64
 * `user:password` of an HTTP Basic header (padded or not), plus credential shapes that need no known secret
 * (Authorization headers, `user:password@` in URLs). "Whole token" means the occurrence is not glued to a letter,
 * digit or underscore on a side where the secret itself starts or ends with one: the password `Fi` is masked in
 * `password=Fi` and `"Fi"` but not inside `File`. A secret glued into a longer word is not the secret shown on its
 * own, and masking inside words is what made short passwords garble text.
 */

const MASK = '***';

/** A letter, digit or underscore in any script: the characters that make up a word. */
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

export class Redactor {
  private readonly needles: string[] = [];

  /** Registers a secret (and the user it belongs to, so the Basic-auth form can be recognised too). */
  addSecret(secret: string, user?: string): void {
    if (secret.length === 0) return;
    const forms = new Set<string>([secret, encodeURIComponent(secret)]);
    if (user !== undefined) {
      const basic = Buffer.from(`${user}:${secret}`, 'utf8').toString('base64');
      forms.add(basic);
      // Base64 without its padding also appears in some logs.
      forms.add(basic.replace(/=+$/, ''));
    }
    for (const form of forms) if (!this.needles.includes(form)) this.needles.push(form);
    // Longest first, so a secret that contains another is masked whole.
    this.needles.sort((a, b) => b.length - a.length);
  }

  /** Returns foreign `text` with every whole-token secret form and every credential-bearing header or URL part masked. */
  redact(text: string): string {
    let out = text;
    for (const needle of this.needles) out = maskWholeTokens(out, needle);
    return redactCredentialShapes(out);
  }

  /** Redacts the message of an error-like value (a foreign error) and returns a plain string for display. */
  redactError(error: unknown): string {
    return this.redact(describeError(error));
  }
}

/** True when `a` directly followed by `b` would read as one word. */
function glued(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && WORD_CHARACTER.test(a) && WORD_CHARACTER.test(b);
}

/** Replaces the occurrences of `needle` in `text` that stand as a token of their own. */
export function maskWholeTokens(text: string, needle: string): string {
  if (needle.length === 0) return text;
  const first = needle[0];
  const last = needle[needle.length - 1];
  let out = '';
  let copiedUpTo = 0;
  let at = text.indexOf(needle);
  while (at >= 0) {
    const end = at + needle.length;
    const before = at > 0 ? text[at - 1] : undefined;
    const after = end < text.length ? text[end] : undefined;
    if (!glued(before, first) && !glued(last, after)) {
      out += text.slice(copiedUpTo, at) + MASK;
      copiedUpTo = end;
      at = text.indexOf(needle, end);
    } else {
      at = text.indexOf(needle, at + 1);
    }
  }
  return out + text.slice(copiedUpTo);
}

/** Masks credential shapes that need no known secret: Authorization headers and `user:password@` in URLs. */
export function redactCredentialShapes(text: string): string {
  return text
    .replace(/(authorization["']?\s*[:=]\s*["']?)(basic|bearer)\s+[A-Za-z0-9+/=._~-]+/gi, `$1$2 ${MASK}`)
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+):[^/\s@]*@/gi, `$1:${MASK}@`);
}

/** A short text for any thrown value, without assuming it is an Error. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
