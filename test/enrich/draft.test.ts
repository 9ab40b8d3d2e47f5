import type { Event } from '@sentry/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyRecord } from '../../src/copy-record.ts';
import { EnrichedEvent } from '../../src/enrich/apply-enrichment.ts';
import type { Enricher, Enrichment } from '../../src/index.ts';
import { SentryEventFilter } from '../../src/index.ts';
import { buildEnrichment, connectionRefused, deepFreeze, errorEvent } from './fixtures.ts';

// One draft takes every enrichment of an event. It must give what merging the enrichments one
// after the other into fresh copies gives, which `reference` below spells out.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function pruned(value: unknown, depth: number): unknown {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value !== 'object' || depth >= 6) {
    return value;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => pruned(item, depth + 1)).filter((item) => item !== undefined);
    if (items.length === 0) {
      return undefined;
    }
    return items.length === value.length && items.every((item, index) => item === value[index])
      ? value
      : items;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== null && prototype !== Object.prototype) {
    return value;
  }
  let changed = false;
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const next = pruned(item, depth + 1);
    if (next === undefined) {
      changed = true;
    } else {
      kept[key] = next;
      changed ||= next !== item;
    }
  }
  if (Object.keys(kept).length === 0) {
    return undefined;
  }
  return changed ? kept : value;
}

function mergeFlat(target: unknown, additions: unknown): Record<string, unknown> | undefined {
  if (additions === undefined) {
    return undefined;
  }
  const existing = isRecord(target) ? target : {};
  const missing = Object.entries(additions as object).filter(([key]) => !isSet(existing[key]));
  return missing.length === 0 ? undefined : { ...existing, ...Object.fromEntries(missing) };
}

/** Merging one enrichment into a copy of the event, with spreads, as the rules say. */
function reference(event: Event, enrichment: Enrichment): Event {
  let next: Event | undefined;
  const validTags = isRecord(enrichment.tags)
    ? Object.entries(enrichment.tags).filter(([key, value]) => {
        const valid =
          (typeof value === 'string' && value.trim() !== '') ||
          (typeof value === 'number' && Number.isFinite(value)) ||
          typeof value === 'boolean';
        return key !== '' && valid;
      })
    : [];
  const tags = mergeFlat(
    event.tags,
    validTags.length === 0 ? undefined : Object.fromEntries(validTags),
  );
  if (tags !== undefined) {
    next = { ...(next ?? event), tags: tags as NonNullable<Event['tags']> };
  }

  const cleaned = pruned(enrichment.contexts, 0);
  if (cleaned !== undefined) {
    const existing = isRecord(event.contexts) ? event.contexts : {};
    const merged: Record<string, unknown> = {};
    for (const [name, context] of Object.entries(cleaned as object)) {
      const current = existing[name];
      if (!isSet(current)) {
        merged[name] = context;
      } else if (isRecord(current) && isRecord(context)) {
        const keys = mergeFlat(current, context);
        if (keys !== undefined) {
          merged[name] = keys;
        }
      }
    }
    if (Object.keys(merged).length > 0) {
      next = { ...(next ?? event), contexts: { ...existing, ...merged } as Record<string, never> };
    }
  }

  for (const part of ['extra', 'user'] as const) {
    const merged = mergeFlat(event[part], pruned(enrichment[part], 0));
    if (merged !== undefined) {
      next = { ...(next ?? event), [part]: merged };
    }
  }

  const fingerprint = Array.isArray(enrichment.fingerprint)
    ? enrichment.fingerprint.filter((part) => typeof part === 'string' && part !== '')
    : [];
  const hasFingerprint = Array.isArray(event.fingerprint) && event.fingerprint.length > 0;
  if (fingerprint.length > 0 && !hasFingerprint) {
    next = { ...(next ?? event), fingerprint };
  }
  return next ?? event;
}

const key = fc.constantFrom('a', 'b', 'team', 'code', 'job', '');
const value = fc.oneof(
  fc.constantFrom(undefined, null, '', ' ', 0, false, Number.NaN, 'x', 'y', [], {}),
  fc.string({ maxLength: 3 }),
  fc.integer(),
);
const record = fc.dictionary(key, value, { maxKeys: 4 });
const nested = fc.dictionary(key, fc.oneof(value, record, fc.array(value, { maxLength: 3 })), {
  maxKeys: 3,
});
const enrichment = fc.record(
  {
    tags: record as fc.Arbitrary<Enrichment['tags']>,
    contexts: fc.dictionary(key, fc.oneof(nested, value), { maxKeys: 3 }) as fc.Arbitrary<
      Enrichment['contexts']
    >,
    extra: nested,
    user: record,
    fingerprint: fc.array(fc.oneof(fc.constant(''), fc.string({ maxLength: 3 })), { maxLength: 3 }),
  },
  { requiredKeys: [] },
) as unknown as fc.Arbitrary<Enrichment>;
const event: fc.Arbitrary<Event> = fc.record(
  {
    message: fc.constant('x'),
    tags: fc.oneof(record, fc.constant(undefined)),
    contexts: fc.dictionary(key, fc.oneof(record, value), { maxKeys: 3 }),
    extra: record,
    user: record,
    fingerprint: fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
  },
  { requiredKeys: ['message'] },
) as fc.Arbitrary<Event>;

