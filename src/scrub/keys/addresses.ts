import { AnswerCache } from '../../answer-cache.ts';
import { createTextScanner, MIN_SCANNED } from '../detect/text-scanner.ts';
import type { DetectorName } from '../options.ts';
import { DETECTOR_NAMES } from '../options.ts';
import { FAILURE_RULE } from '../rules.ts';
import type { KeyClassifier } from './classify.ts';

// Object keys that are themselves personal data: an application that keys a map by email
// address (`extra: { 'alice@example.com': 1 }`, users by email in breadcrumb data) or by IP
// address (`contexts.sessions: { '10.1.2.3': {...} }`). A key is scanned by the `email` and
// `ipAddress` detectors only: the others find secrets, which are values, and in keys would
// mostly find look-alikes (ids, hashes). Keys are read where they name entries of a map the
// application fills; the walker decides where that is (`walk/shape-resolver.ts`).

/** A key with the email and IP addresses in it replaced. */
export interface ScrubbedKey {
  /** The key with each address replaced, as in a value: `user:[Filtered]`. */
  readonly key: string;
  /** The rule of each replacement, in order, to count them. */
  readonly rules: readonly string[];
  /** Each rule once, for the remarks in `_meta`. */
  readonly distinctRules: readonly string[];
}

/** Replaces the email and IP addresses in object keys; remembers the keys it has seen. */
export interface KeyScrubber {
  /** The key with its addresses replaced, or `undefined` when it holds none. Never throws. */
  scrub(key: string): ScrubbedKey | undefined;
}

/** What the key scrubber is built from. */
export interface KeyScrubberConfig {
  readonly detectors: Readonly<Record<DetectorName, boolean>>;
  readonly replacement: string;
  readonly classifier: KeyClassifier;
  /** Called when a key could not be scanned; it is then replaced whole. */
  readonly failed: (error: unknown) => void;
}

// Like the classifier's cache: distinct keys are few, and a stream of generated ones must not
// grow it without limit. Only keys that pass `mayHoldAddress` are remembered, and only short
// ones, so that no long string of the application's is kept from one event to the next.
const CACHE_LIMIT = 4096;
const MAX_CACHED_LENGTH = 256;

/**
 * Builds the key scrubber, or returns `undefined` when both the `email` and the `ipAddress`
 * detectors are off: keys are then never changed, and the walker does not ask.
 */
export function createKeyScrubber(config: KeyScrubberConfig): KeyScrubber | undefined {
  const { detectors, replacement, classifier } = config;
  if (!detectors.email && !detectors.ipAddress) {
    return undefined;
  }

  const only = Object.fromEntries(DETECTOR_NAMES.map((name) => [name, false])) as Record<
    DetectorName,
    boolean
  >;
  only.email = detectors.email;
  only.ipAddress = detectors.ipAddress;
  const scanner = createTextScanner({
    detectors: only,
    replacement,
    classifier,
    // Counted by the caller each time the key is replaced, not once when it is first scanned.
    onRemoved: () => {},
  });
  const cache = new AnswerCache<ScrubbedKey | null>(CACHE_LIMIT, MAX_CACHED_LENGTH);

  const scan = (key: string): ScrubbedKey | null => {
    try {
      // No limit: a key is replaced or kept whole, never cut like a long value.
      const scanned = scanner.scan(key, Number.POSITIVE_INFINITY);
      if (scanned === key) {
        return null;
      }
      const rules = scanner.rules;
      return { key: scanned, rules, distinctRules: [...new Set(rules)] };
    } catch (error) {
      // Fail safe: a key that may hold an address and could not be scanned is not sent.
      config.failed(error);
      return { key: replacement, rules: [FAILURE_RULE], distinctRules: [FAILURE_RULE] };
    }
  };

  return {
    scrub(key) {
      if (!mayHoldAddress(key)) {
        return undefined;
      }
      return cache.answer(key, scan) ?? undefined;
    },
  };
}

/**
 * The cheap test every key passes before any detector runs: an `@` or `%` (an email address,
 * also `%40`-encoded), a `:` (IPv6), or a digit before a `.` (IPv4). Ordinary keys (`userId`,
 * `http.method`, `sentry.release`) have none of these and cost one pass over their characters.
 */
export function mayHoldAddress(key: string): boolean {
  const length = key.length;
  if (length < MIN_SCANNED) {
    return false;
  }
  for (let index = 0; index < length; index++) {
    const code = key.charCodeAt(index);
    if (code === 64 || code === 37 || code === 58) {
      return true;
    }
    if (code === 46 && index > 0) {
      const before = key.charCodeAt(index - 1);
      if (before >= 48 && before <= 57) {
        return true;
      }
    }
  }
  return false;
}

/**
 * The name a replaced key takes in a copy of `source`: `base` (the key with its addresses
 * replaced), numbered when that is already a key of the source or of the copy
 * (`[Filtered]`, `[Filtered] (2)`), so two keys never become one and no value is lost. A
 * replaced key never takes the name of a key the source has, so the keys copied after it keep
 * theirs. Numbers go up per name in `numbers`, so an object of many such keys costs one test
 * per key, plus one per key that already holds a numbered name.
 */
export function uniqueKey(
  base: string,
  source: object,
  copy: object,
  numbers: Map<string, number>,
): string {
  if (!isTaken(base, source, copy)) {
    return base;
  }
  let number = numbers.get(base) ?? 2;
  let name = `${base} (${number})`;
  while (isTaken(name, source, copy)) {
    number++;
    name = `${base} (${number})`;
  }
  numbers.set(base, number + 1);
  return name;
}

function isTaken(name: string, source: object, copy: object): boolean {
  return Object.hasOwn(copy, name) || Object.hasOwn(source, name);
}
