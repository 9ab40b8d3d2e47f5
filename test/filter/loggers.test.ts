import type { Event, Log } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter, type SentryEventFilterOptions } from '../../src/index.ts';
import { loggerBreadcrumb, loggerEvent, pinoLog } from '../helpers/events.ts';

function filterWith(options: SentryEventFilterOptions): SentryEventFilter {
  return new SentryEventFilter({ sensitiveLoggingEnabled: true, ...options });
}

function isEventDropped(ignoredLoggers: string[], event: Event): boolean {
  return filterWith({ ignoredLoggers }).beforeSend(event) === null;
}

describe('ignoredLoggers', () => {
  describe.each([
    // pattern, logger name, dropped
    ['http.security', 'http.security', true],
    ['http.security', 'http.security.disallowed_host', true],
    ['http.security', 'http.security.csrf.token', true],
    ['http.security', 'http.securityaudit', false],
    ['http.security', 'app.http.security', false],
    ['http.security', 'http', false],
    ['http.security', 'HTTP.Security', false],
    ['worker.*', 'worker.email', true],
    ['worker.*', 'worker.email.retry', true],
    ['worker.*', 'worker', false],
    ['worker.*', 'workers.email', false],
    ['*.audit', 'billing.audit', true],
    ['{cron,queue}.heartbeat', 'queue.heartbeat', true],
    ['{cron,queue}.heartbeat', 'http.heartbeat', false],
    ['@acme/payments', '@acme/payments.http', true],
    ['@acme/payments', '@acme/paymentsx', false],
    ['app(1)', 'app(1)', true],
    ['app(1)', 'app1', false],
  ])('%s against %s', (pattern, name, dropped) => {
    it(dropped ? 'drops the event' : 'keeps the event', () => {
      expect(isEventDropped([pattern], loggerEvent(name))).toBe(dropped);
    });
  });

  describe.each([
    // pattern, logger name, dropped
    ['worker.*', 'worker.email/smtp', false],
    ['worker.**', 'worker.email/smtp', true],
    ['a?b', 'a/b', false],
    ['db.[a-c]', 'db.b', true],
    ['db.[a-c]', 'db.d', false],
    ['db.[!a-c]', 'db.d', true],
    ['db.[^a-c]', 'db.a', false],
    ['db.[]x]', 'db.]', true],
    ['{cron,{queue,jobs}}.beat', 'jobs.beat', true],
    ['{cron,{queue,jobs}}.beat', 'queue.beat', true],
    ['{cron,}beat', 'beat', true],
    ['metrics\\*', 'metrics*', true],
    ['metrics\\*', 'metrics.cpu', false],
    ['[.]x', '.x', true],
    // An ignored logger takes its children with it, matched by a glob as by a name.
    ['*.security', 'http.security.csrf', true],
    ['*.security', 'http.securityaudit', false],
    ['{cron,queue}.heartbeat', 'queue.heartbeat.late', true],
    ['db.[ab]', 'db.a.pool', true],
    ['db.[ab]', 'db.ab', false],
    ['w?rker', 'worker.retry', true],
    ['w?rker', 'workers', false],
  ])('glob %s against %s', (pattern, name, dropped) => {
    it(dropped ? 'drops the event' : 'keeps the event', () => {
      expect(isEventDropped([pattern], loggerEvent(name))).toBe(dropped);
    });
  });

  it('matches globs against long names in one pass, however many stars they have', () => {
    // A backtracking regular expression for these globs would not finish on these names.
    const names = ['a'.repeat(50_000), 'a.'.repeat(25_000), `${'a.'.repeat(25_000)}x`];
    const filter = filterWith({ ignoredLoggers: ['*a*a*a*a*a*b', '*.*.*.*.y', '*.*.*.*.x'] });

    const dropped = names.map((name) => filter.check(loggerEvent(name)).droppedBy);

    expect(dropped).toEqual([undefined, undefined, 'ignoredLoggers: *.*.*.*.x']);
  });

  it('keeps events without a logger or with an empty one', () => {
    expect(isEventDropped(['http.security'], { message: 'x' })).toBe(false);
    expect(isEventDropped(['http.security'], loggerEvent(''))).toBe(false);
  });

  it('drops exception events from an ignored logger too', () => {
    const event: Event = {
      logger: 'http.security.csrf',
      exception: { values: [{ type: 'CsrfError', value: 'token mismatch' }] },
    };

    expect(isEventDropped(['http.security'], event)).toBe(true);
  });

  describe('pino', () => {
    it('uses the pino logger name the SDK keeps in contexts.pino', () => {
      const event: Event = {
        message: 'csrf token mismatch',
        contexts: { pino: { name: 'http.security.csrf', msg: 'csrf token mismatch' } },
      };

      expect(isEventDropped(['http.security'], event)).toBe(true);
      expect(isEventDropped(['billing'], event)).toBe(false);
    });

    it('treats "pino" as the name of every pino logger', () => {
      const event: Event = { logger: 'pino', contexts: { pino: { name: 'billing' } } };

      expect(isEventDropped(['pino'], event)).toBe(true);
    });

    it('does not invent a name when the event only says "pino"', () => {
      expect(isEventDropped(['http.security'], loggerEvent('pino'))).toBe(false);
    });

    it('drops log records by the pino name attribute', () => {
      const filter = filterWith({ ignoredLoggers: ['http.security'] });

      expect(filter.beforeSendLog(pinoLog('http.security.csrf'))).toBeNull();
      expect(filter.beforeSendLog(pinoLog('billing.worker'))).not.toBeNull();
      expect(filter.stats().dropped.log).toBe(1);
    });
  });

  describe('log records', () => {
    it.each([
      ['logger.name attribute', { 'logger.name': 'http.security.csrf' }, true],
      ['pino.logger.name attribute', { 'pino.logger.name': 'http.security.csrf' }, true],
      ['console logging', { 'sentry.origin': 'auto.log.console' }, false],
      ['no logger at all', {}, false],
    ])('reads the %s', (_label, attributes, dropped) => {
      const filter = filterWith({ ignoredLoggers: ['http.security'] });
      const log: Log = { level: 'info', message: 'x', attributes };

      expect(filter.beforeSendLog(log) === null).toBe(dropped);
    });

    it('drops console log records when "console" is ignored', () => {
      const filter = filterWith({ ignoredLoggers: ['console'] });
      const log: Log = {
        level: 'info',
        message: 'x',
        attributes: { 'sentry.origin': 'auto.log.console' },
      };

      expect(filter.beforeSendLog(log)).toBeNull();
    });

    it('drops serialized records in envelopes and keeps the others', () => {
      const filter = filterWith({ ignoredLoggers: ['http.security'] });
      const record = (name: string) => ({
        timestamp: 1,
        level: 'warn' as const,
        body: 'x',
        attributes: { 'pino.logger.name': { value: name, type: 'string' } },
      });
      const envelope = [
        {},
        [
          [
            { type: 'log', item_count: 2 },
            { items: [record('http.security.csrf'), record('billing')] },
          ],
        ],
      ];

      const result = filter.checkEnvelope(envelope as never);

      expect(result.items[0]?.droppedRecords).toEqual([
        { index: 0, rule: 'ignoredLoggers: http.security' },
      ]);
      const [, items] = result.envelope as unknown as [
        unknown,
        [{ item_count: number }, { items: unknown[] }][],
      ];
      expect(items[0]?.[1].items).toHaveLength(1);
      expect(items[0]?.[0].item_count).toBe(1);
    });
  });

  describe('breadcrumbs', () => {
    it("leaves the SDK's own instrumentation breadcrumbs alone", () => {
      const filter = filterWith({ ignoredLoggers: ['http', 'ui', 'console'] });

      expect(filter.beforeBreadcrumb({ type: 'http', category: 'http', data: {} })).not.toBeNull();
      expect(filter.beforeBreadcrumb({ type: 'ui', category: 'ui.click' })).not.toBeNull();
      expect(filter.beforeBreadcrumb({ category: 'console', message: 'x' })).toBeNull();
    });

    it("drops the filter's own notices when they come back as console breadcrumbs", () => {
      const filter = filterWith({ logger: { info() {} } });
      const notice = '[sentry-event-filter] dropped event 123: ignoredLoggers: http.security';
      const event: Event = {
        message: 'checkout failed',
        breadcrumbs: [{ category: 'console', message: notice }, loggerBreadcrumb('checkout')],
      };

      expect(filter.beforeBreadcrumb({ category: 'console', message: notice })).toBeNull();
      expect(filter.beforeSend(event)?.breadcrumbs?.map((b) => b.category)).toEqual(['checkout']);
    });

    it('drops breadcrumbs whose category is an ignored logger', () => {
      const filter = filterWith({ ignoredLoggers: ['http.security'] });

      expect(filter.beforeBreadcrumb(loggerBreadcrumb('http.security.csrf'))).toBeNull();
      expect(filter.beforeBreadcrumb(loggerBreadcrumb('http'))).not.toBeNull();
    });

    it('removes them from events that are sent', () => {
      const filter = filterWith({ ignoredLoggers: ['http.security'] });
      const event: Event = {
        message: 'checkout failed',
        breadcrumbs: [loggerBreadcrumb('http.security.csrf'), loggerBreadcrumb('checkout')],
      };

      const result = filter.beforeSend(event);

      expect(result?.breadcrumbs?.map((breadcrumb) => breadcrumb.category)).toEqual(['checkout']);
      expect(event.breadcrumbs).toHaveLength(2);
    });
  });

  describe('loggerName', () => {
    it('names the logger for setups the filter does not know', () => {
      const filter = filterWith({
        ignoredLoggers: ['audit'],
        loggerName: (source) =>
          source.kind === 'event' ? (source.event.extra?.channel as string | undefined) : undefined,
      });

      expect(filter.beforeSend({ message: 'x', extra: { channel: 'audit' } })).toBeNull();
      expect(filter.beforeSend({ message: 'x', extra: { channel: 'app' } })).not.toBeNull();
    });

    it('falls back to the built-in lookup when it returns nothing or throws', () => {
      const filter = filterWith({
        ignoredLoggers: ['http.security'],
        loggerName: () => {
          throw new Error('resolver bug');
        },
      });

      expect(filter.beforeSend(loggerEvent('http.security'))).toBeNull();
      expect(filter.stats().failures).toBe(1);
    });
  });
});
