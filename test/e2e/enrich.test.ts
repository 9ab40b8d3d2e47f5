import { connect, createServer } from 'node:net';
import type { Integration } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Enricher, SentryEventFilter } from '../../src/index.ts';
import { type EnvelopeReceiver, startReceiver } from '../helpers/receiver.ts';
import { flushAll, initSentry } from '../helpers/sentry.ts';

/** A port on 127.0.0.1 that nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) {
    throw new Error('no port');
  }
  return address.port;
}

/** The real error Node gives for a refused TCP connection. */
async function refusedConnection(port: number): Promise<Error> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      reject(new Error(`something listens on port ${port}`));
    });
    socket.once('error', resolve);
  });
}

describe('enrichment with @sentry/node over HTTP', () => {
  let receiver: EnvelopeReceiver;

  beforeAll(async () => {
    receiver = await startReceiver();
  });

  beforeEach(() => {
    receiver.clear();
  });

  afterEach(async () => {
    await Sentry.close();
  });

  afterAll(async () => {
    await receiver.close();
  });

  async function sendOne(
    filter: SentryEventFilter,
    error: unknown,
    options: Partial<Sentry.NodeOptions> = {},
  ) {
    initSentry(receiver, {
      ...options,
      integrations: [
        filter.integration(),
        ...((options.integrations as Integration[] | undefined) ?? []),
      ],
    });
    Sentry.captureException(error);
    await flushAll();
    const events = receiver.events();
    expect(events).toHaveLength(1);
    return events[0]?.payload;
  }

  it('sends a refused connection with its code as tag and its properties as context', async () => {
    const port = await closedPort();
    const error = await refusedConnection(port);

    const event = await sendOne(new SentryEventFilter(), error);

    expect(event.tags['error.code']).toBe('ECONNREFUSED');
    expect(event.contexts.error_properties).toEqual({
      errno: expect.any(Number),
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: '127.0.0.1',
      port,
    });
  });

  it('leaves out a built-in switched off in the options, and all with `enrichment: false`', async () => {
    const port = await closedPort();

    const withoutTag = await sendOne(
      new SentryEventFilter({ enrichment: { errorCodeTag: false } }),
      await refusedConnection(port),
    );
    await Sentry.close();
    receiver.clear();
    const withNone = await sendOne(
      new SentryEventFilter({ enrichment: false }),
      await refusedConnection(port),
    );

    expect(withoutTag.tags?.['error.code']).toBeUndefined();
    expect(withoutTag.contexts.error_properties).toMatchObject({ code: 'ECONNREFUSED' });
    expect(withNone.tags?.['error.code']).toBeUndefined();
    expect(withNone.contexts.error_properties).toBeUndefined();
  });

  it('tags fetch failures with the code of their cause and lists the cause', async () => {
    const port = await closedPort();
    const error = await fetch(`http://127.0.0.1:${port}/`).then(
      () => new Error('fetch succeeded'),
      (failure: unknown) => failure,
    );

    const event = await sendOne(new SentryEventFilter(), error);

    expect(event.exception.values.at(-1).value).toBe('fetch failed');
    expect(event.tags['error.code']).toBe('ECONNREFUSED');
    expect(event.contexts.error_properties.cause).toMatchObject({
      code: 'ECONNREFUSED',
      syscall: 'connect',
      port,
    });
  });

  it('keeps the nesting of deep causes, past the SDK’s normalize depth', async () => {
    const root = Object.assign(new Error('pool exhausted'), {
      pool: { limits: { max: 10, idle: { ms: 3000 } } },
    });
    const error = new Error('query failed', { cause: new Error('no connection', { cause: root }) });

    const event = await sendOne(new SentryEventFilter(), error);

    expect(event.contexts.error_properties['cause.cause']).toEqual({
      pool: { limits: { max: 10, idle: { ms: 3000 } } },
    });
  });

  it('sends the tag a custom enricher adds', async () => {
    const region: Enricher = () => ({ tags: { region: 'eu-west-1' } });

    const event = await sendOne(new SentryEventFilter({ enrich: [region] }), new Error('x'));

    expect(event.tags.region).toBe('eu-west-1');
  });

  it('still sends every event when a custom enricher throws, and reports it once', async () => {
    const filter = new SentryEventFilter({
      enrich: [
        function broken() {
          throw new Error('enricher bug');
        },
        () => ({ tags: { after: 'broken' } }),
      ],
    });
    initSentry(receiver, { integrations: [filter.integration()] });

    Sentry.captureException(new Error('database unavailable'));
    Sentry.captureException(new Error('cache unavailable'));
    await flushAll();

    const events = receiver.events().map((item) => item.payload);
    expect(events.map((event) => event.exception.values.at(-1).value)).toEqual([
      'database unavailable',
      'cache unavailable',
    ]);
    expect(events.map((event) => event.tags.after)).toEqual(['broken', 'broken']);
    expect(receiver.discarded()).toEqual([]);
    expect(filter.stats().failures).toBe(1);
  });

  it('adds nothing empty to an event', async () => {
    const event = await sendOne(
      new SentryEventFilter({ enrich: [() => ({ tags: { a: '' }, contexts: { b: {} } })] }),
      new TypeError('nothing to add'),
    );

    expect(event.tags).toBeUndefined();
    expect(event.contexts.b).toBeUndefined();
    expect(event.contexts.error_properties).toBeUndefined();
  });

  it('leaves the captured error and its cause to ExtraErrorData when it is installed', async () => {
    const port = await closedPort();
    const refused = await refusedConnection(port);
    const deeper = Object.assign(new Error('socket'), { fd: 17 });
    Object.defineProperty(refused, 'cause', { value: deeper });
    const error = Object.assign(new Error('upstream failed', { cause: refused }), {
      service: 'billing',
    });

    const event = await sendOne(new SentryEventFilter(), error, {
      integrations: [Sentry.extraErrorDataIntegration()],
    });

    expect(event.contexts.Error).toMatchObject({ service: 'billing' });
    expect(event.contexts.error_properties).toEqual({ 'cause.cause': { fd: 17 } });
    expect(event.tags['error.code']).toBe('ECONNREFUSED');
  });

  it('runs before scrubbing, so what it adds is scrubbed too', async () => {
    const error = Object.assign(new Error('login failed'), {
      code: 'E_AUTH',
      password: 'hunter2-correct-horse',
      authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLXNlY3JldA',
    });
    const session: Enricher = () => ({ extra: { session_token: 'sess-9f8e7d6c5b4a' } });

    const event = await sendOne(new SentryEventFilter({ enrich: [session] }), error);

    expect(event.tags['error.code']).toBe('E_AUTH');
    // Added by enrichment, then replaced by the scrubber: present, but not as they were.
    expect(event.contexts.error_properties).toMatchObject({
      code: 'E_AUTH',
      password: '[Filtered]',
      authorization: '[Filtered]',
    });
    expect(event.extra.session_token).toBe('[Filtered]');
    const raw = receiver.rawText();
    expect(raw).not.toContain('hunter2-correct-horse');
    expect(raw).not.toContain('c2lnbmF0dXJlLXNlY3JldA');
    expect(raw).not.toContain('sess-9f8e7d6c5b4a');
  });
});
