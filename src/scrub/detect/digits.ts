import { detectCard } from './card.ts';
import { findIpv4 } from './ip-address.ts';
import { detectSsn } from './ssn.ts';
import type { Detector } from './types.ts';

/**
 * Runs where the candidate pattern found a number shaped like an IPv4 address (dots), a US
 * social security number (`AAA-GG-SSSS`, 11 characters) or the start of a card number (eight
 * digits, maybe split), and hands it to that detector if it is switched on.
 */
export const detectDigits: Detector = (text, match, context, findings) => {
  const found = match[0] as string;
  const end = match.index + found.length;
  const { enabled } = context;
  if (found.includes('.')) {
    return enabled.ipAddress ? findIpv4(text, match.index, end, findings) : end;
  }
  if (found.length === 11) {
    return enabled.usSocialSecurityNumber ? detectSsn(text, match, context, findings) : end;
  }
  return enabled.creditCard ? detectCard(text, match, context, findings) : end;
};
