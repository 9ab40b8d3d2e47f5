import { DETECTOR_RULES } from '../rules.ts';
import { CREDENTIAL, isWordAt, LETTER, skipForward } from './chars.ts';
import type { Detector } from './types.ts';

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

  const end = skipForward(text, credentialStart, CREDENTIAL, text.length);
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

function decodesToPair(credential: string): boolean {
  try {
    return atob(credential).includes(':');
  } catch {
    return false;
  }
}
