import { USER_RULE } from '../rules.ts';
import { keyedShape, SKIP, same, shape } from '../walk/shape.ts';

const REMOVE_USER = shape('remove user', { text: 'remove', rule: USER_RULE });

/**
 * The dynamic sampling context, in an envelope header's `trace` and in an event's
 * `contexts.trace.dynamic_sampling_context`: ids, keys and rates are structure, the transaction
 * name is scanned, and the user fields older SDKs sent (`user_id`, `user_segment`) are removed.
 * Fields: https://develop.sentry.dev/sdk/telemetry/traces/dynamic-sampling-context/
 */
export const DYNAMIC_SAMPLING_CONTEXT = keyedShape('dynamic sampling context', {
  fields: {
    ...same(
      [
        'trace_id',
        'public_key',
        'sample_rate',
        'sampled',
        'sample_rand',
        'release',
        'environment',
        'replay_id',
        'org_id',
      ],
      SKIP,
    ),
    user_id: REMOVE_USER,
    user_segment: REMOVE_USER,
  },
});
