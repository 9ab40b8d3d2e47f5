import * as Sentry from '@sentry/node';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { flushAll, initSentry, receiverForTests } from '../helpers/sentry.ts';

// Every kind of item the SDK sends, each with secrets planted where an application can put
// them, sent by the real @sentry/node 11 over HTTP through `filter.integration()`: none of the
// secrets reaches the receiver, and each item keeps the shape Sentry reads.

const SECRETS = {
  email: 'item.user@example.com',
  bearer: 'ITEM-BEARER-1',
  password: 'ITEM-PASSWORD-2',
  card: '4111 1111 1111 1111',
  ip: '203.0.113.7',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJpdGVtIn0.aXRlbS1zaWduYXR1cmUtMw',
  urlPassword: 'ITEM-URLPASS-4',
  queryToken: 'ITEM-QUERY-5',
} as const;

const URL_WITH_SECRETS =
  `https://admin:${SECRETS.urlPassword}@api.example.com/v1/cards` +
  `?token=${SECRETS.queryToken}&page=2`;

const TEXT =
  `mail ${SECRETS.email}, auth Bearer ${SECRETS.bearer}, password=${SECRETS.password}, ` +
  `card ${SECRETS.card}, from ${SECRETS.ip}, jwt ${SECRETS.jwt}`;

function assertNoSecret(raw: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect(raw.includes(secret), `${name} (${secret}) was sent`).toBe(false);
  }
}

const receiver = await receiverForTests();

describe('span operations', () => {
  function traceCheckout(): void {
    Sentry.startSpan({ name: 'checkout', op: `http ${URL_WITH_SECRETS}` }, () => {
      Sentry.startSpan({ name: 'charge', op: URL_WITH_SECRETS }, () => undefined);
      Sentry.startSpan({ name: 'load cart', op: 'db.query' }, () => undefined);
    });
  }

  it('sends a transaction without the secrets in its operations, plain ones kept', async () => {
    const filter = new SentryEventFilter();
    initSentry(receiver, {
      tracesSampleRate: 1,
      traceLifecycle: 'static',
      integrations: [filter.integration()],
    });

    traceCheckout();
    await flushAll();

    assertNoSecret(receiver.rawText());
    const transaction = receiver.items('transaction')[0]?.payload;
    expect(transaction.contexts.trace.op).toBe(
      'http https://admin:[Filtered]@api.example.com/v1/cards?token=[Filtered]&page=2',
    );
    const ops = transaction.spans.map((span: { op: string }) => span.op).sort();
    expect(ops).toEqual([
      'db.query',
      'https://admin:[Filtered]@api.example.com/v1/cards?token=[Filtered]&page=2',
    ]);
  });

  it('sends streamed spans without the secrets in their operations', async () => {
    const filter = new SentryEventFilter();
    initSentry(receiver, { tracesSampleRate: 1, integrations: [filter.integration()] });

    traceCheckout();
    await flushAll();

    assertNoSecret(receiver.rawText());
    const spans = receiver.items('span').flatMap((item) => item.payload.items);
    const ops = spans.map((span) => span.attributes['sentry.op']?.value).sort();
    expect(ops).toEqual([
      'db.query',
      'http https://admin:[Filtered]@api.example.com/v1/cards?token=[Filtered]&page=2',
      'https://admin:[Filtered]@api.example.com/v1/cards?token=[Filtered]&page=2',
    ]);
  });
});

