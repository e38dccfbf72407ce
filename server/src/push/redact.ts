/**
 * Keeps router passwords out of every message, log line and error the push code produces.
 *
 * A password can leak in more shapes than its plain text: as the base64 `user:password` of an HTTP Basic
 * header that a server or proxy echoes back, URL-encoded inside a URL, or as a whole `Authorization:` header
 * line. The redactor knows the secrets of one push and scrubs all of those shapes.
 */

const MASK = '***';

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

  /** Returns `text` with every known secret form and every credential-bearing header or URL part masked. */
  redact(text: string): string {
    let out = text;
    for (const needle of this.needles) out = out.split(needle).join(MASK);
    return redactCredentialShapes(out);
  }

  /** Redacts the message (and stack) of an error-like value and returns a plain string for display. */
  redactError(error: unknown): string {
    return this.redact(describeError(error));
  }
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
