/* biome-ignore-all lint/suspicious/noExplicitAny: tests read free-form event parts */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { createKeyScrubber, mayHoldAddress } from '../../src/scrub/keys/addresses.ts';
import { createKeyClassifier } from '../../src/scrub/keys/classify.ts';
import { resolveScrubOptions } from '../../src/scrub/options.ts';
import { makeScrubber, scrubEvent, sent } from './helpers.ts';

// Object keys that are themselves an email or IP address: maps keyed by user, by host, by
// session address. The key is replaced like a value would be; its value is kept and walked.

const F = '[Filtered]';
const KEY_REMARK = (rule: string) => ({ '': { rem: [[rule, 's']] } });

describe('keys that hold an email or IP address', () => {
  it('replaces an email address used as a key, keeps its value and records it in _meta', () => {
    const { event, removed, removals } = scrubEvent({ extra: { 'alice@example.com': 1 } });
    expect(event.extra).toEqual({ [F]: 1 });
    expect((event as any)._meta.extra).toEqual({ [F]: KEY_REMARK('@email:filter') });
    expect(removed).toEqual(['@email:filter']);
    expect(removals).toEqual([{ path: `extra["${F}"]`, rule: '@email:filter', preview: '1' }]);
  });

  it('replaces only the address in a longer key', () => {
    const { event } = scrubEvent({ extra: { 'user:alice@example.com:visits': 3 } });
    expect(event.extra).toEqual({ [`user:${F}:visits`]: 3 });
  });

  it('replaces IPv4 and IPv6 addresses used as keys in contexts', () => {
    const { event } = scrubEvent({
      contexts: { sessions: { '10.1.2.3': { count: 2 }, '2001:db8::7': { count: 1 } } },
    });
    expect(event.contexts?.sessions).toEqual({ [F]: { count: 2 }, [`${F} (2)`]: { count: 1 } });
    expect((event as any)._meta.contexts.sessions).toEqual({
      [F]: KEY_REMARK('@ip:filter'),
      [`${F} (2)`]: KEY_REMARK('@ip:filter'),
    });
  });

  it('keeps the remarks of a value that changed too', () => {
    const { event } = scrubEvent({ extra: { 'alice@example.com': 'token=T-1' } });
    expect(event.extra).toEqual({ [F]: `token=${F}` });
    expect((event as any)._meta.extra[F]['']).toEqual({
      rem: [
        ['@urlparam:filter', 's', 6, 16],
        ['@email:filter', 's'],
      ],
      len: 9,
    });
  });

  it('replaces keys at any depth, in breadcrumb data, span data and tags', () => {
    const { event } = scrubEvent({
      breadcrumbs: [
        { category: 'auth', data: { users: { 'bob@example.com': { role: 'admin' } } } },
      ],
      spans: [{ span_id: 's', trace_id: 't', data: { 'peer 192.168.1.20': 'up' } }],
      tags: { 'owner@example.com': 'yes' },
    });
    expect(event.breadcrumbs?.[0]?.data).toEqual({ users: { [F]: { role: 'admin' } } });
    expect((event.spans as any)[0].data).toEqual({ [`peer ${F}`]: 'up' });
    expect(event.tags).toEqual({ [F]: 'yes' });
  });

  it('replaces the attribute names of log records and streamed spans', () => {
    const { scrubber } = makeScrubber();
    const log = scrubber.log({
      level: 'info',
      message: 'seen',
      attributes: { 'visitor:10.1.2.3': { value: 1, type: 'integer' } },
    });
    expect(log.attributes).toEqual({ [`visitor:${F}`]: { value: 1, type: 'integer' } });
    const span = scrubber.span({
      trace_id: 't',
      span_id: 's',
      name: 'GET /',
      start_timestamp: 1,
      end_timestamp: 2,
      status: 'ok',
      is_segment: true,
      attributes: { 'quota:alice@example.com': 5 },
    });
    expect(span.attributes).toEqual({ [`quota:${F}`]: 5 });
  });

  it('replaces the names of a map given as [name, value] pairs, with remarks at the name', () => {
    const { event } = scrubEvent({
      request: { headers: [['alice@example.com', 'v']] as any },
    });
    expect(event.request?.headers).toEqual([[F, 'v']]);
    expect((event as any)._meta.request.headers).toEqual({
      '0': { '0': KEY_REMARK('@email:filter') },
    });
  });

  it('replaces keys under a sensitive key, whose values are replaced anyway', () => {
    const { event } = scrubEvent({ extra: { passwords: { 'alice@example.com': 'pw' } } });
    expect(event.extra).toEqual({ passwords: { [F]: F } });
  });

  it('replaces the name of a context scrubbed apart from the walk', () => {
    const { event } = scrubEvent({
      contexts: {
        chrome: { type: 'runtime', name: 'Chrome', version: '124.0.0.0' },
        'alice@example.com': { plan: 'pro' },
      },
    });
    expect(event.contexts).toEqual({
      chrome: { type: 'runtime', name: 'Chrome', version: '124.0.0.0' },
      [F]: { plan: 'pro' },
    });
    expect((event as any)._meta.contexts).toEqual({ [F]: KEY_REMARK('@email:filter') });
  });

  it('uses the configured replacement', () => {
    const { event } = scrubEvent(
      { extra: { 'alice@example.com': 1 } },
      { replacement: '[redacted]' },
    );
    expect(event.extra).toEqual({ '[redacted]': 1 });
  });

  it.each([
    'userId',
    'http.method',
    'x-request-id',
    'd41d8cd98f00b204e9800998ecf8427e',
    '550e8400-e29b-41d4-a716-446655440000',
    'pkg@1.2.3',
    'git@github.com:org/repo.git',
    '1.2.3',
    'http:request',
    '12:30:45',
    '127.0.0.1',
    '::1',
    'Chrome/124.0.0.0',
  ])('keeps the key %s', (key) => {
    const extra = { [key]: 'value' };
    const { event } = scrubEvent({ extra });
    expect(event.extra).toBe(extra);
  });

  it('keeps the keys of fields that are left alone', () => {
    const modules = { 'pkg@1.2.3': '1.2.3', 'user@example.com': '1.0.0' };
    const { event } = scrubEvent({ modules });
    expect(event.modules).toBe(modules);
  });

  it('judges the keys under a replaced key afresh, and a name given as a value as a name', () => {
    const { event } = scrubEvent({
      extra: {
        'alice@example.com': { role: 'admin', items: [{ id: 7, 'bob@example.com': 1 }] },
        env: [{ name: 'carol@example.com', value: 'blue' }],
      },
    });
    expect(event.extra).toEqual({
      [F]: { role: 'admin', items: [{ id: 7, [F]: 1 }] },
      env: [{ name: F, value: 'blue' }],
    });
  });
});

