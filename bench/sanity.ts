import type { EventHint } from '@sentry/core';
import type { SentryEventFilter } from '../src/index.ts';
import type { NamedEvent } from './sections/types.ts';
import { runFilter } from './team-filter.ts';

// Values the typical fixture is known to hold; any left in the output means no scrubbing.
const PLANTED_SECRETS = ['correct-horse-battery-staple', 'S3cr3t-pa55w0rd', 'AKIAIOSFODNN7EXAMPLE'];

/**
 * Checks that the measured path is the one meant: the fixture events are kept, their input
 * is not mutated, and whether scrubbing actually removes the planted secrets (on a
 * pass-through scrubber the numbers only measure decisions).
 */
export function checkFilter(
  filter: SentryEventFilter,
  hint: EventHint,
  events: readonly NamedEvent[],
): string[] {
  const notes: string[] = [];
  for (const { name, event } of events) {
    const before = JSON.stringify(event);
    const output = runFilter(filter, event, hint);
    if (JSON.stringify(event) !== before) {
      notes.push(
        `WARNING: the filter mutated the ${name} fixture; later runs measure a changed event.`,
      );
    }
    if (output === null) {
      notes.push(
        `WARNING: the filter dropped the ${name} event; its timings measure the drop path.`,
      );
      continue;
    }
    if (name === 'typical') {
      const sent = JSON.stringify(output);
      const left = PLANTED_SECRETS.filter((secret) => sent.includes(secret));
      notes.push(
        left.length === 0
          ? 'Scrubbing is active: none of the planted secrets reach the output.'
          : `Scrubbing removed ${PLANTED_SECRETS.length - left.length} of ${PLANTED_SECRETS.length} planted secrets; ` +
              'where none are removed, the numbers measure decisions and enrichment only.',
      );
    }
  }
  return notes;
}
