import type {
  Breadcrumb,
  Envelope,
  Event,
  Log,
  Metric,
  SerializedLog,
  StreamedSpanJSON,
} from '@sentry/core';
import type { ItemKind } from '../report/stats.ts';

// Shapes the pipeline tells apart, and what is left of an item that could not be scrubbed.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Items from outside can be proxies or carry getters that throw: what the pipeline reads
// outside its guarded steps is read through `attempt`.

/** An event that cannot even be read counts as an error event. */
export function itemKind(event: Event): ItemKind {
  return attempt(() => (event.type === 'transaction' ? 'transaction' : 'event'), 'event');
}

/** The event's id, or `undefined` when it has none or it cannot be read. */
export function eventIdOf(event: Event): string | undefined {
  return attempt(() => {
    const id: unknown = event.event_id;
    return typeof id === 'string' ? id : undefined;
  }, undefined);
}

/** Log records arrive as `beforeSendLog` sees them, or serialized as in an envelope. */
export function isSerializedLog(log: Log | SerializedLog): log is SerializedLog {
  return attempt(() => 'body' in log && !('message' in log), false);
}

/** A serialized log record as `beforeSendLog` would have seen it, for the logger lookup. */
export function plainLog(log: SerializedLog): Log {
  const attributes: Record<string, unknown> = {};
  for (const [key, attribute] of Object.entries(log.attributes ?? {})) {
    attributes[key] = isRecord(attribute) && 'value' in attribute ? attribute.value : attribute;
  }
  return { level: log.level, message: log.body, attributes };
}

// Never send raw data: what could not be scrubbed is reduced to fields that never carry user
// data, so the failure is visible in Sentry without leaking anything.

export function strippedEvent<T extends Event>(original: T): T {
  const event: Event = original;
  const stripped: Event = {
    ...pickScalars(event, ['event_id', 'timestamp', 'level', 'platform', 'release', 'environment']),
    ...pickScalars(event, ['type']),
    tags: { scrub_failed: 'true' },
    message: 'This event could not be scrubbed and was reduced to its structure.',
  };
  const exceptionTypes = exceptionTypesOf(event);
  if (exceptionTypes.length > 0) {
    stripped.exception = { values: exceptionTypes.map((type) => ({ type, value: '[Filtered]' })) };
  }
  return stripped as T;
}

// Envelope items whose payload is an event: what is left of one is still sent, so the
// failure shows in Sentry; other items are left out.
const EVENT_ITEMS = new Set(['event', 'transaction']);

/**
 * What is left of an envelope that could not be scrubbed: the ids and the SDK of its header,
 * and its events and transactions reduced to their structure.
 */
export function strippedEnvelope(envelope: Envelope): Envelope {
  const [header, items] = attempt(() => {
    const [first, second] = envelope as unknown as [unknown, unknown];
    return [first, second];
  }, [undefined, undefined]);
  return [
    attempt(() => (isRecord(header) ? pickStrings(header, ['event_id', 'sent_at']) : {}), {}),
    attempt(() => (Array.isArray(items) ? items.flatMap(strippedItem) : []), []),
  ] as unknown as Envelope;
}

function strippedItem(item: unknown): unknown[] {
  return attempt(() => {
    const [header, payload] = Array.isArray(item) ? item : [];
    const type: unknown = isRecord(header) ? header.type : undefined;
    return typeof type === 'string' && EVENT_ITEMS.has(type) && isRecord(payload)
      ? [[{ type }, strippedEvent(payload as Event)]]
      : [];
  }, []);
}

// What cannot even be read (a throwing getter, a hostile proxy) is left out.
function attempt<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    return otherwise;
  }
}

function pickStrings(source: Record<string, unknown>, keys: readonly string[]) {
  const picked: Record<string, string> = {};
  for (const key of keys) {
    const value = source[key];
    if (typeof value === 'string') {
      picked[key] = value;
    }
  }
  return picked;
}

export function strippedLog<T extends Log | SerializedLog>(log: T): T {
  if (isSerializedLog(log)) {
    const kept = pickScalars(log, ['timestamp', 'level', 'trace_id', 'severity_number']);
    return { ...kept, body: '', attributes: {} } as SerializedLog as T;
  }
  const kept = pickScalars(log as Log, ['level', 'severityNumber']);
  return { ...kept, message: '', attributes: {} } as Log as T;
}

export function strippedBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb {
  return pickScalars(breadcrumb, ['category', 'level', 'timestamp', 'type']);
}

/** A metric with its type, value and unit only: its name and attributes go. */
export function strippedMetric(metric: Metric): Metric {
  const kept = pickScalars(metric, ['type', 'value', 'unit']);
  return { ...kept, name: '[Filtered]', attributes: {} } as Metric;
}

/** A span with its ids, times and status only: its name, attributes and links go. */
export function strippedSpan(span: StreamedSpanJSON): StreamedSpanJSON {
  const kept = pickScalars(span, [
    'trace_id',
    'parent_span_id',
    'span_id',
    'start_timestamp',
    'end_timestamp',
    'status',
    'is_segment',
  ]);
  return { ...kept, name: '[Filtered]', attributes: {} } as StreamedSpanJSON;
}

/** What is left of an attachment that could not be scrubbed: all but its data. */
export function strippedAttachment<T extends { data: unknown }>(attachment: T): T {
  const data = '[Filtered: attachment could not be scrubbed]';
  return attempt(() => ({ ...attachment, data }), { filename: 'attachment', data } as never);
}

function exceptionTypesOf(event: Event): string[] {
  return attempt(() => {
    const values: unknown = event.exception?.values;
    if (!Array.isArray(values)) {
      return [];
    }
    return values.map((exception: { type?: unknown } | undefined) =>
      typeof exception?.type === 'string' ? exception.type : 'Error',
    );
  }, []);
}

/**
 * The fields of `keys` that hold a string, number or boolean; the others, and those that
 * cannot be read, are left out.
 */
function pickScalars<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    const value = attempt(() => source[key], undefined);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      picked[key] = value;
    }
  }
  return picked;
}
