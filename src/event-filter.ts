import type {
  Breadcrumb,
  BreadcrumbHint,
  Envelope,
  ErrorEvent,
  Event,
  EventHint,
  Integration,
  Log,
  SerializedLog,
  StreamedSpanJSON,
  TransactionEvent,
} from '@sentry/core';
import { createDebugLogger, type DebugLogger } from './debug.ts';
import { createEnrichment, type EnrichEvent } from './enrich/index.ts';
import { describeFailure } from './failure.ts';
import { createIntegration } from './integration.ts';
import {
  collectCandidates,
  compileExceptionRule,
  type ExceptionRule,
  type ExceptionRuleMatch,
} from './match/exception.ts';
import {
  compileLoggerRule,
  type LoggerNameResolver,
  type LoggerRule,
  type LoggerRuleMatch,
  type LoggerSource,
  loggerNames,
} from './match/logger.ts';
import {
  type ResolvedOptions,
  resolveOptions,
  type SentryEventFilterOptions,
} from './options/index.ts';
import { DropLog, isOwnLine } from './report/drop-log.ts';
import { type FilterStats, type ItemKind, StatsCounter } from './report/stats.ts';
import { createScrubber, type Removal, type Scrubber } from './scrub/index.ts';

/** Why an item was dropped: the option and entry that matched, or the filter's own line. */
export type DropRule = ExceptionRuleMatch | LoggerRuleMatch | { readonly option: 'ownLine' };

/** Whether an item goes out, and which rule dropped it if not. */
export interface ItemOutcome {
  readonly outcome: 'sent' | 'dropped';
  /** The rule that dropped the item, written as in `filter.stats().rules`. */
  readonly droppedBy: string | undefined;
}

/** What the filter did to one event, as `filter.check()` reports it. */
export interface CheckResult extends ItemOutcome {
  /** Tags the filter added. */
  readonly tags: Readonly<Record<string, string>>;
  /** The event as it would be sent, or `null` when dropped. */
  readonly event: Event | null;
  /** Every value removed, with its path, rule and a masked preview. */
  readonly removals: readonly Removal[];
}

/** What the filter did to one log record, as `filter.checkLog()` reports it. */
export interface LogCheckResult<T> extends ItemOutcome {
  /** The record as it would be sent, or `null` when dropped. */
  readonly log: T | null;
  readonly removals: readonly Removal[];
}

/** What happened to one item of an envelope. */
export interface ItemCheckResult extends ItemOutcome {
  /** The item's position in the envelope as given. */
  readonly index: number;
  /** The item type from its header: `event`, `transaction`, `log`, `span`... */
  readonly type: string;
  /** Tags the filter added, for events. */
  readonly tags?: Readonly<Record<string, string>>;
  /** For log containers: the records dropped, by position and rule. */
  readonly droppedRecords?: readonly { readonly index: number; readonly rule: string }[];
  /** Values removed from this item; paths start inside the item's payload. */
  readonly removals: readonly Removal[];
}

/** What `filter.checkEnvelope()` returns. */
export interface EnvelopeCheckResult {
  /** The envelope to send, or `null` when every item was dropped. */
  readonly envelope: Envelope | null;
  readonly items: readonly ItemCheckResult[];
}

interface Decision {
  readonly drop: DropRule | undefined;
  readonly userCaused: ExceptionRuleMatch | undefined;
}

const KEEP: Decision = { drop: undefined, userCaused: undefined };

/** Names a rule the way counters, notices and the command line show it. */
export function ruleName(rule: DropRule | ExceptionRuleMatch): string {
  return rule.option === 'ownLine' ? 'ownLine' : `${rule.option}: ${rule.label}`;
}

/**
 * One policy object between an application and Sentry: drops errors by exception class and
 * logger, tags user-caused errors, enriches events, and removes sensitive information from
 * everything the SDK sends.
 *
 * @example
 * ```ts
 * const filter = new SentryEventFilter({
 *   filteredOutExceptions: [AuthCancelledError],
 *   userCausedExceptions: [ValidationError],
 *   ignoredLoggers: ['http.security'],
 * });
 * Sentry.init({ dsn, integrations: [filter.integration()] });
 * ```
 */
export class SentryEventFilter {
  readonly #options: ResolvedOptions;
  readonly #debug: DebugLogger;
  readonly #stats = new StatsCounter();
  readonly #dropLog: DropLog;
  readonly #filteredOut: ExceptionRule;
  readonly #userCaused: ExceptionRule;
  readonly #ignoredLoggers: LoggerRule;
  readonly #loggerName: LoggerNameResolver | undefined;
  readonly #enrich: EnrichEvent;
  readonly #scrubber: Scrubber | undefined;

