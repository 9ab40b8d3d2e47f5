import type { Breadcrumb, Event, Log, SerializedLog, StreamedSpanJSON } from '@sentry/core';
import type { ItemKind } from '../report/stats.ts';

// Shapes the pipeline tells apart, and what is left of an item that could not be scrubbed.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function itemKind(event: Event): ItemKind {
  return event.type === 'transaction' ? 'transaction' : 'event';
}

/** Log records arrive as `beforeSendLog` sees them, or serialized as in an envelope. */
export function isSerializedLog(log: Log | SerializedLog): log is SerializedLog {
  return 'body' in log && !('message' in log);
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
    ...pickDefined(event, ['event_id', 'timestamp', 'level', 'platform', 'release', 'environment']),
    ...pickDefined(event, ['type']),
    tags: { scrub_failed: 'true' },
    message: 'This event could not be scrubbed and was reduced to its structure.',
  };
  const exceptionTypes = exceptionTypesOf(event);
  if (exceptionTypes.length > 0) {
    stripped.exception = { values: exceptionTypes.map((type) => ({ type, value: '[Filtered]' })) };
  }
  return stripped as T;
}

export function strippedLog<T extends Log | SerializedLog>(log: T): T {
  return isSerializedLog(log)
    ? { ...log, body: '', attributes: {} }
    : { ...log, message: '', attributes: {} };
}

export function strippedBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb {
  return pickDefined(breadcrumb, ['category', 'level', 'timestamp', 'type']);
}

export function strippedSpan(span: StreamedSpanJSON): StreamedSpanJSON {
  return { ...span, name: '[Filtered]', attributes: {} };
}

function exceptionTypesOf(event: Event): string[] {
  const values: unknown = event.exception?.values;
  if (!Array.isArray(values)) {
    return [];
  }
  return values.map((exception: { type?: unknown } | undefined) =>
    typeof exception?.type === 'string' ? exception.type : 'Error',
  );
}

function pickDefined<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) {
    if (source[key] !== undefined) {
      picked[key] = source[key];
    }
  }
  return picked;
}
