/* biome-ignore-all lint/suspicious/noExplicitAny: hostile values are untyped on purpose */
import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { MAX_DEPTH, MAX_NODES } from '../../src/scrub/walk/walker.ts';
import { errorEvent, requestWithSecrets } from './fixtures/events.ts';
import { makeScrubber, scrubEvent, sent } from './helpers.ts';

// Copy on write, cycles, limits, and values that fight back.

const F = '[Filtered]';

describe('copy on write', () => {
  it('never changes the objects it was given', () => {
    const original = requestWithSecrets();
    const before = structuredClone(original);
    scrubEvent(original);
    expect(original).toEqual(before);
  });

  it('shares every subtree that did not change, and copies only the path to a change', () => {
    const original = { ...errorEvent(), extra: { password: 'pw', kept: { a: 1 } } };
    const { event } = scrubEvent(original);
    expect(event).not.toBe(original);
    expect(event.extra).not.toBe(original.extra);
    expect((event.extra as any).kept).toBe(original.extra.kept);
    for (const key of [
      'exception',
      'breadcrumbs',
      'request',
      'user',
      'contexts',
      'tags',
    ] as const) {
      expect(event[key], key).toBe(original[key]);
    }
  });

  it('returns the very same event when there is nothing to remove', () => {
    const original = errorEvent();
    expect(scrubEvent(original).event).toBe(original);
  });

  it('handles frozen objects without writing to them', () => {
    const frozen = Object.freeze({ password: 'pw', nested: Object.freeze({ token: 't' }) });
    const { event } = scrubEvent({ extra: { frozen } });
    expect((event.extra as any).frozen).toEqual({ password: F, nested: { token: F } });
    expect(frozen).toEqual({ password: 'pw', nested: { token: 't' } });
  });

  it('keeps unchanged list elements and copies the list on the first change', () => {
    const first = { a: 1 };
    const list = [first, 'password=pw', { b: 2 }];
    const { event } = scrubEvent({ extra: { list } });
    const scrubbed = (event.extra as any).list;
    expect(scrubbed).toEqual([{ a: 1 }, `password=${F}`, { b: 2 }]);
    expect(scrubbed[0]).toBe(first);
    expect(scrubbed[2]).toBe(list[2]);
    expect(list[1]).toBe('password=pw');
  });
});

describe('cycles and shared objects', () => {
  it('marks a true cycle and expands an object shared by siblings', () => {
    const shared: any = { name: 'pool', password: 'pw' };
    const extra: any = { a: shared, b: shared };
    extra.self = extra;
    shared.back = shared;
    const { event } = scrubEvent({ extra });
    const scrubbed = event.extra as any;
    expect(scrubbed.a).toEqual({ name: 'pool', password: F, back: '[Circular ~]' });
    expect(scrubbed.b).toEqual(scrubbed.a);
    expect(scrubbed.self).toBe('[Circular ~]');
    expect(() => JSON.stringify(event)).not.toThrow();
  });

  it('marks a cycle through a list', () => {
    const list: any[] = [1];
    list.push(list);
    const { event } = scrubEvent({ extra: { list } });
    expect((event.extra as any).list).toEqual([1, '[Circular ~]']);
  });
});

describe('limits', () => {
  it('cuts values deeper than the limit and says so in _meta', () => {
    let deep: any = { password: 'pw' };
    for (let index = 0; index < 100; index++) {
      deep = { child: deep };
    }
    const { event } = scrubEvent({ extra: { deep } });
    expect(sent(event)).not.toContain('pw"');
    expect(sent(event)).toContain('[Object]');
    expect(sent((event as any)._meta)).toContain('!limit');
    expect(MAX_DEPTH).toBeLessThan(100);
  });

  it('stops after a bounded number of values, without sending the rest raw', () => {
    const many = Array.from({ length: MAX_NODES + 10 }, (_, index) => `value ${index}`);
    many.push('password=pw');
    const { event } = scrubEvent({ extra: { many } });
    const scrubbed = (event.extra as any).many as unknown[];
    expect(scrubbed.at(-1)).toBe('[Truncated]');
    expect(sent(event)).not.toContain('password=pw');
  });

  it('cuts a list at the budget, however long it says it is, numbers and holes included', () => {
    const numbers = Array.from({ length: MAX_NODES + 10 }, (_, index) => index);
    const holes: unknown[] = [];
    holes.length = 2 ** 32 - 1;
    holes[3] = 'jane@example.com';
    for (const list of [numbers, holes]) {
      const { event } = scrubEvent({ extra: { list } });
      const scrubbed = (event.extra as { list: unknown[] }).list;
      expect(scrubbed.length).toBeLessThanOrEqual(MAX_NODES + 1);
      expect(scrubbed.at(-1)).toBe('[Truncated]');
      expect(sent(event)).not.toContain('jane@example.com');
    }
  });

  it('cuts very long strings, keeps the meta of what was cut', () => {
    const { event } = scrubEvent({ extra: { big: 'z'.repeat(100_000) } });
    expect((event.extra as any).big).toHaveLength(16_387);
    expect((event as any)._meta.extra.big['']).toEqual({
      rem: [['!limit', 's', 16_384, 16_387]],
      len: 100_000,
    });
  });
});

