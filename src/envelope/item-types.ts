/**
 * Item types whose payload is a JSON object. From `EnvelopeItemType` in `@sentry/core`
 * (types/envelope.d.ts, 11.x) and the item list of Sentry's envelope documentation
 * (develop.sentry.dev, "Envelope Items"); `sessions` is the aggregate form of `session`,
 * `otel_log` the OpenTelemetry log container some SDKs send.
 */
const JSON_ITEM_TYPES: ReadonlySet<string> = new Set([
  'event',
  'transaction',
  'session',
  'sessions',
  'client_report',
  'user_report',
  'feedback',
  'profile',
  'profile_chunk',
  'replay_event',
  'check_in',
  'span',
  'log',
  'otel_log',
  'metric',
  'trace_metric',
  'raw_security',
]);

/**
 * Item types whose payload is kept as bytes: attachments (files, minidumps, view
 * hierarchies), replay recordings (a JSON line followed by compressed data) and replay
 * videos, and `statsd` text.
 */
const BYTE_ITEM_TYPES: ReadonlySet<string> = new Set([
  'attachment',
  'replay_recording',
  'replay_video',
  'statsd',
]);

/** How an item's payload is read: as a JSON object, as bytes, or JSON when it parses. */
export type PayloadKind = 'json' | 'bytes' | 'either';

/** Tells how the payload of an item of `type` is read. */
export function payloadKind(type: string): PayloadKind {
  if (JSON_ITEM_TYPES.has(type)) {
    return 'json';
  }
  return BYTE_ITEM_TYPES.has(type) ? 'bytes' : 'either';
}
