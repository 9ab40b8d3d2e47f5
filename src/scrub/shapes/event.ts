import {
  ANY,
  ANY_KEYED,
  keyedShape,
  MAP,
  REMOVE_IP,
  type Shape,
  SKIP,
  same,
  shape,
} from '../walk/shape.ts';

// Where everything in an error or transaction event goes, after Sentry's event payload
// documentation (https://develop.sentry.dev/sdk/data-model/event-payloads/) and the legacy
// `sentry.interfaces.*` names that stored events still use. Ids, timestamps, release, file
// and module names, and sdk info are structure: never scanned, never changed. Fields not
// named here are walked like `extra`: keys judged, strings scanned.

const FRAME = keyedShape('frame', {
  fields: {
    ...same(
      [
        'filename',
        'abs_path',
        'module',
        'package',
        'platform',
        'function',
        'raw_function',
        'symbol',
        'lineno',
        'colno',
        'in_app',
        'instruction_addr',
        'addr_mode',
        'symbol_addr',
        'image_addr',
        'function_id',
        'trust',
        'lang',
        'stack_start',
        'debug_id',
        'source_link',
        // Lines of the application's own source code: the same for every event, and not
        // scrubbed by Sentry's server-side rules either. See the README's known limits.
        'pre_context',
        'context_line',
        'post_context',
      ],
      SKIP,
    ),
    vars: ANY,
  },
});

const STACKTRACE = keyedShape('stacktrace', {
  fields: {
    frames: shape('frames', { items: FRAME }),
    ...same(['frames_omitted', 'registers', 'lang', 'snapshot'], SKIP),
  },
});

const MECHANISM = keyedShape('mechanism', {
  fields: same(
    [
      'type',
      'handled',
      'synthetic',
      'source',
      'exception_id',
      'parent_id',
      'is_exception_group',
      'meta',
    ],
    SKIP,
  ),
});

const EXCEPTION_VALUE = keyedShape('exception value', {
  fields: {
    ...same(['type', 'module', 'thread_id'], SKIP),
    mechanism: MECHANISM,
    stacktrace: STACKTRACE,
    raw_stacktrace: STACKTRACE,
  },
});

/** `{ values: [...] }`, or the list itself in legacy events. */
function valuesOf(name: string, element: Shape): Shape {
  return keyedShape(name, {
    fields: { values: shape(`${name} values`, { items: element }) },
    items: element,
  });
}

const EXCEPTION = valuesOf('exception', EXCEPTION_VALUE);

const THREAD = keyedShape('thread', {
  fields: {
    ...same(['id', 'current', 'crashed', 'main', 'state', 'held_locks', 'name'], SKIP),
    stacktrace: STACKTRACE,
    raw_stacktrace: STACKTRACE,
  },
});

/** One breadcrumb, also as `beforeBreadcrumb` sees it. */
export const BREADCRUMB = keyedShape('breadcrumb', {
  fields: same(['type', 'category', 'level', 'timestamp', 'event_id', 'origin'], SKIP),
});

/** A span of a transaction, also a v1 `span` envelope item. */
export const SPAN_V1 = keyedShape('span', {
  fields: same(
    [
      'span_id',
      'trace_id',
      'parent_span_id',
      'segment_id',
      'op',
      'status',
      'origin',
      'start_timestamp',
      'timestamp',
      'exclusive_time',
      'hash',
      'same_process_as_parent',
      'measurements',
      'profile_id',
      'is_segment',
      'is_remote',
      'kind',
    ],
    SKIP,
  ),
});

const TRACE_CONTEXT = keyedShape('trace context', {
  fields: same(
    [
      'trace_id',
      'span_id',
      'parent_span_id',
      'op',
      'status',
      'origin',
      'sampled',
      'type',
      'exclusive_time',
      'client_sample_rate',
      'dynamic_sampling_context',
    ],
    SKIP,
  ),
});

// Versions and build names in the os, runtime, app, device and browser contexts: `5.5.5.5`
// is a kernel version there, not an IP address.
const CONTEXT = keyedShape('context', {
  fields: same(
    ['type', 'version', 'kernel_version', 'build', 'build_type', 'app_version', 'app_build'],
    SKIP,
  ),
});

const CONTEXTS = shape('contexts', {
  fields: { trace: TRACE_CONTEXT },
  keyed: { ...ANY_KEYED, plain: CONTEXT },
});

const LOGENTRY = keyedShape('logentry', {});

const REQUEST = keyedShape('request', {
  fields: {
    query_string: MAP,
    headers: MAP,
    env: MAP,
    data: shape('body', { text: 'body', keyed: ANY_KEYED, pairs: true }),
    // Cookie names stay, their values go, in every form: string, object or pairs.
    cookies: shape('cookies', { text: 'filter', pairs: true }),
    ...same(['method', 'api_target', 'body_size', 'inferred_content_type', 'protocol'], SKIP),
  },
});

const USER = keyedShape('user', { fields: { ip_address: REMOVE_IP } });

/** An error or transaction event. */
export const EVENT = keyedShape('event', {
  fields: {
    ...same(
      [
        'event_id',
        'timestamp',
        'start_timestamp',
        'received',
        'platform',
        'level',
        'release',
        'dist',
        'environment',
        'type',
        'fingerprint',
        'modules',
        'debug_meta',
        'sdk',
        'sdkProcessingMetadata',
        '_meta',
        'logger',
        'transaction_info',
        'measurements',
        'breakdowns',
        'version',
        'key_id',
        'project',
        'grouping_config',
        'hashes',
        '_metrics_summary',
      ],
      SKIP,
    ),
    request: REQUEST,
    'sentry.interfaces.Http': REQUEST,
    user: USER,
    'sentry.interfaces.User': USER,
    exception: EXCEPTION,
    'sentry.interfaces.Exception': EXCEPTION,
    threads: valuesOf('threads', THREAD),
    stacktrace: STACKTRACE,
    'sentry.interfaces.Stacktrace': STACKTRACE,
    breadcrumbs: valuesOf('breadcrumbs', BREADCRUMB),
    'sentry.interfaces.Breadcrumbs': valuesOf('breadcrumbs', BREADCRUMB),
    spans: shape('spans', { items: SPAN_V1 }),
    contexts: CONTEXTS,
    tags: MAP,
    logentry: LOGENTRY,
    'sentry.interfaces.Message': LOGENTRY,
    message: LOGENTRY,
  },
});
