import type { Envelope, Event, SerializedLog } from '@sentry/core';
import type { Removal } from '../scrub/index.ts';
import { isRecord } from './shapes.ts';
import type { CheckResult, EnvelopeCheckResult, ItemCheckResult } from './types.ts';

/** The pipeline steps an envelope check needs from the filter. */
export interface EnvelopeSteps {
  /** Decide, tag and enrich an event; counts it. */
  prepareEvent(event: Event): CheckResult;
  /** The rule that drops a log record, if any; counts it. */
  dropRule(log: SerializedLog): string | undefined;
  /** Scrubs what is left, collecting removals with the kept item's position. */
  scrubEnvelope(envelope: Envelope, removals: Removal[]): Envelope;
}

type ItemDecision = Omit<ItemCheckResult, 'index' | 'type' | 'removals'>;

/** What happens to an item or record that has not the shape of one. */
const MALFORMED: ItemDecision = { outcome: 'dropped', droppedBy: 'malformed' };

/**
 * Runs the pipeline on an envelope as a tunnel endpoint or the command line would: drops
 * events and log records by the rules, tags and enriches events, then scrubs every item that
 * is left and the header.
 */
export function checkEnvelope(envelope: Envelope, steps: EnvelopeSteps): EnvelopeCheckResult {
  const header: unknown = Array.isArray(envelope) ? envelope[0] : undefined;
  const items: unknown[] = Array.isArray(envelope) && Array.isArray(envelope[1]) ? envelope[1] : [];
  const decided = items.map((item, index) => decideEntry(item, index, steps));

  // Attachments belong to the envelope's event: when the event is dropped, so are they.
  const droppedEvent = decided.find(
    ({ result }) =>
      (result.type === 'event' || result.type === 'transaction') && result.outcome === 'dropped',
  );
  const results: ItemCheckResult[] = [];
  const keptItems: unknown[] = [];
  // For each kept item, its result: removals name the kept position, not the original one.
  const keptResults: ItemCheckResult[] = [];
  for (const entry of decided) {
    if (droppedEvent !== undefined && entry.result.type === 'attachment') {
      const droppedBy = `with its event (${droppedEvent.result.droppedBy})`;
      results.push({ ...entry.result, outcome: 'dropped', droppedBy });
      continue;
    }
    results.push(entry.result);
    if (entry.item !== null) {
      keptItems.push(entry.item);
      keptResults.push(entry.result);
    }
  }

  if (keptItems.length === 0) {
    return { envelope: null, items: results, removals: [] };
  }

  const removals: Removal[] = [];
  const headerRemovals: Removal[] = [];
  const kept = [isRecord(header) ? header : {}, keptItems] as unknown as Envelope;
  const scrubbed = steps.scrubEnvelope(kept, removals);
  for (const removal of removals) {
    const target = removal.item === undefined ? undefined : keptResults[removal.item];
    ((target?.removals as Removal[] | undefined) ?? headerRemovals).push(removal);
  }
  return { envelope: scrubbed, items: results, removals: headerRemovals };
}

/** Decides one entry of an envelope's item list; `item: null` leaves it out. */
function decideEntry(
  entry: unknown,
  index: number,
  steps: EnvelopeSteps,
): { item: unknown; result: ItemCheckResult } {
  if (!Array.isArray(entry) || !isRecord(entry[0])) {
    // Not an item at all: nothing to check, and never sent as it came.
    return { item: null, result: { index, type: 'unknown', ...MALFORMED, removals: [] } };
  }
  const [itemHeader, payload] = entry as [{ type?: unknown }, unknown];
  const type = typeof itemHeader.type === 'string' ? itemHeader.type : 'unknown';
  const decided = decideItem(type, payload, steps);
  const result: ItemCheckResult = { index, type, ...decided.result, removals: [] };
  const item =
    decided.payload === null ? null : [withItemCount(itemHeader, decided.payload), decided.payload];
  return { item, result };
}

/** A container's header counts its records; after records were dropped it must say so. */
function withItemCount(header: { type?: unknown }, payload: unknown): unknown {
  const count = (header as { item_count?: unknown }).item_count;
  const items = isRecord(payload) ? payload.items : undefined;
  if (typeof count !== 'number' || !Array.isArray(items) || items.length === count) {
    return header;
  }
  return { ...header, item_count: items.length };
}

/** Decides one item; `payload: null` drops it. */
function decideItem(
  type: string,
  payload: unknown,
  steps: EnvelopeSteps,
): { payload: unknown; result: ItemDecision } {
  if (type === 'event' || type === 'transaction') {
    if (!isRecord(payload)) {
      return { payload: null, result: MALFORMED };
    }
    const { event, outcome, droppedBy, tags } = steps.prepareEvent(payload as Event);
    return { payload: event, result: { outcome, droppedBy, tags } };
  }

  if (type === 'log' && isRecord(payload) && Array.isArray(payload.items)) {
    return decideLogs(payload, payload.items as SerializedLog[], steps);
  }

  return { payload, result: { outcome: 'sent', droppedBy: undefined } };
}

function decideLogs(
  container: Record<string, unknown>,
  logs: SerializedLog[],
  steps: EnvelopeSteps,
): { payload: unknown; result: ItemDecision } {
  const droppedRecords: { index: number; rule: string }[] = [];
  const keptLogs = logs.filter((log, index) => {
    const rule = isRecord(log) ? steps.dropRule(log) : 'malformed';
    if (rule !== undefined) {
      droppedRecords.push({ index, rule });
    }
    return rule === undefined;
  });

  if (keptLogs.length === 0) {
    const droppedBy = droppedRecords[0]?.rule;
    return { payload: null, result: { outcome: 'dropped', droppedBy, droppedRecords } };
  }
  const kept = droppedRecords.length === 0 ? container : { ...container, items: keptLogs };
  return { payload: kept, result: { outcome: 'sent', droppedBy: undefined, droppedRecords } };
}
