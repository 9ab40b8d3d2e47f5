/* biome-ignore-all lint/suspicious/noExplicitAny: tests read free-form event parts */
import type { Event } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { readCorpusFile } from '../helpers/shared.ts';

// A real event exported from a Sentry-compatible web API (GlitchTip's CSP report fixture):
// `entries`, tags as `{ key, value, query }`, `context`, a user with an IP address.

const F = '[Filtered]';

describe('glitchtip-csp-report-event.json', () => {
  const original = JSON.parse(readCorpusFile('glitchtip-csp-report-event.json').toString('utf8'));
  const result = new SentryEventFilter().check(structuredClone(original) as Event);
  const event = result.event as any;

  it('removes the IP address everywhere it is, and nothing else', () => {
    expect(JSON.stringify(event)).not.toContain('203.0.113.226');
    expect(event.user.ip_address).toBeUndefined();
    expect(event.tags.at(-1)).toEqual({
      query: `user.ip:${F}`,
      value: `ip:${F}`,
      key: 'user',
      _meta: null,
    });
    expect(event.entries).toEqual(original.entries);
    expect(event.message).toBe(original.message);
    expect(result.removals.map((removal) => removal.path)).toEqual([
      'tags[5].query',
      'tags[5].value',
      'user.ip_address',
    ]);
  });
});
