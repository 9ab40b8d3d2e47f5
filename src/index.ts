/**
 * sentry-event-filter: one policy object between an application and Sentry.
 *
 * Create a `SentryEventFilter`, add `filter.integration()` to `Sentry.init`, and it drops the
 * errors you never want to see, tags the ones your users caused, enriches events, and removes
 * secrets and personal data from everything the SDK sends.
 */

// The filter
export {
  type CheckResult,
  type EnvelopeCheckResult,
  type ItemCheckResult,
  type ItemOutcome,
  type LogCheckResult,
  SentryEventFilter,
} from './filter/index.ts';
export { INTEGRATION_NAME } from './integration.ts';

// Options
export type { SentryEventFilterOptions } from './options/index.ts';
export type { ExceptionClass, ExceptionMatcher, ExceptionPredicate } from './match/exception.ts';
export type { LoggerNameResolver, LoggerSource } from './match/logger.ts';
export type { DropLogger } from './report/drop-log.ts';
export { DETECTOR_NAMES, type DetectorName, type ScrubOptions } from './scrub/options.ts';

// Enrichment
export {
  type Enricher,
  type Enrichment,
  type EnrichmentOptions,
  type JobDetails,
  runJob,
} from './enrich/index.ts';

// Envelopes from outside: a strict reader for untrusted input and a writer
export { readEnvelope, writeEnvelope } from './envelope/index.ts';
export type {
  EnvelopeFault,
  EnvelopeFaultCode,
  EnvelopeItemSource,
  ReadEnvelopeOptions,
  ReadEnvelopeResult,
} from './envelope/index.ts';

// Results
export type { FilterStats, ItemKind, Outcome } from './report/stats.ts';
export type { Removal } from './scrub/index.ts';

// Errors
export {
  isSentryEventFilterError,
  SentryEventFilterError,
  type SentryEventFilterErrorCode,
} from './errors.ts';
