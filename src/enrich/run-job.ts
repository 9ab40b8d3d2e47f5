import { getCurrentScope, getIsolationScope, type Scope, withIsolationScope } from '@sentry/core';
import { JOB_CONTEXT } from './job.ts';

/** What identifies a background job. Further fields go into the `job` context as given. */
export interface JobDetails {
  /** The kind of job: `send-invoice`, `reports.nightly`. */
  readonly name: string;
  /** This run's id, as the queue knows it. */
  readonly id?: string | number;
  readonly [field: string]: unknown;
}

/**
 * Runs a background job in its own Sentry isolation scope, with the `job` context set to
 * `job`, so every event the job captures, also after `await`, carries its name and id (and,
 * through the filter, the `job.name` and `job.id` tags). Concurrent jobs never see each
 * other's context, and the job gets a trace of its own unless one is being continued.
 * Returns what `callback` returns, a promise included.
 *
 * Without this helper, the same convention works by hand inside
 * `Sentry.withIsolationScope`: `scope.setContext('job', { name, id })`.
 *
 * @example
 * ```ts
 * // A BullMQ processor
 * new Worker('invoices', (job) =>
 *   runJob({ name: job.name, id: job.id }, () => processInvoice(job.data)),
 * );
 * ```
 */
export function runJob<T>(job: JobDetails, callback: (scope: Scope) => T): T {
  const outside = getIsolationScope();
  return withIsolationScope((isolationScope) => {
    // Without async context (browsers, runtimes without AsyncLocalStorage) the SDK hands out
    // its one isolation scope, which outlives the job; the scope it forked for this call ends
    // with the job, so the context goes there instead.
    const scope = isolationScope === outside ? getCurrentScope() : isolationScope;
    if (typeof job === 'object' && job !== null) {
      scope.setContext(JOB_CONTEXT, { ...job });
    }
    return callback(scope);
  });
}
