import * as Sentry from '@sentry/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { type EnvelopeReceiver, startReceiver } from '../helpers/receiver.ts';
import { flushAll, initSentry } from '../helpers/sentry.ts';

// Options callbacks that misbehave inside a real @sentry/node 11 client: the application
// never sees them fail, and what Sentry is told stays right.

class AuthCancelledError extends Error {
  override name = 'AuthCancelledError';
}

let receiver: EnvelopeReceiver;

beforeAll(async () => {
  receiver = await startReceiver();
});

afterEach(async () => {
  await Sentry.close();
  receiver.clear();
});

afterAll(async () => {
  await receiver.close();
});

function discarded(): Record<string, number> {
  return Object.fromEntries(
    receiver.discarded().map((entry) => [`${entry.reason} ${entry.category}`, entry.quantity]),
  );
}

function arrivedMessages(): string[] {
  return receiver.events().map((event) => {
    const values = event.payload.exception?.values ?? [];
    return values.at(-1)?.value ?? event.payload.message;
  });
}

describe('logger', () => {
  it('that throws a value that cannot be printed still leaves drops counted as drops', async () => {
    const filter = new SentryEventFilter({
      filteredOutExceptions: [AuthCancelledError],
      ignoredLoggers: ['noisy'],
      logger: {
        info() {
          throw Object.create(null);
        },
      },
      dropLogIntervalMs: 0,
    });
    initSentry(receiver, { integrations: [filter.integration()] });

    Sentry.logger.info('a noisy line', { 'logger.name': 'noisy' });
    Sentry.captureException(new AuthCancelledError('closed'));
    Sentry.captureMessage('still alive');
    await flushAll();

    expect(arrivedMessages()).toEqual(['still alive']);
    expect(discarded()).toEqual({ 'before_send log_item': 1, 'event_processor error': 1 });
    expect(filter.stats()).toMatchObject({ dropped: { event: 1, log: 1 } });
  });
});
