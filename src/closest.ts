/**
 * The known key a mistyped or shortened one most likely means, if any: the nearest by edit
 * distance, else the only one it abbreviates (`ip` for `ipAddress`, `card` for `creditCard`,
 * `ssn` for `usSocialSecurityNumber`).
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  // At most two edits, more for long keys, and never every letter: `at` is not a typo of `jwt`.
  let bestDistance = Math.min(Math.max(2, Math.floor(input.length / 3)) + 1, input.length);
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined) {
    return best;
  }

  const abbreviated = candidates.filter((candidate) => isAbbreviation(input, candidate));
  return abbreviated.length === 1 ? abbreviated[0] : undefined;
}

// Shorter keys abbreviate too much to be a hint: `e` could stand for anything.
const MIN_ABBREVIATION = 2;

// From this length on, a key may match a word inside a name (`card` in `creditCard`) or the
// initials of some of its words (`ssn`); two letters would point at whichever name happens
// to hold them (`le` in sensitiveLoggingEnabled).
const MIN_INNER_MATCH = 3;

/**
 * Whether `input` shortens `name`: the start of the name (`ip`), the initials of all its
 * words (`cc`), or from three letters on the start of a later word (`card`) or the initials
 * of some words in a row (`ssn`).
 */
function isAbbreviation(input: string, name: string): boolean {
  const key = input.toLowerCase();
  if (key.length < MIN_ABBREVIATION || key.length >= name.length) {
    return false;
  }
  if (name.toLowerCase().startsWith(key)) {
    return true;
  }

  const words = splitWords(name);
  const initials = words.map((word) => word[0]).join('');
  if (initials === key) {
    return true;
  }
  return (
    key.length >= MIN_INNER_MATCH &&
    (initials.includes(key) || words.slice(1).some((word) => word.startsWith(key)))
  );
}

/** `usSocialSecurityNumber` as `['us', 'social', 'security', 'number']`, lower case. */
function splitWords(name: string): string[] {
  return (name.match(/[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g) ?? []).map((word) => word.toLowerCase());
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
