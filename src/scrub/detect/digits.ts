import { detectCard } from './card.ts';
import { findIpv4 } from './ip-address.ts';
import { findSsn } from './ssn.ts';
import type { Detector } from './types.ts';

// The forms the candidate pattern allows at a digit, read again here without allocating.
const DOTTED_QUAD = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/y;
const SSN_FORM = /\d{3}([ -])\d{2}\1\d{4}/y;

/**
 * Runs where the candidate pattern found a number shaped like an IPv4 address (dots), a US
 * social security number (`AAA-GG-SSSS`) or the start of a card number (eight digits, maybe
 * split), and hands it to that detector if it is switched on.
 */
export const detectDigits: Detector = (text, start, context, findings) => {
  const { enabled } = context;
  const quadEnd = formEnd(DOTTED_QUAD, text, start);
  if (quadEnd !== undefined) {
    return enabled.ipAddress ? findIpv4(text, start, quadEnd, findings) : quadEnd;
  }
  const ssnEnd = formEnd(SSN_FORM, text, start);
  if (ssnEnd !== undefined && enabled.usSocialSecurityNumber) {
    return findSsn(text, start, ssnEnd, findings);
  }
  return enabled.creditCard ? detectCard(text, start, context, findings) : start + 1;
};

function formEnd(form: RegExp, text: string, start: number): number | undefined {
  form.lastIndex = start;
  return form.test(text) ? form.lastIndex : undefined;
}
