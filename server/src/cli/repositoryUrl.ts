/** The project's web address for SARIF's `informationUri`, taken from package.json only when it is a real one. */

/** Reserved names (RFC 2606, RFC 6761) that can never be a project's home. */
const PLACEHOLDER_HOST = /(^|\.)(invalid|example|test|localhost|local)$|^example\.(com|net|org)$|(^|\.)localhost$/i;

/**
 * `repository` as package.json holds it (`"https://…"`, `"git+https://….git"` or `{ "url": … }`) turned into a
 * browsable https address, or undefined when it is missing, not http(s), or a placeholder such as example.invalid.
 */
export function repositoryWebUrl(repository: unknown): string | undefined {
  const raw = typeof repository === 'string' ? repository : typeof repository === 'object' && repository !== null ? (repository as { url?: unknown }).url : undefined;
  if (typeof raw !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^git\+/, ''));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (PLACEHOLDER_HOST.test(url.hostname)) return undefined;
  url.pathname = url.pathname.replace(/\.git$/, '');
  url.username = '';
  url.password = '';
  return url.href;
}
