import type { ErrorEvent } from '@sentry/core';
import { createDeepFailure, startCapture } from '../baselines/sdk.ts';
import { toggleable } from '../baselines/toggle.ts';
import { Group, type Timing } from '../measure.ts';
import { runFilter } from '../team-filter.ts';
import type { Context } from './types.ts';

/** The SDK's whole capture path, without and with the filter's integration. */
export interface CaptureTimings {
  readonly capture: Timing;
  readonly withFilter: Timing;
  /** `filter.beforeSend` on the typical fixture, timed in the same rounds as the captures. */
  readonly filter: Timing;
  readonly envelopeBytes: number;
  /** Planted secrets found in the last envelope sent without and with the filter. */
  readonly secretsSent: {
    readonly without: number;
    readonly withFilter: number;
    readonly planted: number;
  };
}

// Secrets of the typical fixture that the SDK itself lets through (user email, extra, contexts).
const PLANTED_SECRETS = ['maria.garcia@example.com', 'AKIAIOSFODNN7EXAMPLE', '219-09-9999'];

const WARMUP_CAPTURES = 200;

function countSecrets(text: string): number {
  return PLANTED_SECRETS.filter((secret) => text.includes(secret)).length;
}

/**
 * Times `Sentry.captureException` until the envelope reaches the transport, with the SDK
 * alone and with `filter.integration()`, in alternating rounds: the integration is added
 * once, behind a switch (see `toggleable`). A fresh error per iteration is made outside the
 * timed call.
 */
export async function measureCapture(context: Context, event: ErrorEvent): Promise<CaptureTimings> {
  // Node keeps 10 frames by default; the fixture events have 20.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 20;
  const capture = startCapture(event);
  let next = createDeepFailure();
  const beforeEach = () => {
    next = createDeepFailure();
  };

  const toggle = toggleable(context.filter.integration());
  capture.addIntegration(toggle.integration);
  const switchTo = (enabled: boolean) => () => {
    toggle.enabled = enabled;
  };

  context.progress('full capture: @sentry/node alone and with the filter integration');
  try {
    // The SDK's code paths are long; warm both variants up before the first round counts.
    for (const enabled of [false, true]) {
      toggle.enabled = enabled;
      for (let index = 0; index < WARMUP_CAPTURES; index++) {
        await capture.captureAndWait(createDeepFailure());
      }
    }

    let envelopeBytes = 0;
    let without = 0;
    const timings = await new Group(
      context.timing({ time: 3000, iterations: 96, warmupTime: 100, rounds: 6 }),
    )
      .addAsync('capture', () => capture.captureAndWait(next), {
        beforeEach,
        beforeAll: switchTo(false),
        afterAll: () => {
          envelopeBytes = capture.lastEnvelopeBytes();
          without = countSecrets(capture.lastEnvelopeText());
        },
      })
      .addAsync('capture+filter', () => capture.captureAndWait(next), {
        beforeEach,
        beforeAll: switchTo(true),
      })
      .add('filter', () => runFilter(context.filter, event, context.hint))
      .run();

    return {
      capture: timings.get('capture') as Timing,
      withFilter: timings.get('capture+filter') as Timing,
      filter: timings.get('filter') as Timing,
      envelopeBytes,
      secretsSent: {
        without,
        withFilter: countSecrets(capture.lastEnvelopeText()),
        planted: PLANTED_SECRETS.length,
      },
    };
  } finally {
    await capture.close();
    Error.stackTraceLimit = stackTraceLimit;
  }
}
