import type { ErrorEvent } from '@sentry/core';
import { createDeepFailure, startCapture } from '../baselines/sdk.ts';
import { Group, type Timing } from '../measure.ts';
import type { Context } from './types.ts';

/** The SDK's whole capture path, without and with the filter's integration. */
export interface CaptureTimings {
  readonly capture: Timing;
  readonly withFilter: Timing;
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
 * Times `Sentry.captureException` until the envelope reaches the transport, first with the
 * SDK alone, then with `filter.integration()` added. A fresh error per iteration is made
 * outside the timed call.
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

  const timing = context.timing({ time: 1500, iterations: 48, warmupTime: 300 });
  context.progress('full capture: @sentry/node alone');
  try {
    // The SDK's code paths are long; warm them all up before the first round counts.
    const warmUp = async () => {
      for (let index = 0; index < WARMUP_CAPTURES; index++) {
        await capture.captureAndWait(createDeepFailure());
      }
    };
    await warmUp();
    // Two groups, not one: once added, the integration cannot be taken out again, so the
    // rounds of the SDK alone must all run before it is added.
    const alone = await new Group(timing)
      .addAsync('capture', () => capture.captureAndWait(next), { beforeEach })
      .run();
    const envelopeBytes = capture.lastEnvelopeBytes();
    const without = countSecrets(capture.lastEnvelopeText());

    context.progress('full capture: @sentry/node with the filter integration');
    capture.addIntegration(context.filter.integration());
    await warmUp();
    const filtered = await new Group(timing)
      .addAsync('capture+filter', () => capture.captureAndWait(next), { beforeEach })
      .run();

    return {
      capture: alone.get('capture') as Timing,
      withFilter: filtered.get('capture+filter') as Timing,
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
