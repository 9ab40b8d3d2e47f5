/**
 * Run by `bench/growth/index.ts` in a fresh process: times the filter and `JSON.stringify` on
 * the breadcrumb trails and prints one JSON line with the timings.
 */
import { breadcrumbTrail } from '../fixtures/events.ts';
import { Group, type GroupOptions, type Timing } from '../measure.ts';
import { namedEvent } from '../sections/types.ts';
import { createHint, createTeamFilter, runFilter } from '../team-filter.ts';

/** One size of the trail, as the child measured it. */
export interface GrowthPoint {
  readonly name: string;
  readonly bytes: number;
  readonly filter: Timing;
  readonly json: Timing;
}

export const BREADCRUMB_COUNTS = [30, 300, 3000];

const options = JSON.parse(process.argv[2] ?? '{}') as GroupOptions;
const filter = createTeamFilter();
const hint = createHint();
const events = BREADCRUMB_COUNTS.map((count) =>
  namedEvent(`${count} breadcrumbs`, breadcrumbTrail(count)),
);

const group = new Group(options);
for (const { name, event } of events) {
  group
    .add(`${name}/filter`, () => runFilter(filter, event, hint))
    .add(`${name}/json`, () => JSON.stringify(event));
}
const timings = await group.run();

const points: GrowthPoint[] = events.map(({ name, bytes }) => ({
  name,
  bytes,
  filter: timings.get(`${name}/filter`) as Timing,
  json: timings.get(`${name}/json`) as Timing,
}));
process.stdout.write(`${JSON.stringify({ points })}\n`);
