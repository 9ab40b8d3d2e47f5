import { eventWithBreadcrumbs } from '../fixtures/events.ts';
import { Group } from '../measure.ts';
import {
  judge,
  kilobytes,
  microseconds,
  powerLawExponent,
  ratio,
  type Target,
  table,
} from '../report.ts';
import { runFilter } from '../team-filter.ts';
import { type Context, namedEvent, type SectionReport } from './types.ts';

const BREADCRUMB_COUNTS = [30, 300, 3000];
const EXPONENT_TARGET: Target = { limit: 1.05, label: '≤ 1.05' };

/**
 * Times the filter and `JSON.stringify` on the typical event with 30, 300 and 3,000
 * breadcrumbs carrying data, and fits time = c · bytes^k; k is the growth exponent.
 */
export async function measureGrowth(context: Context): Promise<SectionReport> {
  const events = BREADCRUMB_COUNTS.map((count) =>
    namedEvent(`${count} breadcrumbs`, eventWithBreadcrumbs(count)),
  );
  const group = new Group(context.timing({ time: 600, iterations: 32, warmupTime: 150 }));
  for (const { name, event } of events) {
    group
      .add(`${name}/filter`, () => runFilter(context.filter, event, context.hint))
      .add(`${name}/json`, () => JSON.stringify(event));
  }
  context.progress('growth: 30, 300 and 3,000 breadcrumbs');
  const timings = await group.run();

  const points = events.map((event) => ({
    event,
    filterMs: timings.get(`${event.name}/filter`)?.medianMs ?? Number.NaN,
    jsonMs: timings.get(`${event.name}/json`)?.medianMs ?? Number.NaN,
  }));
  const filterExponent = powerLawExponent(points.map((p) => ({ x: p.event.bytes, y: p.filterMs })));
  const jsonExponent = powerLawExponent(points.map((p) => ({ x: p.event.bytes, y: p.jsonMs })));
  const verdict = judge(filterExponent, EXPONENT_TARGET);

  const rows = points.map(({ event, filterMs, jsonMs }) => [
    event.name,
    kilobytes(event.bytes),
    microseconds(filterMs),
    microseconds(jsonMs),
    ratio(filterMs / jsonMs),
    '',
    '',
  ]);
  rows.push([
    '**exponent k** (time ∝ bytes^k)',
    '',
    filterExponent.toFixed(3),
    jsonExponent.toFixed(3),
    '',
    EXPONENT_TARGET.label,
    verdict,
  ]);

  return {
    title: 'Growth with size',
    description:
      'The typical event with more breadcrumbs (each with request and response data). ' +
      'The exponent is the least-squares slope of log(time) against log(bytes).',
    table: table(
      ['case', 'size', 'filter µs', 'JSON.stringify µs', 'ratio', 'target', 'verdict'],
      rows,
    ),
    notes: [],
    targets: [
      {
        target: 'growth exponent of the filter (30 → 3,000 breadcrumbs)',
        measured: filterExponent.toFixed(3),
        limit: EXPONENT_TARGET.label,
        verdict,
      },
    ],
  };
}
