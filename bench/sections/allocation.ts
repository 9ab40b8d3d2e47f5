import { measureAllocations } from '../allocation/index.ts';
import { bytesLabel, judge, type Target, table } from '../report.ts';
import type { Context, SectionReport } from './types.ts';

const TARGET: Target = { limit: 1024, label: '< 1,024 B', strict: true };
// The target is judged on the filter with nothing to do: nothing to scrub, and no enricher
// adding tags or contexts, which are new data and take new memory by their nature.
const TARGET_ROW = 'filter without enrichers: nothing to scrub';
// The validation rows must land within this share of the known size for the method to hold.
const VALIDATION_TOLERANCE = 0.02;

/** Bytes allocated per call, measured in a child process (see bench/allocation/measure.ts). */
export async function measureAllocationSection(context: Context): Promise<SectionReport> {
  context.progress('allocation: child process with a 256 MiB young generation');
  const results = await measureAllocations();

  const notes: string[] = [];
  let verdict: 'PASS' | 'FAIL' = 'FAIL';
  let measured = 'n/a';
  const rows = results.map((result) => {
    const cells = [
      result.name,
      bytesLabel(result.bytesPerCall),
      '',
      '',
      String(result.spoiledRounds),
    ];
    if (result.expected !== undefined) {
      const error = result.bytesPerCall / result.expected - 1;
      cells[2] = `expected ${bytesLabel(result.expected)} (${(error * 100).toFixed(1)} %)`;
      if (Math.abs(error) > VALIDATION_TOLERANCE) {
        notes.push(
          `Validation off by ${(error * 100).toFixed(1)} % for ${result.name}: treat these numbers with care.`,
        );
      }
    }
    if (result.name === TARGET_ROW) {
      verdict = judge(result.bytesPerCall, TARGET) === 'PASS' ? 'PASS' : 'FAIL';
      measured = bytesLabel(result.bytesPerCall);
      cells[2] = TARGET.label;
      cells[3] = verdict;
    }
    return cells;
  });

  return {
    title: 'Allocation per event',
    description:
      "Growth of V8's used heap across N calls with no collection in between (256 MiB " +
      'semi-spaces, rounds with a `gc` performance entry discarded, smallest of 5 rounds), ' +
      'validated against arrays of known size.',
    table: table(['case', 'bytes per call', 'reference', 'verdict', 'spoiled rounds'], rows),
    notes,
    targets: [
      {
        target: 'nothing-to-scrub event: bytes allocated per event',
        measured,
        limit: TARGET.label,
        verdict,
      },
    ],
  };
}
