/**
 * Run by `bench/allocation/index.ts` in a child process with a large young generation and
 * `--expose-gc`; prints one JSON line with the allocations it measured.
 */
import { naiveScrub } from '../baselines/naive-scrubber.ts';
import { cleanEvent, typicalEvent } from '../fixtures/events.ts';
import { createHint, createTeamFilter, runFilter } from '../team-filter.ts';
import { type Allocation, measureAllocation } from './measure.ts';

// Arrays of known size validate the method. Without pointer compression (Node's default
// build), a JSArray header is 4 words (32 bytes) and its backing FixedArray 2 words plus one
// per element, so 122 elements take 1,024 bytes and 250 take 2,048.
const KNOWN_SIZES = [
  { elements: 122, bytes: 1024 },
  { elements: 250, bytes: 2048 },
];

const filter = createTeamFilter();
// The team's filter without its enrichers: the same matching and scrubbing, nothing to add.
const scrubOnly = createTeamFilter({ enrichment: false, enrich: [] });
const hint = createHint();
const clean = cleanEvent();
const typical = typicalEvent();

const results: (Allocation & { expected?: number })[] = [];
for (const known of KNOWN_SIZES) {
  const measured = await measureAllocation(
    `validation: array of ${known.elements}`,
    () => new Array(known.elements).fill(0),
    20_000,
  );
  results.push({ ...measured, expected: known.bytes });
}
results.push(await measureAllocation('no-op call (loop overhead)', () => clean, 20_000));
results.push(
  await measureAllocation(
    'filter without enrichers: nothing to scrub',
    () => runFilter(scrubOnly, clean, hint),
    2_000,
  ),
);
results.push(
  await measureAllocation(
    'filter with enrichers: nothing to scrub',
    () => runFilter(filter, clean, hint),
    2_000,
  ),
);
results.push(
  await measureAllocation('filter: typical event', () => runFilter(filter, typical, hint), 500),
);
results.push(
  await measureAllocation('JSON.stringify: nothing to scrub', () => JSON.stringify(clean), 500),
);
results.push(
  await measureAllocation('naive scrubber: nothing to scrub', () => naiveScrub(clean), 100),
);

process.stdout.write(`${JSON.stringify({ nodeMajor: process.versions.node, results })}\n`);
