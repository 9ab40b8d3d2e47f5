import type { Envelope } from '@sentry/core';
import type { Removal } from '../index.ts';
import { withRecordedMeta } from '../meta/meta.ts';
import { collectRemovals } from '../meta/removals.ts';
import { SPAN_V1 } from '../shapes/event.ts';
import { ENVELOPE_HEADER, METRIC, PROFILE, SESSION, STREAMED_SPAN } from '../shapes/telemetry.ts';
import { ANY, type Shape } from '../walk/shape.ts';
import { scrubAttachment } from './attachment.ts';
import type { ItemContext } from './context.ts';
import { type ItemPlace, scrubEvent } from './event.ts';
import type { Patched } from './patch.ts';
import { headerFor, readJsonPayload, writePayload } from './payload.ts';
import { scrubLogRecord } from './record.ts';

type Item = readonly [Record<string, unknown>, unknown];

// Items whose payload carries no user data, or cannot be scanned: client reports (counts),
// profile chunks (stack samples), replay recordings (compressed; replays have their own
// masking).
const UNTOUCHED = new Set([
  'client_report',
  'profile_chunk',
  'replay_recording',
  'replay_video',
  'statsd',
  'metric_meta',
]);

const EVENT_TYPES = new Set(['event', 'transaction', 'feedback', 'replay_event']);

/**
 * Scrubs an envelope's header and every item. Returns the envelope itself when nothing
 * changed, else a new envelope that shares every unchanged item.
 */
export function scrubEnvelope(
  context: ItemContext,
  envelope: Envelope,
  removals: Removal[] | undefined,
): Envelope {
  const [header, items] = envelope as unknown as [Record<string, unknown>, readonly Item[]];
  const scrubbedHeader = context.runner.run(header, ENVELOPE_HEADER);
  if (removals !== undefined) {
    collectRemovals(scrubbedHeader.meta, scrubbedHeader.value, removals, { prefix: 'header' });
  }

  let changedItems: Item[] | undefined;
  items.forEach((item, index) => {
    const scrubbed = scrubItem(context, item, { removals, item: index });
    if (scrubbed !== item && changedItems === undefined) {
      changedItems = items.slice(0, index);
    }
    changedItems?.push(scrubbed);
  });

  if (scrubbedHeader.value === header && changedItems === undefined) {
    return envelope;
  }
  return [scrubbedHeader.value, changedItems ?? items] as unknown as Envelope;
}

function scrubItem(context: ItemContext, item: Item, place: ItemPlace): Item {
  const [header, payload] = item;
  const type = typeof header?.type === 'string' ? header.type : '';
  if (UNTOUCHED.has(type)) {
    return item;
  }

  if (type === 'attachment') {
    const scrubbed = scrubAttachment(context, header, payload, place);
    return scrubbed === undefined ? item : [headerFor(header, scrubbed) as Item[0], scrubbed];
  }

  const read = readJsonPayload(payload);
  if (read === undefined) {
    return item;
  }
  const scrubbed = scrubJsonItem(context, type, read.value, place);
  if (scrubbed === read.value) {
    return item;
  }
  const written = writePayload(read.form, scrubbed);
  return [headerFor(header, written) as Item[0], written];
}

function scrubJsonItem(
  context: ItemContext,
  type: string,
  value: unknown,
  place: ItemPlace,
): unknown {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if (EVENT_TYPES.has(type)) {
    return scrubEvent(context, value, place);
  }
  const container = value as Record<string, unknown>;
  const walk = (shape: Shape) => (record: unknown) => context.runner.run(record, shape);
  switch (type) {
    case 'log':
      return scrubContainer(context, container, (log) => scrubLogRecord(context, log, true), place);
    case 'span':
      return Array.isArray(container.items)
        ? scrubContainer(context, container, walk(STREAMED_SPAN), place)
        : scrubRecord(context, value, SPAN_V1, place);
    case 'trace_metric':
      return scrubContainer(context, container, walk(METRIC), place);
    case 'session':
    case 'sessions':
      return scrubRecord(context, value, SESSION, place);
    case 'profile':
      return scrubRecord(context, value, PROFILE, place);
    default:
      return scrubRecord(context, value, ANY, place);
  }
}

/** One JSON payload without `_meta`: sessions, check-ins, user reports, unknown items. */
function scrubRecord(context: ItemContext, value: object, shape: Shape, place: ItemPlace): unknown {
  const scrubbed = context.runner.run(value, shape);
  if (place.removals !== undefined) {
    collectRemovals(scrubbed.meta, scrubbed.value, place.removals, place);
  }
  return scrubbed.value;
}

/**
 * A container of log records, streamed spans or metrics (`{ version, ingest_settings, items }`).
 * Each record gets its own `_meta`, as Relay reads it per container item. The container's
 * `ingest_settings.infer_ip` becomes `never`, so Relay does not add the client's address.
 */
function scrubContainer(
  context: ItemContext,
  container: Record<string, unknown>,
  scrub: (record: unknown) => Patched,
  place: ItemPlace,
): unknown {
  const records = container.items;
  if (!Array.isArray(records)) {
    return scrubRecord(context, container, ANY, place);
  }

  let changed: unknown[] | undefined;
  records.forEach((record: unknown, index) => {
    const scrubbed = scrubContainerRecord(scrub, record, {
      ...place,
      prefix: `items[${index}]`,
    });
    if (scrubbed !== record && changed === undefined) {
      changed = records.slice(0, index);
    }
    changed?.push(scrubbed);
  });

  const settings = ingestSettings(container.ingest_settings, context.removeIps);
  if (changed === undefined && settings === container.ingest_settings) {
    return container;
  }
  const result: Record<string, unknown> = { ...container, items: changed ?? records };
  if (settings !== undefined) {
    result.ingest_settings = settings;
  }
  return result;
}

function scrubContainerRecord(
  scrub: (record: unknown) => Patched,
  record: unknown,
  place: ItemPlace,
): unknown {
  const { value, meta } = scrub(record);
  if (meta === undefined || typeof value !== 'object' || value === null) {
    return value;
  }
  const { value: result, recorded } = withRecordedMeta(value, meta);
  if (place.removals !== undefined) {
    collectRemovals(recorded, result, place.removals, place);
  }
  return result;
}

function ingestSettings(settings: unknown, removeIps: boolean): unknown {
  if (!removeIps) {
    return settings;
  }
  const current = typeof settings === 'object' && settings !== null ? settings : {};
  if ((current as Record<string, unknown>).infer_ip === 'never') {
    return settings;
  }
  return { ...current, infer_ip: 'never' };
}
