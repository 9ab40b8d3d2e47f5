/* biome-ignore-all lint/suspicious/noExplicitAny: edge inputs are untyped on purpose */
import { createEnvelope, type Envelope } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import type { Removal } from '../../src/index.ts';
import { makeScrubber, scrubEvent, scrubText } from './helpers.ts';

// The less travelled paths: odd but possible inputs, each with the behaviour it gets.

const F = '[Filtered]';

describe('text edges', () => {
  it.each([
    ['leading dots of a local part are not part of the address', '..jane@example.com', `..${F}`],
    [
      'a card number with mixed separators is no card',
      '4111 1111-1111 1111',
      '4111 1111-1111 1111',
    ],
    ['an SSN joined to more digits is no SSN', '123-45-6789-12', '123-45-6789-12'],
    ['Basic with a value that is not base64 stays', 'Basic abcdefghi', 'Basic abcdefghi'],
    [
      'an empty URL password stays',
      'https://user:@host.example.com',
      'https://user:@host.example.com',
    ],
    [
      'a fragment ends a URL userinfo: what follows is an address',
      'https://a#b:c@example.com',
      `https://a#b:${F}`,
    ],
    ['a key after a tab', 'x\tpassword=pw\tnext', `x\tpassword=${F}\tnext`],
    ['an escaped quote inside a quoted value', 'password="a\\"b" next', `password="${F}" next`],
    ['an escaped quote that never closes', 'password=\\"abc\nnext', `password=\\"${F}\nnext`],
    ['an upper-case word that looks like a key prefix', 'XKIAB and XKIA1234', 'XKIAB and XKIA1234'],
    ['a word that looks like a service prefix', 'github_repo_name sk_x', 'github_repo_name sk_x'],
  ])('%s', (_title, input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it.each([
    ['two :: compressions', 'ip 1::2::3 x'],
    ['an IPv4 tail that is not last', 'ip 2001:db8::1.2.3.999:1 x'],
    ['a group of five digits', 'ip 2001:db8::12345 x'],
    ['too many groups with compression', 'ip 1:2:3:4:5:6:7:8::9 x'],
    ['a bad IPv4 tail', 'ip ::ffff:1.2.3 x'],
  ])('IPv6 look-alike: %s', (_title, input) => {
    expect(scrubText(input)).toBe(input);
  });

  it('finds only IPv6 addresses around colons when pairs are not looked for', () => {
    const options = { detectors: { keyValuePairs: false, urlParameters: false } };
    expect(scrubText('at 12:30:45 from 2001:db8::7', options)).toBe(`at 12:30:45 from ${F}`);
  });

  it('uses the slow stem test when a key in the keys option is shorter than three letters', () => {
    expect(scrubText('login pw=abc ok', { keys: ['pw'] })).toBe(`login pw=${F} ok`);
  });

  it('cuts long text with many findings, keeping what precedes the cut', () => {
    const ips = Array.from({ length: 80 }, (_, index) => `203.0.113.${index}`).join(' ');
    const text = `${ips} ${'x'.repeat(16_384)} password=${'y'.repeat(10)}`;
    const { event } = scrubEvent({ extra: { text } });
    const remarks = (event as any)._meta.extra.text[''].rem as unknown[][];
    expect(remarks.at(-1)).toEqual(['!limit', 's', 16_384, 16_387]);
    expect(remarks.some((remark) => remark.length === 2)).toBe(true);
    expect(JSON.stringify(event)).not.toMatch(/203\.0\.113/);
  });

  it('clamps a replacement that straddles the cut', () => {
    const text = `${'a '.repeat(8190)}x token=${'s'.repeat(40)} tail ${'z'.repeat(5000)}`;
    const { event } = scrubEvent({ extra: { text } });
    const remarks = (event as any)._meta.extra.text[''].rem as number[][];
    for (const remark of remarks) {
      expect(remark[3]).toBeLessThanOrEqual(16_387);
    }
  });
});

describe('one scrubber, many texts', () => {
  it('finds the same secrets again in the same text scanned twice', () => {
    const { scrubber } = makeScrubber();
    const text = 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln and 2001:db8::7';
    for (let round = 0; round < 2; round++) {
      expect(scrubber.event({ message: text }).message).toBe(`jwt ${F} and ${F}`);
    }
  });
});

describe('walker edges', () => {
  it('removes an IP address held as a number', () => {
    const { event } = scrubEvent({ user: { id: 'u', ip_address: 3405803783 } });
    expect(event.user).toEqual({ id: 'u' });
  });

  it('replaces a list element that cannot be read', () => {
    const list = new Proxy(['ok', 'fine'], {
      get(target, key, receiver) {
        if (key === '1') {
          throw new Error('no');
        }
        return Reflect.get(target, key, receiver);
      },
    });
    const { event, failures } = scrubEvent({ extra: { list } });
    expect((event.extra as any).list).toEqual(['ok', F]);
    expect(failures).toHaveLength(1);
  });

  it('scans a request body too long to parse as text', () => {
    const data = `{"password":"pw","pad":"${'x'.repeat(70_000)}"}`;
    const { event } = scrubEvent({ request: { data } });
    expect((event.request as any).data).toMatch(/^\{"password":"\[Filtered\]","pad":"x+\.\.\.$/);
  });

  it('removes a field inside a list of pairs and a list', () => {
    const { event } = scrubEvent({
      request: { env: [['REMOTE_ADDR', '203.0.113.7']] as any },
      extra: { list: [{ ip_address: '1.2.3.4' }] },
    });
    expect((event.request as any).env).toEqual([['REMOTE_ADDR', F]]);
  });
});

describe('envelope edges', () => {
  const envelopeOf = (...items: unknown[]): Envelope =>
    createEnvelope({} as any, items as any) as Envelope;

  it('leaves items without a type or with a payload that is no JSON value', () => {
    const { scrubber } = makeScrubber();
    const envelope = envelopeOf([{}, { password: 'pw' }], [{ type: 'event' }, 42]);
    const [, items] = scrubber.envelope(envelope) as any;
    expect(items[0][1]).toEqual({ password: F });
    expect(items[1][1]).toBe(42);
  });

  it('lists removals in containers and attachments, per item', () => {
    const { scrubber } = makeScrubber();
    const removals: Removal[] = [];
    scrubber.envelope(
      envelopeOf(
        [{ type: 'log' }, { items: [{ body: 'password=pw', attributes: {} }] }],
        [{ type: 'attachment', filename: 'a.json' }, '{"token":"t"}'],
        [{ type: 'attachment', filename: 'a.txt' }, 'token=t'],
        [{ type: 'session' }, { did: 'jane@example.com' }],
      ),
      removals,
    );
    expect(removals).toEqual([
      { path: 'items[0].body', rule: '@urlparam:filter', preview: `password=${F}`, item: 0 },
      { path: 'token', rule: '@password:filter', preview: F, item: 1 },
      { path: '', rule: '@urlparam:filter', preview: `token=${F}`, item: 2 },
      { path: 'did', rule: '@email:filter', preview: F, item: 3 },
    ]);
  });

  it('keeps unchanged JSON attachments and containers that are not lists', () => {
    const { scrubber } = makeScrubber();
    const envelope = envelopeOf(
      [{ type: 'attachment', filename: 'a.json' }, '{"n":1}'],
      [{ type: 'log' }, { items: 'odd', token: 't' }],
    );
    const [, items] = scrubber.envelope(envelope) as any;
    expect(items[0][1]).toBe('{"n":1}');
    expect(items[1][1]).toEqual({ items: 'odd', token: F });
  });

  it('leaves ingest settings that already say never, and all of them with IP detection off', () => {
    const container = { ingest_settings: { infer_ip: 'never' }, items: [{ body: 'ok' }] };
    const { scrubber } = makeScrubber();
    const envelope = envelopeOf([{ type: 'log' }, container]);
    expect(scrubber.envelope(envelope)).toBe(envelope);

    const withoutIp = makeScrubber({ detectors: { ipAddress: false } }).scrubber;
    const auto = envelopeOf([
      { type: 'log' },
      { ingest_settings: { infer_ip: 'auto' }, items: [] },
    ]);
    expect(withoutIp.envelope(auto)).toBe(auto);
  });
});

describe('_meta edges', () => {
  it('keeps the length the SDK recorded and adds the length when there was none', () => {
    const { event } = scrubEvent({
      extra: { a: 'token=t' },
      _meta: { extra: { a: { '': { rem: [['!limit', 'x']] } } } },
    });
    expect((event as any)._meta.extra.a['']).toEqual({
      rem: [
        ['!limit', 'x'],
        ['@urlparam:filter', 's', 6, 16],
      ],
      len: 7,
    });
  });

  it('previews a removed list element as null', () => {
    const { removals } = scrubEvent({ breadcrumbs: { values: [{ data: { ip: 3405803783 } }] } });
    expect(removals).toEqual([
      { path: 'breadcrumbs.values[0].data.ip', rule: '@ip:filter', preview: F },
    ]);
  });
});

describe('a `__proto__` key', () => {
  // `JSON.parse` makes `__proto__` an own key like any other; a copy must keep it as one.
  it('stays an own key of an object copied because a sibling was replaced', () => {
    const extra = JSON.parse('{"__proto__": {"note": "kept"}, "password": "hunter2"}');
    const { event } = scrubEvent({ extra });
    const scrubbed = event.extra as Record<string, unknown>;
    expect(Object.getPrototypeOf(scrubbed)).toBe(Object.prototype);
    expect(Object.hasOwn(scrubbed, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(scrubbed, '__proto__')?.value).toEqual({ note: 'kept' });
    expect(scrubbed.password).toBe(F);
  });

  it('keeps its place in `_meta` when something under it was replaced', () => {
    const extra = JSON.parse('{"__proto__": {"password": "hunter2"}}');
    const { event } = scrubEvent({ extra });
    const scrubbed = Object.getOwnPropertyDescriptor(event.extra, '__proto__')?.value;
    expect(scrubbed).toEqual({ password: F });
    const meta = (event as { _meta?: { extra?: object } })._meta?.extra ?? {};
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(meta, '__proto__')?.value).toHaveProperty('password');
  });

  it('survives a request body rewritten as JSON', () => {
    const data = '{"__proto__":{"note":"kept"},"password":"hunter2"}';
    const { event } = scrubEvent({ request: { data } });
    const body = event.request?.data as string;
    expect(body).not.toContain('hunter2');
    expect(body).toContain('"__proto__":{"note":"kept"}');
  });
});
