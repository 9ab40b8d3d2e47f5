import type { Breadcrumb, Event, Log } from '@sentry/core';

// Named fixture events, shaped the way @sentry/node 11 builds them.

/** An error event for a thrown value, as the SDK serialises it (name as type, message as value). */
export function errorEvent(error: unknown, extra: Partial<Event> = {}): Event {
  const { type, value } = describeThrown(error);
  return {
    event_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    platform: 'node',
    level: 'error',
    exception: {
      values: [{ type, value, mechanism: { type: 'generic', handled: true } }],
    },
    ...extra,
  };
}

/** A message event from a named logger. */
export function loggerEvent(logger: string, message = 'something happened'): Event {
  return { event_id: 'b1b2c3d4e5f60718293a4b5c6d7e8f90', level: 'error', logger, message };
}

/** A transaction event with one child span. */
export function transactionEvent(): Event {
  return {
    type: 'transaction',
    event_id: 'c1b2c3d4e5f60718293a4b5c6d7e8f90',
    transaction: 'GET /orders',
    contexts: {
      trace: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7' },
    },
    spans: [
      {
        span_id: 'a1a1a1a1a1a1a1a1',
        trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
        start_timestamp: 1,
        timestamp: 2,
        op: 'db.query',
        status: 'ok',
        description: 'SELECT id FROM orders WHERE customer_id = $1',
        data: {},
      },
    ],
  };
}

/** A log record as `beforeSendLog` receives it from the pino integration. */
export function pinoLog(name: string, message = 'csrf token mismatch'): Log {
  return {
    level: 'warn',
    message,
    attributes: { name, 'sentry.origin': 'auto.log.pino', 'pino.logger.level': 40 },
  };
}

/** A breadcrumb recorded by a named logger. */
export function loggerBreadcrumb(category: string, message = 'noted'): Breadcrumb {
  return { category, message, level: 'info', timestamp: 1 };
}

function describeThrown(error: unknown): { type: string; value: string } {
  try {
    if (error instanceof Error) {
      return { type: error.name, value: error.message };
    }
  } catch {
    // A revoked proxy throws on `instanceof`; the SDK falls back the same way.
  }
  return { type: 'Error', value: `Non-Error exception captured: ${typeof error}` };
}
