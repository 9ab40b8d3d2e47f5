import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyClassifier } from '../../src/scrub/keys/classify.ts';
import { ScanMemo, UNCHANGED } from '../../src/scrub/walk/scan-memo.ts';
import { ANY, keyedShape, SKIP, shape } from '../../src/scrub/walk/shape.ts';
import { ShapeResolver } from '../../src/scrub/walk/shape-resolver.ts';
import { placedSecret } from './fixtures/secrets.ts';
import { makeScrubber, scrubEvent } from './helpers.ts';

// What the scrubber remembers while it works, and proof that remembering never changes what it
// sends: the same input gives the same output and the same counts with or without a hit.

const F = '[Filtered]';

const result = (scanned: string) => ({ scanned, remarks: [], rules: [] });

describe('scan memo', () => {
  it('keeps texts of 16 to 4,096 characters only', () => {
    expect(ScanMemo.fits('x'.repeat(15))).toBe(false);
    expect(ScanMemo.fits('x'.repeat(16))).toBe(true);
    expect(ScanMemo.fits('x'.repeat(4096))).toBe(true);
    expect(ScanMemo.fits('x'.repeat(4097))).toBe(false);
  });

  it('answers for the text it was given, compared whole', () => {
    const memo = new ScanMemo();
    const text = 'a text long enough to keep';
    memo.set(text, result('scanned'));

    expect(memo.get(text)?.scanned).toBe('scanned');
    // Equal content in another string object is the same text.
    expect(memo.get(`a text long enough ${'to keep'}`)?.scanned).toBe('scanned');
    expect(memo.get('a text long enough to keeq')).toBeUndefined();
  });

  it('gives a slot to the newest text when two texts share it, and never mixes them up', () => {
    const memo = new ScanMemo();
    const texts = Array.from({ length: 5000 }, (_, index) => `generated text number ${index}`);
    for (const text of texts) {
      memo.set(text, result(text.toUpperCase()));
    }
    for (const text of texts) {
      const known = memo.get(text);
      expect(known === undefined || known.scanned === text.toUpperCase()).toBe(true);
    }
    expect(memo.get(texts.at(-1) as string)?.scanned).toBe((texts.at(-1) as string).toUpperCase());
  });

  it('stays bounded under a flood of distinct texts, and lets go of all of them on clear', () => {
    const memo = new ScanMemo();
    for (let index = 0; index < 20_000; index++) {
      memo.set(`flooding text number ${index}`, UNCHANGED);
    }
    expect(memo.size).toBeLessThanOrEqual(1024);

    memo.clear();
    expect(memo.size).toBe(0);
    expect(memo.get('flooding text number 19999')).toBeUndefined();
  });

  it('makes repeated texts in one event come out as when each is scrubbed alone', () => {
    const line = 'login ok for jane.doe@example.com, password=hunter2, from 203.0.113.7';
    const repeated = scrubEvent({
      breadcrumbs: [{ message: line }, { message: line }, { message: line }],
      extra: { again: line },
    });
    const alone = scrubEvent({ extra: { again: line } });

    const messages = (repeated.event.breadcrumbs ?? []).map((breadcrumb) => breadcrumb.message);
    expect(messages).toEqual(Array(3).fill(alone.event.extra?.again));
    expect(repeated.event.extra?.again).toBe(alone.event.extra?.again);
    // Every occurrence counts, and gets its own remarks in `_meta`.
    expect(repeated.removed).toEqual([
      ...alone.removed,
      ...alone.removed,
      ...alone.removed,
      ...alone.removed,
    ]);
    const meta = (repeated.event as unknown as { _meta: any })._meta;
    expect(meta.breadcrumbs['2'].message).toEqual(meta.extra.again);
    expect(meta.breadcrumbs['2'].message).not.toBe(meta.extra.again);
  });

  it('never carries a result from one event to the next', () => {
    const { scrubber, removed } = makeScrubber();
    const line = 'call me on jane.doe@example.com when you can';
    scrubber.event({ extra: { note: line } });
    scrubber.event({ extra: { note: line } });
    // Two events, two removals: the second was scanned, not remembered.
    expect(removed).toEqual(['@email:filter', '@email:filter']);
  });

  it('finds a secret in text scrubbed after it, whatever came before in the same event', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 16, maxLength: 40 }), { maxLength: 8 }),
        placedSecret,
        (before, secret) => {
          const text = `${secret.text} and some more words`;
          fc.pre(!before.some((value) => value.includes(secret.secret)));
          const { event } = scrubEvent({ extra: { before, first: text, again: text } });
          const sent = JSON.stringify(event.extra);
          expect(sent).not.toContain(secret.secret);
          expect(event.extra?.first).toBe(event.extra?.again);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives each item of a list the same result as the text alone', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SAMPLE_TEXTS), { maxLength: 12 }), (texts) => {
        const together = scrubEvent({ extra: { texts } });
        const each = texts.map((text) => scrubEvent({ extra: { text } }));
        expect(together.event.extra?.texts ?? texts).toEqual(
          each.map((scrubbed) => scrubbed.event.extra?.text),
        );
        expect(together.removed).toEqual(each.flatMap((scrubbed) => scrubbed.removed));
      }),
      { numRuns: 200 },
    );
  });
});

