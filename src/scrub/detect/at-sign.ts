import { findEmail } from './email.ts';
import type { Detector } from './types.ts';
import { findUrlCredentials } from './url-credentials.ts';

/**
 * Runs at an `@` or `%40`: URL credentials first (`https://user:password@host`), then email
 * addresses. A URL's `@` is never read as part of an email address, so URLs keep parsing.
 */
export const detectAtSign: Detector = (text, at, context, findings) => {
  const width = text.charCodeAt(at) === 37 ? 3 : 1;
  const { enabled } = context;

  if (width === 1) {
    const credentials = enabled.urlCredentials ? findings : undefined;
    if (findUrlCredentials(text, at, context.replacement, credentials)) {
      return at + width;
    }
  }
  if (enabled.email) {
    return findEmail(text, at, width, findings) ?? at + width;
  }
  return at + width;
};
