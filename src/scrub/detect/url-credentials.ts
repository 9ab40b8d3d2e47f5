import { DETECTOR_RULES } from '../rules.ts';
import { isWordAt } from './chars.ts';
import type { Findings } from './types.ts';

// The userinfo of a URL is short; 256 characters is far more than any user:password pair.
const MAX_USERINFO = 256;

/**
 * Looks at the `@` at `at` as the end of a URL's userinfo (`scheme://user:password@host`,
 * also `//user:password@host`).
 * Records the password when there is one; the user name stays, so the URL still parses and
 * shows who connected. Returns whether the `@` belongs to a URL's userinfo at all, so that the
 * email detector leaves it alone.
 */
export function findUrlCredentials(
  text: string,
  at: number,
  replacement: string,
  findings: Findings | undefined,
): boolean {
  const start = userinfoStart(text, at);
  if (start === undefined) {
    return false;
  }

  const userinfo = text.slice(start, at);
  const colon = userinfo.indexOf(':');
  if (colon === -1 && text.charCodeAt(start - 3) !== 58) {
    // `//jane@example.com` without a scheme is more likely an email address than a user.
    return false;
  }
  if (findings === undefined || colon === -1) {
    return true;
  }

  const password = userinfo.slice(colon + 1);
  if (password.length > 0 && password !== replacement) {
    findings.add(start + colon + 1, at, DETECTOR_RULES.urlCredentials);
  }
  return true;
}

/**
 * The index just after `://`, or after the `//` of a protocol-relative URL (`//user:pw@host`,
 * RFC 3986 section 4.2), when `text.slice(index, at)` can be a URL's userinfo.
 */
function userinfoStart(text: string, at: number): number | undefined {
  const stop = Math.max(0, at - MAX_USERINFO);
  let index = at;
  while (index > stop && isUserinfoCharacter(text.charCodeAt(index - 1))) {
    index--;
  }
  if (index === at || !text.startsWith('//', index - 2)) {
    return undefined;
  }
  // After a scheme's `:`, or where a URL can start; not inside a path (`a//b`, `///`).
  const before = text.charCodeAt(index - 3);
  if (before !== 58 && (isWordAt(text, index - 3) || before === 47 || before === 46)) {
    return undefined;
  }
  return index;
}

// RFC 3986 userinfo: unreserved, percent-encoded, sub-delims and `:`. Anything that ends an
// authority (`/`, `?`, `#`, `@`) or a URL in text (spaces, quotes, brackets) ends it.
function isUserinfoCharacter(code: number): boolean {
  if (code <= 32 || code >= 127) {
    return false;
  }
  switch (code) {
    case 34: // "
    case 35: // #
    case 39: // '
    case 47: // /
    case 60: // <
    case 62: // >
    case 63: // ?
    case 64: // @
    case 91: // [
    case 92: // \
    case 93: // ]
    case 96: // `
    case 123: // {
    case 124: // |
    case 125: // }
      return false;
    default:
      return true;
  }
}
