import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  DETECTOR_NAMES,
  type DetectorName,
  isSentryEventFilterError,
  SentryEventFilter,
} from '../../src/index.ts';
import { resolveScrubOptions } from '../../src/scrub/options.ts';
import { scrubEvent, scrubText, sent } from './helpers.ts';

// The scrub options: keys, exemptKeys, detectors, replacement, defaults.

/** One sample per detector, and the part of it that goes. */
const SAMPLES: Record<DetectorName, { text: string; secret: string }> = {
  email: { text: 'mail jane@example.com', secret: 'jane@example.com' },
  ipAddress: { text: 'from 203.0.113.7', secret: '203.0.113.7' },
  creditCard: { text: 'card 4111 1111 1111 1111', secret: '4111 1111 1111 1111' },
  usSocialSecurityNumber: { text: 'ssn 123-45-6789', secret: '123-45-6789' },
  iban: { text: 'iban DE89370400440532013000', secret: 'DE89370400440532013000' },
  jwt: {
    text: 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
    secret: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
  },
  authorizationCredentials: { text: 'sent Bearer opaque-token-123', secret: 'opaque-token-123' },
  urlCredentials: { text: 'db postgres://u:PASS-1@h.example.com', secret: 'PASS-1' },
  urlParameters: { text: 'GET /x?token=TOK-1&a=1', secret: 'TOK-1' },
  keyValuePairs: { text: 'login password=PW-1 failed', secret: 'PW-1' },
  privateKey: {
    text: '-----BEGIN PRIVATE KEY-----\nMIIBody\n-----END PRIVATE KEY-----',
    secret: 'MIIBody',
  },
  serviceKeys: { text: 'key AKIAIOSFODNN7EXAMPLE', secret: 'AKIAIOSFODNN7EXAMPLE' },
};

describe('detectors', () => {
  it('has a sample for every detector', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...DETECTOR_NAMES].sort());
  });

  it.each(DETECTOR_NAMES.map((name) => [name] as const))('%s can be switched off', (name) => {
    const { text, secret } = SAMPLES[name];
    expect(scrubText(text)).not.toContain(secret);
    expect(scrubText(text, { detectors: { [name]: false } })).toContain(secret);
  });

  it.each(DETECTOR_NAMES.map((name) => [name] as const))(
    '%s alone works with defaults: false',
    (name) => {
      const { text, secret } = SAMPLES[name];
      // Pairs are found by key name: without the built-in keys, by the `keys` option.
      const keys =
        name === 'urlParameters' || name === 'keyValuePairs' ? ['token', 'password'] : [];
      expect(scrubText(text, { defaults: false })).toBe(text);
      expect(scrubText(text, { defaults: false, keys, detectors: { [name]: true } })).not.toContain(
        secret,
      );
    },
  );

  it('keeps user IP addresses and inference when the IP detector is off', () => {
    const { event } = scrubEvent(
      { user: { ip_address: '203.0.113.7' }, sdk: { name: 'x', version: '1' } },
      { detectors: { ipAddress: false } },
    );
    expect(event.user).toEqual({ ip_address: '203.0.113.7' });
    expect(event.sdk).toEqual({ name: 'x', version: '1' });
  });

  it('finds webhooks even when pairs and IP addresses are not looked for', () => {
    const text = 'https://hooks.slack.com/services/T0/B0/XXXXXXXXXXXX';
    const options = { defaults: false, detectors: { serviceKeys: true } };
    expect(scrubText(text, options)).toBe('https://hooks.slack.com/services/[Filtered]');
  });
});

