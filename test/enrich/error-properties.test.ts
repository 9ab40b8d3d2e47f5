import { describe, expect, it } from 'vitest';
import { PLAIN_VALUE_LIMITS } from '../../src/enrich/index.ts';
import {
  buildEnrichment,
  connectionRefused,
  errorEvent,
  errorProperties,
  only,
  wrappedError,
} from './fixtures.ts';

const { enrich } = buildEnrichment(only('errorProperties'));

function propertiesOf(error: unknown): Record<string, unknown> | undefined {
  return errorProperties(enrich(errorEvent(), { originalException: error }));
}

/** Every value in a copied tree, objects and arrays included. */
function countValues(value: unknown): number {
  if (typeof value !== 'object' || value === null) {
    return 1;
  }
  return 1 + Object.values(value).reduce<number>((sum, item) => sum + countValues(item), 0);
}

describe('errorProperties', () => {
  describe('the captured error', () => {
    it('lists a system error’s own properties at the top of the context', () => {
      expect(propertiesOf(connectionRefused())).toEqual({
        errno: -111,
        code: 'ECONNREFUSED',
        syscall: 'connect',
        address: '127.0.0.1',
        port: 9,
      });
    });

    it('lists class fields of a custom error', () => {
      class PaymentError extends Error {
        override name = 'PaymentError';
        readonly statusCode = 402;
        readonly provider = 'stripe';
      }

      expect(propertiesOf(new PaymentError('declined'))).toEqual({
        statusCode: 402,
        provider: 'stripe',
      });
    });

    it('leaves out name, message, stack, cause, position fields and functions', () => {
      const error = Object.assign(new Error('boom', { cause: 'x' }), {
        name: 'CustomError',
        message: 'changed',
        stack: 'at somewhere',
        line: 1,
        column: 2,
        sourceURL: 'a.js',
        fileName: 'a.js',
        lineNumber: 1,
        columnNumber: 2,
        toJSON: () => ({}),
        retry: () => undefined,
        kept: true,
      });

      expect(propertiesOf(error)).toEqual({ kept: true, cause: 'x' });
    });

    it('leaves out what the SDK itself put on the error, such as its local variables', () => {
      // The SDK's local variables integration hands the frames' variables over on the error,
      // and takes them off only when its own processor runs, after the filter's.
      const error = Object.assign(new Error('boom'), {
        __SENTRY_ERROR_LOCAL_VARIABLES__: [{ function: 'verifyPin', vars: { pin: '1234' } }],
        kept: true,
      });

      expect(propertiesOf(error)).toEqual({ kept: true });
    });

    it('adds no context for an error without own properties', () => {
      const event = errorEvent();

      expect(enrich(event, { originalException: new TypeError('plain') })).toBe(event);
    });

    it.each([
      ['a string', 'boom'],
      ['a plain object', { code: 'E_PLAIN' }],
      ['null', null],
      ['a number', 42],
      ['a symbol', Symbol('boom')],
      ['nothing', undefined],
    ])('adds nothing when %s was thrown', (_title, thrown) => {
      const event = errorEvent();

      expect(enrich(event, { originalException: thrown })).toBe(event);
    });

    it('reads errors from another realm', async () => {
      const { runInNewContext } = await import('node:vm');
      const foreign = runInNewContext(
        'Object.assign(new RangeError("far"), { code: "E_FAR", detail: { a: 1 } })',
      );

      expect(propertiesOf(foreign)).toEqual({ code: 'E_FAR', detail: { a: 1 } });
    });
  });

  describe('causes', () => {
    it('lists each cause’s own properties under its path', () => {
      expect(propertiesOf(wrappedError())).toEqual({
        userId: 42,
        cause: { query: 'users' },
        'cause.cause': {
          errno: -111,
          code: 'ECONNREFUSED',
          syscall: 'connect',
          address: '127.0.0.1',
          port: 9,
        },
      });
    });

    it('lists the errors of an AggregateError, as net.connect throws it', () => {
      const aggregate = Object.assign(
        new AggregateError(
          [
            Object.assign(new Error('connect ECONNREFUSED ::1:9'), {
              code: 'ECONNREFUSED',
              address: '::1',
            }),
            Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
              code: 'ECONNREFUSED',
              address: '127.0.0.1',
            }),
          ],
          'connect failed',
        ),
        { code: 'ECONNREFUSED' },
      );

      expect(propertiesOf(aggregate)).toEqual({
        code: 'ECONNREFUSED',
        'errors[0]': { code: 'ECONNREFUSED', address: '::1' },
        'errors[1]': { code: 'ECONNREFUSED', address: '127.0.0.1' },
      });
    });

    it('keeps an `errors` list of messages as an ordinary property', () => {
      const error = Object.assign(new Error('invalid'), {
        errors: ['name is required', 'email is invalid'],
      });

      expect(propertiesOf(error)).toEqual({ errors: ['name is required', 'email is invalid'] });
    });

    it('follows GraphQL’s originalError', () => {
      const original = Object.assign(new Error('db down'), { code: 'ETIMEDOUT' });
      const error = Object.assign(new Error('Cannot query'), {
        originalError: original,
        path: ['user', 'orders'],
      });

      expect(propertiesOf(error)).toEqual({
        path: ['user', 'orders'],
        originalError: { code: 'ETIMEDOUT' },
      });
    });

    it('lists a cause that is not an error as a value', () => {
      const error = new Error('failed', { cause: { reason: 'quota', limit: 10 } });

      expect(propertiesOf(error)).toEqual({ cause: { reason: 'quota', limit: 10 } });
    });

    it('ends a cyclic chain after each error was seen once', () => {
      const first = Object.assign(new Error('first'), { step: 1 });
      const second = Object.assign(new Error('second', { cause: first }), { step: 2 });
      Object.defineProperty(first, 'cause', { value: second });

      expect(propertiesOf(first)).toEqual({ step: 1, cause: { step: 2 } });
    });

    it('follows at most ten errors of a long chain', () => {
      let error: Error = Object.assign(new Error('0'), { depth: 0 });
      for (let depth = 1; depth < 50; depth++) {
        error = Object.assign(new Error(String(depth), { cause: error }), { depth });
      }

      const properties = propertiesOf(error) ?? {};

      expect(Object.keys(properties)).toHaveLength(10);
      expect(properties.depth).toBe(49);
    });
  });

  describe('hostile errors', () => {
    it('never runs an own getter and skips it', () => {
      let ran = false;
      const error = Object.assign(new Error('x'), { code: 'E_GETTER' });
      Object.defineProperty(error, 'secret', {
        enumerable: true,
        get() {
          ran = true;
          throw new Error('getter ran');
        },
      });

      expect(propertiesOf(error)).toEqual({ code: 'E_GETTER' });
      expect(ran).toBe(false);
    });

    it('skips properties whose descriptor traps throw', () => {
      const target = Object.assign(new Error('x'), { code: 'E_PROXY', kept: 1 });
      const proxy = new Proxy(target, {
        getOwnPropertyDescriptor(object, key) {
          if (key === 'kept') {
            throw new Error('trap');
          }
          return Reflect.getOwnPropertyDescriptor(object, key);
        },
      });

      expect(propertiesOf(proxy)).toEqual({ code: 'E_PROXY' });
    });

    it('adds nothing for a proxy whose traps all throw', () => {
      const hostile = new Proxy(new Error('x'), {
        get() {
          throw new Error('get');
        },
        ownKeys() {
          throw new Error('ownKeys');
        },
        getPrototypeOf() {
          throw new Error('getPrototypeOf');
        },
        getOwnPropertyDescriptor() {
          throw new Error('descriptor');
        },
      });
      const event = errorEvent();

      expect(enrich(event, { originalException: hostile })).toBe(event);
    });

    it('skips a revoked proxy among the values', () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      const error = Object.assign(new Error('x'), { code: 'E_REVOKED', gone: proxy });

      expect(propertiesOf(error)).toEqual({ code: 'E_REVOKED' });
    });

    it('names class instances instead of walking them', () => {
      class Socket {
        readonly fd = 12;
      }
      const error = Object.assign(new Error('x'), {
        socket: new Socket(),
        body: new Uint8Array(64),
        when: new Date(0),
        inner: new TypeError('nested'),
        items: new Map([[1, 2]]),
      });

      expect(propertiesOf(error)).toEqual({
        socket: '[Socket]',
        body: '[Uint8Array(64 bytes)]',
        when: '1970-01-01T00:00:00.000Z',
        inner: '[TypeError]',
        items: '[Map]',
      });
    });

    it('writes values JSON cannot hold as text', () => {
      const error = Object.assign(new Error('x'), {
        big: 10n,
        ratio: Number.POSITIVE_INFINITY,
        none: Number.NaN,
        tag: Symbol('kind'),
        invalid: new Date(Number.NaN),
      });

      expect(propertiesOf(error)).toEqual({
        big: '10n',
        ratio: 'Infinity',
        none: 'NaN',
        tag: 'Symbol(kind)',
        invalid: 'Invalid Date',
      });
    });

    it('leaves out empty values', () => {
      const error = Object.assign(new Error('x'), {
        empty: '',
        nothing: null,
        unset: undefined,
        list: [],
        record: {},
        nested: { a: { b: null } },
        kept: 0,
      });

      expect(propertiesOf(error)).toEqual({ kept: 0 });
    });

    it('handles cyclic values within the depth limit', () => {
      const record: Record<string, unknown> = { a: 1 };
      record.self = record;
      const error = Object.assign(new Error('x'), { record });

      expect(propertiesOf(error)).toEqual({
        record: { a: 1, self: { a: 1, self: { a: 1, self: '[Object]' } } },
      });
    });
  });

  describe('limits', () => {
    it('cuts deep values at the depth limit', () => {
      const error = Object.assign(new Error('x'), { a: { b: { c: { d: { e: 1 } } } } });

      expect(propertiesOf(error)).toEqual({ a: { b: { c: { d: '[Object]' } } } });
    });

    it('keeps at most the key limit per object and the item limit per array', () => {
      const wide = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, i]));
      const long = Array.from({ length: 200 }, (_, i) => i);
      const error = Object.assign(new Error('x'), { wide, long });

      const properties = propertiesOf(error) ?? {};

      expect(Object.keys(properties.wide as object)).toHaveLength(PLAIN_VALUE_LIMITS.keys);
      expect(properties.long).toHaveLength(PLAIN_VALUE_LIMITS.items);
    });

    it('shortens long strings', () => {
      const error = Object.assign(new Error('x'), { body: 'a'.repeat(100_000) });

      const body = propertiesOf(error)?.body as string;

      expect(body).toHaveLength(PLAIN_VALUE_LIMITS.stringLength);
      expect(body.endsWith('…')).toBe(true);
    });

    it('bounds the whole context across wide and deep values', () => {
      const wide = () =>
        Object.fromEntries(
          Array.from({ length: 50 }, (_, i) => [`k${i}`, { a: 1, b: 2, c: [1, 2, 3] }]),
        );
      const error = Object.assign(new Error('x'), { one: wide(), two: wide(), three: wide() });

      // The context object itself is not one of the values.
      const values = countValues(propertiesOf(error)) - 1;

      expect(values).toBeGreaterThan(PLAIN_VALUE_LIMITS.values / 2);
      expect(values).toBeLessThanOrEqual(PLAIN_VALUE_LIMITS.values);
    });
  });

  it('is off with `errorProperties: false`, and the other built-ins still run', () => {
    const { enrich: enrichOff } = buildEnrichment({ errorProperties: false });

    const result = enrichOff(errorEvent(), { originalException: connectionRefused() });

    expect(result.contexts?.error_properties).toBeUndefined();
    expect(result.tags).toEqual({ 'error.code': 'ECONNREFUSED' });
  });
});
