/**
 * Runs the filter once on each hostile string it is given, alone and inside the typical
 * event, in a worker thread, so the main thread can give up on a detector that never
 * finishes. Posts one message per string.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { typicalEvent } from '../fixtures/events.ts';
import { hostileString } from '../fixtures/hostile.ts';
import { createTeamFilter, runFilter } from '../team-filter.ts';
import { eventWithExtra, eventWithMessage } from './cases.ts';
import type { ProbeMessage } from './probe.ts';

const { names } = workerData as { names: readonly string[] };
const filter = createTeamFilter();
const typical = typicalEvent();

const timed = (run: () => unknown): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

for (const name of names) {
  const text = hostileString(name);
  const message: ProbeMessage = {
    name,
    aloneMs: timed(() => runFilter(filter, eventWithMessage(text), {})),
    inEventMs: timed(() => runFilter(filter, eventWithExtra(typical, text), {})),
  };
  parentPort?.postMessage(message);
}
