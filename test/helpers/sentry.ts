import * as Sentry from '@sentry/node';
import { afterAll, afterEach } from 'vitest';
import { type EnvelopeReceiver, startReceiver } from './receiver.ts';

/**
 * Starts the real @sentry/node client against a local receiver, the way an application
 * would, minus the default integrations (which make start-up slow and add noise). Tests add
 * the integrations they exercise.
 */
export function initSentry(
  receiver: EnvelopeReceiver,
  options: Partial<Sentry.NodeOptions> = {},
): Sentry.NodeClient {
  const client = Sentry.init({
    dsn: receiver.dsn,
    defaultIntegrations: false,
    enableRuntimeChannelInjection: false,
    sendClientReports: true,
    ...options,
  });
  if (client === undefined) {
    throw new Error('Sentry.init returned no client');
  }
  return client;
}

/**
 * Sends everything the client holds. Client reports are only written on flush and can lag
 * one flush behind, so flushing twice makes them arrive.
 */
export async function flushAll(): Promise<void> {
  await Sentry.flush(5000);
  await Sentry.flush(5000);
}

/**
 * One receiver for the tests of a file, started at once: after each test the client is closed
 * and the receiver emptied, so every test starts its own client on a clean slate; the receiver
 * closes after the last test.
 */
export async function receiverForTests(): Promise<EnvelopeReceiver> {
  const receiver = await startReceiver();
  afterEach(async () => {
    await Sentry.close();
    receiver.clear();
  });
  afterAll(async () => {
    await receiver.close();
  });
  return receiver;
}
