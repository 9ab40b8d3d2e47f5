import * as Sentry from '@sentry/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { type EnvelopeReceiver, startReceiver } from '../helpers/receiver.ts';
import { flushAll, initSentry } from '../helpers/sentry.ts';

class AuthCancelledError extends Error {
  override name = 'AuthCancelledError';
}

describe('integration with @sentry/node', () => {
  let receiver: EnvelopeReceiver;

  beforeAll(async () => {
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await Sentry.close();
    await receiver.close();
  });

  it('drops a filtered-out exception and sends the rest', async () => {
    const filter = new SentryEventFilter({ filteredOutExceptions: [AuthCancelledError] });
    initSentry(receiver, { integrations: [filter.integration()] });

    Sentry.captureException(new AuthCancelledError('user closed the dialog'));
    Sentry.captureException(new Error('database unavailable'));
    await flushAll();

    const values = receiver.events().map((event) => event.payload.exception.values.at(-1).value);
    expect(values).toEqual(['database unavailable']);
    expect(receiver.discarded()).toContainEqual({
      reason: 'event_processor',
      category: 'error',
      quantity: 1,
    });
  });
});
