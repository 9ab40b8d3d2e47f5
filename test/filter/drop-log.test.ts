import type { Event } from '@sentry/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { errorEvent, loggerEvent, pinoLog } from '../helpers/events.ts';

class AuthCancelledError extends Error {
  override name = 'AuthCancelledError';
}

function recordingLogger() {
  const lines: unknown[][] = [];
  return { lines, logger: { info: (...args: unknown[]) => lines.push(args) } };
}

function dropAuthCancelled(filter: SentryEventFilter, eventId: string, message = 'closed'): void {
  const error = new AuthCancelledError(message);
  filter.beforeSend({ ...errorEvent(error), event_id: eventId }, { originalException: error });
}

describe('drop notices', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('write one line naming the rule and the event id, and no event data', () => {
    const { lines, logger } = recordingLogger();
    const filter = new SentryEventFilter({ filteredOutExceptions: [AuthCancelledError], logger });

    dropAuthCancelled(filter, 'e1', 'user jane.doe@example.com closed the dialog');

    expect(lines).toHaveLength(1);
    const line = String(lines[0]?.[0]);
    expect(line).toContain('filteredOutExceptions: AuthCancelledError');
    expect(line).toContain('e1');
    expect(line).not.toContain('jane.doe');
    expect(line).not.toContain('closed the dialog');
  });

  it('are rate-limited per rule and report what was held back', () => {
    const { lines, logger } = recordingLogger();
    const filter = new SentryEventFilter({
      filteredOutExceptions: [AuthCancelledError],
      ignoredLoggers: ['http.security'],
      dropLogIntervalMs: 1000,
      logger,
    });

    dropAuthCancelled(filter, 'e1');
    dropAuthCancelled(filter, 'e2');
    dropAuthCancelled(filter, 'e3');
    filter.beforeSend({ ...loggerEvent('http.security.csrf'), event_id: 'e4' });
    vi.setSystemTime(1500);
    dropAuthCancelled(filter, 'e5');

    const text = lines.map((line) => String(line[0]));
    expect(text).toHaveLength(3);
    expect(text[0]).toContain('e1');
    expect(text[1]).toContain('ignoredLoggers: http.security');
    expect(text[2]).toContain('e5');
    expect(text[2]).toContain('2 more dropped by this rule');
    expect(filter.stats().dropped.event).toBe(5);
  });

  it('give structured loggers the rule and event id as fields', () => {
    const calls: unknown[][] = [];
    const pinoLike = { info: (...args: unknown[]) => calls.push(args), child: () => pinoLike };
    const filter = new SentryEventFilter({
      filteredOutExceptions: [AuthCancelledError],
      logger: pinoLike,
    });

    dropAuthCancelled(filter, 'e1');

    expect(calls[0]?.[0]).toMatchObject({
      rule: 'filteredOutExceptions: AuthCancelledError',
      eventId: 'e1',
      kind: 'event',
    });
    expect(String(calls[0]?.[1])).toContain('dropped event e1');
  });

  it('never break the application when the logger throws', () => {
    const filter = new SentryEventFilter({
      filteredOutExceptions: [AuthCancelledError],
      logger: {
        info() {
          throw new Error('log sink closed');
        },
      },
    });

    expect(() => dropAuthCancelled(filter, 'e1')).not.toThrow();
  });

  it('cannot loop back: what the notice causes while it is written is dropped silently', () => {
    let filter: SentryEventFilter | undefined;
    const reentered: (Event | null)[] = [];
    const logs: unknown[] = [];
    // A logger that is itself captured by Sentry, synchronously, like captureConsole or pino.
    const capturedLogger = {
      info(message: string) {
        reentered.push(filter?.beforeSend({ message, level: 'info' }) ?? null);
        logs.push(filter?.beforeSendLog({ level: 'info', message }));
      },
    };
    filter = new SentryEventFilter({
      filteredOutExceptions: [AuthCancelledError],
      logger: capturedLogger,
    });

    dropAuthCancelled(filter, 'e1');

    expect(reentered).toEqual([null]);
    expect(logs).toEqual([null]);
    expect(filter.stats().rules.ownLine).toEqual({ dropped: 2 });
  });

  it('are recognised by their start only, so input quoting the prefix is not dropped', () => {
    const filter = new SentryEventFilter({ logger: { info() {} } });
    const quoting = filter.beforeSend({
      exception: { values: [{ type: 'Error', value: 'invalid name "[sentry-event-filter] x"' }] },
    });

    expect(quoting).not.toBeNull();
    expect(filter.stats().rules.ownLine).toBeUndefined();
  });

  it('never leave a rejection unhandled when the logger writes asynchronously', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    vi.useRealTimers();
    const filter = new SentryEventFilter({
      filteredOutExceptions: [AuthCancelledError],
      logger: { info: () => Promise.reject(new Error('log sink closed')) },
    });

    dropAuthCancelled(filter, 'e1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', onUnhandled);

    expect(unhandled).toEqual([]);
  });

  it('recognise their own lines later, when the capture happens asynchronously', () => {
    const lines: string[] = [];
    const filter = new SentryEventFilter({
      filteredOutExceptions: [AuthCancelledError],
      logger: { info: (line: string) => lines.push(line) },
    });

    dropAuthCancelled(filter, 'e1');
    const echoed = filter.beforeSend({ message: lines[0] ?? '', logger: 'console' });
    const echoedLog = filter.beforeSendLog({ ...pinoLog('app'), message: lines[0] ?? '' });

    expect(echoed).toBeNull();
    expect(echoedLog).toBeNull();
    expect(lines).toHaveLength(1);
  });
});
