import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import * as Sentry from '@sentry/node';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { type EnvelopeReceiver, startReceiver } from '../helpers/receiver.ts';
import { flushAll, initSentry } from '../helpers/sentry.ts';

const CONCURRENT_REQUESTS = 50;

/**
 * An Express 5 app whose handler fails after a few awaits, so concurrent requests overlap
 * inside the handler. The error message names the order, to pair events with requests.
 */
function createApp(): express.Express {
  const app = express();
  app.get('/orders/:order', async (request, _response) => {
    const order = Number(request.params.order);
    // Each request waits a different time, and yields more than once, so that requests
    // finish in another order than they started.
    await delay((CONCURRENT_REQUESTS - order) % 7);
    await new Promise((resolve) => setImmediate(resolve));
    Sentry.setTag('order', String(order));
    await delay(order % 5);
    throw new Error(`order ${order} could not be loaded`);
  });
  Sentry.setupExpressErrorHandler(app);
  return app;
}

describe('request id in an Express app', () => {
  let receiver: EnvelopeReceiver;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    const filter = new SentryEventFilter();
    initSentry(receiver, { integrations: [Sentry.httpIntegration(), filter.integration()] });
    server = createApp().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    receiver.clear();
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await Sentry.close();
    await receiver.close();
  });

  function orderOf(event: { exception: { values: { value: string }[] } }): number {
    const match = /^order (\d+) could not be loaded$/.exec(
      event.exception.values.at(-1)?.value ?? '',
    );
    return Number(match?.[1]);
  }

  it(`gives each of ${CONCURRENT_REQUESTS} concurrent requests its own request id`, async () => {
    const orders = Array.from({ length: CONCURRENT_REQUESTS }, (_, order) => order);

    const statuses = await Promise.all(
      orders.map(async (order) => {
        const response = await fetch(`${baseUrl}/orders/${order}`, {
          headers: { 'x-request-id': `req-${order}-${order * 7919}` },
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    await flushAll();

    expect(statuses.every((status) => status === 500)).toBe(true);
    const events = receiver.events().map((item) => item.payload);
    expect(events).toHaveLength(CONCURRENT_REQUESTS);
    for (const event of events) {
      const order = orderOf(event);
      expect(event.tags.request_id).toBe(`req-${order}-${order * 7919}`);
      // The scope tag set inside the handler proves the isolation the request id relies on.
      expect(event.tags.order).toBe(String(order));
    }
    expect(new Set(events.map(orderOf)).size).toBe(CONCURRENT_REQUESTS);
  });

  it('falls back to each request’s own trace id without an x-request-id header', async () => {
    const orders = [1, 2, 3, 4, 5, 6, 7, 8];

    await Promise.all(
      orders.map(async (order) => {
        const response = await fetch(`${baseUrl}/orders/${order}`);
        await response.arrayBuffer();
      }),
    );
    await flushAll();

    const events = receiver.events().map((item) => item.payload);
    expect(events).toHaveLength(orders.length);
    for (const event of events) {
      expect(event.tags.request_id).toBe(event.contexts.trace.trace_id);
    }
    expect(new Set(events.map((event) => event.tags.request_id)).size).toBe(orders.length);
  });

  it('tags no request id on events captured outside a request', async () => {
    Sentry.captureException(new Error('order 0 could not be loaded'));
    await flushAll();

    const [event] = receiver.events().map((item) => item.payload);
    expect(event.tags?.request_id).toBeUndefined();
  });
});