const SAMPLE_TEXTS = [
  'nothing to find in this sentence at all',
  'mail jane.doe@example.com about the order',
  'retrying charge with card 4111 1111 1111 1111',
  'GET https://api.example.com/v1?api_key=abc123def456ghi',
  'Authorization: Bearer abcdefghijklmnop0123456789',
  'client 203.0.113.7 connected over tls again',
];

describe('shape resolver', () => {
  const classifier = createKeyClassifier({
    keys: [],
    exemptKeys: [],
    defaults: true,
    ipKeys: true,
  });
  const known = keyedShape('known', { fields: { kept: SKIP, walked: ANY } });

  it('answers per shape: the same key can lead to different shapes', () => {
    const resolver = new ShapeResolver(classifier);
    const other = keyedShape('other', { fields: { kept: ANY } });
    for (let round = 0; round < 3; round++) {
      expect(resolver.shapeOf(known, 'kept')).toBe(SKIP);
      expect(resolver.shapeOf(other, 'kept')).toBe(ANY);
    }
  });

  it('gives the same answers whatever order keys come in and however often', () => {
    const keys = ['kept', 'walked', 'password', 'token_count', 'ip_address', 'x', '', 'apiKey'];
    const fresh = new ShapeResolver(classifier);
    const expected = new Map(keys.map((key) => [key, fresh.shapeOf(known, key)]));

    fc.assert(
      fc.property(fc.array(fc.constantFrom(...keys), { maxLength: 60 }), (order) => {
        const resolver = new ShapeResolver(classifier);
        for (const key of order) {
          expect(resolver.shapeOf(known, key)).toBe(expected.get(key));
        }
      }),
    );
  });

  it('keeps answering right under a flood of distinct keys', () => {
    const resolver = new ShapeResolver(classifier);
    for (let index = 0; index < 5000; index++) {
      const key = index % 2 === 0 ? `field${index}` : `token${index}`;
      const expected = index % 2 === 0 ? ANY : 'filter';
      const resolved = resolver.shapeOf(known, key);
      expect(resolved === ANY ? ANY : resolved.text).toBe(expected);
    }
    expect(resolver.shapeOf(known, 'kept')).toBe(SKIP);
  });

  it('passes shapes without fields or keys to their other shape', () => {
    const plain = shape('plain', { other: SKIP });
    expect(new ShapeResolver(classifier).shapeOf(plain, 'anything')).toBe(SKIP);
  });
});

describe('leaves passed over in place', () => {
  it('leaves values under skipped fields as they are, whatever their type', () => {
    // Skipped fields are not read unless their object is copied; what JSON cannot hold there
    // is left to the SDK's serializer, which normalizes a payload `JSON.stringify` rejects.
    const category = () => 1;
    const level = Symbol('x');
    const second = { timestamp: 12n as never, category: category as never, level: level as never };
    const { event } = scrubEvent({
      breadcrumbs: [
        { timestamp: 1733235664.402, category: 'http', level: 'info', data: { status: 200 } },
        second,
      ],
    });
    const [first, passed] = event.breadcrumbs ?? [];
    expect(first?.timestamp).toBe(1733235664.402);
    expect(passed).toBe(second);
  });

  it('copies skipped fields as they are when a sibling is replaced', () => {
    const timestamp = 1733235664.402;
    const { event } = scrubEvent({
      breadcrumbs: [{ timestamp, category: 'auth', message: 'login by jane@example.com' }],
    });
    const [breadcrumb] = event.breadcrumbs ?? [];
    expect(breadcrumb).toEqual({ timestamp, category: 'auth', message: `login by ${F}` });
  });

  it('scans strings under fields that are scanned, however short or long', () => {
    const { event } = scrubEvent({
      extra: { short: 'a@b.c', exact: 'a@b.co', longer: 'write to a@b.co today' },
    });
    expect(event.extra).toEqual({ short: 'a@b.c', exact: F, longer: `write to ${F} today` });
  });
});