describe('enrichment draft', () => {
  it('gives what merging each enrichment into a fresh copy gives', () => {
    fc.assert(
      fc.property(event, fc.array(enrichment, { maxLength: 4 }), (input, enrichments) => {
        const frozen = deepFreeze(structuredClone(input));
        const draft = new EnrichedEvent(frozen);
        for (const added of enrichments) {
          draft.apply(added);
        }
        const expected = enrichments.reduce(reference, frozen);
        const result = draft.event;
        expect(result).toEqual(expected);
        expect(result === frozen).toBe(expected === frozen);
      }),
      { numRuns: 1000 },
    );
  });

  it('adds tags and contexts for the built-ins as the same enrichment would', () => {
    fc.assert(
      fc.property(event, key, value, key, nested, (input, tag, tagValue, name, context) => {
        const frozen = deepFreeze(structuredClone(input));
        const direct = new EnrichedEvent(frozen);
        direct.addTag(tag, tagValue);
        direct.addContext(name, context);
        const expected = reference(reference(frozen, { tags: { [tag]: tagValue as never } }), {
          contexts: { [name]: context },
        });
        expect(direct.event).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('copies again after handing the event out, so what was handed out never changes', () => {
    const draft = new EnrichedEvent(errorEvent());
    draft.apply({ tags: { first: '1' } });
    const handedOut = draft.event;
    const snapshot = structuredClone(handedOut);

    draft.apply({ tags: { second: '2' }, extra: { more: true } });

    expect(handedOut).toEqual(snapshot);
    expect(draft.event.tags).toEqual({ first: '1', second: '2' });
  });

  it('leaves an event it has not copied yet as it was when an enrichment throws', () => {
    const original = errorEvent();
    const draft = new EnrichedEvent(original);
    const hostile = {
      tags: { fine: 'yes' },
      get contexts(): never {
        throw new Error('no contexts');
      },
    } as Enrichment;

    expect(() => draft.apply(hostile)).toThrow('no contexts');
    expect(draft.event).toBe(original);
  });
});

describe('custom enrichers see events that stay as they saw them', () => {
  const scrubbingFilter = (enrich: Enricher[]) =>
    new SentryEventFilter({ enrich, ignoredLoggers: ['noise'] });

  it.each([
    ['adds a tag', () => ({ tags: { team: 'payments' } })],
    ['adds nothing', () => undefined],
  ])('when the enricher %s', (_title, returned) => {
    const seen: Event[] = [];
    const snapshots: unknown[] = [];
    const filter = scrubbingFilter([
      (event) => {
        seen.push(event as Event);
        snapshots.push(structuredClone(event));
        return returned();
      },
    ]);
    const input = errorEvent({
      user: { id: '7', ip_address: '203.0.113.7' },
      extra: { note: 'call jane.doe@example.com' },
    });

    const sent = filter.beforeSend(input, { originalException: connectionRefused() });

    expect(seen[0]).toEqual(snapshots[0]);
    expect(sent?.extra?.note).toBe('call [Filtered]');
    expect(sent?.sdk).toBeUndefined();
    expect(JSON.stringify(sent)).not.toContain('203.0.113.7');
  });

  it('never writes to the application event, even when the pipeline finishes its own copy', () => {
    const input = deepFreeze(
      errorEvent({
        sdk: { name: 'sentry.javascript.node', version: '11.12.0' },
        extra: { note: 'password=hunter2' },
      }),
    );
    const before = structuredClone(input);
    const { enrich } = buildEnrichment();
    const enriched = enrich(input, { originalException: connectionRefused() });
    const sent = new SentryEventFilter({}).beforeSend(input, {
      originalException: connectionRefused(),
    });

    expect(input).toEqual(before);
    expect(enriched).not.toBe(input);
    expect(sent?.sdk?.settings).toEqual({ infer_ip: 'never' });
    expect(sent?.extra?.note).toBe('password=[Filtered]');
  });
});

describe('copyRecord', () => {
  it('copies as a spread does: symbols too, and __proto__ as a plain key', () => {
    const symbol = Symbol('s');
    const source = JSON.parse('{"a":1,"__proto__":{"polluted":true},"b":2}') as Record<
      string,
      unknown
    >;
    (source as Record<symbol, unknown>)[symbol] = 'symbolic';
    Object.defineProperty(source, 'hidden', { value: 3, enumerable: false });

    const copy = copyRecord(source);
    const spread = { ...source };

    expect(Object.getOwnPropertyNames(copy)).toEqual(Object.getOwnPropertyNames(spread));
    expect(Object.getOwnPropertySymbols(copy)).toEqual([symbol]);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy).toEqual(spread);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('never runs a setter that Object.prototype has gained', () => {
    let calls = 0;
    Object.defineProperty(Object.prototype, 'pollutedKey', {
      set() {
        calls++;
      },
      configurable: true,
    });
    try {
      const copy = copyRecord({ pollutedKey: 'value' });
      expect(Object.getOwnPropertyDescriptor(copy, 'pollutedKey')?.value).toBe('value');
      expect(calls).toBe(0);
    } finally {
      delete (Object.prototype as { pollutedKey?: unknown }).pollutedKey;
    }
  });
});