  /** Validates the options and compiles every rule; throws on invalid options. */
  constructor(options: SentryEventFilterOptions = {}) {
    const resolved = resolveOptions(options);
    this.#options = resolved;
    this.#debug = createDebugLogger(resolved.debug);
    this.#dropLog = new DropLog(resolved.logger, this.#debug, resolved.dropLogIntervalMs);

    const onPredicateFailure = (label: string, error: unknown): void => {
      this.#reportFailure(`exception ${label} threw and counts as no match`, error);
    };
    this.#filteredOut = compileExceptionRule(
      'filteredOutExceptions',
      resolved.filteredOutExceptions,
      onPredicateFailure,
    );
    this.#userCaused = compileExceptionRule(
      'userCausedExceptions',
      resolved.userCausedExceptions,
      onPredicateFailure,
    );
    this.#ignoredLoggers = compileLoggerRule(resolved.ignoredLoggers);
    this.#loggerName = this.#safeLoggerName(resolved.loggerName);

    this.#enrich = createEnrichment(resolved.enrichment, resolved.enrich, {
      enricherFailed: (label, error) =>
        this.#reportFailure(`enricher ${label} threw and was skipped`, error),
    });

    this.#scrubber = resolved.sensitiveLoggingEnabled
      ? undefined
      : createScrubber(
          resolved.scrub,
          {
            removed: (rule) => this.#stats.scrubbed(rule),
            failed: (error) => this.#reportFailure('a value could not be scrubbed', error),
          },
          this.#debug,
        );
  }

  /**
   * A Sentry integration that applies the whole policy: decisions in `processEvent`, and
   * scrubbing of every envelope right before it reaches the transport.
   */
  integration(): Integration {
    return createIntegration({
      prepareEvent: (event, hint) => this.#prepareEvent(event, hint),
      dropLateEvent: (event) => this.#dropLateEvent(event),
      dropLog: (log) => this.#filterLog(log) !== undefined,
      scrubEnvelope:
        this.#scrubber === undefined ? undefined : (envelope) => this.#scrubEnvelope(envelope),
    });
  }

  /** The whole pipeline for an error event, for `Sentry.init({ beforeSend })`. */
  readonly beforeSend = (event: ErrorEvent, hint?: EventHint): ErrorEvent | null => {
    return this.#processEvent(event, hint ?? {}) as ErrorEvent | null;
  };

  /** The whole pipeline for a transaction event, for `Sentry.init({ beforeSendTransaction })`. */
  readonly beforeSendTransaction = (
    event: TransactionEvent,
    hint?: EventHint,
  ): TransactionEvent | null => {
    return this.#processEvent(event, hint ?? {}) as TransactionEvent | null;
  };

  /** Drops log records from ignored loggers and scrubs the rest, for `beforeSendLog`. */
  readonly beforeSendLog = (log: Log): Log | null => {
    if (this.#filterLog(log) !== undefined) {
      return null;
    }
    return this.#scrub(
      (scrubber) => scrubber.log(log),
      log,
      () => ({ ...log, message: '', attributes: {} }),
    );
  };

  /** Drops breadcrumbs from ignored loggers and scrubs the rest, for `beforeBreadcrumb`. */
  readonly beforeBreadcrumb = (
    breadcrumb: Breadcrumb,
    _hint?: BreadcrumbHint,
  ): Breadcrumb | null => {
    this.#stats.seen('breadcrumb');
    const rule = this.#matchLogger({ kind: 'breadcrumb', breadcrumb });
    if (rule !== undefined) {
      this.#stats.dropped('breadcrumb', ruleName(rule));
      return null;
    }
    return this.#scrub(
      (scrubber) => scrubber.breadcrumb(breadcrumb),
      breadcrumb,
      () => pickDefined(breadcrumb, ['category', 'level', 'timestamp', 'type']),
    );
  };

  /** Scrubs a streamed span, for `beforeSendSpan`. Spans cannot be dropped there. */
  readonly beforeSendSpan = (span: StreamedSpanJSON): StreamedSpanJSON => {
    this.#stats.seen('span');
    return this.#scrub(
      (scrubber) => scrubber.span(span),
      span,
      () => ({ ...span, name: '[Filtered]', attributes: {} }),
    );
  };

  /**
   * Runs the whole pipeline on one event and reports what it did, for previews and the
   * command line. Counters are updated as for any other event.
   */
  check(event: Event, hint: EventHint = {}): CheckResult {
    const removals: Removal[] = [];
    const prepared = this.#prepare(event, hint);
    if (prepared.event === null) {
      return { ...prepared.result, removals };
    }

    const scrubbed = this.#scrubEvent(prepared.event, removals);
    return { ...prepared.result, event: scrubbed, removals };
  }

  /**
   * Runs the pipeline on a log record, in the shape `beforeSendLog` sees or as serialized in
   * an envelope (attributes as `{ value, type }`).
   */
  checkLog<T extends Log | SerializedLog>(log: T): LogCheckResult<T> {
    const removals: Removal[] = [];
    const rule = this.#filterLog(log);
    if (rule !== undefined) {
      return { outcome: 'dropped', droppedBy: ruleName(rule), log: null, removals };
    }
    // Both shapes are scrubbed; if that fails, the text and attributes are not sent.
    const scrubbed = this.#scrub(
      (scrubber) => scrubber.log(log as Log, removals) as T,
      log,
      () => ({
        ...log,
        attributes: {},
        ...(isSerializedLog(log) ? { body: '' } : { message: '' }),
      }),
    );
    return { outcome: 'sent', droppedBy: undefined, log: scrubbed, removals };
  }

  /**
   * Runs the whole pipeline on an envelope, as a tunnel endpoint or the command line would:
   * drops events and log records by the rules, tags and enriches events, then scrubs every
   * item and the header. Returns the envelope to send (`null` when no item is left) and what
   * happened to each item.
   */
  checkEnvelope(envelope: Envelope): EnvelopeCheckResult {
    const [header, items] = envelope;
    const results: ItemCheckResult[] = [];
    const keptItems: unknown[] = [];
    // For each kept item, its result: removals name the kept position, not the original one.
    const keptResults: ItemCheckResult[] = [];

    items.forEach((item, index) => {
      const [itemHeader, payload] = item as [{ type?: unknown }, unknown];
      const type = typeof itemHeader?.type === 'string' ? itemHeader.type : 'unknown';
      const decided = this.#decideItem(type, payload);
      const result: ItemCheckResult = { index, type, ...decided.result, removals: [] };
      results.push(result);
      if (decided.payload !== null) {
        keptItems.push([itemHeader, decided.payload]);
        keptResults.push(result);
      }
    });

    if (keptItems.length === 0) {
      return { envelope: null, items: results };
    }

    const removals: Removal[] = [];
    const kept = [header, keptItems] as unknown as Envelope;
    const scrubbed = this.#scrubEnvelope(kept, removals);
    for (const removal of removals) {
      const target = removal.item === undefined ? undefined : keptResults[removal.item];
      (target?.removals as Removal[] | undefined)?.push(removal);
    }
    return { envelope: scrubbed, items: results };
  }

  /** Scrubs every item of an envelope and its header; returns a new envelope. */
  scrubEnvelope(envelope: Envelope, removals?: Removal[]): Envelope {
    return this.#scrubEnvelope(envelope, removals);
  }

  /** Counters per item kind, rule and outcome since the filter was created. */
  stats(): FilterStats {
    return this.#stats.snapshot();
  }

  #processEvent(event: Event, hint: EventHint): Event | null {
    const prepared = this.#prepareEvent(event, hint);
    if (prepared === null) {
      return null;
    }
    return this.#scrubEvent(prepared);
  }

  #scrubEvent(event: Event, removals?: Removal[]): Event {
    return this.#scrub(
      (scrubber) => scrubber.event(event, removals),
      event,
      () => strippedEvent(event),
    );
  }

  /** Decide, tag and enrich: everything but scrubbing. */
  #prepareEvent(event: Event, hint: EventHint): Event | null {
    return this.#prepare(event, hint).event;
  }

  #prepare(
    event: Event,
    hint: EventHint,
  ): {
    event: Event | null;
    result: ItemOutcome & { tags: Record<string, string>; event: Event | null };
  } {
    const kind = itemKind(event);
    this.#stats.seen(kind);

    const decision = this.#safeDecide(event, hint);
    if (decision.drop !== undefined) {
      this.#recordDrop(kind, decision.drop, event.event_id);
      const result = {
        outcome: 'dropped' as const,
        droppedBy: ruleName(decision.drop),
        tags: {},
        event: null,
      };
      return { event: null, result };
    }

    const prepared = this.#applyDecision(event, hint, decision);
    const tags: Record<string, string> =
      decision.userCaused === undefined ? {} : { [this.#options.userCausedTag]: 'true' };
    return {
      event: prepared,
      result: { outcome: 'sent', droppedBy: undefined, tags, event: prepared },
    };
  }

  /** Decides one envelope item; `payload: null` drops it. */
  #decideItem(
    type: string,
    payload: unknown,
  ): { payload: unknown; result: Omit<ItemCheckResult, 'index' | 'type' | 'removals'> } {
    if ((type === 'event' || type === 'transaction') && isRecord(payload)) {
      const prepared = this.#prepare(payload as Event, {});
      return { payload: prepared.event, result: prepared.result };
    }

    if (type === 'log' && isRecord(payload) && Array.isArray(payload.items)) {
      const logs = payload.items as SerializedLog[];
      const droppedRecords: { index: number; rule: string }[] = [];
      const keptLogs = logs.filter((log, index) => {
        const rule = this.#filterLog(log);
        if (rule !== undefined) {
          droppedRecords.push({ index, rule: ruleName(rule) });
        }
        return rule === undefined;
      });
      if (keptLogs.length === 0) {
        const droppedBy = droppedRecords[0]?.rule;
        return { payload: null, result: { outcome: 'dropped', droppedBy, droppedRecords } };
      }
      const kept = droppedRecords.length === 0 ? payload : { ...payload, items: keptLogs };
      return { payload: kept, result: { outcome: 'sent', droppedBy: undefined, droppedRecords } };
    }

    return { payload, result: { outcome: 'sent', droppedBy: undefined } };
  }

  #applyDecision(event: Event, hint: EventHint, decision: Decision): Event {
    let result = event;
    try {
      if (decision.userCaused !== undefined) {
        result = { ...result, tags: { ...result.tags, [this.#options.userCausedTag]: 'true' } };
        this.#stats.tagged(ruleName(decision.userCaused));
      }
      result = this.#enrich(result, hint, { userCaused: decision.userCaused !== undefined });
      result = this.#withoutIgnoredBreadcrumbs(result);
    } catch (error) {
      this.#reportFailure('tagging or enrichment failed; the event is sent without it', error);
    }
    return result;
  }

  /**
   * The check that runs after every event processor, for loggers that the SDK only stamps
   * on the event at that point (console capture sets `logger: "console"` in a scope processor).
   */
  #dropLateEvent(event: Event): boolean {
    try {
      const rule = this.#ownLine(event) ?? this.#matchLogger({ kind: 'event', event });
      if (rule === undefined) {
        return false;
      }
      this.#recordDrop(itemKind(event), rule, event.event_id);
      return true;
    } catch (error) {
      this.#reportFailure('the logger check failed; the event is kept', error);
      return false;
    }
  }

  #safeDecide(event: Event, hint: EventHint): Decision {
    try {
      return this.#decide(event, hint);
    } catch (error) {
      this.#reportFailure('deciding on an event failed; the event is kept', error);
      return KEEP;
    }
  }

  #decide(event: Event, hint: EventHint): Decision {
    const own = this.#ownLine(event);
    if (own !== undefined) {
      return { drop: own, userCaused: undefined };
    }

    const loggerRule = this.#matchLogger({ kind: 'event', event });
    if (loggerRule !== undefined) {
      return { drop: loggerRule, userCaused: undefined };
    }

    if (this.#filteredOut.isEmpty && this.#userCaused.isEmpty) {
      return KEEP;
    }

    const candidates = collectCandidates(event, hint, this.#options.matchCauses);
    if (candidates.length === 0) {
      return KEEP;
    }

    const dropRule = this.#filteredOut.match(candidates, event);
    if (dropRule !== undefined) {
      return { drop: dropRule, userCaused: undefined };
    }

    return { drop: undefined, userCaused: this.#userCaused.match(candidates, event) };
  }

  /** Counts a log record and returns the rule that drops it, if any. */
  #filterLog(log: Log | SerializedLog): DropRule | undefined {
    this.#stats.seen('log');
    const rule = this.#decideLog(log);
    if (rule !== undefined) {
      this.#recordDrop('log', rule, undefined);
    }
    return rule;
  }

  #decideLog(log: Log | SerializedLog): DropRule | undefined {
    try {
      const plain = isSerializedLog(log) ? plainLog(log) : log;
      if (this.#dropLog.isWriting || isOwnLine(plain.message)) {
        return { option: 'ownLine' };
      }
      return this.#matchLogger({ kind: 'log', log: plain });
    } catch (error) {
      this.#reportFailure('the logger check failed; the log record is kept', error);
      return undefined;
    }
  }

  /** Recognises what the drop notice itself caused, so it never loops through the filter. */
  #ownLine(event: Event): DropRule | undefined {
    if (this.#dropLog.isWriting) {
      return { option: 'ownLine' };
    }
    const text = event.message ?? event.logentry?.message ?? event.exception?.values?.at(-1)?.value;
    return isOwnLine(text) ? { option: 'ownLine' } : undefined;
  }

  #matchLogger(source: LoggerSource): LoggerRuleMatch | undefined {
    if (this.#ignoredLoggers.isEmpty) {
      return undefined;
    }
    return this.#ignoredLoggers.match(loggerNames(source, this.#loggerName));
  }

  #withoutIgnoredBreadcrumbs(event: Event): Event {
    const breadcrumbs = event.breadcrumbs;
    if (this.#ignoredLoggers.isEmpty || !Array.isArray(breadcrumbs) || breadcrumbs.length === 0) {
      return event;
    }

    const kept = breadcrumbs.filter((breadcrumb) => {
      const rule = this.#matchLogger({ kind: 'breadcrumb', breadcrumb });
      if (rule !== undefined) {
        this.#stats.dropped('breadcrumb', ruleName(rule));
      }
      return rule === undefined;
    });
    return kept.length === breadcrumbs.length ? event : { ...event, breadcrumbs: kept };
  }

  #recordDrop(kind: ItemKind, rule: DropRule, eventId: string | undefined): void {
    const name = ruleName(rule);
    this.#stats.dropped(kind, name);
    if (rule.option !== 'ownLine') {
      this.#dropLog.record({ kind, rule: name, eventId });
    }
  }

  #scrub<T>(run: (scrubber: Scrubber) => T, input: T, fallback: () => T): T {
    const scrubber = this.#scrubber;
    if (scrubber === undefined) {
      return input;
    }
    try {
      return run(scrubber);
    } catch (error) {
      // Never send raw data: what could not be scrubbed is reduced to its structure.
      this.#reportFailure('scrubbing failed; the item is sent reduced to its structure', error);
      return fallback();
    }
  }

  #scrubEnvelope(envelope: Envelope, removals?: Removal[]): Envelope {
    return this.#scrub(
      (scrubber) => scrubber.envelope(envelope, removals),
      envelope,
      () => [{}, []] as unknown as Envelope,
    );
  }

  #safeLoggerName(resolve: LoggerNameResolver | undefined): LoggerNameResolver | undefined {
    if (resolve === undefined) {
      return undefined;
    }
    let reported = false;
    return (source) => {
      try {
        return resolve(source);
      } catch (error) {
        if (!reported) {
          reported = true;
          this.#reportFailure('the loggerName option threw and counts as no name', error);
        }
        return undefined;
      }
    };
  }

  #reportFailure(what: string, error: unknown): void {
    this.#stats.failure();
    this.#debug.warn(`${what}: ${describeFailure(error)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSerializedLog(log: Log | SerializedLog): log is SerializedLog {
  return 'body' in log && !('message' in log);
}

