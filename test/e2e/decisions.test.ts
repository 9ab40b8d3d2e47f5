import type { AddressInfo } from 'node:net';
import * as Sentry from '@sentry/node';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter, type SentryEventFilterOptions } from '../../src/index.ts';
import { flushAll, initSentry, receiverForTests } from '../helpers/sentry.ts';

// The filter inside a real @sentry/node 11 client, sending over HTTP to a local receiver.

class AuthCancelledError extends Error {
  override name = 'AuthCancelledError';
}
class ValidationError extends Error {
  override name = 'ValidationError';
}

const TEAM_POLICY: SentryEventFilterOptions = {
  filteredOutExceptions: [AuthCancelledError],
  userCausedExceptions: [ValidationError],
  ignoredLoggers: ['http.security'],
};

const receiver = await receiverForTests();

/** The message of the captured exception of each event that arrived. */
function arrivedMessages(): string[] {
  return receiver.events().map((event) => {
    const values = event.payload.exception?.values ?? [];
    return values.at(-1)?.value ?? event.payload.message;
  });
}

function discarded(reason: string, category: string): number {
  return (
    receiver.discarded().find((entry) => entry.reason === reason && entry.category === category)
      ?.quantity ?? 0
  );
}

describe('an Express 5 service', () => {
  async function startService() {
    const app = express();
    app.get('/login/cancel', () => {
      throw new AuthCancelledError('user closed the login dialog');
    });
    app.post('/orders', () => {
      throw new ValidationError('postcode is invalid');
    });
    app.get('/reports', () => {
      throw new Error('report store unavailable');
    });
    Sentry.setupExpressErrorHandler(app);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    return { server, url: `http://127.0.0.1:${port}` };
  }

  it('drops filtered-out route errors, tags user-caused ones and sends the rest', async () => {
    const filter = new SentryEventFilter(TEAM_POLICY);
    initSentry(receiver, {
      integrations: [Sentry.httpIntegration(), Sentry.expressIntegration(), filter.integration()],
    });
    const { server, url } = await startService();

    const statuses = [
      (await fetch(`${url}/login/cancel`)).status,
      (await fetch(`${url}/orders`, { method: 'POST' })).status,
      (await fetch(`${url}/reports`)).status,
    ];
    await flushAll();
    server.close();

    expect(statuses).toEqual([500, 500, 500]);
    expect(arrivedMessages().sort()).toEqual(['postcode is invalid', 'report store unavailable']);
    const tagsByMessage = Object.fromEntries(
      receiver
        .events()
        .map((event) => [event.payload.exception.values.at(-1).value, event.payload.tags ?? {}]),
    );
    expect(tagsByMessage['postcode is invalid']).toMatchObject({ user_caused: 'true' });
    expect(tagsByMessage['report store unavailable']?.user_caused).toBeUndefined();
    expect(discarded('event_processor', 'error')).toBe(1);
    expect(filter.stats().rules).toMatchObject({
      'filteredOutExceptions: AuthCancelledError': { dropped: 1 },
      'userCausedExceptions: ValidationError': { tagged: 1 },
    });
  });
});

describe('a background worker', () => {
  /** Runs jobs the way a queue consumer does: each in its own scope, errors captured. */
  async function runJobs(jobs: Record<string, () => Promise<void>>): Promise<void> {
    for (const [name, job] of Object.entries(jobs)) {
      await Sentry.withIsolationScope(async (scope) => {
        scope.setTag('job', name);
        try {
          await job();
        } catch (error) {
          Sentry.captureException(error);
        }
      });
    }
  }

  it('drops and tags job errors by class, causes included when asked', async () => {
    const filter = new SentryEventFilter({ ...TEAM_POLICY, matchCauses: true });
    initSentry(receiver, {
      integrations: [Sentry.linkedErrorsIntegration(), filter.integration()],
    });

    await runJobs({
      'sync-invoices': async () => {
        throw new Error('sync aborted', { cause: new AuthCancelledError('token revoked') });
      },
      'import-addresses': async () => {
        throw new ValidationError('row 12 has no postcode');
      },
      'send-digest': async () => {
        throw new Error('mail relay timed out');
      },
    });
    await flushAll();

    expect(arrivedMessages().sort()).toEqual(['mail relay timed out', 'row 12 has no postcode']);
    const tagged = receiver.events().find((event) => event.payload.tags?.user_caused === 'true');
    expect(tagged?.payload.tags).toMatchObject({ job: 'import-addresses' });
    expect(discarded('event_processor', 'error')).toBe(1);
  });
});

