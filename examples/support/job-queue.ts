/**
 * A stand-in for the shop's job queue (BullMQ, SQS, Cloud Tasks...): the demo delivers jobs
 * over IPC and learns how each one ended. Outside the demo the worker simply waits.
 */
import { type FromApp, isMessage, type Job, type ToApp } from './protocol.ts';

export type { Job };

/** Runs every job that arrives with `run`; a job fails when `run` throws. */
export function consumeJobs(run: (job: Job) => Promise<void>): void {
  const send = process.send?.bind(process);
  if (send === undefined) {
    return;
  }

  process.on('message', (message: ToApp) => {
    if (!isMessage<Extract<ToApp, { type: 'job' }>>(message, 'job')) {
      return;
    }
    const { job } = message;
    run(job).then(
      () => send({ type: 'job-finished', id: job.id, outcome: 'completed' } satisfies FromApp),
      (error: unknown) =>
        send({
          type: 'job-finished',
          id: job.id,
          outcome: 'failed',
          error: error instanceof Error ? error.name : typeof error,
        } satisfies FromApp),
    );
  });
  send({ type: 'ready' } satisfies FromApp);
}
