// Sentry takes tag keys of at most 32 characters and tag values of at most 200, without line
// breaks (https://docs.sentry.io/platforms/javascript/enriching-events/tags/); Relay drops a
// tag over either length (MaxChars::TagKey and MaxChars::TagValue in getsentry/relay).
export const MAX_TAG_KEY_LENGTH = 32;
export const MAX_TAG_VALUE_LENGTH = 200;

// Control characters (line breaks among them) have no place in a tag value.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * A value as a tag value: a short string, or an integer written out. `undefined` for
 * anything Sentry would reject or that says nothing, so no tag is set rather than a wrong one.
 */
export function toTagValue(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? String(value) : undefined;
  }
  if (typeof value !== 'string') {
    return undefined;
  }

  const text = value.trim();
  if (text === '' || text.length > MAX_TAG_VALUE_LENGTH || CONTROL_CHARACTER.test(text)) {
    return undefined;
  }
  return text;
}
