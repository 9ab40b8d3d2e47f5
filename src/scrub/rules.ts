import type { DetectorName } from './options.ts';

// Rule ids as they appear in `_meta` remarks, in `filter.stats().scrubbed.byRule` and in
// `--explain`. They follow Relay's `@<kind>:<method>` naming, and reuse Relay's own ids where
// the kind is the same (`@password`, `@creditcard`, `@email`, `@ip`, `@usssn`, `@iban`,
// `@pemkey`, `@urlauth`, `@bearer`), so a value removed here reads in Sentry like one removed
// by its server-side scrubbing. Source: https://docs.sentry.io/security-legal-pii/scrubbing/
// advanced-datascrubbing/ and Relay's `relay-pii` builtin rules.

/** A value under a key from the built-in list of sensitive keys. */
export const KEY_RULE = '@password:filter';

/** A value under a key from the `keys` option. */
export const CUSTOM_KEY_RULE = '@key:filter';

/** A value under a key that holds an IP address, or an IP address found in text. */
export const IP_RULE = '@ip:filter';

/** A user field removed from the envelope header's trace context. */
export const USER_RULE = '@user:remove';

/** A value that could not be read or converted, replaced whole. */
export const FAILURE_RULE = '@unreadable:filter';

/** Relay's id for removals because of size or depth limits. */
export const LIMIT_RULE = '!limit';

/** The rule id of each value detector. */
export const DETECTOR_RULES: Readonly<Record<DetectorName, string>> = {
  email: '@email:filter',
  ipAddress: IP_RULE,
  creditCard: '@creditcard:filter',
  usSocialSecurityNumber: '@usssn:filter',
  iban: '@iban:filter',
  jwt: '@jwt:filter',
  authorizationCredentials: '@bearer:filter',
  urlCredentials: '@urlauth:filter',
  urlParameters: '@urlparam:filter',
  keyValuePairs: '@keyvalue:filter',
  privateKey: '@pemkey:filter',
  serviceKeys: '@servicekey:filter',
};
