import vm from 'node:vm';
import type { Breadcrumb, Event } from '@sentry/core';
import fc from 'fast-check';
import picomatch from 'picomatch/posix';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import {
  type Candidate,
  compileExceptionRule,
  type ExceptionMatcher,
} from '../../src/match/exception.ts';
import { compileLoggerRule } from '../../src/match/logger.ts';

// The rules are compiled once and answer from what they remember; these tests hold them to
// what the plain definitions say, however often a name or an error comes back.

const PATTERNS = [
  'http.security',
  'worker.*',
  'worker.**',
  '*.audit',
  '{cron,queue}.heartbeat',
  'a?b',
  '{noise,chatter}*',
  'db.[ab]',
  'sql',
];
const NAME = fc.oneof(
  fc.constantFrom(
    '',
    'http.security',
    'http.security.csrf',
    'http.securityaudit',
    'worker',
    'worker.email',
    'worker.email.retry',
    'billing.audit',
    'queue.heartbeat',
    'aXb',
    'noise',
    'noisy',
    'db.a',
    'db.c',
    'sql',
    'sqlalchemy',
  ),
  fc.stringMatching(/^[a-z.*?]{0,12}$/),
);

// What `ignoredLoggers` means, written out plainly: entries in order, names in order.
function reference(patterns: readonly string[], names: readonly string[]) {
  for (const [index, pattern] of patterns.entries()) {
    const isGlob = /[*?[\]{}]/.test(pattern);
    const glob = picomatch(pattern, { dot: true, nobrace: false });
    const test = (name: string) => name === pattern || (isGlob && glob(name));
    // The name or one of its ancestors: `a`, `a.b` and `a.b.c` for `a.b.c`.
    const selfOrAncestor = (name: string) =>
      name.split('.').some((_, index, parts) => {
        const ancestor = parts.slice(0, index + 1).join('.');
        return ancestor !== '' && test(ancestor);
      });
    for (const name of names) {
      if (name !== '' && selfOrAncestor(name)) {
        return { index, logger: name };
      }
    }
  }
  return undefined;
}

