/**
 * What each top-level part of a fixture event costs the filter:
 *
 *   npx tsx bench/profile/parts.ts [typical|large|clean]
 *
 * Runs the filter on an event holding only that part (plus the event id and level) and
 * subtracts the cost of the event without it, next to `JSON.stringify` of the part and the
 * number of values the filter replaces in it. CPU time, best of 7 rounds.
 */
import type { Event } from '@sentry/core';
import { cleanEvent, largeEvent, typicalEvent } from '../fixtures/events.ts';
import { cpuNow } from '../measure.ts';
import { microseconds, ratio, table } from '../report.ts';
import { createHint, createTeamFilter, runFilter } from '../team-filter.ts';

const name = process.argv[2] ?? 'typical';
const event: Event =
  name === 'large' ? largeEvent() : name === 'clean' ? cleanEvent() : typicalEvent();
const filter = createTeamFilter();
const hint = createHint();

const base: Event = { event_id: event.event_id ?? '', level: event.level ?? 'error' };
const baseMs = bestOf(() => runFilter(filter, base, hint));
const rows = Object.entries(event)
  .filter(([key]) => !(key in base))
  .map(([key, value]) => {
    const part = { ...base, [key]: value } as Event;
    const filterMs = bestOf(() => runFilter(filter, part, hint)) - baseMs;
    const jsonMs = bestOf(() => JSON.stringify(value));
    const replaced = filter.check(part, hint).removals.length;
    return { key, filterMs, jsonMs, bytes: JSON.stringify(value)?.length ?? 0, replaced };
  })
  .sort((left, right) => right.filterMs - left.filterMs);

console.log(
  `# ${name}: filter cost by part (an event with only the id and level: ${microseconds(baseMs)} µs)\n`,
);
console.log(
  table(
    ['part', 'bytes', 'replaced', 'filter µs', 'JSON.stringify µs', 'ratio'],
    rows.map((row) => [
      row.key,
      String(row.bytes),
      String(row.replaced),
      microseconds(Math.max(row.filterMs, 0)),
      microseconds(row.jsonMs),
      ratio(Math.max(row.filterMs, 0) / row.jsonMs),
    ]),
  ),
);

function bestOf(run: () => unknown): number {
  const calls = 100;
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 8; round++) {
    const start = cpuNow();
    for (let index = 0; index < calls; index++) {
      run();
    }
    // The first round warms up and is not counted.
    if (round > 0) {
      best = Math.min(best, (cpuNow() - start) / calls);
    }
  }
  return best;
}