describe('metrics', () => {
  it('sends trace metrics without the secrets in their names and attributes', async () => {
    const filter = new SentryEventFilter();
    initSentry(receiver, { integrations: [filter.integration()] });

    Sentry.metrics.count(`login.failed.${SECRETS.email}`, 1, { attributes: { note: TEXT } });
    Sentry.metrics.gauge('queue.depth', 7, { attributes: { password: SECRETS.password } });
    await flushAll();

    assertNoSecret(receiver.rawText());
    const metrics = receiver.items('trace_metric').flatMap((item) => item.payload.items);
    expect(metrics.map((metric) => [metric.name, metric.type, metric.value])).toEqual([
      // The dots before the address are part of it as far as the email detector can tell.
      ['[Filtered]', 'counter', 1],
      ['queue.depth', 'gauge', 7],
    ]);
    expect(metrics[0]._meta.name).toBeDefined();
    expect(metrics[1].attributes.password).toEqual({ value: '[Filtered]', type: 'string' });
  });

  it('sends them scrubbed through a hand-wired beforeSendMetric too', async () => {
    const filter = new SentryEventFilter();
    initSentry(receiver, { beforeSendMetric: filter.beforeSendMetric });

    Sentry.metrics.count('login.failed', 1, { attributes: { note: TEXT } });
    Sentry.metrics.distribution('checkout.ms', 42.5, {
      unit: 'millisecond',
      attributes: { api_key: SECRETS.queryToken, region: 'eu' },
    });
    await flushAll();

    assertNoSecret(receiver.rawText());
    const metrics = receiver.items('trace_metric').flatMap((item) => item.payload.items);
    expect(metrics.map((metric) => [metric.name, metric.type, metric.value, metric.unit])).toEqual([
      ['login.failed', 'counter', 1, undefined],
      ['checkout.ms', 'distribution', 42.5, 'millisecond'],
    ]);
    expect(metrics[0].attributes.note.value).toMatch(
      /^mail \[Filtered\], auth Bearer \[Filtered\]/,
    );
    expect(metrics[1].attributes.api_key).toEqual({ value: '[Filtered]', type: 'string' });
    expect(metrics[1].attributes.region).toEqual({ value: 'eu', type: 'string' });
    expect(filter.stats().seen.metric).toBe(2);
  });
});

describe('user feedback', () => {
  it('sends the feedback and its attachment without secrets, in the shape Sentry reads', async () => {
    const filter = new SentryEventFilter();
    initSentry(receiver, { integrations: [filter.integration()] });

    Sentry.captureFeedback(
      { message: TEXT, email: SECRETS.email, name: 'Jane Doe', url: URL_WITH_SECRETS },
      { attachments: [{ filename: 'steps.txt', data: `steps: ${TEXT}` }] },
    );
    await flushAll();

    assertNoSecret(receiver.rawText());
    const feedback = receiver.items('feedback')[0]?.payload;
    expect(feedback.type).toBe('feedback');
    expect(feedback.contexts.feedback).toEqual({
      contact_email: '[Filtered]',
      name: 'Jane Doe',
      message: expect.stringMatching(/^mail \[Filtered\], auth Bearer \[Filtered\]/),
      url: 'https://admin:[Filtered]@api.example.com/v1/cards?token=[Filtered]&page=2',
    });
    const attachment = new TextDecoder().decode(receiver.items('attachment')[0]?.payload);
    expect(attachment).toMatch(/^steps: mail \[Filtered\]/);
  });
});

describe('cron check-ins', () => {
  it('keeps the ids, slug, status and monitor config Sentry needs', async () => {
    const filter = new SentryEventFilter();
    initSentry(receiver, { integrations: [filter.integration()] });

    await Sentry.withMonitor('nightly-invoices', async () => undefined, {
      schedule: { type: 'crontab', value: '0 2 * * *' },
      timezone: 'Europe/Berlin',
    });
    await flushAll();

    const checkIns = receiver.items('check_in').map((item) => item.payload);
    expect(checkIns.map((checkIn) => [checkIn.monitor_slug, checkIn.status])).toEqual([
      ['nightly-invoices', 'in_progress'],
      ['nightly-invoices', 'ok'],
    ]);
    expect(checkIns[1].check_in_id).toBe(checkIns[0].check_in_id);
    expect(checkIns[0].monitor_config).toEqual({
      schedule: { type: 'crontab', value: '0 2 * * *' },
      timezone: 'Europe/Berlin',
    });
  });
});

describe('client reports', () => {
  it('arrive with their counts when the filter drops an event', async () => {
    const filter = new SentryEventFilter({ filteredOutExceptions: ['AuthCancelledError'] });
    initSentry(receiver, { integrations: [filter.integration()] });

    const error = new Error('user closed the dialog');
    error.name = 'AuthCancelledError';
    Sentry.captureException(error);
    await flushAll();

    expect(receiver.discarded()).toContainEqual({
      reason: 'event_processor',
      category: 'error',
      quantity: 1,
    });
  });
});