describe('logger rules', () => {
  it('match what picomatch and the dot hierarchy say, entry by entry and name by name', () => {
    fc.assert(
      fc.property(
        fc.subarray(PATTERNS, { minLength: 1 }),
        fc.array(NAME, { maxLength: 4 }),
        (patterns, names) => {
          const rule = compileLoggerRule(patterns);
          // Asked twice: the second answer comes from what the rule remembers.
          for (let round = 0; round < 2; round++) {
            const found = rule.match(names);
            const expected = reference(patterns, names);
            expect(
              found === undefined ? undefined : { index: found.index, logger: found.logger },
            ).toEqual(expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answer the same for a name seen before, with the entry as written', () => {
    const rule = compileLoggerRule(['http.security', 'worker.*']);
    const first = rule.matchName('worker.email');
    expect(first).toEqual({
      option: 'ignoredLoggers',
      index: 1,
      label: 'worker.*',
      logger: 'worker.email',
    });
    expect(rule.matchName('worker.email')).toEqual(first);
    expect(rule.matchName('worker')).toBeUndefined();
    expect(rule.matchName(42)).toBeUndefined();
  });

  it('stay right under a flood of generated names', () => {
    const rule = compileLoggerRule(['worker.*', 'http.security']);
    for (let index = 0; index < 5000; index++) {
      expect(rule.matchName(`worker.job${index}`)?.index).toBe(0);
      expect(rule.matchName(`job${index}`)).toBeUndefined();
    }
    expect(rule.matchName('http.security.csrf')?.index).toBe(1);
  });

  it('drop breadcrumbs as a list filter would: holes go, everything else is judged', () => {
    const filter = new SentryEventFilter({
      sensitiveLoggingEnabled: true,
      ignoredLoggers: ['noise'],
    });
    const kept: Breadcrumb = { category: 'app', message: 'kept' };
    const dropped: Breadcrumb = { category: 'noise', message: 'dropped' };
    // biome-ignore lint/suspicious/noSparseArray: a hole is what this test is about
    const breadcrumbs = [kept, , dropped, kept] as Breadcrumb[];

    const result = filter.beforeSend({ message: 'x', breadcrumbs } as Event);
    expect(result?.breadcrumbs).toEqual([kept, kept]);

    const withHoleOnly = filter.beforeSend({
      message: 'x',
      // biome-ignore lint/suspicious/noSparseArray: as above
      breadcrumbs: [kept, , kept] as Breadcrumb[],
    } as Event);
    expect(withHoleOnly?.breadcrumbs).toEqual([kept, kept]);

    const untouched = { message: 'x', breadcrumbs: [kept, kept] } as Event;
    expect(filter.beforeSend(untouched)).toBe(untouched);
  });
});

class CheckoutError extends Error {
  override name = 'CheckoutError';
}
class DeclinedError extends CheckoutError {}

function foreignError(): object {
  return vm.runInNewContext(`
    class CheckoutError extends Error {}
    class DeclinedError extends CheckoutError {}
    new DeclinedError('declined')
  `) as object;
}

const ENTRIES: readonly ExceptionMatcher[] = [
  CheckoutError,
  DeclinedError,
  RangeError,
  'CheckoutError',
  'DeclinedError',
  'Object',
  '',
  function hasCode(error) {
    return (error as { code?: unknown }).code === 'E1';
  },
];

function values(): object[] {
  const accessorConstructor = Object.create(CheckoutError.prototype, {
    constructor: { get: () => DeclinedError },
  }) as object;
  const proxy = new Proxy(new DeclinedError('proxied'), {});
  const throwingPrototype = new Proxy(
    {},
    {
      getPrototypeOf() {
        throw new Error('no prototype');
      },
    },
  );
  return [
    new CheckoutError('a'),
    new DeclinedError('b'),
    new RangeError('c'),
    new Error('d'),
    Object.assign(new Error('e'), { name: 'DeclinedError', code: 'E1' }),
    foreignError(),
    Object.create(accessorConstructor) as object,
    Object.create(null) as object,
    { name: 'CheckoutError' },
    proxy,
    throwingPrototype,
  ];
}

// The matching rules written out plainly, reading constructors through property
// descriptors: the reference the compiled rules are held to.
function descriptorNames(prototype: unknown): string[] {
  const names: string[] = [];
  let current = prototype;
  try {
    for (let depth = 0; depth < 32 && typeof current === 'object' && current !== null; depth++) {
      const owner: unknown = Object.getOwnPropertyDescriptor(current, 'constructor')?.value;
      const name: unknown = typeof owner === 'function' ? owner.name : undefined;
      names.push(typeof name === 'string' ? name : '');
      current = Object.getPrototypeOf(current);
    }
  } catch {
    // What was read so far counts.
  }
  return names;
}

function prototypeOf(value: object): unknown {
  try {
    return Object.getPrototypeOf(value);
  } catch {
    return null;
  }
}

function referenceIndex(entries: readonly ExceptionMatcher[], value: object): number {
  return entries.findIndex((entry) => {
    if (typeof entry === 'string') {
      const names = descriptorNames(prototypeOf(value));
      const own = (value as { name?: unknown }).name;
      return names.includes(entry) || (typeof own === 'string' && own !== '' && own === entry);
    }
    const isClass =
      /^class/.test(Function.prototype.toString.call(entry)) ||
      descriptorNames(entry.prototype).includes('Error');
    if (isClass) {
      const chain = descriptorNames(entry.prototype);
      const distinctive = chain.every(
        (name) => name.length >= 3 && !/^[a-z$_][\w$]{0,2}$/.test(name),
      );
      try {
        if (value instanceof (entry as new () => unknown)) {
          return true;
        }
      } catch {
        // A throwing proxy is no instance.
      }
      const names = descriptorNames(prototypeOf(value));
      return (
        distinctive &&
        chain.length <= names.length &&
        chain.every((name, index) => names[names.length - chain.length + index] === name)
      );
    }
    try {
      return (entry as (error: unknown) => unknown)(value) === true;
    } catch {
      return false;
    }
  });
}

describe('exception rules', () => {
  it('match a live error as the plain rules say, without building a candidate list', () => {
    const event: Event = { message: 'x' };
    const errors = values();
    fc.assert(
      fc.property(
        fc.subarray([...ENTRIES], { minLength: 1 }),
        fc.constantFrom(...errors),
        (entries, error) => {
          const rule = compileExceptionRule('filteredOutExceptions', entries, () => {});
          const candidate: Candidate = { live: true, value: error };
          const expected = referenceIndex(entries, error);
          // Asked twice, as the same error can come back with a later event.
          for (let round = 0; round < 2; round++) {
            expect(rule.matchLive(error, event)?.index ?? -1).toBe(expected);
            expect(rule.match([candidate], event)?.index ?? -1).toBe(expected);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('match the names along a prototype chain, also from another realm', () => {
    const rule = compileExceptionRule('userCausedExceptions', [DeclinedError], () => {});
    const byName = compileExceptionRule('userCausedExceptions', ['CheckoutError'], () => {});
    const foreign = foreignError();

    expect(rule.matchLive(foreign, {})?.label).toBe('DeclinedError');
    expect(byName.matchLive(foreign, {})?.label).toBe('CheckoutError');
    expect(rule.matchLive(new CheckoutError('x'), {})).toBeUndefined();
  });

  it('never run a getter on a prototype constructor', () => {
    let calls = 0;
    const prototype = Object.create(Error.prototype, {
      constructor: {
        get() {
          calls++;
          return DeclinedError;
        },
      },
    }) as object;
    const rule = compileExceptionRule('filteredOutExceptions', ['DeclinedError'], () => {});

    expect(rule.matchLive(Object.create(prototype) as object, {})).toBeUndefined();
    expect(calls).toBe(0);
  });
});