describe('values that are not plain data', () => {
  it('converts class instances the way they would be sent', () => {
    class Account {
      constructor(
        readonly owner: string,
        readonly password: string,
      ) {}
    }
    const withJson = { toJSON: () => ({ token: 't', ok: true }) };
    Object.setPrototypeOf(withJson, { isCustom: true });
    const { event } = scrubEvent({
      extra: {
        date: new Date('2024-05-01T12:00:00Z'),
        invalid: new Date(Number.NaN),
        map: new Map<unknown, unknown>([
          ['token', 't'],
          [1, 'jane@example.com'],
        ]),
        set: new Set(['jane@example.com', 2]),
        error: new TypeError('login failed for jane@example.com'),
        buffer: Buffer.from('password=pw'),
        typed: new Uint8Array(4),
        arrayBuffer: new ArrayBuffer(8),
        regexp: /secret/g,
        boxed: new String('password=pw'),
        number: new Number(4111111111111111),
        promise: Promise.resolve(1),
        weak: new WeakMap(),
        account: new Account('jane', 'pw'),
        withJson,
        big: 123n,
        bigCard: 4111111111111111n,
        symbol: Symbol('jane@example.com'),
        fn: () => 'secret',
      },
    });
    const extra = event.extra as any;
    expect(extra.date).toBe('2024-05-01T12:00:00.000Z');
    expect(extra.invalid).toBeNull();
    expect(extra.map).toEqual({ token: F, 1: F });
    expect(extra.set).toEqual([F, 2]);
    expect(extra.error).toMatchObject({ name: 'TypeError', message: `login failed for ${F}` });
    expect(extra.buffer).toBe('[Binary: 11 bytes]');
    expect(extra.typed).toBe('[Binary: 4 bytes]');
    expect(extra.arrayBuffer).toBe('[Binary: 8 bytes]');
    expect(extra.regexp).toBe('/secret/g');
    expect(extra.boxed).toBe(`password=${F}`);
    expect(extra.number).toBe(F);
    expect(extra.promise).toBe('[object Promise]');
    expect(extra.weak).toBe('[object WeakMap]');
    expect(extra.account).toEqual({ owner: 'jane', password: F });
    expect(extra.withJson).toEqual({ token: F, ok: true });
    expect(extra.big).toBe('123');
    expect(extra.bigCard).toBe(F);
    expect(extra.symbol).toBe(`Symbol(${F})`);
    expect(extra.fn).toBe('[Function]');
    expect(() => JSON.stringify(event)).not.toThrow();
  });

  it('replaces a value whose getter throws and reports it', () => {
    const hostile = {
      ok: 'fine',
      get broken(): string {
        throw new Error('getter says no: jane@example.com');
      },
    };
    const { event, failures, removed } = scrubEvent({ extra: { hostile } });
    expect((event.extra as any).hostile).toEqual({ ok: 'fine', broken: F });
    expect(failures).toHaveLength(1);
    expect(removed).toEqual(['@unreadable:filter']);
    expect((event as any)._meta.extra.hostile.broken['']).toEqual({
      rem: [['@unreadable:filter', 's', 0, 10]],
    });
  });

  it('replaces a proxy that cannot be enumerated', () => {
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    const { event, failures } = scrubEvent({ extra: { proxy } });
    expect((event.extra as any).proxy).toBe(F);
    expect(failures).toHaveLength(1);
  });

  it('walks a proxy that behaves, reading each property once', () => {
    const reads: string[] = [];
    const target = { password: 'pw', note: 'ok' };
    const proxy = new Proxy(target, {
      get(object, key, receiver) {
        reads.push(String(key));
        return Reflect.get(object, key, receiver);
      },
    });
    const { event } = scrubEvent({ extra: { proxy } });
    expect((event.extra as any).proxy).toEqual({ password: F, note: 'ok' });
    expect(reads.filter((key) => key === 'note')).toHaveLength(1);
  });

  it('survives a getter that scrubs another event while it is being read', () => {
    const { scrubber } = makeScrubber();
    let inner: unknown;
    const extra = {
      get reentrant() {
        inner = scrubber.event({ extra: { token: 'inner' } });
        return 'password=outer';
      },
      after: { token: 't' },
    };
    const event = scrubber.event({ extra });
    expect(event.extra).toEqual({ reentrant: `password=${F}`, after: { token: F } });
    expect(inner).toEqual({
      extra: { token: F },
      _meta: { extra: { token: { '': { rem: [['@password:filter', 's', 0, 10]], len: 5 } } } },
    });
  });

  it('sends a reduced event when the event itself cannot be read, never the raw one', () => {
    const filter = new SentryEventFilter();
    const event = new Proxy(
      { message: 'password=pw', exception: { values: [{ type: 'E', value: 'x' }] } },
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    const sentEvent = filter.beforeSend(event as any);
    expect(sent(sentEvent)).not.toContain('password=pw');
    expect(sentEvent?.tags).toEqual({ scrub_failed: 'true' });
    expect(filter.stats().failures).toBeGreaterThan(0);
  });

  it('throws nothing when not even the reduced item can be read', () => {
    const filter = new SentryEventFilter({ userCausedExceptions: ['ValidationError'] });
    const unreadable = (): any =>
      new Proxy(
        {},
        {
          get() {
            throw new Error('nothing readable');
          },
          has() {
            throw new Error('nothing readable');
          },
          ownKeys() {
            throw new Error('nothing readable');
          },
        },
      );

    const event = filter.beforeSend(unreadable());
    expect(event?.tags).toEqual({ scrub_failed: 'true' });
    expect(() => filter.beforeSendTransaction(unreadable())).not.toThrow();
    expect(() => filter.check(unreadable())).not.toThrow();
    expect(() => filter.beforeSendLog(unreadable())).not.toThrow();
    expect(() => filter.beforeBreadcrumb(unreadable())).not.toThrow();
    expect(() => filter.beforeSendSpan(unreadable())).not.toThrow();
    expect(() => filter.beforeSendMetric(unreadable())).not.toThrow();
    expect(() =>
      filter.beforeSend({ message: 'm' }, { attachments: [unreadable()] } as any),
    ).not.toThrow();
    expect(filter.stats().failures).toBeGreaterThan(0);
  });

  it('keeps the events of an envelope that cannot be scrubbed, reduced, and leaves the rest out', () => {
    const filter = new SentryEventFilter();
    const event = {
      event_id: 'e'.repeat(32),
      message: 'password=pw',
      exception: { values: [{ type: 'PaymentError', value: 'card 4111 1111 1111 1111' }] },
    };
    const items = [
      [{ type: 'event' }, event],
      [{ type: 'log', item_count: 1 }, { items: [{ body: 'token=abc' }] }],
    ];
    // A list whose `forEach` fails, as a hostile proxy's might; iterating it still works.
    const hostile = new Proxy(items, {
      get(target, key, receiver) {
        if (key === 'forEach') {
          throw new Error('no forEach');
        }
        return Reflect.get(target, key, receiver);
      },
    });
    const header = {
      event_id: event.event_id,
      sent_at: 'now',
      dsn: 'https://k:s3cret@o1.example/1',
    };

    const scrubbed = filter.scrubEnvelope([header, hostile] as any) as any;

    expect(JSON.stringify(scrubbed)).not.toMatch(/password=pw|4111|token=abc|s3cret/);
    expect(scrubbed[0]).toEqual({ event_id: event.event_id, sent_at: 'now' });
    expect(scrubbed[1]).toHaveLength(1);
    expect(scrubbed[1][0][0]).toEqual({ type: 'event' });
    expect(scrubbed[1][0][1]).toMatchObject({
      event_id: event.event_id,
      tags: { scrub_failed: 'true' },
      exception: { values: [{ type: 'PaymentError', value: F }] },
    });
    expect(filter.stats().failures).toBe(1);
  });

  it('sends an empty envelope, and throws nothing, when not even its items can be read', () => {
    const filter = new SentryEventFilter();
    const unreadable = new Proxy([], {
      get() {
        throw new Error('nothing readable');
      },
    });

    const scrubbed = filter.scrubEnvelope([{ event_id: 'x' }, unreadable] as any) as any;

    expect(scrubbed).toEqual([{ event_id: 'x' }, []]);
  });

  it('ignores inherited enumerable properties, even when Object.prototype is polluted', () => {
    const proto = Object.prototype as any;
    proto.polluted = 'password=pw';
    try {
      const { event } = scrubEvent({ extra: { token: 't', a: { b: 1 } } });
      expect(event.extra).toEqual({ token: F, a: { b: 1 } });
      expect(Object.hasOwn(event.extra as object, 'polluted')).toBe(false);
    } finally {
      delete proto.polluted;
    }
  });
});
