import { describe, expect, it } from 'vitest';
import {
  isSentryEventFilterError,
  SentryEventFilter,
  SentryEventFilterError,
  type SentryEventFilterOptions,
} from '../../src/index.ts';

class AuthCancelledError extends Error {}

/** The error the constructor throws for these options. */
function rejection(options: unknown): SentryEventFilterError {
  try {
    new SentryEventFilter(options as SentryEventFilterOptions);
  } catch (error) {
    if (isSentryEventFilterError(error)) {
      return error;
    }
    throw error;
  }
  throw new Error('the options were accepted');
}

describe('options validation', () => {
  it('accepts no options at all, and an empty object', () => {
    expect(() => new SentryEventFilter()).not.toThrow();
    expect(() => new SentryEventFilter({})).not.toThrow();
  });

  it('accepts every documented option', () => {
    const options: Required<SentryEventFilterOptions> = {
      sensitiveLoggingEnabled: false,
      filteredOutExceptions: [AuthCancelledError, 'AbortError', () => false],
      userCausedExceptions: [RangeError],
      ignoredLoggers: ['http.security', 'worker.*'],
      matchCauses: true,
      userCausedTag: 'user_caused',
      loggerName: () => undefined,
      logger: { info() {} },
      dropLogIntervalMs: 0,
      debug: false,
      scrub: { keys: ['pin', /^x-internal-/], exemptKeys: ['token_count'], replacement: '[x]' },
      enrich: [() => undefined],
      enrichment: false,
    };

    expect(() => new SentryEventFilter(options)).not.toThrow();
  });

  it.each([
    [
      'an instance instead of a class',
      { filteredOutExceptions: [new AuthCancelledError('x')] },
      'filteredOutExceptions[0]',
      /got an instance of AuthCancelledError; expected an exception class.*pass the class itself, not an instance/,
    ],
    [
      'a plain object in an exception list',
      { userCausedExceptions: [ValidationErrorLike()] },
      'userCausedExceptions[0]',
      /exception class.*class name string.*predicate/,
    ],
    [
      'a regular expression, as Sentry ignoreErrors takes',
      { filteredOutExceptions: [/timed out/] },
      'filteredOutExceptions[0]',
      /got \/timed out\/; expected .*to match messages, write a predicate such as `\(error\) => \/timed out\/\.test/,
    ],
    [
      'Object as an exception class',
      { filteredOutExceptions: [Object] },
      'filteredOutExceptions[0]',
      /would match every thrown object/,
    ],
    [
      'an empty class name',
      { filteredOutExceptions: [''] },
      'filteredOutExceptions[0]',
      /not an empty string/,
    ],
    ['an empty logger name', { ignoredLoggers: [''] }, 'ignoredLoggers[0]', /empty name/],
    [
      'a logger name with a trailing dot',
      { ignoredLoggers: ['http.'] },
      'ignoredLoggers[0]',
      /dots only separate name parts/,
    ],
    [
      'a malformed glob',
      { ignoredLoggers: ['worker.[a-z'] },
      'ignoredLoggers[0]',
      /glob is malformed/,
    ],
    [
      'an extended glob',
      { ignoredLoggers: ['@(cron|queue).*'] },
      'ignoredLoggers[0]',
      /extended globs such as `@\(a\|b\)` are not supported; braces are: `\{a,b\}`/,
    ],
    [
      'a glob with a stray brace',
      { ignoredLoggers: ['worker.*}'] },
      'ignoredLoggers[0]',
      /a `\}` without its `\{`/,
    ],
    [
      'braces with one alternative',
      { ignoredLoggers: ['{worker}.*'] },
      'ignoredLoggers[0]',
      /braces need two alternatives or more/,
    ],
    [
      'a glob ending in a lone backslash',
      { ignoredLoggers: ['worker.*\\'] },
      'ignoredLoggers[0]',
      /ends with a `\\` that escapes nothing/,
    ],
    [
      'a backwards range',
      { ignoredLoggers: ['db.[z-a]'] },
      'ignoredLoggers[0]',
      /the range `z-a` runs backwards/,
    ],
    [
      'a POSIX character class',
      { ignoredLoggers: ['[[:alpha:]]*'] },
      'ignoredLoggers[0]',
      /character classes such as `\[\[:alpha:\]\]` are not supported/,
    ],
    [
      'braces that stand for too many names',
      { ignoredLoggers: ['{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}'] },
      'ignoredLoggers[0]',
      /braces stand for more than 256 names/,
    ],
    ['a logger name that is not a string', { ignoredLoggers: [42] }, 'ignoredLoggers[0]', /got 42/],
    [
      'a string where a list is expected',
      { ignoredLoggers: 'http.security' },
      'ignoredLoggers',
      /got "http.security"; expected an array of logger names/,
    ],
    [
      'a string where a boolean is expected',
      { sensitiveLoggingEnabled: 'false' },
      'sensitiveLoggingEnabled',
      /got "false"; expected `true` or `false`/,
    ],
    [
      'a tag name Sentry would reject',
      { userCausedTag: 'user caused!' },
      'userCausedTag',
      /tag name of 1 to 32/,
    ],
    [
      'a negative interval',
      { dropLogIntervalMs: -1 },
      'dropLogIntervalMs',
      /got -1; expected a number of milliseconds, zero or more/,
    ],
    ['a logger without info', { logger: {} }, 'logger', /`info` method/],
    [
      'an async predicate',
      { filteredOutExceptions: [async () => true] },
      'filteredOutExceptions[0]',
      /not an async function; the filter decides before the event is sent/,
    ],
    [
      'a class as an enricher',
      { enrich: [class TenantEnricher {}] },
      'enrich[0]',
      /got class TenantEnricher; expected an enricher function .*, not a class; a class cannot/,
    ],
    [
      'a class as the logger name resolver',
      { loggerName: class LoggerNames {} },
      'loggerName',
      /got class LoggerNames; expected a function .*, not a class/,
    ],
    [
      'an async logger name resolver',
      { loggerName: async () => 'x' },
      'loggerName',
      /not an async function/,
    ],
    [
      'the name Object',
      { userCausedExceptions: ['Object'] },
      'userCausedExceptions[0]',
      /would match every thrown object/,
    ],
    ['a key name without words', { scrub: { keys: ['--'] } }, 'scrub.keys[0]', /letter or digit/],
    [
      'a negated logger pattern',
      { ignoredLoggers: ['!noisy'] },
      'ignoredLoggers[0]',
      /negation is not supported/,
    ],
    [
      'an unknown detector',
      { scrub: { detectors: { phoneNumber: false } } },
      'scrub.detectors.phoneNumber',
      /Unknown option/,
    ],
    [
      'a list where scrubbing options are expected',
      { scrub: [] },
      'scrub',
      /got an array of 0; expected an object of scrubbing options/,
    ],
    [
      'a list where detector switches are expected',
      { scrub: { detectors: [] } },
      'scrub.detectors',
      /got an array of 0; expected an object of detector switches/,
    ],
    [
      'a list where enricher switches are expected',
      { enrichment: [] },
      'enrichment',
      /got an array of 0; expected `false` or an object of built-in enricher switches/,
    ],
    [
      'a Map where enricher switches are expected',
      { enrichment: new Map([['job', false]]) },
      'enrichment',
      /got an instance of Map; expected `false` or an object of built-in enricher switches/,
    ],
  ])('rejects %s, naming the option and the value', (_label, options, where, message) => {
    const error = rejection(options);

    expect(error).toBeInstanceOf(SentryEventFilterError);
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.where).toBe(where);
    expect(error.message).toContain(`\`${where}\``);
    expect(error.message).toMatch(message);
  });

  it('rejects an unknown option and suggests the one that was meant', () => {
    const error = rejection({ ignoreLoggers: ['http.security'] });

    expect(error.message).toMatch(
      /Unknown option `ignoreLoggers`\. Did you mean `ignoredLoggers`\?/,
    );
  });

  it.each([
    ['ip', 'ipAddress'],
    ['cc', 'creditCard'],
    ['card', 'creditCard'],
    ['ssn', 'usSocialSecurityNumber'],
    ['private', 'privateKey'],
  ])('suggests the one detector that `%s` shortens: `%s`', (key, meant) => {
    const error = rejection({ scrub: { detectors: { [key]: false } } });

    expect(error.message).toContain(
      `Unknown option \`scrub.detectors.${key}\`. Did you mean \`${meant}\`?`,
    );
  });

  it.each([
    ['a short key that shortens no name', 'at'],
    ['a key that shortens several names', 'key'],
    ['a single letter', 'e'],
    ['two letters inside a name', 'le'],
  ])('suggests nothing for %s (`%s`)', (_label, key) => {
    const detector = rejection({ scrub: { detectors: { [key]: false } } });
    const option = rejection({ [key]: true });

    for (const error of [detector, option]) {
      expect(error.message).toMatch(/Unknown option `[^`]+`\. Known options here: /);
    }
  });

  it('points `ignoreErrors` to `filteredOutExceptions`, which matches classes, not text', () => {
    const error = rejection({ ignoreErrors: ['AuthCancelledError'] });

    expect(error.message).toContain(
      'Unknown option `ignoreErrors`. Did you mean `filteredOutExceptions`? It matches ' +
        'exception classes and class names, not message text',
    );
  });

  it.each(['denyUrls', 'allowUrls', 'beforeSend'])(
    'says that `%s` is an option of Sentry.init, not of the filter',
    (name) => {
      const error = rejection({ [name]: [] });

      expect(error.message).toContain(
        `Unknown option \`${name}\`. It is an option of \`Sentry.init\`, not of the filter.`,
      );
    },
  );

  it('names every bad option at once, each once, the first as `where`', () => {
    const error = rejection({
      ignoreLoggers: ['http.security'],
      ignoredLoggers: ['bad name'],
      filteredOutExceptions: [{}],
      scrub: { replacement: '' },
    });
    const lines = error.message.split('\n');

    expect(lines[0]).toMatch(/^Invalid option `(ignoredLoggers\[0\]|filteredOutExceptions\[0\])`/);
    expect(error.where).toBe(lines[0]?.match(/`([^`]+)`/)?.[1]);
    expect(lines[1]).toBe('3 more problems:');
    for (const path of [
      'ignoredLoggers[0]',
      'filteredOutExceptions[0]',
      'scrub.replacement',
      'ignoreLoggers',
    ]) {
      expect(lines.filter((line) => line.includes(`\`${path}\``))).toHaveLength(1);
    }
  });

  it('rejects something that is not an options object', () => {
    expect(rejection('strict').message).toMatch(/got "strict"; expected an options object/);
    expect(rejection(null).message).toMatch(/got null; expected an options object/);
    expect(rejection([]).message).toMatch(/got an array of 0; expected an options object/);
    expect(rejection(new Map([['debug', true]])).message).toMatch(
      /got an instance of Map; expected an options object/,
    );
  });

  it('reads each option once, so what was checked is what is used', () => {
    let reads = 0;
    const filter = new SentryEventFilter({
      get ignoredLoggers() {
        reads++;
        return reads === 1 ? ['noisy'] : [];
      },
    });

    expect(filter.beforeBreadcrumb({ category: 'noisy', message: 'x' })).toBeNull();
    expect(reads).toBe(1);
  });

  it('rejects a revoked proxy given as the options', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();

    expect(rejection(proxy).message).toBe(
      'Invalid options: got a value that cannot be read (a revoked proxy); expected an options ' +
        'object.',
    );
  });

  it('takes options from a proxy that throws when asked for its tag', () => {
    // Configuration libraries guard against typos this way; asking such a proxy for its tag
    // must not make it look like something other than options.
    const options = new Proxy<Record<PropertyKey, unknown>>(
      { debug: false },
      {
        get: (target, key) => (key in target || typeof key === 'string' ? target[key] : fail()),
      },
    );
    function fail(): never {
      throw new Error('unknown key');
    }

    expect(() => new SentryEventFilter(options)).not.toThrow();
  });

  it('is recognised by the guard, also across package copies', () => {
    const lookalike = Object.assign(new Error('x'), {
      name: 'SentryEventFilterError',
      code: 'INVALID_OPTION',
    });

    expect(isSentryEventFilterError(lookalike)).toBe(true);
    expect(isSentryEventFilterError(new TypeError('x'))).toBe(false);
    expect(isSentryEventFilterError(null)).toBe(false);
  });
});

function ValidationErrorLike(): unknown {
  return { name: 'ValidationError' };
}
