import vm from 'node:vm';
import type { Event, EventHint } from '@sentry/core';
import { describe, expect, it, vi } from 'vitest';
import { SentryEventFilter, type SentryEventFilterOptions } from '../../src/index.ts';
import { errorEvent } from '../helpers/events.ts';

class AuthCancelledError extends Error {
  override name = 'AuthCancelledError';
}
class SocialAuthCancelledError extends AuthCancelledError {}
class ValidationError extends Error {
  override name = 'ValidationError';
}

/** Runs the decision part of the pipeline the way a Sentry client would, with a live error. */
function decide(options: SentryEventFilterOptions, error: unknown, event?: Event) {
  const filter = new SentryEventFilter({ ...options, sensitiveLoggingEnabled: true });
  const hint: EventHint = { originalException: error };
  const result = filter.beforeSend(event ?? errorEvent(error), hint);
  return { result, filter };
}

function isDropped(options: SentryEventFilterOptions, error: unknown, event?: Event): boolean {
  return decide(options, error, event).result === null;
}

function userCausedTag(options: SentryEventFilterOptions, error: unknown): unknown {
  return decide(options, error).result?.tags?.user_caused;
}

describe('filteredOutExceptions', () => {
  describe('class entries', () => {
    it('drops instances of the class and of its subclasses', () => {
      const options = { filteredOutExceptions: [AuthCancelledError] };

      expect(isDropped(options, new AuthCancelledError('closed'))).toBe(true);
      expect(isDropped(options, new SocialAuthCancelledError('closed'))).toBe(true);
      expect(isDropped(options, new Error('closed'))).toBe(false);
    });

    it('does not drop the parent class when a subclass is listed', () => {
      const options = { filteredOutExceptions: [SocialAuthCancelledError] };

      expect(isDropped(options, new AuthCancelledError('closed'))).toBe(false);
    });

    it('drops built-in classes such as RangeError, also when thrown in another realm', () => {
      const options = { filteredOutExceptions: [RangeError] };
      const foreign = vm.runInNewContext('new RangeError("page size")') as unknown;

      expect(foreign instanceof RangeError).toBe(false);
      expect(isDropped(options, foreign)).toBe(true);
      expect(isDropped(options, new TypeError('x'))).toBe(false);
    });

    it('matches a class from another realm by its full chain of class names', () => {
      const foreign = vm.runInNewContext(`
        class AuthCancelledError extends Error {}
        class SocialAuthCancelledError extends AuthCancelledError {}
        new SocialAuthCancelledError('closed');
      `) as unknown;

      expect(isDropped({ filteredOutExceptions: [AuthCancelledError] }, foreign)).toBe(true);
      expect(isDropped({ filteredOutExceptions: [ValidationError] }, foreign)).toBe(false);
    });

    it('matches a second copy of the same class (a duplicated package)', () => {
      const makeCopy = () => {
        class AuthCancelledError extends Error {}
        return AuthCancelledError;
      };
      const CopyOne = makeCopy();
      const CopyTwo = makeCopy();

      expect(isDropped({ filteredOutExceptions: [CopyOne] }, new CopyTwo('closed'))).toBe(true);
    });

    it('does not match a same-named class from a different hierarchy', () => {
      const foreign = vm.runInNewContext(`
        class Base extends Error {}
        class AuthCancelledError extends Base {}
        new AuthCancelledError('closed');
      `) as unknown;

      expect(isDropped({ filteredOutExceptions: [AuthCancelledError] }, foreign)).toBe(false);
    });

    it('never lets a minified or empty class name act as a wildcard', () => {
      // What a minifier leaves of two unrelated classes: both are called `e`.
      const Minified = (() => class e extends Error {})();
      const Other = (() => class e extends Error {})();
      const Anonymous = (() => class extends Error {})();

      expect(isDropped({ filteredOutExceptions: [Minified] }, new Other('x'))).toBe(false);
      expect(isDropped({ filteredOutExceptions: [Minified] }, new Minified('x'))).toBe(true);
      expect(isDropped({ filteredOutExceptions: [Anonymous] }, new Error('x'))).toBe(false);
    });

    it('treats names of up to three characters as minified, whatever their case', () => {
      // esbuild gives a large bundle's classes three-character names such as `Aat` or `B9t`.
      const makeAat = () => class Aat extends Error {};
      const First = makeAat();
      const Second = makeAat();
      const foreign = vm.runInNewContext('class B9t extends Error {}; new B9t("x")') as unknown;
      const Local = (() => class B9t extends Error {})();
      const serialized = errorEvent(new Error('x'), {
        exception: { values: [{ type: 'Aat', value: 'x' }] },
      });
      // Four characters are beyond what a minifier reaches: a second copy still matches.
      const makeAuth = () => class Auth extends Error {};
      const AuthOne = makeAuth();
      const AuthTwo = makeAuth();

      expect(isDropped({ filteredOutExceptions: [First] }, new Second('x'))).toBe(false);
      expect(isDropped({ filteredOutExceptions: [Local] }, foreign)).toBe(false);
      expect(isDropped({ filteredOutExceptions: [First] }, undefined, serialized)).toBe(false);
      expect(isDropped({ filteredOutExceptions: [AuthOne] }, new AuthTwo('x'))).toBe(true);
      expect(isDropped({ filteredOutExceptions: ['Aat'] }, new First('x'))).toBe(true);
    });

    it('matches by exception type on serialized events, when no live error is at hand', () => {
      const filter = new SentryEventFilter({
        filteredOutExceptions: [AuthCancelledError],
        sensitiveLoggingEnabled: true,
      });
      const event = errorEvent(new AuthCancelledError('closed'));

      expect(filter.beforeSend(event, {})).toBeNull();
    });
  });

  describe('string entries', () => {
    it('match the error name, any class name on the chain, and a plain object name', () => {
      const options = { filteredOutExceptions: ['AuthCancelledError'] };
      const renamed = Object.assign(new Error('x'), { name: 'AuthCancelledError' });

      expect(isDropped(options, new SocialAuthCancelledError('closed'))).toBe(true);
      expect(isDropped(options, renamed)).toBe(true);
      expect(isDropped(options, { name: 'AuthCancelledError', message: 'x' })).toBe(true);
      expect(isDropped(options, new ValidationError('x'))).toBe(false);
    });

    it('match exactly and case-sensitively', () => {
      const options = { filteredOutExceptions: ['AuthCancelled'] };

      expect(isDropped(options, new AuthCancelledError('closed'))).toBe(false);
      expect(
        isDropped({ filteredOutExceptions: ['authcancellederror'] }, new AuthCancelledError('x')),
      ).toBe(false);
    });

    it('read events whose exception is the list itself, as old SDKs send it', () => {
      const filter = new SentryEventFilter({
        filteredOutExceptions: ['FileNotFound'],
        sensitiveLoggingEnabled: true,
      });
      const legacy = { exception: [{ type: 'FileNotFound', value: 'open /tmp/x' }] };

      expect(filter.beforeSend(legacy as unknown as Event)).toBeNull();
      expect(filter.stats().failures).toBe(0);
    });

    it("read events as Sentry's API returns them, with the exception in entries", () => {
      const filter = new SentryEventFilter({
        filteredOutExceptions: ['AuthCancelledError'],
        sensitiveLoggingEnabled: true,
      });
      const exported = {
        eventID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        entries: [
          { type: 'message', data: { formatted: 'sign-in cancelled' } },
          {
            type: 'exception',
            data: { values: [{ type: 'AuthCancelledError', value: 'closed' }] },
          },
        ],
      };

      expect(filter.beforeSend(exported as unknown as Event)).toBeNull();
    });

    it('match the exception type of a serialized event', () => {
      const filter = new SentryEventFilter({
        filteredOutExceptions: ['OperationalError'],
        sensitiveLoggingEnabled: true,
      });
      const event: Event = {
        exception: { values: [{ type: 'OperationalError', value: 'database is locked' }] },
      };

      expect(filter.beforeSend(event)).toBeNull();
    });
  });

  describe('predicate entries', () => {
    it('decide on anything the error carries', () => {
      const isTimeout = (error: unknown) => (error as { code?: string }).code === 'ETIMEDOUT';
      const timeout = Object.assign(new Error('socket timeout'), { code: 'ETIMEDOUT' });

      expect(isDropped({ filteredOutExceptions: [isTimeout] }, timeout)).toBe(true);
      expect(isDropped({ filteredOutExceptions: [isTimeout] }, new Error('x'))).toBe(false);
    });

    it('receive the event as their second argument', () => {
      const fromCheckout = (_error: unknown, event: Event) =>
        event.transaction === 'POST /checkout';
      const event = { ...errorEvent(new Error('x')), transaction: 'POST /checkout' };

      expect(isDropped({ filteredOutExceptions: [fromCheckout] }, new Error('x'), event)).toBe(
        true,
      );
    });

    it('receive a name and message stand-in for serialized events', () => {
      const seen: unknown[] = [];
      const filter = new SentryEventFilter({
        filteredOutExceptions: [
          (error) => {
            seen.push(error);
            return false;
          },
        ],
        sensitiveLoggingEnabled: true,
      });

      filter.beforeSend({ exception: { values: [{ type: 'KafkaError', value: 'x' }] } });

      expect(seen).toEqual([{ name: 'KafkaError', message: 'x' }]);
    });

    it('count as no match when they return a promise, which never rejects unhandled', async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      // A plain function returning a promise gets past validation, which rejects async ones.
      const lookup = (error: unknown) =>
        Promise.reject(new Error(`cannot decide on ${String((error as Error).message)}`));
      const filter = new SentryEventFilter({
        filteredOutExceptions: [lookup as never],
        sensitiveLoggingEnabled: true,
      });

      const result = filter.beforeSend(errorEvent(new Error('x')), {
        originalException: new Error('x'),
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      process.off('unhandledRejection', onUnhandled);

      expect(result).not.toBeNull();
      expect(unhandled).toEqual([]);
      expect(filter.stats().failures).toBe(1);
    });

    it('are never asked about captured messages, which are not thrown values', () => {
      const seen: unknown[] = [];
      const filter = new SentryEventFilter({
        filteredOutExceptions: [(error) => seen.push(error) > 0 && error === 'cancelled'],
        sensitiveLoggingEnabled: true,
      });
      // As the SDK hands over captureMessage('cancelled'): the message as originalException,
      // and with attachStacktrace an exception without a type that carries the stack.
      const hint: EventHint = { originalException: 'cancelled' };
      const message: Event = { message: 'cancelled', level: 'info' };
      const withStack: Event = {
        ...message,
        exception: { values: [{ value: 'cancelled', mechanism: { type: 'generic' } }] },
      };
      const thrown = errorEvent('cancelled');

      expect(filter.beforeSend(message, hint)).not.toBeNull();
      expect(filter.beforeSend(withStack, hint)).not.toBeNull();
      expect(filter.beforeSend(thrown, hint)).toBeNull();
      expect(seen).toEqual(['cancelled']);
    });

    it('count as no match when they throw, are reported once, and never break the app', () => {
      let calls = 0;
      const broken = () => {
        calls++;
        throw new Error('predicate bug');
      };
      const filter = new SentryEventFilter({
        filteredOutExceptions: [broken],
        sensitiveLoggingEnabled: true,
      });
      const event = errorEvent(new Error('x'));

      expect(filter.beforeSend(event, { originalException: new Error('x') })).not.toBeNull();
      expect(filter.beforeSend(event, { originalException: new Error('y') })).not.toBeNull();
      expect(calls).toBe(2);
      expect(filter.stats().failures).toBe(1);
    });

    it('count as no match when they answer with something but a boolean, reported once', () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const isTimeout = (error: unknown) => (error as Error).message.match(/timed out/);
      // Returns nothing where it does not match, as hand-written predicates often do.
      const isRetry = (error: unknown): true | undefined =>
        (error as Error).message === 'retry' ? true : undefined;
      const filter = new SentryEventFilter({
        filteredOutExceptions: [isTimeout as never, isRetry as never],
        debug: true,
        sensitiveLoggingEnabled: true,
      });

      try {
        for (const message of ['timed out', 'timed out again', 'other', 'retry']) {
          const error = new Error(message);
          filter.beforeSend(errorEvent(error), { originalException: error });
        }

        expect(filter.stats().dropped.event).toBe(1);
        expect(filter.stats().failures).toBe(1);
        expect(warn.mock.calls.map((call) => call.join(' '))).toEqual([
          expect.stringContaining(
            'filteredOutExceptions[0] (predicate isTimeout) returned an array, not a boolean, ' +
              'and counts as no match',
          ),
        ]);
      } finally {
        warn.mockRestore();
      }
    });

    it('are reported by the option entry that holds them', () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const isTimeout = () => {
        throw new Error('predicate bug');
      };
      const filter = new SentryEventFilter({
        userCausedExceptions: ['ValidationError', isTimeout],
        debug: true,
        sensitiveLoggingEnabled: true,
      });

      try {
        filter.beforeSend(errorEvent(new Error('x')), { originalException: new Error('x') });

        const lines = warn.mock.calls.map((call) => call.join(' '));
        expect(lines).toEqual([
          expect.stringContaining(
            'userCausedExceptions[1] (predicate isTimeout) threw and counts as no match',
          ),
        ]);
      } finally {
        warn.mockRestore();
      }
    });
  });

  describe('thrown values that are not errors', () => {
    it.each([
      ['a string', 'boom'],
      ['null', null],
      ['undefined', undefined],
      ['a number', 42],
      ['a symbol', Symbol('boom')],
      ['a promise', Promise.resolve(1)],
      ['an object without prototype', Object.create(null)],
      ['a revoked proxy', revokedProxy()],
      ['an object whose getters throw', throwingGetters()],
    ])('never crash the filter on %s', (_label, thrown) => {
      const options = {
        filteredOutExceptions: [AuthCancelledError, 'AuthCancelledError', () => false],
        userCausedExceptions: [ValidationError],
        matchCauses: true,
      };

      expect(() => decide(options, thrown)).not.toThrow();
      expect(decide(options, thrown).result).not.toBeNull();
    });
  });
});