describe('captured messages', () => {
  it('are never judged by exception entries: only thrown values are', async () => {
    const filter = new SentryEventFilter({
      filteredOutExceptions: [(error) => error === 'cancelled'],
      userCausedExceptions: [(error) => typeof error === 'string'],
    });
    initSentry(receiver, {
      attachStacktrace: true,
      integrations: [Sentry.captureConsoleIntegration({ levels: ['error'] }), filter.integration()],
    });

    Sentry.captureMessage('cancelled');
    console.error('cancelled');
    Sentry.captureException('cancelled');
    Sentry.captureException('payment declined');
    await flushAll();

    const arrived = receiver
      .events()
      .map((event) => [
        event.payload.message ?? event.payload.exception.values.at(-1).value,
        event.payload.tags?.user_caused,
      ]);
    expect(arrived).toEqual([
      ['cancelled', undefined],
      ['cancelled', undefined],
      ['payment declined', 'true'],
    ]);
    expect(discarded('event_processor', 'error')).toBe(1);
  });
});

describe('loggers', () => {
  it('drops console captures when "console" is ignored, after the SDK names the logger', async () => {
    const filter = new SentryEventFilter({ ignoredLoggers: ['console'] });
    initSentry(receiver, {
      integrations: [Sentry.captureConsoleIntegration({ levels: ['error'] }), filter.integration()],
    });

    console.error('password reset failed for order 42 (expected test output)');
    Sentry.captureMessage('captured directly');
    await flushAll();

    expect(arrivedMessages()).toEqual(['captured directly']);
    expect(discarded('before_send', 'error')).toBe(1);
  });

  it('counts a user-caused console capture as dropped, never as tagged', async () => {
    const filter = new SentryEventFilter({ ...TEAM_POLICY, ignoredLoggers: ['console'] });
    initSentry(receiver, {
      integrations: [Sentry.captureConsoleIntegration({ levels: ['error'] }), filter.integration()],
    });

    console.error(new ValidationError('postcode is invalid (expected test output)'));
    Sentry.captureException(new ValidationError('house number is missing'));
    await flushAll();

    expect(arrivedMessages()).toEqual(['house number is missing']);
    expect(receiver.events()[0]?.payload.tags).toMatchObject({ user_caused: 'true' });
    expect(filter.stats()).toMatchObject({
      tagged: 1,
      rules: {
        'userCausedExceptions: ValidationError': { tagged: 1 },
        'ignoredLoggers: console': { dropped: 1 },
      },
    });
  });

  it('keeps console captures when "console" is not ignored', async () => {
    const filter = new SentryEventFilter({ ignoredLoggers: ['http.security'] });
    initSentry(receiver, {
      integrations: [Sentry.captureConsoleIntegration({ levels: ['error'] }), filter.integration()],
    });

    console.error('payment provider returned 502 (expected test output)');
    await flushAll();

    expect(arrivedMessages()).toEqual(['payment provider returned 502 (expected test output)']);
    expect(receiver.events()[0]?.payload.logger).toBe('console');
  });
});

describe('breadcrumbs', () => {
  it('drops breadcrumbs from ignored loggers once, when they are recorded', async () => {
    const filter = new SentryEventFilter(TEAM_POLICY);
    initSentry(receiver, { integrations: [filter.integration()] });

    Sentry.addBreadcrumb({ category: 'http.security.csrf', message: 'token mismatch' });
    Sentry.addBreadcrumb({ category: 'checkout', message: 'cart submitted' });
    Sentry.captureMessage('first');
    Sentry.captureMessage('second');
    await flushAll();

    for (const event of receiver.events()) {
      expect(event.payload.breadcrumbs.map((b: { category: string }) => b.category)).toEqual([
        'checkout',
      ]);
    }
    expect(receiver.events()).toHaveLength(2);
    expect(filter.stats()).toMatchObject({ seen: { breadcrumb: 2 }, dropped: { breadcrumb: 1 } });
  });
});

