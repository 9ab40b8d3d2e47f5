/* biome-ignore-all lint/suspicious/noExplicitAny: hostile values are untyped on purpose */
import { describe, expect, it, vi } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';

// Items and hints that fight back, handed to the hooks as a hand-wired setup would: the hooks
// never throw into the application and never hand back the raw data.

const SECRET = 'hunter2-secret';

function boom(): never {
  throw new Error('a getter that throws');
}

/** A copy of `base` whose `keys` are getters that throw. */
function withThrowingGetters(base: Record<string, unknown>, keys: readonly string[]): any {
  const item: Record<string, unknown> = { ...base };
  for (const key of keys) {
    Object.defineProperty(item, key, { get: boom, enumerable: true });
  }
  return item;
}

/** A proxy whose every trap throws. */
function hostileProxy(): any {
  return new Proxy(
    {},
    { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom },
  );
}

function newFilter(): SentryEventFilter {
  return new SentryEventFilter({
    filteredOutExceptions: ['AuthCancelledError'],
    userCausedExceptions: [() => true],
    ignoredLoggers: ['http.security'],
  });
}

const EVENT_FIELDS = ['event_id', 'type', 'level', 'release', 'timestamp', 'logger', 'tags'];

describe('hostile events', () => {
  it.each(EVENT_FIELDS)('with a throwing `%s` getter are sent without their data', (field) => {
    const filter = newFilter();
    const event = () =>
      withThrowingGetters({ event_id: 'e1', message: `password=${SECRET}` }, [field]);

    for (const run of [
      () => filter.beforeSend(event(), {}),
      () => filter.beforeSendTransaction(event(), {}),
      () => filter.check(event()).event,
    ]) {
      let sent: unknown;
      expect(() => {
        sent = run();
      }).not.toThrow();
      expect(JSON.stringify(sent) ?? '').not.toContain(SECRET);
    }
    expect(filter.stats().failures).toBeGreaterThan(0);
  });

  it('that are proxies throwing from every trap, or null, never throw', () => {
    const filter = newFilter();
    expect(filter.beforeSend(hostileProxy(), {})).toMatchObject({ tags: { scrub_failed: 'true' } });
    expect(() => filter.check(hostileProxy())).not.toThrow();
    expect(() => filter.beforeSend(null as any, {})).not.toThrow();
  });

  it('come with a hostile hint and still go out scrubbed', () => {
    const filter = newFilter();
    const sent = filter.beforeSend({ message: `password=${SECRET}` }, hostileProxy());
    expect(JSON.stringify(sent)).not.toContain(SECRET);
  });
});

describe('hostile log records, spans and envelopes', () => {
  it('never throw and never hand back their data', () => {
    const filter = newFilter();
    const results = [
      () => filter.beforeSendLog(hostileProxy()),
      () => filter.checkLog(hostileProxy()).log,
      () => filter.scrubEnvelope(hostileProxy()),
      () => filter.checkEnvelope(hostileProxy()).envelope,
      () => filter.beforeBreadcrumb(hostileProxy()),
      () => filter.beforeSendSpan(hostileProxy()),
      () => filter.beforeSendMetric(hostileProxy()),
    ].map((run) => run());
    expect(JSON.stringify(results)).not.toContain(SECRET);
  });
});

describe('attachments in the hint', () => {
  it('that cannot be replaced (a frozen list) keep the event from being sent', () => {
    const filter = newFilter();
    const attachments = Object.freeze([{ filename: 'form.txt', data: `password=${SECRET}` }]);

    const sent = filter.beforeSend({ message: 'upload failed' }, { attachments } as any);

    expect(sent).toBeNull();
    expect(attachments[0]?.data).toBe(`password=${SECRET}`);
    expect(filter.stats().failures).toBe(1);
  });
});

describe('a console that throws', () => {
  it('never turns the debug output into an error in the application', () => {
    // Test setups that fail on any console output replace the console's methods this way.
    const methods = ['info', 'warn', 'error'] as const;
    const spies = methods.map((method) =>
      vi.spyOn(console, method).mockImplementation(() => {
        throw new Error(`console.${method} was called`);
      }),
    );
    try {
      const filter = new SentryEventFilter({
        debug: true,
        filteredOutExceptions: ['AuthCancelledError'],
        userCausedExceptions: [boom],
      });

      expect(filter.beforeSend({ message: 'x' }, { originalException: new Error('x') })).not.toBe(
        null,
      );
      const cancelled = Object.assign(new Error('closed'), { name: 'AuthCancelledError' });
      expect(filter.beforeSend({}, { originalException: cancelled })).toBeNull();
      expect(spies.some((spy) => spy.mock.calls.length > 0)).toBe(true);
    } finally {
      for (const spy of spies) {
        spy.mockRestore();
      }
    }
  });
});
