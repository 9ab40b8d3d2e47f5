import { DETECTOR_RULES } from '../rules.ts';
import { isWordAt, LETTER, skipForward } from './chars.ts';
import type { Detector } from './types.ts';

// A run of the characters `chars.ts` allows in a credential (RFC 7235 token68, RFC 6750
// b64token), read natively rather than one character at a time.
const CREDENTIAL_RUN = /[A-Za-z0-9_\-.~+/=]*/y;

/**
 * HTTP credentials after an authentication scheme, in headers quoted in text:
 * `Bearer <token>` (RFC 6750), `Basic <base64 of user:password>` (RFC 7617),
 * `Negotiate`/`NTLM` <base64 ticket> (RFC 4559). The scheme stays. Words that only look like
 * a credential are left: `token_type: "Bearer"`, `Bearer undefined`, `Basic authentication`.
 */
export const detectAuthorization: Detector = (text, schemeStart, context, findings) => {
  const schemeEnd = skipForward(text, schemeStart, LETTER, text.length);
  let credentialStart = schemeEnd;
  while (text.charCodeAt(credentialStart) === 32 || text.charCodeAt(credentialStart) === 9) {
    credentialStart++;
  }
  if (isWordAt(text, schemeStart - 1)) {
    return credentialStart;
  }

  CREDENTIAL_RUN.lastIndex = credentialStart;
  CREDENTIAL_RUN.test(text);
  const end = CREDENTIAL_RUN.lastIndex;
  const scheme = text.slice(schemeStart, schemeEnd);
  const credential = text.slice(credentialStart, end);
  if (credential === context.replacement || !isCredential(scheme.toLowerCase(), credential)) {
    // Not a credential: what follows the scheme may be something else to find.
    return credentialStart;
  }
  findings.add(credentialStart, end, DETECTOR_RULES.authorizationCredentials);
  return end;
};

function isCredential(scheme: string, credential: string): boolean {
  if (credential.length < 8) {
    return false;
  }
  switch (scheme) {
    case 'basic':
      return decodesToPair(credential);
    case 'bearer':
      // An opaque token has digits or is long; `Bearer authentication` is prose.
      return credential.length >= 20 || /\d/.test(credential);
    default:
      // Kerberos and NTLM tickets are long base64 blobs.
      return credential.length >= 20;
  }
}

// Read without its padding and what follows it, so that a credential padded once too often or
// run into the next character (`...RQ===`, `...RQ==/`) is still recognised.
const BASE64_DIGITS = /^[A-Za-z0-9+/]*/;

function decodesToPair(credential: string): boolean {
  try {
    return atob((BASE64_DIGITS.exec(credential) as RegExpExecArray)[0]).includes(':');
  } catch {
    return false;
  }
}
