import type { Enricher, EnrichmentOptions } from '../enrich/index.ts';
import type { ExceptionMatcher } from '../match/exception.ts';
import type { LoggerNameResolver } from '../match/logger.ts';
import type { DropLogger } from '../report/drop-log.ts';
import { type ResolvedScrubOptions, resolveScrubOptions } from '../scrub/options.ts';
import type { SentryEventFilterOptions } from './types.ts';
import { validateOptions } from './validate.ts';

export { describeValue } from './describe.ts';
export type { SentryEventFilterOptions } from './types.ts';
export {
  formatProblems,
  loggerPatternProblem,
  type OptionProblem,
  optionProblems,
  validateOptions,
} from './validate.ts';

/** Options with every default applied, checked once at construction. */
export interface ResolvedOptions {
  readonly sensitiveLoggingEnabled: boolean;
  readonly filteredOutExceptions: readonly ExceptionMatcher[];
  readonly userCausedExceptions: readonly ExceptionMatcher[];
  readonly ignoredLoggers: readonly string[];
  readonly matchCauses: boolean;
  readonly userCausedTag: string;
  readonly loggerName: LoggerNameResolver | undefined;
  readonly logger: DropLogger | undefined;
  readonly dropLogIntervalMs: number;
  readonly debug: boolean;
  readonly scrub: ResolvedScrubOptions;
  readonly enrich: readonly Enricher[];
  readonly enrichment: EnrichmentOptions | false;
}

/** The default time between two drop notices for one rule. */
export const DEFAULT_DROP_LOG_INTERVAL_MS = 60_000;

/** Validates user options and applies the defaults. Throws on invalid options. */
export function resolveOptions(options?: SentryEventFilterOptions): ResolvedOptions {
  const valid = validateOptions(options);

  return {
    sensitiveLoggingEnabled: valid.sensitiveLoggingEnabled ?? false,
    filteredOutExceptions: [...(valid.filteredOutExceptions ?? [])],
    userCausedExceptions: [...(valid.userCausedExceptions ?? [])],
    ignoredLoggers: [...(valid.ignoredLoggers ?? [])],
    matchCauses: valid.matchCauses ?? false,
    userCausedTag: valid.userCausedTag ?? 'user_caused',
    loggerName: valid.loggerName,
    logger: valid.logger,
    dropLogIntervalMs: valid.dropLogIntervalMs ?? DEFAULT_DROP_LOG_INTERVAL_MS,
    debug: valid.debug ?? false,
    scrub: resolveScrubOptions(valid.scrub),
    enrich: [...(valid.enrich ?? [])],
    enrichment: valid.enrichment ?? {},
  };
}
