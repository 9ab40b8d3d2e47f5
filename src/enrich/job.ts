import { toTagValue } from './tag-value.ts';
import type { EnrichInput, EnrichmentTarget } from './types.ts';

/** The context a background job is described by; `runJob` sets it. */
export const JOB_CONTEXT = 'job';

/** The tags that make a job's events searchable. */
export const JOB_NAME_TAG = 'job.name';
export const JOB_ID_TAG = 'job.id';

/**
 * Copies the job's name and id from the `job` context into tags, since Sentry searches tags
 * and not custom contexts. The context comes from the job's own isolation scope (see
 * `runJob`), so concurrent jobs never see each other's.
 */
export function enrichJob(input: EnrichInput, target: EnrichmentTarget): void {
  const job: unknown = input.event.contexts?.[JOB_CONTEXT];
  if (typeof job !== 'object' || job === null) {
    return;
  }

  const { name, id } = job as { name?: unknown; id?: unknown };
  const jobName = toTagValue(name);
  const jobId = toTagValue(id);
  target.addTag(JOB_NAME_TAG, jobName);
  target.addTag(JOB_ID_TAG, jobId);
}
