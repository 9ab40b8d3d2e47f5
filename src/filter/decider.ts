import { type Breadcrumb, type Event, type EventHint, isThenable, type Log } from '@sentry/core';
import {
  collectCandidates,
  compileExceptionRule,
  type ExceptionRule,
  type ExceptionRuleMatch,
  exceptionValues,
} from '../match/exception.ts';
import {
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

    const onPredicateFailure = (label: string, error: unknown): void => {
      host.reportFailure(`exception ${label} threw and counts as no match`, error);
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
      const drop = this.#ownLine(event) ?? this.#matchLogger({ kind: 'event', event });
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
      return this.#ownLine(event) ?? this.#matchLogger({ kind: 'event', event });
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
      // A notice written to the console comes back as a console breadcrumb.
      if (isOwnLine(breadcrumb.message)) {
        return OWN_LINE;
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
    const first = breadcrumbs.findIndex((breadcrumb) => this.breadcrumb(breadcrumb) !== undefined);
    if (first === -1) {
      return event;
    }
    const kept = breadcrumbs.slice(0, first);
    for (let index = first + 1; index < breadcrumbs.length; index++) {
      const breadcrumb = breadcrumbs[index] as Breadcrumb;
      if (this.breadcrumb(breadcrumb) === undefined) {
        kept.push(breadcrumb);
      }
    }
    return { ...event, breadcrumbs: kept };
  }

  #classify(event: Event, hint: EventHint): Decision {
    if (this.#filteredOut.isEmpty && this.#userCaused.isEmpty) {
      return KEEP;
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

  #matchLogger(source: LoggerSource): LoggerRuleMatch | undefined {
    if (this.#ignoredLoggers.isEmpty) {
      return undefined;
    }
    return this.#ignoredLoggers.match(loggerNames(source, this.#loggerName));
  }
}

/** Wraps the user's resolver so that one that throws counts as no name, reported once. */
function safeLoggerName(
  resolve: LoggerNameResolver | undefined,
  host: DeciderHost,
): LoggerNameResolver | undefined {
  if (resolve === undefined) {
    return undefined;
  }
  let reported = false;
  const report = (error: unknown): undefined => {
    if (!reported) {
      reported = true;
      host.reportFailure('the loggerName option failed and counts as no name', error);
    }
    return undefined;
  };
  return (source) => {
    try {
      const name: unknown = resolve(source);
      if (isThenable(name)) {
        // The name is needed now; a rejection later must not go unhandled in the app.
        name.then(undefined, () => undefined);
        return report(new TypeError('loggerName returned a promise'));
      }
      return name as string | undefined;
    } catch (error) {
      return report(error);
    }
  };
}
