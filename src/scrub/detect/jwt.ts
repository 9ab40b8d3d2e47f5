import { DETECTOR_RULES } from '../rules.ts';
import { BASE64URL, isIn } from './chars.ts';
import type { Detector } from './types.ts';

// A run of base64url characters, read natively rather than one character at a time.
const BASE64URL_RUN = /[A-Za-z0-9_-]*/y;

/**
 * JSON Web Tokens (RFC 7519): three base64url parts joined by dots, the first one a JSON
 * header, which always encodes to `eyJ` (`{"`). Runs at each `eyJ`; a long run of base64url
 * without the dots is skipped whole, since no token can start inside it.
 */
export const detectJwt: Detector = (text, start, _context, findings) => {
  const headerEnd = runEnd(text, start);
  if (isIn(text, start - 1, BASE64URL)) {
    return headerEnd;
  }
  if (headerEnd - start < 10 || text.charCodeAt(headerEnd) !== 46) {
    return headerEnd;
  }

  const payloadEnd = runEnd(text, headerEnd + 1);
  if (payloadEnd - headerEnd - 1 < 2 || text.charCodeAt(payloadEnd) !== 46) {
    return payloadEnd;
  }

  // The signature may be empty for unsigned tokens (`alg: none`).
  const end = runEnd(text, payloadEnd + 1);
  findings.add(start, end, DETECTOR_RULES.jwt);
  return end;
};

function runEnd(text: string, from: number): number {
  BASE64URL_RUN.lastIndex = from;
  BASE64URL_RUN.test(text);
  return BASE64URL_RUN.lastIndex;
}
