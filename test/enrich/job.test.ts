import {
  getAsyncContextStrategy,
  getCurrentScope,
  getIsolationScope,
  getMainCarrier,
  setAsyncContextStrategy,
} from '@sentry/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { JOB_ID_TAG, JOB_NAME_TAG } from '../../src/enrich/index.ts';
import { type JobDetails, runJob } from '../../src/index.ts';
import { buildEnrichment, errorEvent, only } from './fixtures.ts';

const { enrich } = buildEnrichment(only('job'));

describe('job', () => {
  it('copies the job’s name and id from the job context into tags', () => {
    const event = errorEvent({ contexts: { job: { name: 'send-invoice', id: 1234 } } });

    expect(enrich(event).tags).toEqual({ [JOB_NAME_TAG]: 'send-invoice', [JOB_ID_TAG]: '1234' });
  });

  it('tags only the name when the job has no id', () => {
    const event = errorEvent({ contexts: { job: { name: 'nightly-report' } } });

    expect(enrich(event).tags).toEqual({ [JOB_NAME_TAG]: 'nightly-report' });
  });

  it.each([
    ['no job context', {}],
    ['a job context without name or id', { job: { queue: 'mail' } }],
    ['a job context with values that are no tags', { job: { name: { a: 1 }, id: '' } }],
  ])('adds nothing for %s', (_title, contexts) => {
    const event = errorEvent({ contexts });

    expect(enrich(event)).toBe(event);
  });

  it('is off with `job: false`', () => {
    const { enrich: enrichOff } = buildEnrichment({ job: false });
    const event = errorEvent({ contexts: { job: { name: 'send-invoice', id: 1 } } });

    expect(enrichOff(event).tags?.[JOB_NAME_TAG]).toBeUndefined();
  });
});

describe('runJob', () => {
  it('returns what the job returns, with its type', async () => {
    const sync = runJob({ name: 'count' }, () => 42);
    const async = runJob({ name: 'fetch' }, async () => 'done');

    expectTypeOf(sync).toEqualTypeOf<number>();
    expectTypeOf(async).toEqualTypeOf<Promise<string>>();
    expect(sync).toBe(42);
    await expect(async).resolves.toBe('done');
  });

  it('sets the job context on a scope of the job’s own, with the fields given', () => {
    const job: JobDetails = { name: 'send-invoice', id: 7, queue: 'billing' };

    const context = runJob(job, (scope) => scope.getScopeData().contexts.job);

    expect(context).toEqual({ name: 'send-invoice', id: 7, queue: 'billing' });
    expect(context).not.toBe(job);
  });

  it('leaves no job context behind where there is no async context, as in browsers', async () => {
    // Without AsyncLocalStorage the SDK keeps scopes on a stack, with one isolation scope for
    // the whole process: a context set there would stay on every later event.
    const previous = getAsyncContextStrategy(getMainCarrier());
    setAsyncContextStrategy(undefined);
    try {
      const seen = [
        runJob({ name: 'nightly', id: 1 }, () => jobContextNow()),
        await runJob({ name: 'report', id: 2 }, async () => {
          await null;
          return jobContextNow();
        }),
      ];

      expect(seen).toEqual([
        { name: 'nightly', id: 1 },
        { name: 'report', id: 2 },
      ]);
      expect(jobContextNow()).toBeUndefined();
    } finally {
      setAsyncContextStrategy(previous);
    }
  });
});

/** The job context an event captured now would carry, as the SDK merges the scopes. */
function jobContextNow(): unknown {
  const isolation = getIsolationScope().getScopeData().contexts.job;
  return getCurrentScope().getScopeData().contexts.job ?? isolation;
}
