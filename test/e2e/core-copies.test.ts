import { SDK_VERSION } from '@sentry/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { type EnvelopeReceiver, startReceiver } from '../helpers/receiver.ts';
import { flushAll, initSentry } from '../helpers/sentry.ts';

// An app pinned to one @sentry/node 11 while npm gave this package's peer dependency a newer
// @sentry/core: the client reports its SDK version, and the integration compares it.

let receiver: EnvelopeReceiver;

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(async () => {
  await flushAll();
  await receiver.close();
});

function warningsDuring(run: () => void): string[] {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    run();
    // Only this package's lines: the SDK may warn about being set up twice.
    return warn.mock.calls
      .map((call) => String(call[0]))
      .filter((line) => line.startsWith('[sentry-event-filter]'));
  } finally {
    warn.mockRestore();
  }
}

describe('a client on another version of @sentry/core', () => {
  it('is not warned about when the versions agree', () => {
    const warnings = warningsDuring(() =>
      initSentry(receiver, { integrations: [new SentryEventFilter().integration()] }),
    );

    expect(warnings).toEqual([]);
  });

  it('is warned about once, naming both versions and the fix', () => {
    const other = '11.0.0';
    expect(other).not.toBe(SDK_VERSION);
    const setUp = (): void => {
      initSentry(receiver, {
        integrations: [new SentryEventFilter().integration()],
        _metadata: { sdk: { name: 'sentry.javascript.node', version: other } },
      });
    };

    const first = warningsDuring(setUp);
    const again = warningsDuring(setUp);

    expect(first).toHaveLength(1);
    expect(first[0]).toContain(`@sentry/core ${other}`);
    expect(first[0]).toContain(SDK_VERSION);
    expect(first[0]).toContain(`npm install --save-exact @sentry/core@${other}`);
    expect(again).toEqual([]);
  });
});