/** A serialized log record as `beforeSendLog` would have seen it, for the logger lookup. */
function plainLog(log: SerializedLog): Log {
  const attributes: Record<string, unknown> = {};
  for (const [key, attribute] of Object.entries(log.attributes ?? {})) {
    attributes[key] = isRecord(attribute) && 'value' in attribute ? attribute.value : attribute;
  }
  return { level: log.level, message: log.body, attributes };
}

function itemKind(event: Event): ItemKind {
  return event.type === 'transaction' ? 'transaction' : 'event';
}

/**
 * What is left of an event that could not be scrubbed: fields that never carry user data,
 * so the failure is visible in Sentry without leaking anything.
 */
function strippedEvent<T extends Event>(original: T): T {
  const event: Event = original;
  const exceptionTypes = (event.exception?.values ?? []).map((exception) => ({
    type: typeof exception?.type === 'string' ? exception.type : 'Error',
    value: '[Filtered]',
  }));

  const stripped: Event = {
    ...pickDefined(event, [
      'event_id',
      'timestamp',
      'level',
      'platform',
      'release',
      'environment',
      'type',
    ]),
    tags: { scrub_failed: 'true' },
    message: 'This event could not be scrubbed and was reduced to its structure.',
  };
  if (exceptionTypes.length > 0) {
    stripped.exception = { values: exceptionTypes };
  }
  return stripped as T;
}

function pickDefined<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) {
    if (source[key] !== undefined) {
      picked[key] = source[key];
    }
  }
  return picked;
}
