/* biome-ignore-all lint/suspicious/noExplicitAny: tests read free-form payloads */
import { type Breadcrumb, createEnvelope, type Log, type SerializedLog } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { type Removal, SentryEventFilter } from '../../src/index.ts';
import { makeScrubber, scrubEvent, sent } from './helpers.ts';

// A message's parameters are sent apart from the message: as log attributes, in
// `logentry.params`, in captureConsole's `extra.arguments`, in console breadcrumbs. The
// message is scrubbed as text; each parameter is judged by where it stands in the template.

const F = '[Filtered]';
const TEMPLATE = 'sentry.message.template';
const parameter = (index: number | string) => `sentry.message.parameter.${index}`;

/** A log record as `logger.fmt` or a console integration makes it, as serialized. */
function serializedLog(template: string, parameters: unknown[], body: string): SerializedLog {
  const attributes: Record<string, unknown> = { [TEMPLATE]: { value: template, type: 'string' } };
  parameters.forEach((value, index) => {
    const type = typeof value === 'number' ? 'integer' : 'string';
    attributes[parameter(index)] = { value, type };
  });
  return { timestamp: 1, level: 'info', body, attributes } as SerializedLog;
}

function scrubSerialized(template: string, parameters: unknown[], body: string) {
  const { scrubber, removed } = makeScrubber();
  const removals: Removal[] = [];
  const log = scrubber.log(serializedLog(template, parameters, body) as any, removals) as any;
  const values = parameters.map((_, index) => log.attributes[parameter(index)].value);
  return { log, values, removed, removals };
}

