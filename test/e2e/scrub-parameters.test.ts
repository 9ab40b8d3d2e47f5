import * as Sentry from '@sentry/node';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { flushAll, initSentry, receiverForTests } from '../helpers/sentry.ts';

// Message parameters travel apart from the message they fill: as log attributes
// (`sentry.message.parameter.N`), as `logentry.params`, as captureConsole's `extra.arguments`.
// Sent by the real @sentry/node 11 over HTTP, none of them may reach the receiver.

const SECRETS = {
  fmtPassword: 'FMT-EXAMPLE-1',
  consoleToken: 'CON-EXAMPLE-2',
  parameterizedPassword: 'PRM-EXAMPLE-3',
  logentryPassword: 'LGE-EXAMPLE-4',
  capturedPassword: 'CAP-EXAMPLE-5',
} as const;

const receiver = await receiverForTests();

function assertNoSecret(raw: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect(raw.includes(secret), `${name} (${secret}) was sent`).toBe(false);
  }
}

function sendEverything(): void {
  Sentry.logger.info(Sentry.logger.fmt`login for bob password=${SECRETS.fmtPassword}`);
  // Both console calls are printed by the test run: expected output.
  console.warn('api call with token:', SECRETS.consoleToken);
  Sentry.captureMessage(
    Sentry.parameterize`retry for bob password=${SECRETS.parameterizedPassword}`,
  );
  Sentry.captureEvent({
    message: 'login failed',
    logentry: { message: 'password=%s', params: [SECRETS.logentryPassword] },
  });
  console.error('password=%s', SECRETS.capturedPassword);
}

describe.each([
  ['the integration', (): Partial<Sentry.NodeOptions> => ({}), true],
  [
    'hooks wired by hand',
    (filter: SentryEventFilter): Partial<Sentry.NodeOptions> => ({
      beforeSend: filter.beforeSend,
      beforeSendLog: filter.beforeSendLog,
      beforeBreadcrumb: filter.beforeBreadcrumb,
    }),
    false,
  ],
] as const)('message parameters through %s', (_name, wiring, asIntegration) => {
  it('sends no parameter that stands after a sensitive key', async () => {
    const filter = new SentryEventFilter();
    const options = wiring(filter);
    initSentry(receiver, {
      ...options,
      integrations: [
        ...(asIntegration ? [filter.integration()] : []),
        Sentry.consoleLoggingIntegration({ levels: ['warn'] }),
        Sentry.captureConsoleIntegration({ levels: ['error'] }),
      ],
    });

    sendEverything();
    await flushAll();

    assertNoSecret(receiver.rawText());

    const logs = receiver.logs() as { body: string; attributes: Record<string, any> }[];
    const fmt = logs.find((log) => log.body.startsWith('login for bob'));
    expect(fmt?.body).toBe('login for bob password=[Filtered]');
    expect(fmt?.attributes['sentry.message.template']?.value).toBe('login for bob password=%s');
    expect(fmt?.attributes['sentry.message.parameter.0']?.value).toBe('[Filtered]');

    const consoleLog = logs.find((log) => log.body.startsWith('api call'));
    expect(consoleLog?.attributes['sentry.message.parameter.0']?.value).toBe('[Filtered]');

    const events = receiver.events().map((event) => event.payload);
    const parameterized = events.find((event) =>
      event.logentry?.message?.startsWith('retry for bob'),
    );
    expect(parameterized?.logentry.params).toEqual(['[Filtered]']);

    const logentry = events.find((event) => event.logentry?.message === 'password=%s');
    expect(logentry?.logentry.params).toEqual(['[Filtered]']);
    expect(logentry?._meta?.logentry?.params?.['0']).toBeDefined();

    const captured = events.find((event) => event.logger === 'console');
    expect(captured?.extra.arguments).toEqual(['password=%s', '[Filtered]']);
    expect(captured?.message).toBe('password=%s [Filtered]');
  });
});
