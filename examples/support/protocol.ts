import type { FilterStats } from 'sentry-event-filter';

/** A background job as the shop's queue hands it to the worker. */
export interface Job<T = Record<string, unknown>> {
  readonly id: string;
  readonly name: string;
  readonly attempt: number;
  readonly data: T;
}

/** Messages the demo sends to an app process over IPC. */
export type ToApp = { readonly type: 'flush' } | { readonly type: 'job'; readonly job: Job };

/** Messages an app process sends back. */
export type FromApp =
  | { readonly type: 'ready' }
  | {
      readonly type: 'flushed';
      readonly stats: FilterStats;
      /** Where `sentry-event-filter` was loaded from, to show the build is what runs. */
      readonly packageEntry: string;
    }
  | {
      readonly type: 'job-finished';
      readonly id: string;
      readonly outcome: 'completed' | 'failed';
      readonly error?: string;
    };

export function isMessage<T extends { type: string }>(
  message: unknown,
  type: T['type'],
): message is T {
  return (
    typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type
  );
}
