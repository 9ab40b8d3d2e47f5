import type { Event } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { applyEnrichment, isEmptyValue } from '../../src/enrich/index.ts';
import { deepFreeze, errorEvent } from './fixtures.ts';

describe('applyEnrichment', () => {
  describe('never overwrites', () => {
    it('keeps a tag the event already has and adds the missing ones', () => {
      const event = errorEvent({ tags: { 'error.code': 'OURS' } });

      const result = applyEnrichment(event, { tags: { 'error.code': 'THEIRS', team: 'billing' } });

      expect(result.tags).toEqual({ 'error.code': 'OURS', team: 'billing' });
    });

    it('keeps tags given as a list, as stored and exported events hold them', () => {
      const stored = errorEvent({ tags: [['error.code', 'OURS']] as never });
      const exported = errorEvent({ tags: [{ key: 'error.code', value: 'OURS' }] as never });
      const enrichment = { tags: { 'error.code': 'THEIRS', 'job.name': 'invoices' } };

      expect(applyEnrichment(stored, enrichment).tags).toEqual([
        ['error.code', 'OURS'],
        ['job.name', 'invoices'],
      ]);
      expect(applyEnrichment(exported, enrichment).tags).toEqual([
        { key: 'error.code', value: 'OURS' },
        { key: 'job.name', value: 'invoices' },
      ]);
      expect(stored.tags).toEqual([['error.code', 'OURS']]);
    });

    it('treats a tag set to undefined or null as not set', () => {
      const event = errorEvent({ tags: { a: undefined, b: null } as NonNullable<Event['tags']> });

      const result = applyEnrichment(event, { tags: { a: 'x', b: 'y' } });

      expect(result.tags).toEqual({ a: 'x', b: 'y' });
    });

    it('adds missing keys into an existing context and keeps its own', () => {
      const event = errorEvent({ contexts: { job: { name: 'invoices', attempt: 1 } } });

      const result = applyEnrichment(event, {
        contexts: { job: { name: 'other', queue: 'billing' } },
      });

      expect(result.contexts?.job).toEqual({ name: 'invoices', attempt: 1, queue: 'billing' });
    });

    it('leaves a context that is not an object alone', () => {
      const event = errorEvent({ contexts: { odd: 'text' as never } });

      const result = applyEnrichment(event, { contexts: { odd: { a: 1 } } });

      expect(result).toBe(event);
    });

    it('keeps extra and user fields and adds the missing ones', () => {
      const event = errorEvent({ extra: { a: 1 }, user: { id: '7' } });

      const result = applyEnrichment(event, {
        extra: { a: 2, b: 3 },
        user: { id: '8', segment: 'trial' },
      });

      expect(result.extra).toEqual({ a: 1, b: 3 });
      expect(result.user).toEqual({ id: '7', segment: 'trial' });
    });

    it('sets a fingerprint only when the event has none', () => {
      const withOne = errorEvent({ fingerprint: ['{{ default }}'] });
      const without = errorEvent();

      expect(applyEnrichment(withOne, { fingerprint: ['db'] }).fingerprint).toEqual([
        '{{ default }}',
      ]);
      expect(applyEnrichment(without, { fingerprint: ['db', ''] }).fingerprint).toEqual(['db']);
    });
  });

  describe('adds nothing empty', () => {
    it.each([
      ['an undefined tag', { tags: { a: undefined } }],
      ['a null tag', { tags: { a: null } }],
      ['an empty tag', { tags: { a: '' } }],
      ['a blank tag', { tags: { a: '   ' } }],
      ['a NaN tag', { tags: { a: Number.NaN } }],
      ['an object as tag', { tags: { a: { b: 1 } as never } }],
      ['an empty context', { contexts: { job: {} } }],
      ['a context of empty values', { contexts: { job: { name: '', id: undefined } } }],
      ['a context of empty nested values', { contexts: { job: { meta: { a: [] } } } }],
      ['empty extra', { extra: { a: null, b: [] } }],
      ['an empty user', { user: {} }],
      ['an empty fingerprint', { fingerprint: [] }],
      ['nothing at all', {}],
    ])('returns the same event for %s', (_title, enrichment) => {
      const event = errorEvent();

      expect(applyEnrichment(event, enrichment)).toBe(event);
    });

    it('drops the empty parts of a context and keeps the rest', () => {
      const result = applyEnrichment(errorEvent(), {
        contexts: { job: { name: 'invoices', id: '', tags: [], meta: { a: null, b: 2 } } },
      });

      expect(result.contexts?.job).toEqual({ name: 'invoices', meta: { b: 2 } });
    });

    it('keeps zero and false, which are values', () => {
      const result = applyEnrichment(errorEvent(), {
        tags: { retries: 0, cached: false },
        extra: { count: 0 },
      });

      expect(result.tags).toEqual({ retries: 0, cached: false });
      expect(result.extra).toEqual({ count: 0 });
    });
  });

  describe('never mutates', () => {
    it('enriches a deeply frozen event and leaves it as it was', () => {
      const event = deepFreeze(errorEvent({ tags: { a: '1' }, contexts: { job: { name: 'x' } } }));
      const before = structuredClone(event);

      const result = applyEnrichment(event, {
        tags: { b: '2' },
        contexts: { job: { id: 5 }, other: { c: 3 } },
        extra: { d: 4 },
      });

      expect(event).toEqual(before);
      expect(result.tags).toEqual({ a: '1', b: '2' });
      expect(result.contexts?.job).toEqual({ name: 'x', id: 5 });
      expect(result.extra).toEqual({ d: 4 });
    });

    it('shares the parts it did not change', () => {
      const event = errorEvent({ extra: { a: 1 } });

      const result = applyEnrichment(event, { tags: { b: '2' } });

      expect(result).not.toBe(event);
      expect(result.extra).toBe(event.extra);
      expect(result.contexts).toBe(event.contexts);
    });
  });
});

describe('isEmptyValue', () => {
  it.each([undefined, null, '', [], {}, [null, ''], { a: { b: undefined } }])(
    'counts %j as empty',
    (value) => {
      expect(isEmptyValue(value)).toBe(true);
    },
  );

  it.each([0, false, 'x', [0], { a: false }, new Date(0)])('counts %j as a value', (value) => {
    expect(isEmptyValue(value)).toBe(false);
  });
});
