import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

/** Bytes one call leaves on the heap, and whether a collection spoiled any round. */
export interface Allocation {
  readonly name: string;
  /** Bytes per call: the smallest over the rounds. */
  readonly bytesPerCall: number;
  /** Rounds thrown away because a garbage collection ran inside them. */
  readonly spoiledRounds: number;
}

// Warm-up ends after this many calls or this much time, whichever comes first.
const WARMUP_CALLS = 5_000;
const WARMUP_MS = 500;
const ROUNDS = 5;

/** Keeps each result alive until the next call replaces it, so no call is optimised away. */
export let sink: unknown;

const gcTimes: number[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcTimes.push(entry.startTime);
  }
});
observer.observe({ entryTypes: ['gc'] });

/**
 * Measures heap allocation per call. The process runs with a young generation large enough
 * (`--min-semi-space-size` / `--max-semi-space-size`) that `calls` calls fit without a
 * collection, so the growth of V8's used heap size across the calls is what they allocated.
 * Each round starts after a full `gc()`; a round in which the `gc` performance entries show
 * a collection is discarded. The smallest round wins, as one-off allocations (lazy
 * compilation, inline caches) only ever add.
 */
export async function measureAllocation(
  name: string,
  fn: () => unknown,
  calls: number,
): Promise<Allocation> {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) {
    throw new Error('Allocation measurement needs node --expose-gc');
  }

  const warmupEnd = performance.now() + WARMUP_MS;
  for (let index = 0; index < WARMUP_CALLS && performance.now() < warmupEnd; index++) {
    sink = fn();
  }

  let best = Number.POSITIVE_INFINITY;
  let spoiledRounds = 0;
  for (let round = 0; round < ROUNDS; round++) {
    collect();
    sink = undefined;
    const startTime = performance.now();
    const before = getHeapStatistics().used_heap_size;
    for (let index = 0; index < calls; index++) {
      sink = fn();
    }
    const after = getHeapStatistics().used_heap_size;
    const endTime = performance.now();
    await settle();

    if (gcTimes.some((time) => time >= startTime && time <= endTime)) {
      spoiledRounds++;
      continue;
    }
    best = Math.min(best, (after - before) / calls);
  }
  return { name, bytesPerCall: best, spoiledRounds };
}

// Performance entries are delivered asynchronously; let the observer catch up.
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