describe('drop notices written to a logger that Sentry captures', () => {
  it('never come back as events or loop through the filter (console)', async () => {
    const filter = new SentryEventFilter({
      filteredOutExceptions: [AuthCancelledError],
      logger: console,
      dropLogIntervalMs: 0,
    });
    initSentry(receiver, {
      integrations: [Sentry.captureConsoleIntegration(), filter.integration()],
    });

    Sentry.captureException(new AuthCancelledError('closed'));
    Sentry.captureException(new AuthCancelledError('closed again'));
    Sentry.captureMessage('still alive');
    await flushAll();

    expect(arrivedMessages()).toEqual(['still alive']);
    expect(receiver.rawText()).not.toContain('[sentry-event-filter]');
    expect(filter.stats().dropped.event).toBeGreaterThanOrEqual(2);
  });
});

describe('drop notices written by a structured logger that writes to the console', () => {
  it('never come back as breadcrumbs on the events sent later', async () => {
    // Fields first, then the line, as pino writes in a browser.
    const structured = {
      child: () => structured,
      info: (...args: unknown[]) => console.info(...args),
    };
    const filter = new SentryEventFilter({
      filteredOutExceptions: [AuthCancelledError],
      logger: structured,
    });
    initSentry(receiver, {
      integrations: [Sentry.consoleIntegration(), filter.integration()],
    });

    Sentry.captureException(new AuthCancelledError('closed'));
    Sentry.captureMessage('still alive');
    await flushAll();

    expect(arrivedMessages()).toEqual(['still alive']);
    expect(receiver.rawText()).not.toContain('[sentry-event-filter]');
  });
});

describe('placement before Dedupe', () => {
  it('lets Dedupe compare against the last event actually sent', async () => {
    const filter = new SentryEventFilter(TEAM_POLICY);
    initSentry(receiver, {
      integrations: (defaults) => [filter.integration(), ...defaults, Sentry.dedupeIntegration()],
    });
    captureSequence(['repeat', 'cancel', 'repeat']);
    await flushAll();

    // The dropped event never reached Dedupe, so the repeat is recognised as a duplicate.
    expect(arrivedMessages()).toEqual(['cache miss storm']);
  });

  it('loses that when Dedupe runs first and remembers an event the filter then drops', async () => {
    const filter = new SentryEventFilter(TEAM_POLICY);
    initSentry(receiver, {
      integrations: [Sentry.dedupeIntegration(), filter.integration()],
    });
    captureSequence(['repeat', 'cancel', 'repeat']);
    await flushAll();

    expect(arrivedMessages()).toEqual(['cache miss storm', 'cache miss storm']);
  });

  it('cannot keep console captures from Dedupe: their logger is only known after it ran', async () => {
    const filter = new SentryEventFilter({ ignoredLoggers: ['console'] });
    initSentry(receiver, {
      integrations: (defaults) => [
        filter.integration(),
        ...defaults,
        Sentry.dedupeIntegration(),
        Sentry.captureConsoleIntegration({ levels: ['error'] }),
      ],
    });

    captureSequence(['repeat', 'repeat', 'console', 'repeat']);
    await flushAll();

    // The second error is a duplicate; the third is not, for Dedupe remembered the console
    // error, which was dropped only right before beforeSend.
    expect(arrivedMessages()).toEqual(['cache miss storm', 'cache miss storm']);
    expect(discarded('event_processor', 'error')).toBe(1);
    expect(discarded('before_send', 'error')).toBe(1);
  });
});

/**
 * Captures errors with identical messages and stack traces for each "repeat" (the SDK skips
 * an error object it has seen, so each is a new object thrown from the same place).
 */
function captureSequence(kinds: ('repeat' | 'cancel' | 'console')[]): void {
  for (const kind of kinds) {
    if (kind === 'console') {
      console.error(new Error('console noise (expected test output)'));
      continue;
    }
    const error =
      kind === 'repeat' ? new Error('cache miss storm') : new AuthCancelledError('closed');
    Sentry.captureException(error);
  }
}