describe('matchCauses', () => {
  const wrapped = new Error('request failed', { cause: new AuthCancelledError('closed') });

  it('is off by default: only the captured error decides', () => {
    expect(isDropped({ filteredOutExceptions: [AuthCancelledError] }, wrapped)).toBe(false);
  });

  it('follows cause, originalError and AggregateError.errors when on', () => {
    const options = { filteredOutExceptions: [AuthCancelledError], matchCauses: true };
    const graphql = Object.assign(new Error('resolver failed'), {
      originalError: new AuthCancelledError('closed'),
    });
    const aggregate = new AggregateError([new Error('a'), new AuthCancelledError('b')], 'batch');

    expect(isDropped(options, wrapped)).toBe(true);
    expect(isDropped(options, graphql)).toBe(true);
    expect(isDropped(options, aggregate)).toBe(true);
  });

  it('reads every entry of exception.values on serialized events', () => {
    const filter = new SentryEventFilter({
      filteredOutExceptions: ['AuthCancelledError'],
      matchCauses: true,
      sensitiveLoggingEnabled: true,
    });
    const event: Event = {
      exception: {
        values: [
          { type: 'AuthCancelledError', value: 'closed' },
          { type: 'Error', value: 'request failed' },
        ],
      },
    };

    expect(filter.beforeSend(event)).toBeNull();
  });

  it('survives a cycle in the cause chain', () => {
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    (first as { cause?: unknown }).cause = second;

    expect(
      isDropped({ filteredOutExceptions: [AuthCancelledError], matchCauses: true }, first),
    ).toBe(false);
  });
});

