import type { Breadcrumb, Event, EventHint, Log } from '@sentry/core';
import type { Enricher, EnrichmentOptions } from '../enrich/index.ts';
import type { ExceptionMatcher } from '../match/exception.ts';
import type { LoggerNameResolver } from '../match/logger.ts';
import type { DropLogger } from '../report/drop-log.ts';
import type { ScrubOptions } from '../scrub/options.ts';

export type { Breadcrumb, Event, EventHint, Log };

/**
 * What a team configures. Every field is optional; with nothing set, the filter only removes
 * sensitive information, because privacy is the default.
 */
export interface SentryEventFilterOptions {
  /**
   * Send events, breadcrumbs, spans and logs without removing sensitive information.
   * Mirrors the Python setting `SENSITIVE_LOGGING_ENABLED`.
   * @default false
   */
  sensitiveLoggingEnabled?: boolean;
  /**
   * Exceptions whose error events are dropped: classes (subclasses included), class names, or
   * predicates `(error, event) => boolean`. Mirrors `SENTRY_FILTERED_OUT_EXCEPTIONS`.
   * @default []
   */
  filteredOutExceptions?: readonly ExceptionMatcher[];
  /**
   * Exceptions whose events are tagged `user_caused: "true"`, in the same forms as
   * `filteredOutExceptions`. Mirrors `SENTRY_USER_CAUSED_EXCEPTIONS`.
   * @default []
   */
  userCausedExceptions?: readonly ExceptionMatcher[];
  /**
   * Loggers whose events, breadcrumbs and log records are dropped, with their children: exact
   * names (`"http.security"` covers `"http.security.csrf"`) or globs (`"worker.*"`,
   * `"*.security"`). Names are case-sensitive. Mirrors `SENTRY_IGNORED_LOGGERS`.
   * @default []
   */
  ignoredLoggers?: readonly string[];
  /**
   * Match exception entries against the whole chain of causes (`cause`, `originalError`,
   * `AggregateError.errors`, every entry of `exception.values`), not only the captured error.
   * @default false
   */
  matchCauses?: boolean;
  /**
   * Name of the tag set on user-caused events.
   * @default 'user_caused'
   */
  userCausedTag?: string;
  /**
   * Finds the logger name of an event, log record or breadcrumb in setups the filter does
   * not know. Return `undefined` to fall back to the built-in lookup.
   */
  loggerName?: LoggerNameResolver;
  /**
   * Where the one-line drop notices go: a console-like or pino-like logger. Without one,
   * notices go to the debug output (see `debug`).
   */
  logger?: DropLogger;
  /**
   * Minimum time between two drop notices for the same rule, in milliseconds. Drops in between
   * are counted and summed up in the next notice.
   * @default 60000
   */
  dropLogIntervalMs?: number;
  /**
   * Write the filter's own diagnostics (configuration warnings, failures caught at event
   * time, drop notices without a `logger`) to the console.
   * @default false
   */
  debug?: boolean;
  /** How sensitive information is found and replaced. */
  scrub?: ScrubOptions;
  /**
   * Custom enrichers, run in order after the built-in ones and before scrubbing, so what they
   * add is scrubbed too.
   * @default []
   */
  enrich?: readonly Enricher[];
  /**
   * Switches for the built-in enrichers, or `false` to turn them all off.
   * @default {}
   */
  enrichment?: EnrichmentOptions | false;
}
