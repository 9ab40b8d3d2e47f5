import { isObject } from './describe.ts';
import { parseJson } from './json.ts';
import { decodeUtf8 } from './text.ts';

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const CARRIAGE_RETURN = 0x0d;

/**
 * Tells whether a line can be an item header: a JSON object with a non-empty string `type`
 * whose values are all plain (strings, numbers, booleans, null). Item headers are flat in
 * every item type `@sentry/core` and Sentry's envelope documentation list, while the
 * payloads that carry a `type` (transactions, feedback, replay events) hold objects, so a
 * reader that lost its place can find the next item by this test.
 */
export function looksLikeItemHeader(line: Uint8Array): boolean {
  const end = line[line.length - 1] === CARRIAGE_RETURN ? line.length - 1 : line.length;
  if (line[0] !== OPEN_BRACE || line[end - 1] !== CLOSE_BRACE) {
    return false;
  }

  const text = decodeUtf8(line.subarray(0, end));
  const parsed = text === undefined ? undefined : parseJson(text);
  if (!parsed?.ok || !isObject(parsed.value)) {
    return false;
  }

  const { type } = parsed.value;
  return (
    typeof type === 'string' &&
    type !== '' &&
    Object.values(parsed.value).every((value) => value === null || typeof value !== 'object')
  );
}
