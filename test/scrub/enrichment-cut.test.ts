import type { Event } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { PLAIN_VALUE_LIMITS } from '../../src/enrich/index.ts';
import { SentryEventFilter } from '../../src/index.ts';
import { MAX_TEXT_LENGTH } from '../../src/scrub/detect/text-scanner.ts';
import { SAFE_CUT_LENGTH } from '../../src/scrub/index.ts';

// Enrichment copies an error's properties into the event before it is scrubbed, so where it
// cuts long strings decides whether the scrubber sees whole secrets. Secrets placed across
// each cut (the old enrichment limit of 1,000 characters, the scrubber's own cut, the
// enrichment's cut) never come out, not even in part.

const SECRETS = [
  {
    kind: 'a database URL with a password',
    text: 'postgres://app:SuperSecretPass1@db.example.com/orders',
    parts: ['SuperSecr', 'SecretPass1'],
  },
  {
    kind: 'a JWT',
    text: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXRlc3Q',
    parts: ['eyJzdWIi', 'c2lnbmF0'],
  },
  {
    kind: 'a card number',
    text: '4111 1111 1111 1111',
    parts: ['4111 1111 1111'],
  },
] as const;

function sentWith(detail: string): string {
  const error = Object.assign(new Error('export failed'), { detail });
  const event: Event = { exception: { values: [{ type: 'Error', value: 'export failed' }] } };
  const result = new SentryEventFilter().check(event, { originalException: error });
  return JSON.stringify(result.event);
}

/** A long text with `secret` starting `before` characters ahead of `cut`. */
function across(cut: number, secret: string, before: number): string {
  return `${'a'.repeat(cut - before)} ${secret} ${'b'.repeat(200)}`;
}

describe('strings cut by enrichment', () => {
  it('are cut no shorter than the scrubber cuts them itself', () => {
    expect(PLAIN_VALUE_LIMITS.stringLength).toBe(SAFE_CUT_LENGTH);
    expect(SAFE_CUT_LENGTH).toBeGreaterThan(MAX_TEXT_LENGTH);
  });

  describe.each(SECRETS)('with $kind', ({ text, parts }) => {
    it.each([
      ['the old enrichment limit', 1000],
      ["the scrubber's cut", MAX_TEXT_LENGTH],
      ["the enrichment's cut", SAFE_CUT_LENGTH],
    ])('never leave part of it across %s', (_name, cut) => {
      for (const before of [1, 8, Math.floor(text.length / 2), text.length - 2]) {
        const sent = sentWith(across(cut, text, before));
        for (const part of parts) {
          expect(sent.includes(part), `${part} at ${cut} - ${before}`).toBe(false);
        }
      }
    });
  });

  it('keeps a long string scrubbed, and cut where the scrubber cuts', () => {
    const short = JSON.parse(sentWith(across(1000, SECRETS[0].text, 8)));
    expect(short.contexts.error_properties.detail).toContain(
      'aaaa postgres://app:[Filtered]@db.example.com/orders bbbb',
    );

    const long = JSON.parse(sentWith(across(MAX_TEXT_LENGTH, SECRETS[0].text, 8)));
    const detail: string = long.contexts.error_properties.detail;
    expect(detail).toHaveLength(MAX_TEXT_LENGTH + '...'.length);
    expect(detail.endsWith('...')).toBe(true);
    expect(long._meta.contexts.error_properties.detail[''].rem).toContainEqual([
      '!limit',
      's',
      MAX_TEXT_LENGTH,
      MAX_TEXT_LENGTH + 3,
    ]);
  });

  it('leaves out whole the strings a context has no more room for', () => {
    const error = Object.assign(new Error('x'), {
      first: 'a'.repeat(SAFE_CUT_LENGTH * 4),
      ...Object.fromEntries(
        Array.from({ length: 12 }, (_, index) => [`part${index}`, 'b'.repeat(SAFE_CUT_LENGTH)]),
      ),
    });
    const filter = new SentryEventFilter({ sensitiveLoggingEnabled: true });
    const result = filter.check({}, { originalException: error });
    const properties = (result.event?.contexts?.error_properties ?? {}) as Record<string, string>;
    const kept = Object.values(properties).filter((value) => !value.endsWith('left out]'));
    const total = kept.reduce((sum, value) => sum + value.length, 0);
    expect(total).toBeLessThanOrEqual(PLAIN_VALUE_LIMITS.characters);
    expect(kept.length).toBeGreaterThan(1);
    expect(Object.values(properties)).toContain(`[${SAFE_CUT_LENGTH} characters left out]`);
  });
});