describe('log parameters', () => {
  it('replaces a parameter that stands after a sensitive key in the template', () => {
    const { log, values, removals } = scrubSerialized(
      'login for bob password=%s',
      ['PW-EXAMPLE-1'],
      'login for bob password=PW-EXAMPLE-1',
    );
    expect(values).toEqual([F]);
    expect(log.body).toBe(`login for bob password=${F}`);
    expect(removals.map((removal) => removal.path)).toContain(
      `attributes["${parameter(0)}"].value`,
    );
    expect(sent(log)).not.toContain('PW-EXAMPLE-1');
  });

  it("reads the console integrations' template: the first argument, then {} per parameter", () => {
    const { log, values } = scrubSerialized(
      'api call with token: {}',
      ['TOK-EXAMPLE-2'],
      'api call with token: TOK-EXAMPLE-2',
    );
    expect(values).toEqual([F]);
    expect(log.body).toBe(`api call with token: ${F}`);
  });

  it('takes braces in the first console argument as text', () => {
    const { values } = scrubSerialized(
      'payload {} then password: {}',
      ['PW-EXAMPLE-3'],
      'payload {} then password: PW-EXAMPLE-3',
    );
    expect(values).toEqual([F]);
  });

  it('leaves parameters that stand after innocent words', () => {
    const { log, values, removed } = scrubSerialized(
      'order {} shipped to {}',
      [1234, 'Berlin'],
      'order 1234 shipped to Berlin',
    );
    expect(values).toEqual([1234, 'Berlin']);
    expect(log.body).toBe('order 1234 shipped to Berlin');
    expect(removed).toEqual([]);
  });

  it('turns a replaced number into a string attribute', () => {
    const { log } = scrubSerialized('pin={}', [4321], 'pin=4321');
    expect(log.attributes[parameter(0)]).toEqual({ value: F, type: 'string' });
  });

  it('records each replaced parameter in _meta with its rule and length', () => {
    const { scrubber } = makeScrubber();
    const log = serializedLog('the secret=%s', ['S-EXAMPLE-4'], 'the secret=S-EXAMPLE-4');
    const [, [[, container]]] = scrubber.envelope(
      createEnvelope({}, [[{ type: 'log' }, { items: [log] }]] as any),
    ) as any;
    expect(container.items[0]._meta.attributes[parameter(0)].value).toEqual({
      '': { rem: [['@keyvalue:filter', 's', 0, F.length]], len: 11 },
    });
  });

  it('replaces every parameter a finding runs across: a card number split over four', () => {
    const { log, values } = scrubSerialized(
      'card {} {} {} {}',
      ['4111', '1111', '1111', '1111'],
      'card 4111 1111 1111 1111',
    );
    expect(values).toEqual([F, F, F, F]);
    expect(sent(log)).not.toMatch(/4111/);
  });

  it('replaces the part of an address that a parameter holds', () => {
    const { values } = scrubSerialized(
      'mail sent to {}@example.com',
      ['jane.doe'],
      'mail sent to jane.doe@example.com',
    );
    expect(values).toEqual([F]);
  });

  it('replaces the password of a URL built from the template', () => {
    const { values } = scrubSerialized(
      'connect https://app:%s@db.example.com/orders',
      ['DB-EXAMPLE-5'],
      'connect https://app:DB-EXAMPLE-5@db.example.com/orders',
    );
    expect(values).toEqual([F]);
  });

  it('keeps the shape of a parameter whose own finding the detectors replaced', () => {
    const { values } = scrubSerialized(
      'user {} says hi',
      ['jane@example.com and bob'],
      'user jane@example.com and bob says hi',
    );
    expect(values).toEqual([`${F} and bob`]);
  });

  it('rebuilds the body when only the template shows the parameter is a secret', () => {
    // `:name` reads as a SQL placeholder in text, so the body alone keeps it.
    const { log, values, removals } = scrubSerialized(
      'login password=%s',
      [':hunter2x'],
      'login password=:hunter2x',
    );
    expect(values).toEqual([F]);
    expect(log.body).toBe(`login password=${F}`);
    expect(removals.map((removal) => removal.path)).toContain('body');
  });

  it('reads `%%` as a percent sign, as Sentry writes it in a template', () => {
    const { values, log } = scrubSerialized(
      '100%% done, password=%s',
      [':x-EXAMPLE'],
      '100% done, password=:x-EXAMPLE',
    );
    expect(values).toEqual([F]);
    expect(log.body).toBe(`100% done, password=${F}`);
  });

  it('judges the same template the same way each time', () => {
    const { scrubber } = makeScrubber();
    const first = scrubber.log(serializedLog('token=%s', ['A-1'], 'token=A-1') as any) as any;
    const second = scrubber.log(serializedLog('token=%s', ['B-2'], 'token=B-2') as any) as any;
    expect(first.attributes[parameter(0)].value).toBe(F);
    expect(second.attributes[parameter(0)].value).toBe(F);
  });

  it('scrubs log records as beforeSendLog sees them, without changing the given record', () => {
    const { scrubber } = makeScrubber();
    const attributes = Object.freeze({
      [TEMPLATE]: 'login password=%s',
      [parameter(0)]: 'PW-EXAMPLE-6',
      'sentry.origin': 'manual',
    });
    const log: Log = Object.freeze({
      level: 'info',
      message: 'login password=PW-EXAMPLE-6',
      attributes,
    });
    const scrubbed = scrubber.log(log);
    expect(scrubbed.attributes?.[parameter(0)]).toBe(F);
    expect(scrubbed.message).toBe(`login password=${F}`);
    expect(attributes[parameter(0)]).toBe('PW-EXAMPLE-6');
  });

  it('reads a parameterized message given as a String object', () => {
    const { scrubber } = makeScrubber();
    const message = Object.assign(new String('password=:pw-EXAMPLE'), {
      __sentry_template_string__: 'password=%s',
      __sentry_template_values__: [':pw-EXAMPLE'],
    });
    const scrubbed = scrubber.log({
      level: 'info',
      message: message as any,
      attributes: { [TEMPLATE]: 'password=%s', [parameter(0)]: ':pw-EXAMPLE' },
    });
    expect(scrubbed.message).toBe(`password=${F}`);
    expect(sent(scrubbed)).not.toContain('pw-EXAMPLE');
  });

  it('returns the same record when a template has nothing to say about its parameters', () => {
    const { scrubber } = makeScrubber();
    const log = serializedLog('order {} shipped', ['1234'], 'order 1234 shipped');
    expect(scrubber.log(log as any)).toBe(log);
  });

  it('replaces an object parameter that stands after a sensitive key', () => {
    const { scrubber } = makeScrubber();
    const scrubbed = scrubber.log({
      level: 'info',
      message: 'credentials: { user: "bob" }',
      attributes: { [TEMPLATE]: 'credentials: {}', [parameter(0)]: { user: 'bob' } },
    });
    expect(scrubbed.attributes?.[parameter(0)]).toBe(F);
  });

  it('reads only the ends of huge templates and parameters around each placeholder', () => {
    const filler = 'x'.repeat(1_000_000);
    const { values } = scrubSerialized(
      `${filler} password=%s ${filler} note=%s`,
      [`PW-${filler}`, `${filler} 4111 1111 1111 1111`],
      'body',
    );
    expect(values[0]).toBe(F);
    // Cut by the scrubber where it cuts long strings, and judged innocent where it stands.
    expect(values[1]).toMatch(/^x+\.\.\.$/);
  });

  it('counts each replaced parameter', () => {
    const { removed } = scrubSerialized('password=%s', ['PW-EXAMPLE-7'], 'password=PW-EXAMPLE-7');
    // Once in the body, once for the parameter.
    expect(removed).toHaveLength(2);
  });
});

