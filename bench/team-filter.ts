import type { Event, EventHint } from '@sentry/core';
import { SentryEventFilter, type SentryEventFilterOptions } from '../src/index.ts';
import {
  AuthCancelledError,
  ClientAbortError,
  createCheckoutFailure,
  NotFoundError,
  ValidationError,
} from './fixtures/errors.ts';

// Which team owns which route, as a team would tag events for alert routing.
const ROUTE_OWNERS: Readonly<Record<string, string>> = {
  'POST /api/checkout': 'payments',
  'GET /api/orders': 'orders',
};

/**
 * The filter configured the way a real team runs it: classes, names and a predicate in both
 * exception lists, exact, hierarchical and glob loggers, one custom enricher, and the default
 * scrubbing (everything on, `_meta` written). `overrides` replace options of the same name.
 */
export function createTeamFilter(overrides: SentryEventFilterOptions = {}): SentryEventFilter {
  return new SentryEventFilter({
    filteredOutExceptions: [
      AuthCancelledError,
      ClientAbortError,
      'AbortError',
      function isPrematureClose(error) {
        return (error as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE';
      },
    ],
    userCausedExceptions: [ValidationError, NotFoundError, 'PaymentDeclinedError'],
    ignoredLoggers: ['http.security', 'worker.heartbeat.*', 'sqlalchemy.engine'],
    enrich: [
      function routeOwner(event) {
        const team = event.transaction === undefined ? undefined : ROUTE_OWNERS[event.transaction];
        return team === undefined ? undefined : { tags: { team } };
      },
    ],
    ...overrides,
  });
}

/** The hint `beforeSend` receives with the fixture events: the live error behind them. */
export function createHint(): EventHint {
  const error = createCheckoutFailure();
  return {
    event_id: 'f3c2a1b0e9d8c7b6a5f4e3d2c1b0a998',
    originalException: error,
    syntheticException: null,
  };
}

/** Runs the whole per-event pipeline: `beforeSend`, or `beforeSendTransaction` for those. */
export function runFilter(filter: SentryEventFilter, event: Event, hint: EventHint): Event | null {
  if (event.type === 'transaction') {
    return filter.beforeSendTransaction(
      event as Parameters<typeof filter.beforeSendTransaction>[0],
      hint,
    );
  }
  return filter.beforeSend(event as Parameters<typeof filter.beforeSend>[0], hint);
}
