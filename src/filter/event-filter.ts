import type {
  Breadcrumb,
  BreadcrumbHint,
  Envelope,
  ErrorEvent,
  Event,
  EventHint,
  Integration,
  Log,
  Metric,
  SerializedLog,
  StreamedSpanJSON,
  TransactionEvent,
} from '@sentry/core';
import { createDebugLogger, type DebugLogger } from '../debug.ts';
import { createEnrichment, type EnrichContext, type EnrichEvent } from '../enrich/index.ts';
import { describeFailure } from '../failure.ts';
import { createIntegration } from '../integration.ts';
import {
  type ResolvedOptions,
  resolveOptions,
  type SentryEventFilterOptions,
} from '../options/index.ts';
import { DropLog } from '../report/drop-log.ts';
import { type FilterStats, type ItemKind, StatsCounter } from '../report/stats.ts';
import { createScrubber, type Removal, type Scrubber } from '../scrub/index.ts';
import { checkEnvelope } from './check-envelope.ts';
import { Decider, type Decision } from './decider.ts';
import {
  eventIdOf,
  isSerializedLog,
  itemKind,
  plainLog,
  strippedAttachment,
  strippedBreadcrumb,
  strippedEnvelope,
  strippedEvent,
  strippedLog,
  strippedMetric,
  strippedSpan,
} from './shapes.ts';
import {
  type CheckResult,
  type DropRule,
  type EnvelopeCheckResult,
  type LogCheckResult,
  ruleName,
} from './types.ts';
import { withTag } from './with-tag.ts';

