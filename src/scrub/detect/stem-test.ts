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
  const starts = trigramTable(stems);
  const pattern = new RegExp(
    `[\\w.\\-\\[\\]]{0,64}?(?:${stems.map(escapeRegExp).join('|')})`,
    'iy',
  );

  return (text, start, end) => {
    if (starts !== undefined && !hasTrigram(starts, text, start, end)) {
      return false;
    }
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

/** The first three letters of every stem; `undefined` if a stem is shorter or not ASCII. */
function trigramTable(stems: readonly string[]): Uint8Array | undefined {
  const table = new Uint8Array(ALPHABET * ALPHABET * ALPHABET);
  for (const stem of stems) {
    if (!/^[a-z0-9]{3}/.test(stem)) {
      return undefined;
    }
    const [a, b, c] = [0, 1, 2].map((index) => letterIndex(stem.charCodeAt(index)));
    table[((a as number) * ALPHABET + (b as number)) * ALPHABET + (c as number)] = 1;
  }
  return table;
}

function hasTrigram(table: Uint8Array, text: string, start: number, end: number): boolean {
  let first = letterIndex(text.charCodeAt(start));
  let second = letterIndex(text.charCodeAt(start + 1));
  for (let index = start + 2; index < end; index++) {
    const third = letterIndex(text.charCodeAt(index));
    if (table[(first * ALPHABET + second) * ALPHABET + third] === 1) {
      return true;
    }
    first = second;
    second = third;
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
