import { DETECTOR_RULES } from '../rules.ts';
import { BASE64URL, isIn } from './chars.ts';
import type { Detector, Findings } from './types.ts';

// A run of base64url characters, read natively rather than one character at a time.
const BASE64URL_RUN = /[A-Za-z0-9_-]*/y;

/**
 * JSON Web Tokens (RFC 7519): three base64url parts joined by dots, the first one a JSON
 * header, which always encodes to `eyJ` (`{"`). No token starts inside a run of base64url, so
 * each run is read once, however many `eyJ` it holds; scanning still resumes right after the
 * `eyJ`, so other detectors see what the run contains.
 */
export const detectJwt: Detector = (text, start, context, findings) => {
  const { state } = context;
  if (isIn(text, start - 1, BASE64URL) || start < state.jwtRunEnd) {
    return start + 3;
  }
  state.jwtRunEnd = runEnd(text, start);
  return findJwt(text, start, state.jwtRunEnd, findings) ?? start + 3;
};

function findJwt(
  text: string,
  start: number,
  headerEnd: number,
  findings: Findings,
): number | undefined {
  if (headerEnd - start < 10 || text.charCodeAt(headerEnd) !== 46) {
    return undefined;
  }

  const payloadEnd = runEnd(text, headerEnd + 1);
  if (payloadEnd - headerEnd - 1 < 2 || text.charCodeAt(payloadEnd) !== 46) {
    return undefined;
  }

  // The signature may be empty for unsigned tokens (`alg: none`).
  const end = runEnd(text, payloadEnd + 1);
  findings.add(start, end, DETECTOR_RULES.jwt);
  return end;
}

function runEnd(text: string, from: number): number {
  BASE64URL_RUN.lastIndex = from;
  BASE64URL_RUN.test(text);
  return BASE64URL_RUN.lastIndex;
}
