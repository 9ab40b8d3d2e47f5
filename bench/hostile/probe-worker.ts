/**
 * Runs the filter once on one hostile string, alone and inside the typical event, in a
 * worker thread, so the main thread can give up on a detector that never finishes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { typicalEvent } from '../fixtures/events.ts';
import { hostileString } from '../fixtures/hostile.ts';
import { createTeamFilter, runFilter } from '../team-filter.ts';
import { eventWithExtra, eventWithMessage } from './cases.ts';

const { name } = workerData as { name: string };
const filter = createTeamFilter();
const text = hostileString(name);

const timed = (run: () => unknown): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

const aloneMs = timed(() => runFilter(filter, eventWithMessage(text), {}));
const inEventMs = timed(() => runFilter(filter, eventWithExtra(typicalEvent(), text), {}));
parentPort?.postMessage({ aloneMs, inEventMs });
