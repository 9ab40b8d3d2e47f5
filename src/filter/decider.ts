import type { Breadcrumb, Event, EventHint, Log } from '@sentry/core';
import { type CallbackAnswer, guardCallback } from '../guard-callback.ts';
import {
  collectCandidates,
  compileExceptionRule,
  type ExceptionRule,
  type ExceptionRuleMatch,
  exceptionValues,
  PredicateAnswerError,
} from '../match/exception.ts';
import {
  breadcrumbLoggerName,
  compileLoggerRule,
  type LoggerNameResolver,
  type LoggerRule,
  type LoggerRuleMatch,
  type LoggerSource,
  loggerNames,
} from '../match/logger.ts';
import type { ResolvedOptions } from '../options/index.ts';
import { isOwnLine } from '../report/drop-log.ts';
import type { DropRule } from './types.ts';

/** What the rules say about an event. */
export interface Decision {
  readonly drop: DropRule | undefined;
  readonly userCaused: ExceptionRuleMatch | undefined;
}

const KEEP: Decision = { drop: undefined, userCaused: undefined };
const OWN_LINE: DropRule = { option: 'ownLine' };

/** How the decider reports what it cannot decide, and asks whether a notice is being written. */
export interface DeciderHost {
  reportFailure(what: string, error: unknown): void;
  readonly isWritingNotice: boolean;
}

/**
 * The rules, compiled once: which exception or logger drops an item, and which exception
 * marks an event user-caused. Decides only; counting and notices are the filter's job. Never
 * throws: what cannot be decided is reported and kept.
 */
export class Decider {
  readonly #host: DeciderHost;
  readonly #matchCauses: boolean;
  readonly #filteredOut: ExceptionRule;
  readonly #userCaused: ExceptionRule;
  readonly #ignoredLoggers: LoggerRule;
  readonly #loggerName: LoggerNameResolver | undefined;
  /** Ignored loggers, or a notice logger whose lines can come back as breadcrumbs. */
  readonly #mayDropBreadcrumbs: boolean;

