import { setTimeout as delay } from 'node:timers/promises';
import * as Sentry from '@sentry/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runJob, SentryEventFilter } from '../../src/index.ts';
import { type EnvelopeReceiver, startReceiver } from '../helpers/receiver.ts';
import { flushAll, initSentry } from '../helpers/sentry.ts';

const CONCURRENT_JOBS = 30;

/** A job that yields several times before it fails, so concurrent jobs interleave. */
async function sendInvoice(invoice: number): Promise<void> {
  await delay((CONCURRENT_JOBS - invoice) % 6);
  await new Promise((resolve) => setImmediate(resolve));
  await delay(invoice % 4);
  throw new Error(`invoice ${invoice} could not be sent`);
}

function invoiceOf(event: { exception: { values: { value: string }[] } }): number {
  const message = event.exception.values.at(-1)?.value ?? '';
  return Number(/^invoice (\d+) could not be sent$/.exec(message)?.[1]);
}

describe('job context in a worker', () => {
  let receiver: EnvelopeReceiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    initSentry(receiver, { integrations: [new SentryEventFilter().integration()] });
  });

  beforeEach(() => {
    receiver.clear();
  });

  afterAll(async () => {
    await Sentry.close();
    await receiver.close();
  });

  it('tags an event captured in a job with its name and id', async () => {
    const result = await runJob(
      { name: 'send-invoice', id: 'job-1', queue: 'billing' },
      async () => {
        await delay(1);
        Sentry.captureException(new Error('invoice 1 could not be sent'));
        return 'done';
      },
    );
    await flushAll();

    expect(result).toBe('done');
    const [event] = receiver.events().map((item) => item.payload);
    expect(event.tags).toMatchObject({ 'job.name': 'send-invoice', 'job.id': 'job-1' });
    expect(event.contexts.job).toEqual({ name: 'send-invoice', id: 'job-1', queue: 'billing' });
  });

  it(`keeps ${CONCURRENT_JOBS} concurrent jobs apart`, async () => {
    const invoices = Array.from({ length: CONCURRENT_JOBS }, (_, invoice) => invoice);

    await Promise.all(
      invoices.map((invoice) =>
        runJob({ name: 'send-invoice', id: invoice * 31 }, () =>
          sendInvoice(invoice).catch((error: unknown) => {
            Sentry.captureException(error);
          }),
        ),
      ),
    );
    await flushAll();

    const events = receiver.events().map((item) => item.payload);
    expect(events).toHaveLength(CONCURRENT_JOBS);
    for (const event of events) {
      const invoice = invoiceOf(event);
      expect(event.tags['job.id']).toBe(String(invoice * 31));
      expect(event.contexts.job).toEqual({ name: 'send-invoice', id: invoice * 31 });
    }
    expect(new Set(events.map(invoiceOf)).size).toBe(CONCURRENT_JOBS);
    // Each job runs in a trace of its own.
    expect(new Set(events.map((event) => event.contexts.trace.trace_id)).size).toBe(
      CONCURRENT_JOBS,
    );
  });

  it('leaves events outside a job without job tags', async () => {
    await runJob({ name: 'cleanup', id: 7 }, () => undefined);
    Sentry.captureException(new Error('after the job'));
    await flushAll();

    const [event] = receiver.events().map((item) => item.payload);
    expect(event.tags?.['job.name']).toBeUndefined();
    expect(event.contexts.job).toBeUndefined();
  });

  it('follows the usual convention set by hand with scope.setContext', async () => {
    await Sentry.withIsolationScope(async (scope) => {
      scope.setContext('job', { name: 'reports.nightly', id: '2024-05-01' });
      await delay(1);
      Sentry.captureException(new Error('report failed'));
    });
    await flushAll();

    const [event] = receiver.events().map((item) => item.payload);
    expect(event.tags).toMatchObject({ 'job.name': 'reports.nightly', 'job.id': '2024-05-01' });
  });
});
