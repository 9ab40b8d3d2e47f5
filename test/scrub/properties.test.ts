import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placedSecret } from './fixtures/secrets.ts';
import { makeScrubber, scrubEvent, scrubText } from './helpers.ts';

// Properties over generated input: scrubbing never throws, is idempotent, and always yields
// data that serializes.

// Characters the detectors look at, so generated text hits their edges often.
const tricky = fc.constantFrom(
  ...'@:=%-_./ \t\n"\'`\\&?#;[]{}()eyJAKIBbNgh0123456789abcdefABCDEFxX+~',
  'password=',
  'token: ',
  '://',
  '::',
  '%40',
  '%3D',
  '-----BEGIN PRIVATE KEY-----',
  'Bearer ',
  'ghp_',
  'sk_live_',
);
const trickyText = fc.array(tricky, { maxLength: 80 }).map((parts) => parts.join(''));

describe('properties of text scanning', () => {
  it('never throws, and scrubbing twice gives what scrubbing once gave', () => {
    fc.assert(
      fc.property(fc.oneof(trickyText, fc.string({ unit: 'grapheme' })), (text) => {
        const once = scrubText(text);
        expect(scrubText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('removes a secret wherever it sits in generated text', () => {
    fc.assert(
      fc.property(trickyText, placedSecret, trickyText, (before, secret, after) => {
        const text = `${before} ${secret.text} ${after}`;
        fc.pre(!`${before} ${after}`.includes(secret.secret));
        expect(scrubText(text)).not.toContain(secret.secret);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('properties of values', () => {
  it('turns any value into data that serializes, without failures', () => {
    const anything = fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(anything, (value) => {
        const { event, failures } = scrubEvent({ extra: { value } });
        expect(failures).toEqual([]);
        expect(() => JSON.stringify(event)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('never changes the input', () => {
    const { scrubber } = makeScrubber();
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const event = { extra: { value, password: 'pw' } };
        const before = structuredClone(event);
        scrubber.event(event);
        expect(event).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });
});
