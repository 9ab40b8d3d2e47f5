import { detectAuthorization } from './authorization.ts';
import { detectIban } from './iban.ts';
import { detectServiceKey, keysStartingAt } from './service-keys.ts';
import type { Detector } from './types.ts';

/** Authentication schemes, in the spellings seen in headers and logs. */
const SCHEME_SOURCE = '(?:[Bb]earer|BEARER|[Bb]asic|BASIC|Negotiate|NEGOTIATE|NTLM)[ \\t]';
/** The schemes after their upper-case first letter, for the candidate pattern. */
export const SCHEME_AFTER_UPPER = '(?:earer|EARER|asic|ASIC|egotiate|EGOTIATE|TLM)[ \\t]';
/** The schemes written in lower case, as a one-character candidate. */
export const SCHEME_LOWER = 'b(?=(?:earer|asic)[ \\t])';
/** The start of an IBAN: country, check digits, and the first characters of the account. */
const IBAN_SOURCE = '[A-Z]{2}\\d{2} ?[A-Z0-9]{4}';
/** The IBAN start after its first letter, for the candidate pattern. */
export const IBAN_AFTER_FIRST = '[A-Z]\\d{2} ?[A-Z0-9]{4}';

const SCHEME_AT = new RegExp(SCHEME_SOURCE, 'y');
const IBAN_AT = new RegExp(IBAN_SOURCE, 'y');

/**
 * Runs where the candidate pattern found a letter that starts a service key prefix, an
 * authentication scheme or an IBAN, and hands it to the detector that is switched on.
 */
export const detectAtLetter: Detector = (text, start, context, findings) => {
  const { enabled } = context;
  if (enabled.serviceKeys && startsServiceKey(text, start)) {
    return detectServiceKey(text, start, context, findings);
  }
  if (enabled.authorizationCredentials && isAt(SCHEME_AT, text, start)) {
    return detectAuthorization(text, start, context, findings);
  }
  if (enabled.iban && isAt(IBAN_AT, text, start)) {
    return detectIban(text, start, context, findings);
  }
  return start + 1;
};

function isAt(pattern: RegExp, text: string, start: number): boolean {
  pattern.lastIndex = start;
  return pattern.test(text);
}

function startsServiceKey(text: string, start: number): boolean {
  for (const key of keysStartingAt(text, start)) {
    if (text.startsWith(key.prefix, start)) {
      return true;
    }
  }
  return false;
}
