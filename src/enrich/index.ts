import type { Contexts, Event, EventHint, Extras, Primitive, User } from '@sentry/core';

/** What an enricher adds. Empty values are skipped; nothing already set is overwritten. */
export interface Enrichment {
  tags?: Record<string, Primitive>;
  contexts?: Contexts;
  extra?: Extras;
  user?: User;
  fingerprint?: string[];
}

/**
 * A custom enricher: reads the event and the hint, returns what to add. One that throws is
 * reported once and skipped; the event still goes out.
 */
export type Enricher = (event: Readonly<Event>, hint: EventHint) => Enrichment | undefined | null;

/** Switches for the built-in enrichers. Each is on unless set to `false`. */
export interface EnrichmentOptions {
  /**
   * The captured error's own properties (`code`, `statusCode`, `errno`, `syscall`, ...) and
   * those of its causes, as the `error_properties` context.
   * @default true
   */
  errorProperties?: boolean;
  /**
   * The error code (`ECONNREFUSED`, `P2002`, ...) as the `error.code` tag.
   * @default true
   */
  errorCodeTag?: boolean;
  /**
   * The HTTP status of user-caused errors, when the error carries one, as `http.status_code`.
   * @default true
   */
  httpStatusTag?: boolean;
  /**
   * The request id, from `x-request-id` or the trace, as the `request_id` tag.
   * @default true
   */
  requestId?: boolean;
  /**
   * The background job's name and id, from the job scope, as the `job` context and tags.
   * @default true
   */
  job?: boolean;
}

/** What the pipeline knows when enrichment runs. */
export interface EnrichContext {
  readonly userCaused: boolean;
}

/** Hooks enrichment reports through. */
export interface EnrichReporter {
  /** Called once per failing enricher. */
  enricherFailed(label: string, error: unknown): void;
}

/** Runs the built-in and custom enrichers over an event. */
export type EnrichEvent = (event: Event, hint: EventHint, context: EnrichContext) => Event;

/**
 * Builds the enrichment step.
 * TODO(enrich): built-in enrichers; custom ones run through {@link applyEnrichment}.
 */
export function createEnrichment(
  _options: EnrichmentOptions | false,
  custom: readonly Enricher[],
  reporter: EnrichReporter,
): EnrichEvent {
  const failed = new Set<number>();

  return function enrichEvent(event, hint) {
    let result = event;
    custom.forEach((enricher, index) => {
      try {
        const enrichment = enricher(result, hint);
        if (enrichment) {
          result = applyEnrichment(result, enrichment);
        }
      } catch (error) {
        if (!failed.has(index)) {
          failed.add(index);
          reporter.enricherFailed(enricher.name || `enrich[${index}]`, error);
        }
      }
    });
    return result;
  };
}

/** Merges an enrichment into a copy of the event, never overwriting what is set. */
export function applyEnrichment(event: Event, enrichment: Enrichment): Event {
  const next: Event = { ...event };
  const tags = nonEmpty(enrichment.tags);
  if (tags) {
    next.tags = { ...tags, ...event.tags };
  }
  const contexts = nonEmpty(enrichment.contexts);
  if (contexts) {
    next.contexts = { ...contexts, ...event.contexts };
  }
  const extra = nonEmpty(enrichment.extra);
  if (extra) {
    next.extra = { ...extra, ...event.extra };
  }
  const user = nonEmpty(enrichment.user);
  if (user) {
    next.user = { ...user, ...event.user };
  }
  if (enrichment.fingerprint?.length && !event.fingerprint?.length) {
    next.fingerprint = [...enrichment.fingerprint];
  }
  return next;
}

function nonEmpty<T extends object>(record: T | undefined): T | undefined {
  if (record === undefined || record === null || typeof record !== 'object') {
    return undefined;
  }
  const entries = Object.entries(record).filter(([, value]) => !isEmptyValue(value));
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  return typeof value === 'object' && Object.keys(value).length === 0;
}
