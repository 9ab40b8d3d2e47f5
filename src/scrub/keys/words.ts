// A lower-case letter or digit followed by an upper-case letter: `apiKey`, `oauth2Token`.
const LOWER_UPPER = /([\p{Ll}\p{N}])(\p{Lu})/gu;
// A letter followed by a digit: `token2`, `apiKey2` end in a word of their own.
const LETTER_DIGIT = /(\p{L})(\p{N})/gu;
// A run of capitals followed by a capitalised word: `XMLHttp` splits into `XML` and `Http`.
const ACRONYM_WORD = /(\p{Lu}+)(\p{Lu}\p{Ll})/gu;
// Anything that is neither a letter nor a digit separates words: `-`, `_`, `.`, `[`, spaces.
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * Splits a key name into lower-case words: `X-Api-Key`, `apiKey`, `API_KEY` and `api.key` all
 * give `["api", "key"]`, `token2` gives `["token", "2"]`, while `author` stays one word.
 */
export function splitWords(key: string): string[] {
  return key
    .replace(LOWER_UPPER, '$1 $2')
    .replace(ACRONYM_WORD, '$1 $2')
    .replace(LETTER_DIGIT, '$1 $2')
    .toLowerCase()
    .split(SEPARATORS)
    .filter((word) => word.length > 0);
}

/**
 * Splits a key name into lower-case words at separators only, for names whose case changes
 * inside a word: `passWord` gives `["password"]` and `CoOkIe` gives `["cookie"]`.
 */
export function splitAtSeparators(key: string): string[] {
  return key
    .toLowerCase()
    .split(SEPARATORS)
    .filter((word) => word.length > 0);
}

/** Whether `phrase` occurs in `words` as consecutive words. */
export function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  const last = words.length - phrase.length;
  for (let start = 0; start <= last; start++) {
    let index = 0;
    while (index < phrase.length && words[start + index] === phrase[index]) {
      index++;
    }
    if (index === phrase.length) {
      return true;
    }
  }
  return false;
}