describe('two keys that become the same', () => {
  it('numbers the later ones, so no value is lost', () => {
    const { event } = scrubEvent({
      extra: { 'a@example.com': 1, 'b@example.com': 2, 'c@example.com': 3 },
    });
    expect(event.extra).toEqual({ [F]: 1, [`${F} (2)`]: 2, [`${F} (3)`]: 3 });
  });

  it('never takes the name of a key the object already has', () => {
    const { event } = scrubEvent({
      extra: { 'a@example.com': 1, [F]: 'kept', [`${F} (2)`]: 'kept too', 'b@example.com': 2 },
    });
    expect(event.extra).toEqual({
      [`${F} (3)`]: 1,
      [F]: 'kept',
      [`${F} (2)`]: 'kept too',
      [`${F} (4)`]: 2,
    });
  });

  it("never puts the _meta an entry came with on another entry's value", () => {
    // Numbered in the data, the second key is `[Filtered] (2)`; its old `_meta`, alone in its
    // object, would have become `[Filtered]`, the first entry's.
    const { event, removed } = scrubEvent({
      extra: { 'a@example.com': 'one', 'b@example.com': 'two' },
      _meta: { extra: { 'b@example.com': { '': { len: 200 } } } },
    });
    expect(event.extra).toEqual({ [F]: 'one', [`${F} (2)`]: 'two' });
    expect((event as any)._meta.extra).toEqual({
      [F]: KEY_REMARK('@email:filter'),
      [`${F} (2)`]: KEY_REMARK('@email:filter'),
    });
    expect(removed).toEqual(['@email:filter', '@email:filter']);
  });

  it('numbers every key of a wide object of colliding keys, losing none', () => {
    const extra = Object.fromEntries(
      Array.from({ length: 20_000 }, (_, index) => [`user${index}@example.com`, index]),
    );
    const { event } = scrubEvent({ extra });
    const values = Object.values(event.extra as object);
    expect(values).toHaveLength(20_000);
    expect(new Set(values).size).toBe(20_000);
    expect((event.extra as any)[`${F} (20000)`]).toBe(19_999);
  });
});

describe('copy on write', () => {
  it('changes no object of the application, and shares the values it kept', () => {
    const seat = Object.freeze({ role: 'admin' });
    const seats = Object.freeze({ 'alice@example.com': seat, team: 'blue' });
    const extra = Object.freeze({ seats });
    const { event } = scrubEvent({ extra });
    expect(seats).toEqual({ 'alice@example.com': seat, team: 'blue' });
    expect((event.extra as any).seats).toEqual({ [F]: seat, team: 'blue' });
    expect((event.extra as any).seats[F]).toBe(seat);
    expect(Object.keys((event.extra as any).seats)).toEqual([F, 'team']);
  });

  it('reads keys from a Map like any other map', () => {
    const { event } = scrubEvent({ extra: { seen: new Map([['10.1.2.3', 4]]) } });
    expect(event.extra).toEqual({ seen: { [F]: 4 } });
  });
});

