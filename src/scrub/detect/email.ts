import { DETECTOR_RULES } from '../rules.ts';
import { DOMAIN, EMAIL_LOCAL, isIn, LETTER, skipBackward, skipForward } from './chars.ts';
import type { Findings } from './types.ts';

// RFC 5321 section 4.5.3.1: a local part has at most 64 octets and a domain at most 255.
const MAX_LOCAL = 64;
const MAX_DOMAIN = 255;

/**
 * Finds an email address around the `@` (or its percent-encoding `%40`) at `at`, where the
 * at-sign is `width` characters long. Scans at most 64 characters back and 255 forward, so a
 * long run of letters around an `@` costs no more than that. Returns the end of the address,
 * or `undefined` when there is none.
 */
export function findEmail(
  text: string,
  at: number,
  width: number,
  findings: Findings,
): number | undefined {
  let start = skipBackward(text, at, EMAIL_LOCAL, MAX_LOCAL + 1);
  if (at - start > MAX_LOCAL || isIn(text, start - 1, EMAIL_LOCAL)) {
    return undefined;
  }
  // A local part neither starts nor ends with a dot: `...jane@` is `jane@`.
  while (start < at && text.charCodeAt(start) === 46) {
    start++;
  }
  if (start === at || text.charCodeAt(at - 1) === 46 || isGitUser(text, start, at)) {
    return undefined;
  }

  const end = domainEnd(text, at + width);
  if (end === undefined) {
    return undefined;
  }
  findings.add(start, end, DETECTOR_RULES.email);
  return end;
}

/**
 * The end of a domain name starting at `from`: two or more labels, the last one (the
 * top-level domain) letters only. A trailing dot ends a sentence, not the domain.
 */
function domainEnd(text: string, from: number): number | undefined {
  let end = skipForward(text, from, DOMAIN, from + MAX_DOMAIN + 1);
  if (end - from > MAX_DOMAIN) {
    return undefined;
  }
  while (end > from && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) {
    end--;
  }

  let lastDot = end - 1;
  while (lastDot > from && text.charCodeAt(lastDot) !== 46) {
    lastDot--;
  }
  if (lastDot <= from || text.charCodeAt(from) === 46) {
    return undefined;
  }
  if (end - lastDot - 1 < 2 || skipForward(text, lastDot + 1, LETTER, end) !== end) {
    return undefined;
  }
  return end;
}

// `git@github.com:org/repo.git` is an SSH remote, not a person's address.
function isGitUser(text: string, start: number, at: number): boolean {
  return at - start === 3 && text.startsWith('git', start);
}
