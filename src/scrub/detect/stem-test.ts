import type { KeyClassifier } from '../keys/classify.ts';
import { TEXT_STEMS } from '../keys/default-keys.ts';

/** Whether `text.slice(start, end)`, a name found before `=` or `:`, may be sensitive. */
export type StemTest = (text: string, start: number, end: number) => boolean;

/**
 * Builds the first, cheap test on a name found in text, run before the name is cut out and
 * judged, so that most separators (`?page=2`, `https:`, `Error:`) cost no allocation. A name
 * passes when it contains a fragment of a sensitive key (`TEXT_STEMS`, and the words of the
 * `keys` option): first by a table of the fragments' first two letters, then by a sticky
 * regular expression.
 */
export function createStemTest(classifier: KeyClassifier): StemTest {
  if (classifier.hasPatterns) {
    // A pattern in `keys` can match any name.
    return () => true;
  }

  const stems = [...TEXT_STEMS, ...classifier.customWords].map((stem) => stem.toLowerCase());
  const byTrigram = trigramTable(stems);
  if (byTrigram !== undefined) {
    // A name is made of key characters only, and stems of letters and digits, so a stem in
    // the name is the first match the pattern below would find: no need to run it.
    return (text, start, end) => hasStemByTrigram(byTrigram, text, start, end);
  }

  const pattern = new RegExp(
    `[\\w.\\-\\[\\]]{0,64}?(?:${stems.map(escapeRegExp).join('|')})`,
    'iy',
  );
  return (text, start, end) => {
    pattern.lastIndex = start;
    return pattern.test(text) && pattern.lastIndex <= end;
  };
}

// Letters and digits map to 0-35; anything else to 36.
const ALPHABET = 37;

function letterIndex(code: number): number {
  if (code >= 97 && code <= 122) {
    return code - 97;
  }
  if (code >= 65 && code <= 90) {
    return code - 65;
  }
  if (code >= 48 && code <= 57) {
    return code - 22;
  }
  return 36;
}

/**
 * The stems by their first three letters; `undefined` if a stem is shorter, or is not made of
 * ASCII letters and digits only.
 */
function trigramTable(stems: readonly string[]): (readonly string[] | undefined)[] | undefined {
  const table: (string[] | undefined)[] = new Array(ALPHABET * ALPHABET * ALPHABET).fill(undefined);
  for (const stem of stems) {
    if (!/^[a-z0-9]{3,}$/.test(stem)) {
      return undefined;
    }
    const key = trigramAt(stem, 0);
    table[key] = [...(table[key] ?? []), stem];
  }
  return table;
}

function trigramAt(text: string, index: number): number {
  const first = letterIndex(text.charCodeAt(index));
  const second = letterIndex(text.charCodeAt(index + 1));
  return (first * ALPHABET + second) * ALPHABET + letterIndex(text.charCodeAt(index + 2));
}

/** Whether a stem occurs in `text.slice(start, end)`, in any case. */
function hasStemByTrigram(
  table: readonly (readonly string[] | undefined)[],
  text: string,
  start: number,
  end: number,
): boolean {
  if (end - start < 3) {
    return false;
  }
  let first = letterIndex(text.charCodeAt(start));
  let second = letterIndex(text.charCodeAt(start + 1));
  for (let index = start + 2; index < end; index++) {
    const third = letterIndex(text.charCodeAt(index));
    const stems = table[(first * ALPHABET + second) * ALPHABET + third];
    if (stems !== undefined && startsAnyStem(stems, text, index - 2, end)) {
      return true;
    }
    first = second;
    second = third;
  }
  return false;
}

// Whether one of `stems` (sharing their first three letters, which matched) starts at `at`.
function startsAnyStem(stems: readonly string[], text: string, at: number, end: number): boolean {
  for (const stem of stems) {
    if (at + stem.length > end) {
      continue;
    }
    let index = 3;
    while (
      index < stem.length &&
      lowerCode(text.charCodeAt(at + index)) === stem.charCodeAt(index)
    ) {
      index++;
    }
    if (index === stem.length) {
      return true;
    }
  }
  return false;
}

function lowerCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
