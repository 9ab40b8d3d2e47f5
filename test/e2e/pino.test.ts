import * as Sentry from '@sentry/node';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { type EnvelopeReceiver, startReceiver } from '../helpers/receiver.ts';
import { flushAll, initSentry } from '../helpers/sentry.ts';

// The SDK's pino integration subscribes to pino's diagnostics channel once per init and never
// unsubscribes, so this file starts one client for all its tests.

class AuthCancelledError extends Error {
  override name = 'AuthCancelledError';
}

const silent = () => pino.destination('/dev/null');
const notices = pino({ name: 'app' }, silent());
let receiver: EnvelopeReceiver;
let filter: SentryEventFilter;

beforeAll(async () => {
  receiver = await startReceiver();
  filter = new SentryEventFilter({
    filteredOutExceptions: [AuthCancelledError],
    ignoredLoggers: ['http.security'],
    logger: notices,
    dropLogIntervalMs: 0,
  });
  initSentry(receiver, {
    integrations: [Sentry.pinoIntegration({ error: { levels: ['error'] } }), filter.integration()],
  });
});

beforeEach(() => {
  receiver.clear();
});

afterAll(async () => {
  await Sentry.close();
  await receiver.close();
});

function discarded(reason: string, category: string): number {
  const entry = receiver.discarded().find((d) => d.reason === reason && d.category === category);
  return entry?.quantity ?? 0;
}

describe('pino loggers', () => {
  it('drops error events and log records of a logger under an ignored hierarchy', async () => {
    const security = pino({ name: 'http.security.csrf' }, silent());
    const billing = pino({ name: 'billing' }, silent());

    security.error({ err: new Error('csrf token mismatch') }, 'rejected form post');
    security.warn('origin header missing');
    billing.error({ err: new Error('invoice total negative') }, 'invoice rejected');
    billing.info('invoice 42 sent');
    await flushAll();

    const messages = receiver.events().map((event) => event.payload.exception.values.at(-1).value);
    expect(messages).toEqual(['invoice total negative']);
    expect(receiver.logs().map((log) => log.body)).toEqual(['invoice rejected', 'invoice 42 sent']);
    expect(discarded('event_processor', 'error')).toBe(1);
    // The two security records, plus the drop notices, which are written through pino too.
    const stats = filter.stats();
    expect(stats.rules['ignoredLoggers: http.security']).toEqual({ dropped: 3 });
    expect(discarded('before_send', 'log_item')).toBe(stats.dropped.log);
  });

  it('names child loggers by the name they bind, or the one they inherit', async () => {
    const http = pino({ name: 'http' }, silent());
    const csrf = http.child({ name: 'http.security.csrf' });
    const forms = csrf.child({ module: 'forms' });

    http.error({ err: new Error('socket hang up') }, 'upstream failed');
    csrf.error({ err: new Error('csrf token mismatch') }, 'rejected form post');
    forms.warn('origin header missing');
    await flushAll();

    const messages = receiver.events().map((event) => event.payload.exception.values.at(-1).value);
    expect(messages).toEqual(['socket hang up']);
    expect(receiver.logs().map((log) => log.body)).toEqual(['upstream failed']);
  });

  it('never turns a drop notice written through pino into a log record or event', async () => {
    const before = filter.stats().rules.ownLine?.dropped ?? 0;

    Sentry.captureException(new AuthCancelledError('closed'));
    notices.info('an ordinary line');
    await flushAll();

    expect(receiver.logs().map((log) => log.body)).toEqual(['an ordinary line']);
    expect(receiver.rawText()).not.toContain('[sentry-event-filter]');
    expect(filter.stats().rules.ownLine?.dropped).toBe(before + 1);
  });
});
