import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOT_DATA, ownDataValue, ownEnumerableDataValue } from '../../src/enrich/plain-value.ts';
import { createStemTest } from '../../src/scrub/detect/stem-test.ts';
import { createKeyClassifier } from '../../src/scrub/keys/classify.ts';
import { TEXT_STEMS } from '../../src/scrub/keys/default-keys.ts';
import { withLuhnDigit } from './fixtures/secrets.ts';
import { scrubText } from './helpers.ts';

// Paths that avoid work (a regular expression, a descriptor object, a restart of the candidate
// pattern), each held to the plain definition it replaces.

const F = '[Filtered]';

describe('stem test on names found in text', () => {
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

  it.each([
    ['built-in stems', []],
    ['with custom words', ['pin', 'tenant', 'ref']],
    ['with a short custom word', ['id']],
  ])('finds a stem exactly where the stem pattern would, %s', (_title, keys) => {
    const classifier = createKeyClassifier({
      keys,
      exemptKeys: [],
      defaults: true,
      ipKeys: true,
    });
    const stems = [...TEXT_STEMS, ...classifier.customWords].map((stem) => stem.toLowerCase());
    const pattern = new RegExp(
      `[\\w.\\-\\[\\]]{0,64}?(?:${stems.map(escapeRegExp).join('|')})`,
      'iy',
    );
    const hasStem = createStemTest(classifier);
    const name = fc
      .array(fc.constantFrom(...'aeiknoprstuxyzAKPSTX019_-.[]', ...TEXT_STEMS, 'Token', 'PASS'), {
        maxLength: 10,
      })
      .map((parts) => parts.join(''));

    fc.assert(
      fc.property(name, fc.constantFrom(' ', '=', '"', ''), (key, after) => {
        // As the pair detector calls it: a name of key characters, followed by its end.
        fc.pre(key.length <= 64);
        const text = `${key}${after}`;
        pattern.lastIndex = 0;
        const expected = pattern.test(text) && pattern.lastIndex <= key.length;
        expect(hasStem(text, 0, key.length)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('own data properties read without descriptor objects', () => {
  function viaDescriptor(target: object, key: string): unknown {
    try {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
    } catch {
      return undefined;
    }
  }

  function enumerableViaDescriptor(target: object, key: string): unknown {
    try {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      return descriptor?.enumerable === true && 'value' in descriptor ? descriptor.value : NOT_DATA;
    } catch {
      return NOT_DATA;
    }
  }

  it('read what the descriptor holds, and never run a getter or a setter', () => {
    let calls = 0;
    const base = { inherited: 'from the prototype' };
    const target = Object.create(base, {
      data: { value: 'data', enumerable: true },
      hidden: { value: 'hidden', enumerable: false },
      getter: {
        get() {
          calls++;
          return 'got';
        },
        enumerable: true,
      },
      setterOnly: {
        set() {
          calls++;
        },
        enumerable: true,
      },
      empty: { get: undefined, set: undefined, enumerable: true } as unknown as PropertyDescriptor,
    }) as object;
    const keys = ['data', 'hidden', 'getter', 'setterOnly', 'empty', 'inherited', 'missing'];
    const throwing = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('no descriptor');
        },
      },
    );

    for (const subject of [target, [1, 2, 3], new Proxy({ data: 1 }, {}), throwing]) {
      for (const key of [...keys, '0', 'length']) {
        expect(ownDataValue(subject, key)).toEqual(viaDescriptor(subject, key));
        const enumerable = ownEnumerableDataValue(subject, key);
        const expected = enumerableViaDescriptor(subject, key);
        // An accessor without a getter reads as undefined, which counts as no value either way.
        expect(enumerable === undefined ? NOT_DATA : enumerable).toEqual(
          expected === undefined ? NOT_DATA : expected,
        );
      }
    }
    expect(calls).toBe(0);
  });
});

describe('candidates', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlX3ZhbHVl';

  it.each([
    ['after a space', ` ${jwt}`, ` ${F}`],
    ['at the start', jwt, F],
    ['after a quote', `"${jwt}"`, `"${F}"`],
    ['inside a word', `x${jwt}`, `x${jwt}`],
    ['after a dash', `-${jwt}`, `-${jwt}`],
    ['after a dot', `eyJeyJ.${jwt}`, `eyJeyJ.${F}`],
    ['that a run of eyJ starts', `eyJeyJ${jwt}`, F],
  ])('find a token %s only where it starts a run', (_title, text, expected) => {
    expect(scrubText(text)).toBe(expected);
  });

  it('keep a long run of eyJ cheap to read and leave it alone', () => {
    const run = 'eyJ'.repeat(5000);
    expect(scrubText(`${run} and ${jwt}`)).toBe(`${run} and ${F}`);
    expect(scrubText(`${'eyJ'.repeat(100)} ${jwt}`)).toBe(`${'eyJ'.repeat(100)} ${F}`);
  });

  it('read the longest run of digit groups a card detector looks at', () => {
    const card = withLuhnDigit('411111111111111');
    const groups = `${'12 '.repeat(20)}${card}`;
    // 72 characters of digits and spaces: more than a card run can be, so nothing is taken.
    expect(scrubText(`run ${groups} end`)).toBe(`run ${groups} end`);
    expect(scrubText(`run ${'1 '.repeat(10)}x ${card} end`)).toBe(
      `run ${'1 '.repeat(10)}x ${F} end`,
    );
  });
});
