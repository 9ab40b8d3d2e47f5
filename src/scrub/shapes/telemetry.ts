import {
  ANY,
  FILTER_CUSTOM,
  FILTER_IP,
  FILTER_SECRET,
  keyedShape,
  REMOVE_IP,
  type Shape,
  SKIP,
  same,
  shape,
  VERSION,
} from '../walk/shape.ts';
import { withMeta } from './meta.ts';
import { DYNAMIC_SAMPLING_CONTEXT } from './trace.ts';

// Span, log and metric attributes: raw values (as `beforeSendSpan` and `beforeSendLog` see
// them) or `{ value, type, unit }` (as serialized in envelopes). Attribute names are judged
// like keys: `http.request.header.authorization` is a secret, `client.address` an IP.

function attribute(name: string, value: Shape): Shape {
  return shape(`attribute ${name}`, {
    text: value.text,
    rule: value.rule,
    ...(value.keyed === undefined ? {} : { keyed: value.keyed }),
    ...(value.other === undefined ? {} : { other: value.other }),
    typed: shape(`typed attribute ${name}`, { fields: { value }, other: SKIP }),
  });
}

// Sentry's own attributes that only describe the SDK and the trace. The operation
// (`sentry.op`) is not one of them: `startSpan({ op })` takes any text, as a span's name does.
const SENTRY_ATTRIBUTES = same(
  [
    'sentry.release',
    'sentry.environment',
    'sentry.sdk.name',
    'sentry.sdk.version',
    'sentry.sdk.integrations',
    'sentry.origin',
    'sentry.source',
    'sentry.span.source',
    'sentry.sample_rate',
    'sentry.segment.id',
    'sentry.trace.parent_span_id',
    'sentry.timestamp.sequence',
    'sentry.kind',
    'sentry.platform',
  ],
  SKIP,
);

/** A map of attributes. */
export const ATTRIBUTES = shape('attributes', {
  fields: SENTRY_ATTRIBUTES,
  keyed: {
    plain: attribute('plain', ANY),
    secret: attribute('secret', FILTER_SECRET),
    custom: attribute('custom', FILTER_CUSTOM),
    ip: attribute('ip', FILTER_IP),
    version: attribute('version', VERSION),
  },
});

/** A log record as `beforeSendLog` sees it. */
export const LOG = keyedShape('log', {
  fields: { ...same(['level', 'severityNumber'], SKIP), attributes: ATTRIBUTES },
});

/** A log record in a `log` envelope item, with the `_meta` it may already carry. */
export const SERIALIZED_LOG = withMeta(
  keyedShape('serialized log', {
    fields: {
      ...same(['timestamp', 'level', 'severity_number', 'trace_id', 'span_id'], SKIP),
      attributes: ATTRIBUTES,
    },
  }),
);

const SPAN_LINK = keyedShape('span link', {
  fields: { ...same(['trace_id', 'span_id', 'sampled'], SKIP), attributes: ATTRIBUTES },
});

/** A streamed span, as `beforeSendSpan` sees it or in a `span` envelope item (v2). */
export const STREAMED_SPAN = withMeta(
  keyedShape('streamed span', {
    fields: {
      ...same(
        [
          'trace_id',
          'parent_span_id',
          'span_id',
          'start_timestamp',
          'end_timestamp',
          'status',
          'is_segment',
          'kind',
        ],
        SKIP,
      ),
      attributes: ATTRIBUTES,
      links: shape('span links', { items: SPAN_LINK }),
    },
  }),
);

/**
 * A metric in a `trace_metric` envelope item. Its name is scanned like a span's: the SDK takes
 * any text there (`metrics.count(\`login.failed.${email}\`)`).
 */
export const METRIC = withMeta(
  keyedShape('metric', {
    fields: {
      ...same(['timestamp', 'trace_id', 'span_id', 'type', 'value', 'unit'], SKIP),
      attributes: ATTRIBUTES,
    },
  }),
);

const SESSION_ATTRIBUTES = keyedShape('session attributes', {
  fields: { ip_address: REMOVE_IP, ...same(['release', 'environment', 'user_agent'], SKIP) },
});

// One bucket of a `sessions` item: counts, and the distinct id (`did`) of the user, which is
// scanned like the `did` of a single session.
// https://develop.sentry.dev/sdk/telemetry/sessions/#session-aggregates-payload
const SESSION_AGGREGATE = keyedShape('session aggregate', {
  fields: same(['started', 'exited', 'errored', 'abnormal', 'crashed', 'unhandled'], SKIP),
});

/**
 * A `session` or `sessions` envelope item: the distinct ids (`did`) are scanned, the IP removed.
 */
export const SESSION = keyedShape('session', {
  fields: {
    ...same(
      [
        'sid',
        'init',
        'started',
        'timestamp',
        'status',
        'errors',
        'duration',
        'abnormal_mechanism',
        'seq',
      ],
      SKIP,
    ),
    aggregates: shape('session aggregates', { items: SESSION_AGGREGATE }),
    attrs: SESSION_ATTRIBUTES,
    ipAddress: REMOVE_IP,
  },
});

/** An envelope's header: the DSN keeps its public key and loses a secret key. */
export const ENVELOPE_HEADER = keyedShape('envelope header', {
  fields: { ...same(['event_id', 'sent_at', 'sdk'], SKIP), trace: DYNAMIC_SAMPLING_CONTEXT },
});

// A transaction a profile covers: only its name can hold data, as the transaction's own can.
const PROFILED_TRANSACTION = shape('profiled transaction', { fields: { name: ANY }, other: SKIP });

/**
 * A `profile` item: samples, frames, ids and device information are structure, left alone
 * unread; the names of the transactions it covers are scanned like the transactions' own
 * names, which the same envelope carries.
 */
export const PROFILE = shape('profile', {
  fields: {
    transaction: PROFILED_TRANSACTION,
    transactions: shape('profiled transactions', { items: PROFILED_TRANSACTION }),
  },
  other: SKIP,
});
