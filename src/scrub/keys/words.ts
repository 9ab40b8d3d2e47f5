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

const VERSION_WORD = 'version';

/**
 * Whether the name that ends at `end` in `text` names a version: the word `version`, in any
 * case, or a name that ends in it (`app_version`, `os.version`, `appVersion`), but not a
 * word that merely ends in its letters (`subversion`).
 */
export function endsWithVersionWord(text: string, end: number): boolean {
  const start = end - VERSION_WORD.length;
  if (start < 0) {
    return false;
  }
  for (let index = 0; index < VERSION_WORD.length; index++) {
    if ((text.charCodeAt(start + index) | 32) !== VERSION_WORD.charCodeAt(index)) {
      return false;
    }
  }
  return text.charCodeAt(start) === 86 || !isAsciiAlphanumeric(text.charCodeAt(start - 1));
}

function isAsciiAlphanumeric(code: number): boolean {
  const lower = code | 32;
  return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57);
}