// Tagged events between `processEvent` and `beforeSend` at a time: one, unless an event
// processor awaits; the bound only stops ids of events dropped in between from piling up.
const MAX_TAGGED_IN_FLIGHT = 256;

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
 * Sentry.init({ dsn, integrations: (defaults) => [filter.integration(), ...defaults] });
 * ```
 */
export class SentryEventFilter {
  readonly #options: ResolvedOptions;
  readonly #debug: DebugLogger;
  readonly #stats = new StatsCounter();
  readonly #dropLog: DropLog;
  readonly #decider: Decider;
  readonly #enrich: EnrichEvent;
  readonly #scrubber: Scrubber | undefined;
  // The rule that dropped the last event `#prepareEvent` dropped, and the one that tagged the
  // last event it tagged.
  #lastDrop: string | undefined;
  #lastTag: string | undefined;
  // Ids of events `processEvent` tagged user-caused, with the rule, until `beforeSend` sees
  // them: a drop there takes the tag back. The SDK normalises the event in between, so the
  // id is what stays.
  readonly #taggedBy = new Map<string, string>();

  /** Validates the options and compiles every rule; throws on invalid options. */
  constructor(options: SentryEventFilterOptions = {}) {
    const resolved = resolveOptions(options);
    this.#options = resolved;
    this.#debug = createDebugLogger(resolved.debug);
    this.#dropLog = new DropLog(resolved.logger, this.#debug, resolved.dropLogIntervalMs);

    const reportFailure = (what: string, error: unknown): void => this.#reportFailure(what, error);
    const dropLog = this.#dropLog;
    this.#decider = new Decider(resolved, {
      reportFailure,
      get isWritingNotice() {
        return dropLog.isWriting;
      },
    });
    this.#enrich = createEnrichment(resolved.enrichment, resolved.enrich, {
      enricherFailed: (label, error, outcome) =>
        reportFailure(`enricher ${label} ${outcome}`, error),
    });
    this.#scrubber = resolved.sensitiveLoggingEnabled
      ? undefined
      : createScrubber(
          resolved.scrub,
          {
            removed: (rule) => this.#stats.scrubbed(rule),
            failed: (error) => reportFailure('a value could not be scrubbed', error),
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
      prepareEvent: (event, hint) => {
        const context: EnrichContext = { userCaused: false, fresh: false };
        const prepared = this.#prepareEvent(event, hint, context);
        if (prepared !== null && context.userCaused && this.#lastTag !== undefined) {
          this.#rememberTag(prepared, this.#lastTag);
        }
        return prepared;
      },
      dropLateEvent: (event) => this.#dropsLateEvent(event),
      dropLog: (log) => this.#dropRule(log) !== undefined,
      dropBreadcrumb: (breadcrumb) => this.#dropsBreadcrumb(breadcrumb),
      scrubEnvelope:
        this.#scrubber === undefined ? undefined : (envelope) => this.#scrubEnvelope(envelope),
    });
  }

  /**
   * The whole pipeline for an error event, for `Sentry.init({ beforeSend })`: decide, tag,
   * enrich and scrub. Returns a new event, or `null` to drop it.
   */
  readonly beforeSend = <T extends Event = ErrorEvent>(event: T, hint?: EventHint): T | null => {
    return this.#process(event, hint ?? {}) as T | null;
  };

  /** The whole pipeline for a transaction event, for `Sentry.init({ beforeSendTransaction })`. */
  readonly beforeSendTransaction = <T extends Event = TransactionEvent>(
    event: T,
    hint?: EventHint,
  ): T | null => {
    return this.#process(event, hint ?? {}) as T | null;
  };

  /** Drops log records from ignored loggers and scrubs the rest, for `beforeSendLog`. */
  readonly beforeSendLog = (log: Log): Log | null => {
    if (this.#dropRule(log) !== undefined) {
      return null;
    }
    return this.#scrub((scrubber) => scrubber.log(log), log, strippedLog);
  };

  /** Drops breadcrumbs from ignored loggers and scrubs the rest, for `beforeBreadcrumb`. */
  readonly beforeBreadcrumb = (
    breadcrumb: Breadcrumb,
    _hint?: BreadcrumbHint,
  ): Breadcrumb | null => {
    if (this.#dropsBreadcrumb(breadcrumb)) {
      return null;
    }
    return this.#scrub(
      (scrubber) => scrubber.breadcrumb(breadcrumb),
      breadcrumb,
      strippedBreadcrumb,
    );
  };

  /**
   * Scrubs a trace metric (`Sentry.metrics.*`), for `beforeSendMetric`: its name and
   * attributes; type, value and unit stay. Metrics have no logger, so none is dropped.
   */
  readonly beforeSendMetric = (metric: Metric): Metric => {
    this.#stats.seen('metric');
    return this.#scrub((scrubber) => scrubber.metric(metric), metric, strippedMetric);
  };

  /** Scrubs a streamed span, for `beforeSendSpan`. Spans cannot be dropped there. */
  readonly beforeSendSpan = (span: StreamedSpanJSON): StreamedSpanJSON => {
    this.#stats.seen('span');
    return this.#scrub((scrubber) => scrubber.span(span), span, strippedSpan);
  };

  /**
   * Runs the whole pipeline on one event and reports what it did, for previews and the
   * command line. Counters are updated as for any other event.
   */
  check(event: Event, hint: EventHint = {}): CheckResult {
    const prepared = this.#prepare(event, hint);
    if (prepared.event === null) {
      return prepared;
    }
    const removals: Removal[] = [];
    return { ...prepared, event: this.#scrubEvent(prepared.event, removals), removals };
  }

  /**
   * Runs the pipeline on a log record, in the shape `beforeSendLog` sees or as serialized in
   * an envelope (attributes as `{ value, type }`).
   */
  checkLog<T extends Log | SerializedLog>(log: T): LogCheckResult<T> {
    const rule = this.#dropRule(log);
    if (rule !== undefined) {
      return { outcome: 'dropped', droppedBy: rule, log: null, removals: [] };
    }
    const removals: Removal[] = [];
    const scrubbed = this.#scrub(
      (scrubber) => scrubber.log(log as Log, removals) as T,
      log,
      strippedLog,
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
    return checkEnvelope(envelope, {
      prepareEvent: (event) => this.#prepare(event, {}),
      dropRule: (log) => this.#dropRule(log),
      scrubEnvelope: (kept, removals) => this.#scrubEnvelope(kept, removals),
    });
  }

  /** Scrubs every item of an envelope and its header; returns a new envelope. */
  scrubEnvelope(envelope: Envelope, removals?: Removal[]): Envelope {
    return this.#scrubEnvelope(envelope, removals);
  }

  /** Counters per item kind, rule and outcome since the filter was created. */
  stats(): FilterStats {
    return this.#stats.snapshot();
  }

  #process(event: Event, hint: EventHint): Event | null {
    const context: EnrichContext = { userCaused: false, fresh: false };
    const prepared = this.#prepareEvent(event, hint, context);
    if (prepared === null) {
      return null;
    }
    if (!this.#scrubAttachments(hint)) {
      return null;
    }
    return this.#scrubEvent(prepared, undefined, prepared !== event && context.fresh === true);
  }

  /**
   * Attachments added with `scope.addAttachment` go out with the event from the hint, which is
   * the SDK's own object: its entries are replaced by scrubbed copies. When that cannot be done
   * (a frozen list), the event is not sent, for its attachments would go out as they are.
   */
  #scrubAttachments(hint: EventHint): boolean {
    if (this.#scrubber === undefined) {
      return true;
    }
    try {
      const attachments = hint.attachments;
      if (!Array.isArray(attachments)) {
        return true;
      }
      attachments.forEach((attachment, index) => {
        attachments[index] = this.#scrub(
          (scrubber) => scrubber.attachment(attachment),
          attachment,
          strippedAttachment,
        );
      });
      return true;
    } catch (error) {
      this.#reportFailure('the attachments could not be scrubbed; the event is dropped', error);
      return false;
    }
  }

  /** Decide, tag and enrich: everything but scrubbing. Counts the event. */
  #prepare(event: Event, hint: EventHint): CheckResult {
    const context: EnrichContext = { userCaused: false, fresh: false };
    const prepared = this.#prepareEvent(event, hint, context);
    if (prepared === null) {
      const droppedBy = this.#lastDrop;
      return { outcome: 'dropped', droppedBy, tags: {}, event: null, removals: [] };
    }
    const tags: Record<string, string> = context.userCaused
      ? { [this.#options.userCausedTag]: 'true' }
      : {};
    return { outcome: 'sent', droppedBy: undefined, tags, event: prepared, removals: [] };
  }

  /**
   * `#prepare` without its result object: the event, or `null` when dropped (the rule is left
   * in `#lastDrop`). `context` says whether it was user-caused and whether the returned event
   * is a copy made here that no enricher was shown.
   */
  #prepareEvent(event: Event, hint: EventHint, context: EnrichContext): Event | null {
    const kind = itemKind(event);
    this.#stats.seen(kind);

    const decision = this.#decider.event(event, hint);
    if (decision.drop !== undefined) {
      this.#recordDrop(kind, decision.drop, eventIdOf(event));
      this.#lastDrop = ruleName(decision.drop);
      return null;
    }
    return this.#applyDecision(event, hint, decision, context);
  }

  #applyDecision(event: Event, hint: EventHint, decision: Decision, context: EnrichContext): Event {
    let result = event;
    let fresh = false;
    const userCaused = decision.userCaused !== undefined;
    const enrichContext: EnrichContext = { userCaused, fresh: false };
    try {
      if (decision.userCaused !== undefined) {
        result = withTag(result, this.#options.userCausedTag, 'true');
        fresh = true;
        this.#lastTag = ruleName(decision.userCaused);
        this.#stats.tagged(this.#lastTag);
      }
      const enriched = this.#enrich(result, hint, enrichContext);
      fresh = enriched === result ? fresh : enrichContext.fresh === true;
      result = enriched;
      const kept = this.#decider.withoutIgnoredBreadcrumbs(result);
      fresh ||= kept !== result;
      result = kept;
    } catch (error) {
      this.#reportFailure('tagging or enrichment failed; the event is sent without it', error);
    }
    (context as { userCaused: boolean }).userCaused = userCaused;
    context.fresh = fresh;
    return result;
  }

  /**
   * The logger check for events whose logger the SDK stamps after `processEvent`. An event
   * tagged there and dropped here is counted as dropped only: a dropped event is never tagged.
   */
  #dropsLateEvent(event: Event): boolean {
    const rule = this.#decider.lateEvent(event);
    const tagRule = this.#forgetTag(event);
    if (rule === undefined) {
      return false;
    }

    if (tagRule !== undefined) {
      this.#stats.untagged(tagRule);
    }
    this.#recordDrop(itemKind(event), rule, eventIdOf(event));
    return true;
  }

  #rememberTag(event: Event, rule: string): void {
    const id = eventIdOf(event);
    if (id === undefined) {
      return;
    }
    // Events that a later processor drops never reach `beforeSend`; the oldest ids go.
    if (this.#taggedBy.size >= MAX_TAGGED_IN_FLIGHT) {
      const oldest = this.#taggedBy.keys().next().value;
      this.#taggedBy.delete(oldest as string);
    }
    this.#taggedBy.set(id, rule);
  }

  #forgetTag(event: Event): string | undefined {
    if (this.#taggedBy.size === 0) {
      return undefined;
    }
    const id = eventIdOf(event);
    if (id === undefined) {
      return undefined;
    }
    const rule = this.#taggedBy.get(id);
    this.#taggedBy.delete(id);
    return rule;
  }

  /** Counts a log record and names the rule that drops it, if any. */
  #dropRule(log: Log | SerializedLog): string | undefined {
    this.#stats.seen('log');
    let plain = log as Log;
    try {
      plain = isSerializedLog(log) ? plainLog(log) : log;
    } catch {
      // Left to the decider, which keeps a record it cannot read and reports it.
    }
    const rule = this.#decider.log(plain);
    if (rule === undefined) {
      return undefined;
    }
    this.#recordDrop('log', rule, undefined);
    return ruleName(rule);
  }

  /**
   * Counts a breadcrumb and tells whether it comes from an ignored logger. Breadcrumbs riding
   * along with events are filtered again without counting: the same one comes with each event.
   */
  #dropsBreadcrumb(breadcrumb: Breadcrumb): boolean {
    this.#stats.seen('breadcrumb');
    const rule = this.#decider.breadcrumb(breadcrumb);
    if (rule !== undefined) {
      this.#recordDrop('breadcrumb', rule, undefined);
    }
    return rule !== undefined;
  }

  #recordDrop(kind: ItemKind, rule: DropRule, eventId: string | undefined): void {
    const name = ruleName(rule);
    this.#stats.dropped(kind, name);
    if (rule.option !== 'ownLine') {
      this.#dropLog.record({ kind, rule: name, eventId });
    }
  }

  #scrubEvent(event: Event, removals?: Removal[], owned = false): Event {
    const scrubber = this.#scrubber;
    if (scrubber === undefined) {
      return event;
    }
    try {
      return scrubber.event(event, removals, owned);
    } catch (error) {
      this.#reportFailure('scrubbing failed; the item is sent reduced to its structure', error);
      return strippedEvent(event);
    }
  }

  #scrubEnvelope(envelope: Envelope, removals?: Removal[]): Envelope {
    return this.#scrub(
      (scrubber) => scrubber.envelope(envelope, removals),
      envelope,
      strippedEnvelope,
    );
  }

  /** Scrubs with the configured scrubber; if that throws, sends what `fallback` leaves. */
  #scrub<T>(run: (scrubber: Scrubber) => T, input: T, fallback: (input: T) => T): T {
    const scrubber = this.#scrubber;
    if (scrubber === undefined) {
      return input;
    }
    try {
      return run(scrubber);
    } catch (error) {
      this.#reportFailure('scrubbing failed; the item is sent reduced to its structure', error);
      return fallback(input);
    }
  }

  #reportFailure(what: string, error: unknown): void {
    this.#stats.failure();
    this.#debug.warn(`${what}: ${describeFailure(error)}`);
  }
}
