/**
 * Where the filter's time and allocations go, for one fixture:
 *
 *   npx tsx bench/profile/index.ts [typical|large|clean|capture|hostile:<name>] [--seconds=5]
 *
 * Runs the filter in a loop under the inspector's CPU profiler, then under its sampling
 * heap profiler (counting objects already collected too), and prints the hottest functions
 * and the biggest allocation sites. The raw profiles are written to the system temp folder
 * for Chrome DevTools or speedscope.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorEvent } from '@sentry/core';
import { REPO_ROOT } from '../../test/helpers/shared.ts';
import { createDeepFailure, startCapture } from '../baselines/sdk.ts';
import { cleanEvent, largeEvent, typicalEvent } from '../fixtures/events.ts';
import { hostileString } from '../fixtures/hostile.ts';
import { eventWithMessage } from '../hostile/cases.ts';
import { table } from '../report.ts';
import { createHint, createTeamFilter, runFilter } from '../team-filter.ts';
import { allocationSites, type SamplingHeapProfile } from './allocations.ts';
import { type CpuProfile, hotFunctions } from './summarize.ts';

const caseName = process.argv.slice(2).find((argument) => !argument.startsWith('--')) ?? 'typical';
const seconds = Number(
  process.argv.find((argument) => argument.startsWith('--seconds='))?.split('=')[1] ?? 5,
);
// `capture` profiles the SDK's whole path with the filter's integration, not the filter alone.

const filter = createTeamFilter();
const hint = createHint();
let calls = 0;
const loop = caseName === 'capture' ? await captureLoop() : filterLoop(fixture(caseName));

await loop(); // warm up: the profiles should show optimised code, not the compiler.
const session = new Session();
session.connect();

calls = 0;
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await session.post('Profiler.start');
await loop();
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
const cpuFile = join(tmpdir(), `sentry-event-filter-${caseName.replace(/\W+/g, '-')}.cpuprofile`);
writeFileSync(cpuFile, JSON.stringify(profile));
const perCall = (seconds * 1000) / calls;
console.log(
  `# ${caseName}: ${calls} calls in ${seconds} s, ${(perCall * 1000).toFixed(1)} µs per call\n`,
);
console.log('## Time (self and total, share of samples)\n');
console.log(
  table(
    ['function', 'location', 'self', 'total'],
    hotFunctions(profile, REPO_ROOT, 20).map((hot) => [
      hot.name,
      hot.location,
      `${hot.selfPercent.toFixed(1)} %`,
      `${hot.totalPercent.toFixed(1)} %`,
    ]),
  ),
);

calls = 0;
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 256,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
await loop();
const heap = (await session.post('HeapProfiler.stopSampling')) as unknown as {
  profile: SamplingHeapProfile;
};
const heapFile = cpuFile.replace('.cpuprofile', '.heapprofile');
writeFileSync(heapFile, JSON.stringify(heap.profile));
console.log('\n## Allocation sites (sampled; bytes per call)\n');
console.log(
  table(
    ['function', 'location', 'bytes per call'],
    allocationSites(heap.profile, REPO_ROOT, calls, 15).map((site) => [
      site.name,
      site.location,
      site.bytesPerCall.toFixed(0),
    ]),
  ),
);
console.log(`\nProfiles: ${cpuFile}, ${heapFile}`);
session.disconnect();
process.exit(0);

function filterLoop(event: ErrorEvent): () => Promise<void> {
  return async () => {
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      runFilter(filter, event, hint);
      calls++;
    }
  };
}

/** `capture`: the whole `captureException` path with the filter's integration. */
async function captureLoop(): Promise<() => Promise<void>> {
  Error.stackTraceLimit = 20;
  const capture = startCapture(typicalEvent());
  capture.addIntegration(filter.integration());
  return async () => {
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      await capture.captureAndWait(createDeepFailure());
      calls++;
    }
  };
}

function fixture(name: string): ErrorEvent {
  if (name.startsWith('hostile:')) {
    return eventWithMessage(hostileString(name.slice('hostile:'.length)));
  }
  switch (name) {
    case 'base':
      return { event_id: typicalEvent().event_id, level: 'error' } as ErrorEvent;
    case 'large':
      return largeEvent();
    case 'clean':
      return cleanEvent();
    default:
      return typicalEvent();
  }
}
