import { ANY_KEYED, keyedShape, type Shape, SKIP, same, shape } from '../walk/shape.ts';
import { DYNAMIC_SAMPLING_CONTEXT } from './trace.ts';

// Contexts the SDKs fill in themselves, with the fields that only describe the machine or the
// build: `5.5.5.5` is a kernel version in `os`, not an IP address. They are known by their
// name, or by their `type` when an SDK names them otherwise (Electron's `chrome` and `node`,
// `server-os`: `items/contexts.ts`). Every other context, custom ones included, is walked like
// `extra`, `type`, `version` and `build` too: an application can put anything there
// (`setContext('deploy', { build: url })`).
// Context types: https://develop.sentry.dev/sdk/data-model/event-payloads/contexts/ and
// Relay's `relay-event-schema` contexts (`client_os` is the `os` Relay reads from a client's
// user agent).

const DESCRIPTIVE_FIELDS = [
  'type',
  'version',
  'kernel_version',
  'build',
  'build_type',
  'app_version',
  'app_build',
];

/** A context an SDK fills in: what describes the machine or the build stays. */
export const KNOWN_CONTEXT = keyedShape('known context', {
  fields: same(DESCRIPTIVE_FIELDS, SKIP),
});

/** The types of the contexts an SDK fills in; their usual names are the same. */
export const KNOWN_CONTEXT_TYPES: ReadonlySet<string> = new Set([
  'os',
  'runtime',
  'app',
  'browser',
  'device',
  'gpu',
  'culture',
  'cloud_resource',
]);

const KNOWN_CONTEXT_NAMES = [...KNOWN_CONTEXT_TYPES, 'client_os'];

// The root span's `op` is scanned, as a span's own is (see `SPAN_V1`).
const TRACE_CONTEXT = keyedShape('trace context', {
  fields: {
    ...same(
      [
        'trace_id',
        'span_id',
        'parent_span_id',
        'status',
        'origin',
        'sampled',
        'type',
        'exclusive_time',
        'client_sample_rate',
      ],
      SKIP,
    ),
    dynamic_sampling_context: DYNAMIC_SAMPLING_CONTEXT,
  },
});

// The ids that link an event to a profile or a replay.
const PROFILE_CONTEXT = keyedShape('profile context', {
  fields: same(['type', 'profile_id', 'profiler_id'], SKIP),
});
const REPLAY_CONTEXT = keyedShape('replay context', { fields: same(['type', 'replay_id'], SKIP) });

/** `contexts`, and `context` in events from Sentry's web API. */
export const CONTEXTS: Shape = shape('contexts', {
  fields: {
    ...same(KNOWN_CONTEXT_NAMES, KNOWN_CONTEXT),
    trace: TRACE_CONTEXT,
    profile: PROFILE_CONTEXT,
    replay: REPLAY_CONTEXT,
  },
  keyed: ANY_KEYED,
});