  constructor(options: ResolvedOptions, host: DeciderHost) {
    this.#host = host;
    this.#matchCauses = options.matchCauses;
    this.#mayDropBreadcrumbs = options.ignoredLoggers.length > 0 || options.logger !== undefined;

    // Names the entry as the user wrote it, and the label its counters go by in stats.
    const onPredicateFailure = (match: ExceptionRuleMatch, error: unknown): void => {
      const entry = `${match.option}[${match.index}] (${match.label})`;
      if (error instanceof PredicateAnswerError) {
        host.reportFailure(`${entry} ${error.message}, and counts as no match`, error);
      } else {
        host.reportFailure(`${entry} threw and counts as no match`, error);
      }
    };
    this.#filteredOut = compileExceptionRule(
      'filteredOutExceptions',
      options.filteredOutExceptions,
      onPredicateFailure,
    );
    this.#userCaused = compileExceptionRule(
      'userCausedExceptions',
      options.userCausedExceptions,
      onPredicateFailure,
    );
    this.#ignoredLoggers = compileLoggerRule(options.ignoredLoggers);
    this.#loggerName = safeLoggerName(options.loggerName, host);
  }

  /** Drop (own line, ignored logger, filtered-out exception) or tag (user-caused). */
  event(event: Event, hint: EventHint): Decision {
    try {
      const drop = this.#ownLine(event) ?? this.#matchEventLogger(event);
      if (drop !== undefined) {
        return { drop, userCaused: undefined };
      }
      return this.#classify(event, hint);
    } catch (error) {
      this.#host.reportFailure('deciding on an event failed; the event is kept', error);
      return KEEP;
    }
  }

  /**
   * The logger check once more, after every event processor ran: the SDK's console capture
   * stamps `logger: "console"` in a scope processor, later than `processEvent`.
   */
  lateEvent(event: Event): DropRule | undefined {
    try {
      return this.#ownLine(event) ?? this.#matchEventLogger(event);
    } catch (error) {
      this.#host.reportFailure('the logger check failed; the event is kept', error);
      return undefined;
    }
  }

  /** Drops log records from ignored loggers and the filter's own notices. */
  log(log: Log): DropRule | undefined {
    try {
      if (this.#host.isWritingNotice || isOwnLine(log.message)) {
        return OWN_LINE;
      }
      return this.#matchLogger({ kind: 'log', log });
    } catch (error) {
      this.#host.reportFailure('the logger check failed; the log record is kept', error);
      return undefined;
    }
  }

  /** Drops breadcrumbs whose category is an ignored logger. */
  breadcrumb(breadcrumb: Breadcrumb): DropRule | undefined {
    try {
      // A notice written to the console comes back as a console breadcrumb, whose message
      // starts with the fields when a structured logger writes there.
      if (this.#host.isWritingNotice || isOwnLine(breadcrumb.message)) {
        return OWN_LINE;
      }
      if (this.#loggerName === undefined) {
        // The breadcrumb's only possible logger name, looked up without building a list.
        return this.#ignoredLoggers.matchName(breadcrumbLoggerName(breadcrumb));
      }
      return this.#matchLogger({ kind: 'breadcrumb', breadcrumb });
    } catch (error) {
      this.#host.reportFailure('the logger check failed; the breadcrumb is kept', error);
      return undefined;
    }
  }

  /**
   * The event without breadcrumbs from ignored loggers, for those that reached the scope
   * without passing `beforeBreadcrumb` (recorded before setup, or on a scope directly).
   */
  withoutIgnoredBreadcrumbs(event: Event): Event {
    const breadcrumbs = event.breadcrumbs;
    if (!this.#mayDropBreadcrumbs || !Array.isArray(breadcrumbs)) {
      return event;
    }
    // Most events drop none: the list is copied only from the first breadcrumb dropped.
    let kept: Breadcrumb[] | undefined;
    const length = breadcrumbs.length;
    for (let index = 0; index < length; index++) {
      // A hole is left out, as `filter` leaves it out.
      const isHole = !(index in breadcrumbs);
      const breadcrumb = isHole ? undefined : (breadcrumbs[index] as Breadcrumb);
      const dropped = isHole || this.breadcrumb(breadcrumb as Breadcrumb) !== undefined;
      if (dropped && kept === undefined) {
        kept = breadcrumbs.slice(0, index);
      } else if (!dropped && kept !== undefined) {
        kept.push(breadcrumb as Breadcrumb);
      }
    }
    return kept === undefined ? event : { ...event, breadcrumbs: kept };
  }

  #classify(event: Event, hint: EventHint): Decision {
    const original = hint.originalException;
    if (
      (this.#filteredOut.isEmpty && this.#userCaused.isEmpty) ||
      isCapturedMessage(event, original)
    ) {
      return KEEP;
    }

    if (!this.#matchCauses && typeof original === 'object' && original !== null) {
      // The one candidate `collectCandidates` would list, matched without listing it.
      const drop = this.#filteredOut.matchLive(original, event);
      if (drop !== undefined) {
        return { drop, userCaused: undefined };
      }
      const userCaused = this.#userCaused.matchLive(original, event);
      return userCaused === undefined ? KEEP : { drop: undefined, userCaused };
    }

    const candidates = collectCandidates(event, hint, this.#matchCauses);
    if (candidates.length === 0) {
      return KEEP;
    }

    const drop = this.#filteredOut.match(candidates, event);
    if (drop !== undefined) {
      return { drop, userCaused: undefined };
    }
    return { drop: undefined, userCaused: this.#userCaused.match(candidates, event) };
  }

  /** Recognises what a drop notice caused, so it never loops back through the filter. */
  #ownLine(event: Event): DropRule | undefined {
    if (this.#host.isWritingNotice) {
      return OWN_LINE;
    }
    const text = event.message ?? event.logentry?.message ?? exceptionValues(event).at(-1)?.value;
    return isOwnLine(text) ? OWN_LINE : undefined;
  }

  /** `#matchLogger` for an event, without building the list of its names. */
  #matchEventLogger(event: Event): LoggerRuleMatch | undefined {
    const rule = this.#ignoredLoggers;
    if (rule.isEmpty) {
      return undefined;
    }
    if (this.#loggerName !== undefined) {
      return this.#matchLogger({ kind: 'event', event });
    }
    // The names `loggerNames` lists for an event, in its order.
    let found: LoggerRuleMatch | undefined;
    const pino: unknown = event.contexts?.pino;
    if (typeof pino === 'object' && pino !== null) {
      found = rule.matchNext(found, (pino as { name?: unknown }).name);
      found = rule.matchNext(found, 'pino');
    }
    return rule.matchNext(found, event.logger);
  }

  #matchLogger(source: LoggerSource): LoggerRuleMatch | undefined {
    if (this.#ignoredLoggers.isEmpty) {
      return undefined;
    }
    return this.#ignoredLoggers.match(loggerNames(source, this.#loggerName));
  }
}

/**
 * Whether an event is a captured message (`captureMessage`, console capture) rather than an
 * error: it has a message, no exception with a type, and no thrown object. The SDK hands the
 * message text over as `hint.originalException` and, with `attachStacktrace`, adds an
 * exception without a type for the stack; neither is a thrown value, so exception entries
 * never see them.
 */
function isCapturedMessage(event: Event, original: unknown): boolean {
  if ((typeof original === 'object' && original !== null) || typeof original === 'function') {
    return false;
  }
  if (event.message === undefined && event.logentry === undefined) {
    return false;
  }
  return !exceptionValues(event).some((exception) => typeof exception?.type === 'string');
}

// What a resolver answers is taken as it is: `loggerNames` uses only a non-empty string.
const NAME_ANSWER: CallbackAnswer<string | undefined> = {
  fallback: undefined,
  promised: () => new TypeError('loggerName returned a promise'),
  read: (name) => name as string | undefined,
};

/** Wraps the user's resolver so that one that throws counts as no name, reported once. */
function safeLoggerName(
  resolve: LoggerNameResolver | undefined,
  host: DeciderHost,
): LoggerNameResolver | undefined {
  if (resolve === undefined) {
    return undefined;
  }

  // A resolver that captures through Sentry is not asked again about what it captured. It is
  // called with the source alone, as its type says.
  return guardCallback<LoggerSource, void, string | undefined>(
    (source) => resolve(source),
    NAME_ANSWER,
    (error) => host.reportFailure('the loggerName option failed and counts as no name', error),
  );
}
