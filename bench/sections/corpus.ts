import type { Event } from '@sentry/core';
import { type Corpus, loadCorpus } from '../fixtures/corpus.ts';
import { Group, ratioOf } from '../measure.ts';
import { kilobytes, microseconds, ratio, table } from '../report.ts';
import { createTeamFilter, runFilter } from '../team-filter.ts';
import { type Context, namedEvent, type SectionReport } from './types.ts';

/**
 * Times the filter and `JSON.stringify` on every event of the shared corpus, when it is
 * present beside the repository. There is no target of its own; the typical event's limit
 * (1.5×) is the yardstick.
 */
export async function measureCorpus(context: Context): Promise<SectionReport> {
  const corpus: Corpus = loadCorpus();
  if (!corpus.found) {
    return {
      title: 'Shared corpus',
      description: '',
      table: '',
      notes: [`Skipped: no corpus at ${corpus.directory} (set SENTRY_EVENT_FILTER_SHARED).`],
      targets: [],
    };
  }

  const events = corpus.events.map((entry) => namedEvent(entry.name, entry.event));
  const outcomes = new Map(events.map(({ name, event }) => [name, outcomeOf(event)]));
  const group = new Group(context.timing({ time: 90, iterations: 12, warmupTime: 30 }));
  for (const { name, event } of events) {
    // The corpus has no live errors: the hint is empty, as on the command line.
    group
      .add(`${name}/filter`, () => runFilter(context.filter, event, {}))
      .add(`${name}/json`, () => JSON.stringify(event));
  }
  context.progress(`shared corpus: ${events.length} events`);
  const timings = await group.run();

  let filterTotal = 0;
  let jsonTotal = 0;
  const rows = events.map(({ name, bytes }) => {
    const filter = timings.get(`${name}/filter`);
    const json = timings.get(`${name}/json`);
    const filterMs = filter?.medianMs ?? Number.NaN;
    const jsonMs = json?.medianMs ?? Number.NaN;
    const value = filter && json ? ratioOf(filter, json) : Number.NaN;
    filterTotal += filterMs;
    jsonTotal += jsonMs;
    return {
      cells: [
        name,
        kilobytes(bytes),
        outcomes.get(name) ?? '',
        microseconds(filterMs),
        microseconds(jsonMs),
        ratio(value),
      ],
      ratio: value,
    };
  });
  const worst = rows.reduce((max, row) => Math.max(max, row.ratio), 0);
  const allRows = [
    ...rows.map((row) => row.cells),
    [
      `**all ${events.length} events** (sum)`,
      '',
      '',
      microseconds(filterTotal),
      microseconds(jsonTotal),
      ratio(filterTotal / jsonTotal),
    ],
  ];

  return {
    title: 'Shared corpus',
    description: `Every event and transaction of ${corpus.directory} (envelopes through @sentry/core's parseEnvelope).`,
    table: table(['event', 'size', 'outcome', 'filter µs', 'JSON.stringify µs', 'ratio'], allRows),
    notes: [
      `Corpus as a whole: filter / JSON.stringify = ${ratio(filterTotal / jsonTotal)}; worst single event ${ratio(worst)} (no target; the typical event's is 1.5×).`,
    ],
    targets: [],
  };
}

/**
 * What the filter does with an event, run once on a fresh filter: `sent`, `dropped`, or
 * `failure` when the pipeline caught an error of its own (the event is then kept as it is,
 * and every call pays for the failure report).
 */
function outcomeOf(event: Event): string {
  const filter = createTeamFilter();
  const output = runFilter(filter, event, {});
  if (filter.stats().failures > 0) {
    return 'failure';
  }
  return output === null ? 'dropped' : 'sent';
}
