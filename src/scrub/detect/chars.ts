// Character classes for the detectors, as bit flags in a table over ASCII. Anything outside
// ASCII is in no class, so it ends every run.

export const LETTER = 1;
export const DIGIT = 2;
/** Allowed in a key name written in text: letters, digits, `_`, `-`, `.`, `[`, `]`. */
export const KEY = 4;
/** Allowed in the local part of an email address (`%` for percent-encoded text). */
export const EMAIL_LOCAL = 8;
/** Allowed in a domain name. */
export const DOMAIN = 16;
/** Hexadecimal digits. */
export const HEX = 32;
/** The base64url alphabet. */
export const BASE64URL = 64;
/** Allowed in an HTTP credential (RFC 7235 token68 and RFC 6750 b64token). */
export const CREDENTIAL = 128;

const TABLE = buildTable();

function buildTable(): Uint8Array {
  const table = new Uint8Array(128);
  const add = (characters: string, flags: number): void => {
    for (const character of characters) {
      const code = character.charCodeAt(0);
      table[code] = (table[code] as number) | flags;
    }
  };
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const digits = '0123456789';
  const word = LETTER | KEY | EMAIL_LOCAL | DOMAIN | BASE64URL | CREDENTIAL;
  add(letters, word);
  add(digits, DIGIT | KEY | EMAIL_LOCAL | DOMAIN | BASE64URL | CREDENTIAL);
  add('0123456789abcdefABCDEF', HEX);
  add('_', KEY | EMAIL_LOCAL | BASE64URL | CREDENTIAL);
  add('-', KEY | EMAIL_LOCAL | DOMAIN | BASE64URL | CREDENTIAL);
  add('.', KEY | EMAIL_LOCAL | DOMAIN | CREDENTIAL);
  add('[]', KEY);
  add('%+', EMAIL_LOCAL);
  add('~+/=', CREDENTIAL);
  return table;
}

/** Whether the character at `index` is in every class of `flags`; false outside the text. */
export function isIn(text: string, index: number, flags: number): boolean {
  // Checked first: reading past either end returns NaN, which makes V8 drop optimised code.
  if (index < 0 || index >= text.length) {
    return false;
  }
  const code = text.charCodeAt(index);
  return code < 128 && ((TABLE[code] as number) & flags) === flags;
}

/** The first index at or after `from` (up to `limit`) whose character is not in `flags`. */
export function skipForward(text: string, from: number, flags: number, limit: number): number {
  const end = Math.min(text.length, limit);
  let index = from;
  while (index < end && isIn(text, index, flags)) {
    index++;
  }
  return index;
}

/**
 * The start of the run of `flags` characters that ends just before `from`, looking back at
 * most `limit` characters.
 */
export function skipBackward(text: string, from: number, flags: number, limit: number): number {
  const stop = Math.max(0, from - limit);
  let index = from;
  while (index > stop && isIn(text, index - 1, flags)) {
    index--;
  }
  return index;
}

/** Whether the character at `index` is a letter, digit or `_`; false outside the text. */
export function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) {
    return false;
  }
  const code = text.charCodeAt(index);
  return code < 128 && (((TABLE[code] as number) & (LETTER | DIGIT)) !== 0 || code === 95);
}
