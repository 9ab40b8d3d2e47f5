import { AnswerCache } from '../../answer-cache.ts';
import {
  DESCRIPTIVE_WORDS,
  IP_KEY_PHRASES,
  SECRET_KEY_BEGINNINGS,
  SECRET_KEY_ENDINGS,
  SECRET_KEY_PHRASES,
  TEXT_STEMS,
} from './default-keys.ts';
import { containsPhrase, endsWithVersionWord, splitAtSeparators, splitWords } from './words.ts';

/** What a key name says about its value. */
export const KeyVerdict = {
  /** Nothing: the value is scanned by the detectors. */
  Plain: 0,
  /** A secret by the built-in list: the whole value is replaced. */
  Secret: 1,
  /** A secret by the `keys` option: the whole value is replaced. */
  Custom: 2,
  /** An IP address by the built-in list: the whole value is replaced. */
  Ip: 3,
  /**
   * Nothing secret, and a version (`version`, `app_version`, `appVersion`): the value is
   * scanned, except that a four-part version alone (`1.2.3.4`) is not an IP address.
   */
  Version: 4,
} as const;

/** One of {@link KeyVerdict}. */
export type KeyVerdict = (typeof KeyVerdict)[keyof typeof KeyVerdict];

/** How key names are judged; built once per scrubber. */
export interface KeyRulesConfig {
  readonly keys: readonly (string | RegExp)[];
  readonly exemptKeys: readonly string[];
  /** Use the built-in secret keys. */
  readonly defaults: boolean;
  /** Use the built-in IP keys. */
  readonly ipKeys: boolean;
}

/** Judges key names, remembering the verdicts of the names it has seen. */
export interface KeyClassifier {
  classify(key: string): KeyVerdict;
  /** The words of the user's `keys` entries, for the text scanner's prefilter. */
  readonly customWords: readonly string[];
  /** Whether some `keys` entry is a regular expression. */
  readonly hasPatterns: boolean;
}

// Distinct key names are few in practice (field names, header names); a bound keeps a stream
// of generated names (ids used as keys) from growing the cache without limit.
const CACHE_LIMIT = 4096;

// A key that is itself an email or IP address (`extra: { 'alice@example.com': 1 }`) says
// nothing about its value here; the key itself is replaced by `addresses.ts`.

/** Builds a key classifier: splits the user's keys into words once, and caches verdicts. */
export function createKeyClassifier(config: KeyRulesConfig): KeyClassifier {
  const exempt = new Set(config.exemptKeys.map((key) => key.toLowerCase()));
  const patterns = config.keys.filter((key): key is RegExp => key instanceof RegExp);
  const customPhrases = config.keys
    .filter((key): key is string => typeof key === 'string')
    .map(splitWords)
    .filter((words) => words.length > 0);
  const descriptive = new Set(DESCRIPTIVE_WORDS);
  const cache = new AnswerCache<KeyVerdict>(CACHE_LIMIT);
  // A key without any fragment of a sensitive word needs no closer look: most keys, and
  // streams of generated ones (`k1`, `k2`...), are judged by one test.
  const fragments = [
    ...(config.defaults ? TEXT_STEMS : []),
    ...(config.ipKeys ? IP_KEY_STEMS : []),
    ...customPhrases.flat(),
  ];
  const mayMatch = new RegExp(fragments.map(escapeRegExp).join('|') || '$^', 'i');

  const judge = (key: string): KeyVerdict => {
    if (patterns.some((pattern) => testWhole(pattern, key))) {
      return exempt.has(key.toLowerCase()) ? KeyVerdict.Plain : KeyVerdict.Custom;
    }
    if (!mayMatch.test(key) || exempt.has(key.toLowerCase())) {
      return KeyVerdict.Plain;
    }

    const words = splitWords(key);
    if (customPhrases.some((phrase) => containsPhrase(words, phrase))) {
      return KeyVerdict.Custom;
    }
    if (words.some((word) => descriptive.has(word))) {
      return KeyVerdict.Plain;
    }
    if (config.ipKeys && IP_KEY_PHRASES.some((phrase) => containsPhrase(words, phrase))) {
      return KeyVerdict.Ip;
    }
    // A name whose case changes inside a word (`passWord`, `CoOkIe`) is also read whole.
    if (
      config.defaults &&
      (isSecretByDefault(words) || isSecretByDefault(splitAtSeparators(key)))
    ) {
      return KeyVerdict.Secret;
    }
    return KeyVerdict.Plain;
  };
  // What a key says, a version included (`app_version`).
  const verdictOf = (key: string): KeyVerdict => {
    const verdict = judge(key);
    return verdict === KeyVerdict.Plain && endsWithVersionWord(key, key.length)
      ? KeyVerdict.Version
      : verdict;
  };

  return {
    classify: (key) => cache.answer(key, verdictOf),
    customWords: [...new Set(customPhrases.flat())],
    hasPatterns: patterns.length > 0,
  };
}

function isSecretByDefault(words: readonly string[]): boolean {
  if (SECRET_KEY_PHRASES.some((phrase) => containsPhrase(words, phrase))) {
    return true;
  }
  return words.some(
    (word) =>
      SECRET_KEY_ENDINGS.some((ending) => word.endsWith(ending)) ||
      SECRET_KEY_BEGINNINGS.some((beginning) => word.startsWith(beginning)),
  );
}

// Every built-in IP key contains one of these (a test checks this).
export const IP_KEY_STEMS: readonly string[] = ['ip', 'addr', 'forwarded'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function testWhole(pattern: RegExp, key: string): boolean {
  // A global or sticky pattern keeps its position between calls; start from the beginning.
  pattern.lastIndex = 0;
  return pattern.test(key);
}