describe('replacement', () => {
  it('replaces with the chosen text, in values and in _meta ranges', () => {
    const { event } = scrubEvent(
      { extra: { password: 'pw' }, message: 'mail jane@example.com' },
      { replacement: '***' },
    );
    expect(event.extra).toEqual({ password: '***' });
    expect(event.message).toBe('mail ***');
    expect((event as { _meta?: unknown })._meta).toMatchObject({
      message: { '': { rem: [['@email:filter', 's', 5, 8]] } },
    });
  });

  it('rejects an empty replacement, which every value would already start with', () => {
    let error: unknown;
    try {
      new SentryEventFilter({ scrub: { replacement: '' } });
    } catch (thrown) {
      error = thrown;
    }

    expect(isSentryEventFilterError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_OPTION', where: 'scrub.replacement' });
    expect((error as Error).message).toMatch(/`scrub\.replacement`: got ""; expected .*not empty/);
  });

  it('leaves values that are already the replacement, so scrubbing twice changes nothing', () => {
    const once = scrubEvent({ message: 'password=pw' }, { replacement: '<gone>' }).event;
    const twice = scrubEvent(once, { replacement: '<gone>' }).event;
    expect(twice).toEqual(once);
  });
});

describe('keys', () => {
  it('adds keys whose values are replaced, in objects and in text', () => {
    const { event } = scrubEvent(
      { extra: { tenantRef: 'T-1', note: 'tenant_ref=T-2 ok' } },
      { keys: ['tenant ref'] },
    );
    expect(event.extra).toEqual({ tenantRef: '[Filtered]', note: 'tenant_ref=[Filtered] ok' });
    expect(sent(event)).toContain('@key:filter');
  });

  it('accepts regular expressions, which makes every name in text a candidate', () => {
    const { event } = scrubEvent(
      { extra: { x_internal: 'a', note: 'x_internal: b, other: c' } },
      { keys: [/^x_/] },
    );
    expect(event.extra).toEqual({
      x_internal: '[Filtered]',
      note: 'x_internal: [Filtered], other: c',
    });
  });

  it('accepts regular expressions made in another realm (node:vm, an iframe)', () => {
    const pattern = vm.runInNewContext('/^x_/') as RegExp;
    const filter = new SentryEventFilter({ scrub: { keys: [pattern] } });

    const event = filter.beforeSend({ type: undefined, extra: { x_internal: 'a', note: 'b' } });

    expect(event?.extra).toEqual({ x_internal: '[Filtered]', note: 'b' });
  });

  it('accepts frozen regular expressions, global and sticky ones too', () => {
    for (const pattern of [Object.freeze(/^x_/), Object.freeze(/^x_/g), Object.freeze(/x_/y)]) {
      const filter = new SentryEventFilter({ scrub: { keys: [pattern] } });

      const event = filter.beforeSend({
        message: 'hello',
        extra: { x_internal: 'a', note: 'b' },
      } as never);

      expect(event).toMatchObject({
        message: 'hello',
        extra: { x_internal: '[Filtered]', note: 'b' },
      });
      expect(filter.stats().failures).toBe(0);
    }
  });

  it('leaves the position of a global regular expression the application also uses', () => {
    const pattern = /^x_/g;
    const filter = new SentryEventFilter({ scrub: { keys: [pattern] } });
    pattern.lastIndex = 1;

    filter.beforeSend({ extra: { x_internal: 'a', x_other: 'b' } } as never);

    expect(pattern.lastIndex).toBe(1);
  });
});

describe('defaults: false', () => {
  it('removes nothing that was not asked for', () => {
    const original = { extra: { password: 'pw' }, message: 'mail jane@example.com' };
    expect(scrubEvent(original, { defaults: false }).event).toEqual(original);
  });
});

describe('resolveScrubOptions', () => {
  it('fills in every default', () => {
    const resolved = resolveScrubOptions();
    expect(resolved.replacement).toBe('[Filtered]');
    expect(Object.values(resolved.detectors).every(Boolean)).toBe(true);
  });
});

describe('counters', () => {
  it('counts each replaced value once, by rule', () => {
    const filter = new SentryEventFilter();
    filter.beforeSend({
      message: 'mail jane@example.com from 203.0.113.7',
      extra: { password: 'pw', token: 't' },
      user: { ip_address: '203.0.113.8' },
    } as never);
    expect(filter.stats().scrubbed).toEqual({
      values: 5,
      byRule: { '@email:filter': 1, '@ip:filter': 2, '@password:filter': 2 },
    });
  });
});
