import * as Sentry from '@sentry/node';
import type { EnvelopeReceiver } from './receiver.ts';

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
