import type { Event, EventHint } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import type { Enricher } from '../../src/index.ts';
import { SentryEventFilter } from '../../src/index.ts';
import {
  buildEnrichment,
  connectionRefused,
  deepFreeze,
  errorEvent,
  errorProperties,
} from './fixtures.ts';

describe('createEnrichment', () => {
  describe('built-ins', () => {
    it('are all on by default', () => {
      const { enrich } = buildEnrichment();
      const event = errorEvent({
        contexts: { job: { name: 'sync', id: 'j-1' } },
        sdkProcessingMetadata: { normalizedRequest: { headers: { 'x-request-id': 'r-1' } } },
      });
      const error = Object.assign(connectionRefused(), { status: 502 });

      const result = enrich(event, { originalException: error }, { userCaused: true });

      expect(result.tags).toEqual({
        'error.code': 'ECONNREFUSED',
        'http.status_code': '502',
        request_id: 'r-1',
        'job.name': 'sync',
        'job.id': 'j-1',
      });
      expect(errorProperties(result)).toMatchObject({ code: 'ECONNREFUSED', status: 502 });
    });

    it('are all off with `enrichment: false`, and the event comes back untouched', () => {
      const { enrich } = buildEnrichment(false);
      const event = errorEvent({ contexts: { job: { name: 'sync' } } });

      expect(enrich(event, { originalException: connectionRefused() })).toBe(event);
    });

    it('are all off when every switch is false', () => {
      const { enrich } = buildEnrichment({
        errorProperties: false,
        errorCodeTag: false,
        httpStatusTag: false,
        requestId: false,
        job: false,
      });
      const event = errorEvent({ contexts: { job: { name: 'sync' } } });

      expect(enrich(event, { originalException: connectionRefused() }, { userCaused: true })).toBe(
        event,
      );
    });

    it('enrich a frozen event without touching it', () => {
      const { enrich } = buildEnrichment();
      const event = deepFreeze(errorEvent({ tags: { team: 'core' } }));
      const before = structuredClone(event);

      const result = enrich(event, { originalException: connectionRefused() });

      expect(event).toEqual(before);
      expect(result.tags).toEqual({ team: 'core', 'error.code': 'ECONNREFUSED' });
    });

    it('leave the captured error as it was', () => {
      const { enrich } = buildEnrichment();
      const error = Object.freeze(connectionRefused());

      enrich(errorEvent(), { originalException: error });

      expect(Object.keys(error)).toEqual(['errno', 'code', 'syscall', 'address', 'port']);
    });
  });

  describe('custom enrichers', () => {
    it('add what they return, after the built-ins', () => {
      const seen: Event[] = [];
      const tenant: Enricher = (event) => {
        seen.push(event as Event);
        return { tags: { tenant: 'acme' }, contexts: { billing: { plan: 'pro' } } };
      };
      const { enrich } = buildEnrichment({}, [tenant]);

      const result = enrich(errorEvent(), { originalException: connectionRefused() });

      expect(result.tags).toEqual({ 'error.code': 'ECONNREFUSED', tenant: 'acme' });
      expect(result.contexts?.billing).toEqual({ plan: 'pro' });
      expect(seen[0]?.tags?.['error.code']).toBe('ECONNREFUSED');
    });

    it('receive the hint', () => {
      const hints: EventHint[] = [];
      const { enrich } = buildEnrichment(false, [
        (_event, hint) => {
          hints.push(hint);
          return undefined;
        },
      ]);
      const hint = { originalException: new Error('x'), event_id: 'e1' };

      enrich(errorEvent(), hint);

      expect(hints).toEqual([hint]);
    });

    it('run in order, and a later one cannot overwrite an earlier one', () => {
      const { enrich } = buildEnrichment(false, [
        () => ({ tags: { owner: 'first' } }),
        () => ({ tags: { owner: 'second', extra: 'yes' } }),
      ]);

      expect(enrich(errorEvent()).tags).toEqual({ owner: 'first', extra: 'yes' });
    });

    it('that throw are reported once each and skipped, and the others still apply', () => {
      const { enrich, failures } = buildEnrichment(false, [
        function broken() {
          throw new Error('enricher bug');
        },
        () => ({ tags: { kept: 'yes' } }),
      ]);

      const results = [enrich(errorEvent()), enrich(errorEvent()), enrich(errorEvent())];

      expect(results.map((result) => result.tags)).toEqual([
        { kept: 'yes' },
        { kept: 'yes' },
        { kept: 'yes' },
      ]);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ label: 'broken', outcome: 'threw and was skipped' });
    });

    it('without a name are reported by their position', () => {
      const { enrich, failures } = buildEnrichment(false, [
        () => undefined,
        () => {
          throw new Error('x');
        },
      ]);

      enrich(errorEvent());

      expect(failures.map((failure) => failure.label)).toEqual(['enrich[1]']);
    });

    it('that add a tag Sentry would reject have it left out, the rest applied, reported once', () => {
      const long = 'x'.repeat(201);
      const { enrich, failures } = buildEnrichment(false, [
        function routeOwner() {
          return {
            tags: { team: 'payments', note: long, line: 'a\nb' },
            contexts: { c: { a: 1 } },
          };
        },
      ]);

      const results = [enrich(errorEvent()), enrich(errorEvent())];

      for (const result of results) {
        expect(result.tags).toEqual({ team: 'payments' });
        expect(result.contexts?.c).toEqual({ a: 1 });
      }
      expect(failures.map(({ label, outcome }) => ({ label, outcome }))).toEqual([
        {
          label: `routeOwner (tag "note" is 201 characters long, over Sentry's 200)`,
          outcome: 'was applied without it',
        },
      ]);
    });

    it('that give `user` or `extra` as something other than an object have it left out, reported', () => {
      const { enrich, failures } = buildEnrichment(false, [
        // A plain JavaScript enricher, unchecked by types.
        function account() {
          return { user: 'jane', extra: ['a', 'b'], tags: { team: 'payments' } } as never;
        },
      ]);

      const result = enrich(errorEvent());

      expect(result.user).toEqual(errorEvent().user);
      expect(result.extra).toEqual(errorEvent().extra);
      expect(result.tags).toEqual({ ...errorEvent().tags, team: 'payments' });
      expect(failures.map(({ label, outcome }) => ({ label, outcome }))).toEqual([
        {
          label: 'account (`extra` is an array, not an object)',
          outcome: 'was applied without it',
        },
      ]);
    });

    it('that add a tag whose name is longer than Sentry takes have it left out, reported', () => {
      // Sentry drops a tag whose key is over 32 characters, as it drops a value over 200.
      const key = 'k'.repeat(33);
      const { enrich, failures } = buildEnrichment(false, [
        function tenant() {
          return { tags: { [key]: 'acme', ['t'.repeat(32)]: 'kept' } };
        },
      ]);

      expect(enrich(errorEvent()).tags).toEqual({ ['t'.repeat(32)]: 'kept' });
      expect(failures.map(({ label, outcome }) => ({ label, outcome }))).toEqual([
        {
          label: `tenant (tag "${key}" has a name of 33 characters, over Sentry's 32)`,
          outcome: 'was applied without it',
        },
      ]);
    });

    it('keep a tag of exactly 200 characters', () => {
      const value = 'x'.repeat(200);
      const { enrich, failures } = buildEnrichment(false, [() => ({ tags: { note: value } })]);

      expect(enrich(errorEvent()).tags).toEqual({ note: value });
      expect(failures).toEqual([]);
    });

    it('that return a promise are reported and skipped, and the rejection is handled', async () => {
      const { enrich, failures } = buildEnrichment(false, [
        async function slow() {
          throw new Error('rejected later');
        } as unknown as Enricher,
      ]);
      const event = errorEvent();

      expect(enrich(event)).toBe(event);
      // An unhandled rejection would fail this test run.
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(failures.map((failure) => failure.label)).toEqual([
        'slow (returned a promise; enrichers must return synchronously)',
      ]);
    });

    it.each([
      ['a string', 'tags'],
      ['a number', 1],
      ['an array', [{ tags: { a: 'b' } }]],
    ])('that return %s are reported and skipped', (_title, returned) => {
      const { enrich, failures } = buildEnrichment(false, [
        (() => returned) as unknown as Enricher,
      ]);
      const event = errorEvent();

      expect(enrich(event)).toBe(event);
      expect(failures).toHaveLength(1);
    });

    it('that return hostile data are reported and skipped', () => {
      const hostile = new Proxy(
        {},
        {
          ownKeys() {
            throw new Error('trap');
          },
        },
      );
      const { enrich, failures } = buildEnrichment(false, [() => ({ tags: hostile })]);
      const event = errorEvent();

      expect(enrich(event)).toBe(event);
      expect(failures).toHaveLength(1);
    });
  });
});

