import { breadcrumbTrail } from '../fixtures/events.ts';
import { Group, ratioBetween } from '../measure.ts';
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
    namedEvent(`${count} breadcrumbs`, breadcrumbTrail(count)),
  );
  const group = new Group(
    context.timing({ time: 1200, iterations: 40, warmupTime: 150, rounds: 5 }),
  );
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
    ratio: ratioBetween(timings.get(`${event.name}/filter`), timings.get(`${event.name}/json`)),
  }));
  const filterExponent = powerLawExponent(points.map((p) => ({ x: p.event.bytes, y: p.filterMs })));
  const jsonExponent = powerLawExponent(points.map((p) => ({ x: p.event.bytes, y: p.jsonMs })));
  // The last step alone, for comparison: it shows growth where the event is largest.
  const tail = points.slice(-2);
  const filterTail = powerLawExponent(tail.map((p) => ({ x: p.event.bytes, y: p.filterMs })));
  const jsonTail = powerLawExponent(tail.map((p) => ({ x: p.event.bytes, y: p.jsonMs })));
  const verdict = judge(filterExponent, EXPONENT_TARGET);

  const rows = points.map(({ event, filterMs, jsonMs, ratio: value }) => [
    event.name,
    kilobytes(event.bytes),
    microseconds(filterMs),
    microseconds(jsonMs),
    ratio(value),
    '',
    '',
  ]);
  rows.push(
    [
      '**exponent k**, fit over all three',
      '',
      filterExponent.toFixed(3),
      jsonExponent.toFixed(3),
      '',
      EXPONENT_TARGET.label,
      verdict,
    ],
    ['exponent k, 300 → 3,000 only', '', filterTail.toFixed(3), jsonTail.toFixed(3), '', '', ''],
  );

  return {
    title: 'Growth with size',
    description:
      'An event of 30, 300 and 3,000 breadcrumbs with request and response data and little ' +
      'else, so the mix of content is the same at every size. ' +
      'The exponent k of time ∝ bytes^k is the least-squares slope of log(time) against ' +
      'log(bytes), fitted over the three sizes; the last step alone is shown for comparison.',
    table: table(
      ['case', 'size', 'filter µs', 'JSON.stringify µs', 'ratio', 'target', 'verdict'],
      rows,
    ),
    notes: [],
    targets: [
      {
        target: 'growth exponent of the filter (30 → 3,000 breadcrumbs)',
        measured: `${filterExponent.toFixed(3)} (last step ${filterTail.toFixed(3)})`,
        limit: EXPONENT_TARGET.label,
        verdict,
      },
    ],
  };
}