describe('options', () => {
  it('keeps email keys with the email detector off, and IP keys with the IP detector off', () => {
    const extra = { 'alice@example.com': 1, '10.1.2.3': 2 };
    expect(scrubEvent({ extra }, { detectors: { email: false } }).event.extra).toEqual({
      'alice@example.com': 1,
      [F]: 2,
    });
    expect(scrubEvent({ extra }, { detectors: { ipAddress: false } }).event.extra).toEqual({
      [F]: 1,
      '10.1.2.3': 2,
    });
    const off = scrubEvent({ extra }, { detectors: { email: false, ipAddress: false } });
    expect(off.event.extra).toBe(extra);
  });

  it('changes nothing with sensitiveLoggingEnabled', () => {
    const filter = new SentryEventFilter({ sensitiveLoggingEnabled: true });
    const event = { message: 'x', extra: { 'alice@example.com': 1 } };
    expect(filter.beforeSend(event as any)).toBe(event);
  });
});

describe('hostile keys', () => {
  it('replaces an address in a key of a megabyte, and keeps such a key without one', () => {
    const filler = 'x'.repeat(1_000_000);
    const { event } = scrubEvent({
      extra: { [`${filler} alice@example.com`]: 1, [`${filler}:`]: 2 },
    });
    expect(event.extra).toEqual({ [`${filler} ${F}`]: 1, [`${filler}:`]: 2 });
  });

  it('replaces the key and the value of a getter that throws', () => {
    const extra = {
      get 'alice@example.com'() {
        throw new Error('no');
      },
    };
    Object.defineProperty(extra, 'alice@example.com', { enumerable: true });
    const { event, failures } = scrubEvent({ extra });
    expect(event.extra).toEqual({ [F]: F });
    expect(failures).toHaveLength(1);
    expect(sent(event)).not.toContain('alice');
  });
});

describe('the key scrubber', () => {
  const classifier = createKeyClassifier({
    keys: [],
    exemptKeys: [],
    defaults: true,
    ipKeys: true,
  });

  it.each([
    ['alice@example.com', true],
    ['user%40example.com', true],
    ['2001:db8::7', true],
    ['10.1.2.3', true],
    ['userId', false],
    ['http.method', false],
    ['a@b', false],
    ['version.major', false],
  ])('prechecks %s as %s', (key, expected) => {
    expect(mayHoldAddress(key)).toBe(expected);
  });

  it('is not built when both detectors are off', () => {
    const { detectors, replacement } = resolveScrubOptions({
      detectors: { email: false, ipAddress: false },
    });
    expect(createKeyScrubber({ detectors, replacement, classifier, failed() {} })).toBe(undefined);
  });

  it('remembers its answer per key', () => {
    const { detectors, replacement } = resolveScrubOptions();
    const keys = createKeyScrubber({ detectors, replacement, classifier, failed() {} });
    const first = keys?.scrub('alice@example.com');
    expect(first).toEqual({
      key: F,
      rules: ['@email:filter'],
      distinctRules: ['@email:filter'],
    });
    expect(keys?.scrub('alice@example.com')).toBe(first);
    expect(keys?.scrub('ordinary')).toBeUndefined();
  });
});

describe('properties of address keys', () => {
  const local = fc.stringMatching(/^[a-z][a-z0-9]{2,8}$/);
  const email = fc
    .tuple(local, local, fc.constantFrom('com', 'org', 'io'))
    .map(([user, host, top]) => `${user}.person@${host}.${top}`);
  const key = fc.oneof(
    email,
    fc.tuple(local, email).map(([prefix, at]) => `${prefix}:${at}`),
  );
  // A nested map of plain keys with one email key placed at a random depth.
  const nested = fc
    .tuple(fc.array(local, { maxLength: 6 }), key, fc.anything())
    .map(([path, leaf, value]) => {
      let tree: Record<string, unknown> = { [leaf]: value };
      for (const name of path.reverse()) {
        tree = { [name]: tree, other: 1 };
      }
      return { tree, leaf };
    });

  it('never sends an email address used as a key, at any depth', () => {
    fc.assert(
      fc.property(nested, fc.constantFrom('extra', 'contexts', 'tags'), ({ tree, leaf }, part) => {
        const at = leaf.slice(leaf.indexOf(':') + 1);
        fc.pre(!sent(tree).replace(JSON.stringify(leaf), '').includes(at));
        const { event } = scrubEvent({ [part]: { map: tree } });
        expect(sent(event)).not.toContain(at);
      }),
      { numRuns: 500 },
    );
  });
});
