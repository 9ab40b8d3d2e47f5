import type { Event, EventHint } from '@sentry/core';
import {
  createEnrichment,
  type EnrichContext,
  type Enricher,
  type EnrichmentOptions,
} from '../../src/enrich/index.ts';

/** A failure the enrichment step reported. */
export interface ReportedFailure {
  readonly label: string;
  readonly error: unknown;
  readonly outcome: string;
}

/** The enrichment step as the filter builds it, with the failures it reports collected. */
export function buildEnrichment(
  options: EnrichmentOptions | false = {},
  custom: readonly Enricher[] = [],
) {
  const failures: ReportedFailure[] = [];
  const enrich = createEnrichment(options, custom, {
    enricherFailed: (label, error, outcome) => failures.push({ label, error, outcome }),
  });
  return {
    failures,
    enrich: (event: Event, hint: EventHint = {}, context: Partial<EnrichContext> = {}) =>
      enrich(event, hint, { userCaused: false, ...context }),
  };
}

/** Only one built-in switched on, to test it alone. */
export function only(name: keyof EnrichmentOptions): EnrichmentOptions {
  return {
    errorProperties: name === 'errorProperties',
    errorCodeTag: name === 'errorCodeTag',
    httpStatusTag: name === 'httpStatusTag',
    requestId: name === 'requestId',
    job: name === 'job',
  };
}

/** An error event as the SDK hands it to `processEvent`. */
export function errorEvent(overrides: Partial<Event> = {}): Event {
  return {
    event_id: 'a3f1c2d4e5b6478899aabbccddeeff00',
    level: 'error',
    platform: 'node',
    exception: { values: [{ type: 'Error', value: 'connect ECONNREFUSED 127.0.0.1:9' }] },
    contexts: {
      trace: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7' },
    },
    ...overrides,
  };
}

/** A Node system error, shaped as `net.connect` rejects with it. */
export function connectionRefused(): NodeJS.ErrnoException & { address: string; port: number } {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
    errno: -111,
    code: 'ECONNREFUSED',
    syscall: 'connect',
    address: '127.0.0.1',
    port: 9,
  });
}

/** An error with a cause chain three deep, as wrapping libraries produce. */
export function wrappedError(): Error {
  const root = connectionRefused();
  const middle = Object.assign(new Error('query failed', { cause: root }), { query: 'users' });
  return Object.assign(new Error('could not load the user', { cause: middle }), {
    userId: 42,
  });
}

/** The context the built-in adds, read from an enriched event. */
export function errorProperties(event: Event): Record<string, unknown> | undefined {
  return event.contexts?.error_properties as Record<string, unknown> | undefined;
}

/** Freezes an event and everything in it, as a hostile or careful host might. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) {
      deepFreeze(item);
    }
  }
  return value;
}
