import * as Sentry from '@sentry/node';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { flushAll, initSentry, receiverForTests } from '../helpers/sentry.ts';

// Options callbacks that misbehave inside a real @sentry/node 11 client: the application
// never sees them fail, and what Sentry is told stays right.

class AuthCancelledError extends Error {
  override name = 'AuthCancelledError';
}

const receiver = await receiverForTests();

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

describe('callbacks that capture through Sentry', () => {
  // Without a guard each capture would run the callback again, without end: the tests stop
  // the callbacks themselves after 100 calls so that a failure cannot hang the run.
  const LIMIT = 100;

  it('a predicate that captures is not run again for the event it captured', async () => {
    let calls = 0;
    const filter = new SentryEventFilter({
      filteredOutExceptions: [
        function capturesToo(error) {
          calls++;
          if (calls < LIMIT) {
            Sentry.captureException(new Error('captured by the predicate'));
          }
          return error instanceof AuthCancelledError;
        },
      ],
    });
    initSentry(receiver, { integrations: [filter.integration()] });

    Sentry.captureException(new AuthCancelledError('closed'));
    await flushAll();

    expect(calls).toBe(1);
    expect(arrivedMessages()).toEqual(['captured by the predicate']);
    expect(filter.stats()).toMatchObject({ seen: { event: 2 }, dropped: { event: 1 } });
  });

  it('an enricher that captures is not run again for the event it captured', async () => {
    let calls = 0;
    const filter = new SentryEventFilter({
      enrich: [
        function capturesToo() {
          calls++;
          if (calls < LIMIT) {
            Sentry.captureMessage('captured by the enricher');
          }
          return { tags: { enriched: 'yes' } };
        },
      ],
    });
    initSentry(receiver, { integrations: [filter.integration()] });

    Sentry.captureMessage('the first');
    await flushAll();

    expect(calls).toBe(1);
    expect(arrivedMessages().sort()).toEqual(['captured by the enricher', 'the first']);
  });

  it('a loggerName that captures is not run again for the event it captured', async () => {
    let calls = 0;
    const filter = new SentryEventFilter({
      ignoredLoggers: ['noisy'],
      loggerName() {
        calls++;
        if (calls < LIMIT) {
          Sentry.captureMessage('captured by loggerName');
        }
        return 'noisy';
      },
    });
    initSentry(receiver, { integrations: [filter.integration()] });

    Sentry.captureMessage('the first');
    await flushAll();

    expect(calls).toBeLessThanOrEqual(2);
    expect(arrivedMessages()).toEqual(['captured by loggerName']);
  });
});