describe('logentry', () => {
  it('replaces params after a sensitive key: captureMessage(parameterize`...`)', () => {
    const { event, removals } = scrubEvent({
      logentry: { message: 'retry for bob password=%s', params: ['PW-EXAMPLE-8'] },
      exception: { values: [{ type: 'Error', value: 'retry for bob password=PW-EXAMPLE-8' }] },
    });
    expect((event.logentry as any).params).toEqual([F]);
    expect((event.exception as any).values[0].value).toBe(`retry for bob password=${F}`);
    expect(removals.map((removal) => removal.path)).toContain('logentry.params[0]');
    expect((event as any)._meta.logentry.params['0']['']).toMatchObject({ len: 12 });
  });

  it('reads params by name (`%(name)s`) and by position (`{0}`)', () => {
    const byName = scrubEvent({
      logentry: {
        message: 'login %(user)s with %(pw)s as password=%(pw)s',
        params: { user: 'bob', pw: 'PW-EXAMPLE-9' },
      },
    });
    expect((byName.event.logentry as any).params).toEqual({ user: 'bob', pw: F });

    const byPosition = scrubEvent({
      logentry: { message: 'user {1} token={0}', params: ['TOK-EXAMPLE-10', 'bob'] },
    });
    expect((byPosition.event.logentry as any).params).toEqual([F, 'bob']);
  });

  it('rebuilds `formatted` when only the template shows the parameter is a secret', () => {
    const { event } = scrubEvent({
      logentry: {
        message: 'password=%s for %s',
        params: [':pw-EXAMPLE', 'bob'],
        formatted: 'password=:pw-EXAMPLE for bob',
      },
    });
    expect(event.logentry).toEqual({
      message: 'password=%s for %s',
      params: [F, 'bob'],
      formatted: `password=${F} for bob`,
    });
  });

  it('covers the legacy names and a message given as an object', () => {
    for (const name of ['sentry.interfaces.Message', 'message']) {
      const { event } = scrubEvent({
        [name]: { message: 'api_key=%s', params: ['AK-EXAMPLE-11'] },
      });
      expect((event as any)[name].params).toEqual([F]);
    }
  });

  it('leaves an event without params as it was', () => {
    const input = { logentry: { message: 'all good' }, message: 'all good' };
    expect(scrubEvent(input).event).toBe(input);
  });
});

describe("captureConsole's arguments", () => {
  it('judges the arguments by the first one and rebuilds the message it joined', () => {
    const input = Object.freeze({
      level: 'error',
      logger: 'console',
      message: 'password=%s PW-EXAMPLE-12',
      extra: Object.freeze({ arguments: Object.freeze(['password=%s', 'PW-EXAMPLE-12']) }),
      exception: { values: [{ type: 'Error', value: 'password=%s PW-EXAMPLE-12' }] },
    });
    const { event } = scrubEvent(input);
    expect((event.extra as any).arguments).toEqual(['password=%s', F]);
    expect(event.message).toBe(`password=%s ${F}`);
    expect((event.exception as any).values[0].value).toBe(`password=%s ${F}`);
    expect(sent(event)).not.toContain('PW-EXAMPLE-12');
    expect(input.extra.arguments[1]).toBe('PW-EXAMPLE-12');
  });

  it('judges arguments that follow a first one without placeholders', () => {
    const { event } = scrubEvent({
      message: 'api call with token: TOK-EXAMPLE-13 200',
      extra: { arguments: ['api call with token:', 'TOK-EXAMPLE-13', 200] },
    });
    expect((event.extra as any).arguments).toEqual(['api call with token:', F, 200]);
    expect(event.message).toBe(`api call with token: ${F} 200`);
  });
});

