/**
 * What the demo adds to each app process, loaded after ../sentry.ts with `--import`; the apps
 * themselves know nothing of it.
 *
 * - On `flush`, sends everything the SDK holds (twice: client reports can lag one flush
 *   behind) and answers with the filter's counters.
 * - When `DEMO_TAP_URL` is set (the apps send to a real Sentry), posts a copy of every
 *   envelope, exactly as it leaves for the transport, to the demo's local receiver, so the
 *   report can show what was sent.
 */
import { request } from 'node:http';
import { serializeEnvelope } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { filter } from '../sentry.ts';
import { type FromApp, isMessage, type ToApp } from './protocol.ts';

const pendingCopies = new Set<Promise<void>>();

function copyEnvelope(url: URL, body: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const copy = request(url, { method: 'POST' }, (response) => {
      response.resume();
      response.on('end', resolve);
    });
    copy.on('error', () => resolve());
    copy.end(body);
  });
}

const tapUrl = process.env.DEMO_TAP_URL;
if (tapUrl !== undefined) {
  const url = new URL(tapUrl);
  // Registered after the filter's own hook, so this sees the envelope as it is sent.
  Sentry.getClient()?.on('beforeEnvelope', (envelope) => {
    const body = serializeEnvelope(envelope);
    Sentry.suppressTracing(() => {
      const copy = copyEnvelope(url, body).finally(() => pendingCopies.delete(copy));
      pendingCopies.add(copy);
    });
  });
}

process.on('message', (message: ToApp) => {
  if (!isMessage<Extract<ToApp, { type: 'flush' }>>(message, 'flush')) {
    return;
  }
  void (async () => {
    await Sentry.flush(5000);
    await Sentry.flush(5000);
    await Promise.all(pendingCopies);
    process.send?.({
      type: 'flushed',
      stats: filter.stats(),
      packageEntry: import.meta.resolve('sentry-event-filter'),
    } satisfies FromApp);
  })();
});
