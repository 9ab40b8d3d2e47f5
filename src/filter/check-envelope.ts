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

/**
 * Runs the pipeline on an envelope as a tunnel endpoint or the command line would: drops
 * events and log records by the rules, tags and enriches events, then scrubs every item that
 * is left and the header.
 */
export function checkEnvelope(envelope: Envelope, steps: EnvelopeSteps): EnvelopeCheckResult {
  const [header, items] = envelope;
  const results: ItemCheckResult[] = [];
  const keptItems: unknown[] = [];
  // For each kept item, its result: removals name the kept position, not the original one.
  const keptResults: ItemCheckResult[] = [];

  items.forEach((item, index) => {
    const [itemHeader, payload] = item as [{ type?: unknown }, unknown];
    const type = typeof itemHeader?.type === 'string' ? itemHeader.type : 'unknown';
    const decided = decideItem(type, payload, steps);
    const result: ItemCheckResult = { index, type, ...decided.result, removals: [] };
    results.push(result);
    if (decided.payload !== null) {
      keptItems.push([withItemCount(itemHeader, decided.payload), decided.payload]);
      keptResults.push(result);
    }
  });

  if (keptItems.length === 0) {
    return { envelope: null, items: results, removals: [] };
  }

  const removals: Removal[] = [];
  const headerRemovals: Removal[] = [];
  const scrubbed = steps.scrubEnvelope([header, keptItems] as unknown as Envelope, removals);
  for (const removal of removals) {
    const target = removal.item === undefined ? undefined : keptResults[removal.item];
    ((target?.removals as Removal[] | undefined) ?? headerRemovals).push(removal);
  }
  return { envelope: scrubbed, items: results, removals: headerRemovals };
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
  if ((type === 'event' || type === 'transaction') && isRecord(payload)) {
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
    const rule = steps.dropRule(log);
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
