import { DETECTOR_RULES } from '../rules.ts';
import type { Detector } from './types.ts';

// A PEM label (RFC 7468) is short: `RSA PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`,
// `OPENSSH PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`.
const MAX_LABEL = 64;
const BEGIN = '-----BEGIN ';
const DASHES = '-----';

/**
 * PEM-encoded private keys (RFC 7468 and OpenSSH's and OpenPGP's variants of it). The body
 * between the BEGIN and END lines is replaced and the two lines stay, so the message still
 * says what kind of key leaked. Public keys and certificates are left alone. A key without an
 * END line is replaced to the end of the text.
 */
export const detectPrivateKey: Detector = (text, start, _context, findings) => {
  const labelStart = start + BEGIN.length;
  const labelEnd = text.indexOf(DASHES, labelStart);
  if (labelEnd === -1 || labelEnd - labelStart > MAX_LABEL) {
    return labelStart;
  }

  const bodyStart = labelEnd + DASHES.length;
  if (!text.slice(labelStart, labelEnd).includes('PRIVATE KEY')) {
    return bodyStart;
  }

  const endLine = text.indexOf('-----END ', bodyStart);
  const bodyEnd = endLine === -1 ? text.length : endLine;
  findings.add(bodyStart, bodyEnd, DETECTOR_RULES.privateKey);
  return bodyEnd;
};
