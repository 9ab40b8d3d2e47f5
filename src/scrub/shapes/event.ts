import {
  ANY_KEYED,
  keyedShape,
  MAP,
  REMOVE_IP,
  type Shape,
  SKIP,
  same,
  shape,
} from '../walk/shape.ts';
import { CONTEXTS } from './contexts.ts';
import { metaShapeOf, withMeta } from './meta.ts';
import { EXCEPTION, STACKTRACE, THREADS, valuesOf } from './stack.ts';

// Where everything in an error or transaction event goes, after Sentry's event payload
// documentation (https://develop.sentry.dev/sdk/data-model/event-payloads/), the legacy
// `sentry.interfaces.*` names that stored events still use, and the names of Sentry's web API
// (`sentry/api/serializers/models/event.py`) for events exported from it. Ids, timestamps,
// release, file and module names, and sdk info are structure: never scanned, never changed.
// Fields not named here are walked like `extra`: keys judged, strings scanned.

/** One breadcrumb, also as `beforeBreadcrumb` sees it. */
export const BREADCRUMB = keyedShape('breadcrumb', {
  fields: same(['type', 'category', 'level', 'timestamp', 'event_id', 'origin'], SKIP),
});

/** `breadcrumbs`, also the `data` of a `breadcrumbs` entry. */
export const BREADCRUMBS = valuesOf('breadcrumbs', BREADCRUMB);

/**
 * A span of a transaction, also a v1 `span` envelope item. The `op` is scanned: it is usually
 * a category (`http.client`), but `startSpan({ op })` takes any text, URLs included.
 */
export const SPAN_V1 = keyedShape('span', {
  fields: same(
    [
      'span_id',
      'trace_id',
      'parent_span_id',
      'segment_id',
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

/** The spans of a transaction, also the `data` of a `spans` entry. */
export const SPANS = shape('spans', { items: SPAN_V1 });

/** `logentry`, a `message` given as an object, and the `data` of a `message` entry. */
export const LOGENTRY = keyedShape('logentry', {});

/**
 * `request`, also the `data` of a `request` entry, whose names follow Sentry's web API
 * (`query`, `inferredContentType`, `apiTarget`) and whose maps are `[name, value]` pairs.
 */
export const REQUEST = keyedShape('request', {
  fields: {
    query_string: MAP,
    query: MAP,
    headers: MAP,
    env: MAP,
    data: shape('body', { text: 'body', keyed: ANY_KEYED, pairs: true }),
    // Cookie names stay, their values go, in every form: string, object or pairs.
    cookies: shape('cookies', { text: 'filter', pairs: true }),
    ...same(
      [
        'method',
        'api_target',
        'apiTarget',
        'body_size',
        'inferred_content_type',
        'inferredContentType',
        'protocol',
      ],
      SKIP,
    ),
  },
});

const USER = keyedShape('user', { fields: { ip_address: REMOVE_IP } });

/**
 * The template a server-side error happened in (`sentry.interfaces.Template`): like a frame,
 * its file name and source lines are structure.
 */
export const TEMPLATE = keyedShape('template', {
  fields: same(
    [
      'filename',
      'abs_path',
      'lineno',
      'colno',
      'pre_context',
      'context_line',
      'post_context',
      'lineNo',
      'context',
    ],
    SKIP,
  ),
});

// Fields of events exported from Sentry's web API that only identify, count or date them.
const API_STRUCTURE = [
  'id',
  'eventID',
  'groupID',
  'projectID',
  'previousEventID',
  'nextEventID',
  'dateCreated',
  'dateReceived',
  'size',
  'fingerprints',
  'startTimestamp',
  'endTimestamp',
];

const EVENT_FIELDS: Record<string, Shape> = {
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
      'modules',
      'debug_meta',
      'sdk',
      'sdkProcessingMetadata',
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
      ...API_STRUCTURE,
    ],
    SKIP,
  ),
  request: REQUEST,
  'sentry.interfaces.Http': REQUEST,
  user: USER,
  'sentry.interfaces.User': USER,
  exception: EXCEPTION,
  'sentry.interfaces.Exception': EXCEPTION,
  threads: THREADS,
  stacktrace: STACKTRACE,
  'sentry.interfaces.Stacktrace': STACKTRACE,
  template: TEMPLATE,
  'sentry.interfaces.Template': TEMPLATE,
  breadcrumbs: BREADCRUMBS,
  'sentry.interfaces.Breadcrumbs': BREADCRUMBS,
  spans: SPANS,
  contexts: CONTEXTS,
  // Sentry's web API names `extra` so; some stored events hold contexts under it. Walked
  // like contexts, an unknown key is walked like `extra`.
  context: CONTEXTS,
  tags: MAP,
  logentry: LOGENTRY,
  'sentry.interfaces.Message': LOGENTRY,
  message: LOGENTRY,
  // The parts of an event exported from Sentry's web API, each `{ type, data }`: the part's
  // shape depends on its `type`, which a shape cannot see, so they are scrubbed one by one
  // (`items/api-event.ts`).
  entries: SKIP,
};

const EVENT_WITHOUT_META = keyedShape('event', { fields: EVENT_FIELDS });
const EVENT_META = metaShapeOf(EVENT_WITHOUT_META);

/** An error or transaction event, with the `_meta` it may already carry. */
export const EVENT = withMeta(EVENT_WITHOUT_META);

/** Parts of an event a shape cannot describe, scrubbed one by one after the walk. */
export interface EventParts {
  /** `tags` are a list holding `{ key, value }` tags (Sentry's web API). */
  readonly tagList: boolean;
  /** `contexts` has a context of a known type under another name. */
  readonly namedContexts: boolean;
}

// The walk leaves such parts alone; their `_meta` is still walked with the event's.
const VARIANTS = new Map<string, Shape>();

/** The shape to walk an event with, leaving `parts` to be scrubbed after the walk. */
export function eventShape(parts: EventParts): Shape {
  if (!parts.tagList && !parts.namedContexts) {
    return EVENT;
  }
  const key = `${parts.tagList}:${parts.namedContexts}`;
  let variant = VARIANTS.get(key);
  if (variant === undefined) {
    variant = keyedShape(`event without ${key}`, {
      fields: {
        ...EVENT_FIELDS,
        ...(parts.tagList ? { tags: SKIP } : {}),
        ...(parts.namedContexts ? { contexts: SKIP } : {}),
        _meta: EVENT_META,
      },
    });
    VARIANTS.set(key, variant);
  }
  return variant;
}
