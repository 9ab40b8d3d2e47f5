/**
 * The loop `instructions.ts` bundles and runs under callgrind: a warm-up, then `calls` calls
 * of one task on one fixture. Not meant to be run by hand.
 *
 *   node --predictable loop.mjs <task> <calls> <warm-up calls> <go file>
 *
 * After the warm-up it prints `warm` and waits until the go file exists, so that the driver
 * can switch callgrind's counting on for the measured calls only.
 */
import { existsSync } from 'node:fs';
import type { ErrorEvent, Event } from '@sentry/core';
import { cleanEvent, largeEvent, typicalEvent } from '../fixtures/events.ts';
import { createHint, createTeamFilter, runFilter } from '../team-filter.ts';

const [task = 'typical', count = '100', warmUp = '3000', goFile = ''] = process.argv.slice(2);
const calls = Number(count);
const run = taskOf(task);

for (let index = 0; index < Number(warmUp); index++) {
  run();
}
process.stdout.write('warm\n');
while (goFile !== '' && !existsSync(goFile)) {
  // Waits for the driver; each look is a system call, where callgrind reads its commands.
}
for (let index = 0; index < calls; index++) {
  run();
}

// `typical`, `json:typical`, or `part:typical:breadcrumbs` (the event with only that part,
// its id and its level).
function taskOf(name: string): () => unknown {
  const [kind, fixtureName = '', part] = name.includes(':') ? name.split(':') : ['filter', name];
  const whole = fixture(fixtureName);
  const event: Event =
    part === undefined
      ? whole
      : ({
          event_id: whole.event_id,
          level: whole.level,
          [part]: whole[part as keyof Event],
        } as Event);
  if (kind === 'json') {
    return () => JSON.stringify(event);
  }
  const filter = createTeamFilter();
  const hint = createHint();
  return () => runFilter(filter, event, hint);
}

function fixture(name: string): ErrorEvent {
  switch (name) {
    case 'typical':
      return typicalEvent();
    case 'large':
      return largeEvent();
    case 'clean':
      return cleanEvent();
    case 'bare':
      return { event_id: 'f3c2a1b0e9d8c7b6a5f4e3d2c1b0a998', level: 'error' } as ErrorEvent;
    default:
      throw new Error(`unknown fixture "${name}": use typical, large, clean or bare`);
  }
}
