import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { errorEvent } from '../helpers/events.ts';

class AuthCancelledError extends Error {}
class ValidationError extends Error {}

// Thrown values of every shape: primitives, arrays, objects with odd keys and prototypes,
// boxed values, sparse arrays, null-prototype objects, getters.
const thrownValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

describe('any thrown value', () => {
  it.each([false, true])(
    'yields an event or null and never throws (matchCauses: %s)',
    (matchCauses) => {
      const filter = new SentryEventFilter({
        filteredOutExceptions: [AuthCancelledError, 'SomeErrorName', (error) => error === 42],
        userCausedExceptions: [ValidationError, 'ValidationError'],
        ignoredLoggers: ['http.security'],
        matchCauses,
      });

      fc.assert(
        fc.property(thrownValue, fc.boolean(), (thrown, asCause) => {
          const value = asCause ? new Error('wrapper', { cause: thrown }) : thrown;
          const event = errorEvent(value, { extra: { thrown } });

          const result = filter.beforeSend(event, { originalException: value });

          expect(result === null || typeof result === 'object').toBe(true);
        }),
        { numRuns: 300 },
      );
    },
  );

  it('is dropped exactly when a predicate says so', () => {
    const filter = new SentryEventFilter({
      filteredOutExceptions: [(error) => error === 42 || error === 'cancelled'],
    });
    const values = fc.oneof(thrownValue, fc.constantFrom<unknown>(42, 'cancelled'));

    fc.assert(
      fc.property(values, (thrown) => {
        const result = filter.beforeSend(errorEvent(thrown), { originalException: thrown });
        expect(result === null).toBe(thrown === 42 || thrown === 'cancelled');
      }),
      { numRuns: 300 },
    );
  });
});