describe('enrichment in the filter', () => {
  it('runs for kept events and counts a failing enricher', () => {
    const filter = new SentryEventFilter({
      enrich: [
        () => {
          throw new Error('bug');
        },
      ],
    });

    const result = filter.check(errorEvent(), { originalException: connectionRefused() });

    expect(result.outcome).toBe('sent');
    expect(result.event?.tags).toEqual({ 'error.code': 'ECONNREFUSED' });
    expect(filter.stats().failures).toBe(1);
  });

  it('gives user-caused events their HTTP status', () => {
    class NotFoundError extends Error {
      readonly status = 404;
    }
    const filter = new SentryEventFilter({ userCausedExceptions: [NotFoundError] });

    const result = filter.check(errorEvent(), { originalException: new NotFoundError('gone') });

    expect(result.event?.tags).toMatchObject({ user_caused: 'true', 'http.status_code': '404' });
  });

  it('does not run for dropped events', () => {
    let calls = 0;
    const filter = new SentryEventFilter({
      filteredOutExceptions: ['Error'],
      enrich: [
        () => {
          calls++;
          return undefined;
        },
      ],
    });

    filter.check(errorEvent(), { originalException: new Error('x') });

    expect(calls).toBe(0);
  });

  it.each([
    [{ enrichment: { errorCodeTags: false } }, 'Unknown option `enrichment.errorCodeTags`'],
    [{ enrichment: { job: 'no' } }, 'Invalid option `enrichment.job`'],
    [{ enrichment: true }, 'Invalid option `enrichment`'],
    [{ enrich: [{ tags: {} }] }, 'Invalid option `enrich[0]`'],
  ])('rejects %j at construction', (options, message) => {
    expect(() => new SentryEventFilter(options as never)).toThrow(message);
  });
});
