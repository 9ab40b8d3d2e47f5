import type { Event } from '@sentry/core';
import type { FilterStats, ItemKind } from 'sentry-event-filter';
import type { DiscardedEvent, ReceivedEnvelope } from './receiver.ts';
import type { Observed, SentLog } from './scenario.ts';

/**
 * What reached the receiver in some envelopes, and how the filters' counters moved between
 * two flushes of every app.
 */
export function observe(
  envelopes: readonly ReceivedEnvelope[],
  before: readonly FilterStats[],
  after: readonly FilterStats[],
): Observed {
  const items = envelopes.flatMap((envelope) => envelope.items);
  const events = items.filter((item) => item.type === 'event').map((item) => item.payload as Event);
  const logs = items
    .filter((item) => item.type === 'log')
    .flatMap((item) => (item.payload?.items ?? []) as SentLog[]);

  const dropped: Record<string, number> = {};
  const tagged: Record<string, number> = {};
  const droppedKinds: Partial<Record<ItemKind, number>> = {};
  after.forEach((stats, index) => {
    const previous = before[index];
    for (const [rule, counts] of Object.entries(stats.rules)) {
      const earlier = previous?.rules[rule];
      addDifference(dropped, rule, counts.dropped, earlier?.dropped);
      addDifference(tagged, rule, counts.tagged, earlier?.tagged);
    }
    for (const [kind, count] of Object.entries(stats.dropped) as [ItemKind, number][]) {
      addDifference(droppedKinds, kind, count, previous?.dropped[kind]);
    }
  });

  return {
    events,
    logs,
    dropped,
    droppedKinds,
    tagged,
    discarded: sumClientReports(items.filter((item) => item.type === 'client_report')),
    raw: envelopes.map((envelope) => envelope.raw).join('\n'),
  };
}

function addDifference<K extends string>(
  totals: Partial<Record<K, number>>,
  key: K,
  now: number | undefined,
  earlier: number | undefined,
): void {
  const difference = (now ?? 0) - (earlier ?? 0);
  if (difference > 0) {
    totals[key] = (totals[key] ?? 0) + difference;
  }
}

function sumClientReports(reports: readonly { payload: unknown }[]): DiscardedEvent[] {
  const totals = new Map<string, DiscardedEvent>();
  for (const report of reports) {
    const entries = (report.payload as { discarded_events?: DiscardedEvent[] })?.discarded_events;
    for (const entry of entries ?? []) {
      const key = `${entry.reason}:${entry.category}`;
      const quantity = (totals.get(key)?.quantity ?? 0) + entry.quantity;
      totals.set(key, { reason: entry.reason, category: entry.category, quantity });
    }
  }
  return [...totals.values()];
}