describe('console breadcrumbs', () => {
  it('judges data.arguments by the first argument, as beforeBreadcrumb sees them', () => {
    const { scrubber } = makeScrubber();
    const breadcrumb: Breadcrumb = {
      category: 'console',
      level: 'log',
      message: 'secret: :S-EXAMPLE-14',
      data: { arguments: ['secret:', ':S-EXAMPLE-14'], logger: 'console' },
    };
    const scrubbed = scrubber.breadcrumb(breadcrumb);
    expect(scrubbed.data?.arguments).toEqual(['secret:', F]);
    expect(scrubbed.message).toBe(`secret: ${F}`);
  });

  it('judges the breadcrumbs that come with an event', () => {
    const { event } = scrubEvent({
      breadcrumbs: {
        values: [
          { category: 'console', message: 'ready' },
          {
            category: 'console',
            message: 'token=TOK-EXAMPLE-15',
            data: { arguments: ['token=%s', 'TOK-EXAMPLE-15'] },
          },
        ],
      },
    });
    const [first, second] = (event.breadcrumbs as any).values;
    expect(first).toEqual({ category: 'console', message: 'ready' });
    expect(second.data.arguments).toEqual(['token=%s', F]);
    expect(second.message).toBe(`token=${F}`);
  });
});

describe('the parameters of a message option', () => {
  it('follow the keys and detectors the scrubber is configured with', () => {
    const custom = makeScrubber({ keys: ['pin'] }).scrubber;
    const log = custom.log(serializedLog('card pin {}', ['9876'], 'card pin 9876') as any) as any;
    // `pin 9876` is no pair: only a key and separator make the template speak.
    expect(log.attributes[parameter(0)].value).toBe('9876');

    const pair = custom.log(serializedLog('pin={}', ['9876'], 'pin=9876') as any) as any;
    expect(pair.attributes[parameter(0)].value).toBe(F);

    const off = makeScrubber({ detectors: { keyValuePairs: false, urlParameters: false } });
    const kept = off.scrubber.log(
      serializedLog('password=%s', ['PW-EXAMPLE-16'], 'password=PW-EXAMPLE-16') as any,
    ) as any;
    expect(kept.attributes[parameter(0)].value).toBe('PW-EXAMPLE-16');
  });
});

describe('a site that cannot be read again', () => {
  /** An object whose `key` reads `value` once, then throws. */
  function readOnce<T extends object>(target: T, key: string, value: unknown): T {
    let reads = 0;
    return Object.defineProperty(target, key, {
      enumerable: true,
      get() {
        reads++;
        if (reads > 1) {
          throw new Error('read twice');
        }
        return value;
      },
    });
  }

  it('replaces its parameters whole when the template cannot be read again', () => {
    const { event, failures, removed } = scrubEvent({
      logentry: readOnce({ params: ['jane@example.com', ':PW-EXAMPLE-17'] }, 'message', 'a'),
    });
    expect((event.logentry as any).params).toEqual([F, F]);
    expect(failures).toHaveLength(1);
    expect(removed).toContain('@unreadable:filter');
  });

  it('never sends a parameter it could not judge', () => {
    const filter = new SentryEventFilter();
    const args = readOnce(['password=%s'], '1', 'PW-EXAMPLE-18');
    const event = filter.beforeSend({
      message: 'password=%s PW-EXAMPLE-18',
      extra: { arguments: args },
    });
    expect(sent(event)).not.toContain('PW-EXAMPLE-18');
    expect(filter.stats().failures).toBeGreaterThan(0);
  });
});
