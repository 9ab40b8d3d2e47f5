import { measureGrowthInChild } from '../growth/index.ts';
import { median, ratioOf } from '../measure.ts';
import {
  judge,
  kilobytes,
  microseconds,
  powerLawExponent,
  ratio,
  type Target,
  table,
} from '../report.ts';
import type { Context, SectionReport } from './types.ts';

const EXPONENT_TARGET: Target = { limit: 1.05, label: '≤ 1.05' };

/**
 * Times the filter and `JSON.stringify` on the typical event with 30, 300 and 3,000
 * breadcrumbs carrying data, in a fresh process, and fits time = c · bytes^k; k is the
 * growth exponent.
 */
export async function measureGrowth(context: Context): Promise<SectionReport> {
  context.progress('growth: 30, 300 and 3,000 breadcrumbs, in a child process');
  const points = (
    await measureGrowthInChild(
      context.timing({ time: 1200, iterations: 40, warmupTime: 150, rounds: 5 }),
    )
  ).map(({ name, bytes, filter, json }) => ({ event: { name, bytes }, filter, json }));

  // Fitted within each round, whose three sizes ran seconds apart, then the median over
  // rounds: a machine that speeds up or slows down between rounds does not bend the slope.
  const exponent = (kind: 'filter' | 'json', from: number): number => {
    const chosen = points.slice(from);
    const rounds = chosen[0]?.[kind].rounds.length ?? 0;
    return median(
      Array.from({ length: rounds }, (_, round) =>
        powerLawExponent(chosen.map((p) => ({ x: p.event.bytes, y: p[kind].rounds[round] ?? 0 }))),
      ),
    );
  };
  const filterExponent = exponent('filter', 0);
  const jsonExponent = exponent('json', 0);
  // The last step alone, for comparison: it shows growth where the event is largest.
  const filterTail = exponent('filter', points.length - 2);
  const jsonTail = exponent('json', points.length - 2);
  const verdict = judge(filterExponent, EXPONENT_TARGET);

  const rows = points.map(({ event, filter, json }) => [
    event.name,
    kilobytes(event.bytes),
    microseconds(filter.medianMs),
    microseconds(json.medianMs),
    ratio(ratioOf(filter, json)),
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
      'else, so the mix of content is the same at every size, timed in a fresh process so ' +
      'that the heap of the other sections does not slow the collections of the largest. ' +
      'The exponent k of time ∝ bytes^k is the least-squares slope of log(time) against ' +
      'log(bytes), fitted over the three sizes within each round, median over the rounds; ' +
      'the last step alone is shown for comparison.',
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
