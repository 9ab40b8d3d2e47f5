/* biome-ignore-all lint/suspicious/noExplicitAny: meta trees are free-form */
import { describe, expect, it } from 'vitest';
import { mergeMeta } from '../../src/scrub/meta/meta.ts';
import { joinPath } from '../../src/scrub/meta/removals.ts';
import { scrubEvent } from './helpers.ts';

// `_meta` records every replacement the way Relay does: nested like the data, list positions
// as strings, `{ "": { rem: [[rule, type, start, end]], len } }` for the value itself.

const metaOf = (event: unknown): any => (event as { _meta?: unknown })._meta;

describe('_meta', () => {
  it('records a whole replacement with the original length', () => {
    const { event } = scrubEvent({ extra: { password: 'hunter2' } });
    expect(metaOf(event)).toEqual({
      extra: { password: { '': { rem: [['@password:filter', 's', 0, 10]], len: 7 } } },
    });
  });

  it('records each replaced span at its place in the new value', () => {
    const { event } = scrubEvent({ message: 'a@example.com and 203.0.113.7' });
    expect(event.message).toBe('[Filtered] and [Filtered]');
    expect(metaOf(event)).toEqual({
      message: {
        '': {
          rem: [
            ['@email:filter', 's', 0, 10],
            ['@ip:filter', 's', 15, 25],
          ],
          len: 29,
        },
      },
    });
  });

  it('keys list positions as strings, as Relay does', () => {
    const { event } = scrubEvent({ breadcrumbs: [{ message: 'ok' }, { message: 'token=t' }] });
    expect(Object.keys(metaOf(event).breadcrumbs)).toEqual(['1']);
    expect(metaOf(event).breadcrumbs['1'].message['']).toEqual({
      rem: [['@urlparam:filter', 's', 6, 16]],
      len: 7,
    });
  });

  it('records a removed field with an "x" remark', () => {
    const { event } = scrubEvent({ user: { ip_address: '203.0.113.7' } });
    expect(metaOf(event)).toEqual({
      user: { ip_address: { '': { rem: [['@ip:filter', 'x']], len: 11 } } },
    });
  });

  it('records the rules of a re-serialised body without positions', () => {
    const { event } = scrubEvent({ request: { data: '{"password":"a","token":"b"}' } });
    expect(metaOf(event).request.data['']).toEqual({
      rem: [['@password:filter', 's']],
      len: 28,
    });
  });

  it('merges with the _meta the event already had', () => {
    const existing = {
      extra: { note: { '': { rem: [['!limit', 's', 7, 10]], len: 500 } } },
      request: { data: { '': { err: ['invalid_data'] } } },
    };
    const { event } = scrubEvent({ extra: { note: 'token=abc...' }, _meta: existing });
    expect(metaOf(event)).toEqual({
      extra: {
        note: {
          '': {
            rem: [
              ['!limit', 's', 7, 10],
              ['@urlparam:filter', 's', 6, 16],
            ],
            len: 500,
          },
        },
      },
      request: { data: { '': { err: ['invalid_data'] } } },
    });
    expect(existing.extra.note[''].rem).toHaveLength(1);
  });

  it('merges into odd existing meta without failing', () => {
    expect(mergeMeta('not meta', { a: 1 })).toEqual({ a: 1 });
    expect(mergeMeta({ a: 'leaf?' }, { a: { '': { rem: [] } } })).toEqual({
      a: { '': { rem: [] } },
    });
    expect(mergeMeta({ '': 'odd' }, { '': { rem: [['r', 's']] } })).toEqual({
      '': { rem: [['r', 's']] },
    });
    expect(mergeMeta({ '': { rem: 'odd' } }, { '': { rem: [['r', 's']] } })).toEqual({
      '': { rem: [['r', 's']] },
    });
  });

  it('is absent when nothing was replaced', () => {
    expect(metaOf(scrubEvent({ message: 'fine' }).event)).toBeUndefined();
  });
});

describe('removals', () => {
  it('names paths in dot and bracket notation', () => {
    expect(joinPath('', 'request', false)).toBe('request');
    expect(joinPath('request.headers', 'X-Api-Key', false)).toBe('request.headers["X-Api-Key"]');
    expect(joinPath('breadcrumbs', '3', true)).toBe('breadcrumbs[3]');
    expect(joinPath('extra', '$ok_1', false)).toBe('extra.$ok_1');
  });

  it('previews the scrubbed value, cut to a line', () => {
    const long = `token=secret ${'x'.repeat(200)}`;
    const { removals } = scrubEvent({ extra: { long }, user: { ip_address: '203.0.113.7' } });
    expect(removals).toEqual([
      {
        path: 'extra.long',
        rule: '@urlparam:filter',
        preview: expect.stringMatching(/^token=\[Filtered\] x+\.\.\.$/),
      },
      { path: 'user.ip_address', rule: '@ip:filter', preview: '(removed)' },
    ]);
    expect(removals[0]?.preview).toHaveLength(80);
  });

  it('names list positions in pairs', () => {
    const { removals } = scrubEvent({ request: { headers: [['Cookie', 'a=b']] as any } });
    expect(removals).toEqual([
      { path: 'request.headers[0][1]', rule: '@password:filter', preview: '[Filtered]' },
    ]);
  });
});
