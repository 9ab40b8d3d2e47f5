/**
 * `npm run bench`: what the filter costs per event, side by side with what the SDK and the
 * simplest alternatives cost, and whether its performance targets hold. `--quick` shortens
 * every time budget to a fifth for a rough look. Exits 0 whatever the verdicts: it reports,
 * it does not gate.
 */
import { describeEnvironment } from './environment.ts';
import { cleanEvent, largeEvent, typicalEvent } from './fixtures/events.ts';
import { table } from './report.ts';
import { checkFilter } from './sanity.ts';
import { measureAllocationSection } from './sections/allocation.ts';
import { measureCapture } from './sections/capture.ts';
import { measureCorpus } from './sections/corpus.ts';
import { measureGrowth } from './sections/growth.ts';
import { measureHostile } from './sections/hostile.ts';
import { measurePerEvent, reportPerEvent } from './sections/per-event.ts';
import { type Context, namedEvent, type SectionReport } from './sections/types.ts';
import { createHint, createTeamFilter } from './team-filter.ts';

const quick = process.argv.includes('--quick');
const started = performance.now();

const context: Context = {
  filter: createTeamFilter(),
  hint: createHint(),
  timing: (options) =>
    quick ? { ...options, time: options.time / 5, warmupTime: options.warmupTime / 5 } : options,
  progress: (message) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(3);
    process.stderr.write(`[${seconds} s] ${message}\n`);
  },
};

const typical = typicalEvent();
const events = [
  namedEvent('typical', typical),
  namedEvent('large', largeEvent()),
  namedEvent('nothing to scrub', cleanEvent()),
];

console.log('# sentry-event-filter benchmark\n');
console.log(
  describeEnvironment()
    .map((line) => `    ${line}`)
    .join('\n'),
);
console.log(`    mode:      ${quick ? 'quick (a fifth of the time budgets)' : 'full'}\n`);
const sanity = checkFilter(context.filter, context.hint, events);

const perEvent = await measurePerEvent(context, events);
const growth = await measureGrowth(context);
const corpus = await measureCorpus(context);
const hostile = await measureHostile(context, typical);
const capture = await measureCapture(context, typical);
const allocation = await measureAllocationSection(context);

const sections: SectionReport[] = [
  reportPerEvent(perEvent, capture),
  growth,
  hostile,
  allocation,
  corpus,
];
for (const section of sections) {
  printSection(section);
}

const targets = sections.flatMap((section) => section.targets);
const failed = targets.filter((target) => target.verdict !== 'PASS');
console.log('## Targets\n');
console.log(
  table(
    ['target', 'measured', 'limit', 'verdict'],
    targets.map((target) => [target.target, target.measured, target.limit, target.verdict]),
  ),
);
console.log(
  `\n${targets.length - failed.length} of ${targets.length} targets hold` +
    (failed.length === 0 ? '.' : `; failing: ${failed.map((target) => target.target).join('; ')}.`),
);
for (const note of sanity) {
  console.log(`- ${note}`);
}
console.log(`\nTotal time: ${((performance.now() - started) / 1000).toFixed(0)} s`);

function printSection(section: SectionReport): void {
  console.log(`## ${section.title}\n`);
  if (section.description !== '') {
    console.log(`${section.description}\n`);
  }
  if (section.table !== '') {
    console.log(`${section.table}\n`);
  }
  for (const note of section.notes) {
    console.log(`- ${note}`);
  }
  if (section.notes.length > 0) {
    console.log('');
  }
}
