/**
 * A scrubber as people write it by hand in `beforeSend`: one recursive walk that copies
 * everything, one regular expression for sensitive keys, and a few for values. It is a
 * baseline for cost, not for coverage: it misses much of what the filter catches, and its
 * card pattern backtracks badly on long digit runs, which is why the hostile strings are not
 * run through it.
 */

const SENSITIVE_KEY =
  /pass(word|wd)?|secret|token|api[-_]?key|auth|cookie|session|csrf|credit|card|ssn|private/i;

const VALUE_PATTERNS: readonly RegExp[] = [
  // Emails.
  /[\w.+-]+@[\w-]+\.[\w.-]+/g,
  // JWTs.
  /eyJ[\w-]+\.[\w-]+\.[\w-]+/g,
  // Bearer and Basic credentials.
  /\b(?:Bearer|Basic)\s+[\w.~+/=-]+/g,
  // Card numbers with optional spaces or dashes.
  /\b(?:\d[ -]?){13,16}\b/g,
  // IPv4 addresses.
  /\b\d{1,3}(?:\.\d{1,3}){3}\b/g,
];

const MAX_DEPTH = 20;

/** Returns a scrubbed deep copy of `value`. */
export function naiveScrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return scrubString(value);
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => naiveScrub(item, depth + 1));
  }

  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SENSITIVE_KEY.test(key) ? '[Filtered]' : naiveScrub(item, depth + 1);
  }
  return copy;
}

function scrubString(text: string): string {
  let result = text;
  for (const pattern of VALUE_PATTERNS) {
    result = result.replace(pattern, '[Filtered]');
  }
  return result;
}
