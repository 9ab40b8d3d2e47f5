import type { ErrorEvent } from '@sentry/core';
import { createDeepFailure, startCapture } from '../baselines/sdk.ts';
import { Group, type Timing } from '../measure.ts';
import type { Context } from './types.ts';

/** The SDK's whole capture path, without and with the filter's integration. */
export interface CaptureTimings {
  readonly capture: Timing;
  readonly withFilter: Timing;
  readonly envelopeBytes: number;
}

/**
 * Times `Sentry.captureException` until the envelope reaches the transport, first with the
 * SDK alone, then with `filter.integration()` added (an integration cannot be removed, so
 * this order is fixed). A fresh error per iteration is made outside the timed call.
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

  let added = false;
  let envelopeBytes = 0;
  const group = new Group(context.timing({ time: 2000, iterations: 64, warmupTime: 300 }))
    .addAsync('capture', () => capture.captureAndWait(next), {
      beforeEach,
      afterAll: () => {
        envelopeBytes = capture.lastEnvelopeBytes();
      },
    })
    .addAsync('capture+filter', () => capture.captureAndWait(next), {
      beforeEach,
      beforeAll: () => {
        if (!added) {
          added = true;
          capture.addIntegration(context.filter.integration());
        }
      },
    });

  context.progress('full capture: @sentry/node without and with the filter integration');
  try {
    const timings = await group.run();
    return {
      capture: timings.get('capture') as Timing,
      withFilter: timings.get('capture+filter') as Timing,
      envelopeBytes,
    };
  } finally {
    await capture.close();
    Error.stackTraceLimit = stackTraceLimit;
  }
}