describe('userCausedExceptions', () => {
  it('tags matching events user_caused: "true"', () => {
    expect(
      userCausedTag({ userCausedExceptions: [ValidationError] }, new ValidationError('x')),
    ).toBe('true');
    expect(
      userCausedTag({ userCausedExceptions: [ValidationError] }, new Error('x')),
    ).toBeUndefined();
  });

  it('uses the configured tag name', () => {
    const { result } = decide(
      { userCausedExceptions: ['ValidationError'], userCausedTag: 'caused_by_user' },
      new ValidationError('x'),
    );

    expect(result?.tags).toMatchObject({ caused_by_user: 'true' });
    expect(result?.tags?.user_caused).toBeUndefined();
  });

  it('adds the tag in the form of a tag list, as stored and exported events hold tags', () => {
    const filter = new SentryEventFilter({ userCausedExceptions: ['ValidationError'] });
    const exception = { values: [{ type: 'ValidationError', value: 'postcode is invalid' }] };
    const stored = filter.check({
      exception,
      tags: [
        ['server_name', 'web-1'],
        ['user_caused', 'false'],
      ] as any,
    });
    const exported = filter.check({
      exception,
      tags: [{ key: 'server_name', value: 'web-1' }] as any,
    });

    expect(stored.event?.tags).toEqual([
      ['server_name', 'web-1'],
      ['user_caused', 'true'],
    ]);
    expect(exported.event?.tags).toEqual([
      { key: 'server_name', value: 'web-1' },
      { key: 'user_caused', value: 'true' },
    ]);
  });

  it('never tags a dropped event: dropping wins', () => {
    const { result, filter } = decide(
      { filteredOutExceptions: [ValidationError], userCausedExceptions: [ValidationError] },
      new ValidationError('x'),
    );

    expect(result).toBeNull();
    expect(filter.stats().tagged).toBe(0);
  });

  it('does not change the event object it was given', () => {
    const filter = new SentryEventFilter({ userCausedExceptions: [ValidationError] });
    const event = errorEvent(new ValidationError('x'));
    const before = structuredClone(event);

    filter.beforeSend(event, { originalException: new ValidationError('x') });

    expect(event).toEqual(before);
  });
});

describe('stats()', () => {
  it('counts per rule and outcome', () => {
    const filter = new SentryEventFilter({
      filteredOutExceptions: [AuthCancelledError],
      userCausedExceptions: ['ValidationError'],
      sensitiveLoggingEnabled: true,
    });
    const send = (error: Error) =>
      filter.beforeSend(errorEvent(error), { originalException: error });

    send(new AuthCancelledError('a'));
    send(new SocialAuthCancelledError('b'));
    send(new ValidationError('c'));
    send(new Error('d'));

    expect(filter.stats()).toMatchObject({
      seen: { event: 4 },
      dropped: { event: 2 },
      tagged: 1,
      rules: {
        'filteredOutExceptions: AuthCancelledError': { dropped: 2 },
        'userCausedExceptions: ValidationError': { tagged: 1 },
      },
    });
  });
});

function revokedProxy(): unknown {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function throwingGetters(): unknown {
  return Object.defineProperties(
    {},
    {
      name: {
        get() {
          throw new Error('name getter');
        },
      },
      cause: {
        get() {
          throw new Error('cause getter');
        },
      },
    },
  );
}
