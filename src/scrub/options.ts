import { copyRegExp, isRegExp } from '../reg-exp.ts';

/**
 * The value detectors, each switchable in `scrub.detectors`. What each finds and leaves is
 * listed in the README, "Removing sensitive information".
 */
export const DETECTOR_NAMES = [
  'email',
  'ipAddress',
  'creditCard',
  'usSocialSecurityNumber',
  'iban',
  'jwt',
  'authorizationCredentials',
  'urlCredentials',
  'urlParameters',
  'keyValuePairs',
  'privateKey',
  'serviceKeys',
] as const;

/** The name of a value detector. */
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** How sensitive information is found and replaced. */
export interface ScrubOptions {
  /**
   * More sensitive key names, compared word by word like the built-in ones (`"pin"` catches
   * `pin`, `userPin` and `PIN_CODE`), or regular expressions tested against the whole key.
   * Patterns also run on key names from outside: keep them free of nested repetition.
   * @default []
   */
  keys?: readonly (string | RegExp)[];
  /**
   * Key names never filtered by name, compared case-insensitively. Their values are still
   * scanned by the detectors.
   * @default []
   */
  exemptKeys?: readonly string[];
  /**
   * Detectors to switch on or off, by name; unnamed ones keep their default (on).
   * @default {}
   */
  detectors?: Partial<Record<DetectorName, boolean>>;
  /**
   * The text that replaces a removed value.
   * @default '[Filtered]'
   */
  replacement?: string;
  /**
   * Use the built-in sensitive keys and detectors. With `false`, only `keys` and the detectors
   * switched on in `detectors` apply; `keyValuePairs` and `urlParameters` then look for the
   * names in `keys`.
   * @default true
   */
  defaults?: boolean;
}

/** Scrub options with every default applied. */
export interface ResolvedScrubOptions {
  readonly keys: readonly (string | RegExp)[];
  readonly exemptKeys: readonly string[];
  readonly detectors: Readonly<Record<DetectorName, boolean>>;
  readonly replacement: string;
  readonly defaults: boolean;
}

/** Applies defaults to validated scrub options. */
export function resolveScrubOptions(options: ScrubOptions = {}): ResolvedScrubOptions {
  const defaults = options.defaults ?? true;
  const detectors = Object.fromEntries(
    DETECTOR_NAMES.map((name) => [name, options.detectors?.[name] ?? defaults]),
  ) as Record<DetectorName, boolean>;

  return {
    // Patterns are copied: ours to run, in this realm, whatever the application does to its own.
    keys: (options.keys ?? []).map((key) => (isRegExp(key) ? copyRegExp(key) : key)),
    exemptKeys: options.exemptKeys ?? [],
    detectors,
    replacement: options.replacement ?? '[Filtered]',
    defaults,
  };
}
