import type { Event, EventHint } from '@sentry/core';
import type { SentryEventFilter } from '../../src/index.ts';
import type { GroupOptions } from '../measure.ts';
import type { Verdict } from '../report.ts';

/** What every section measures with. */
export interface Context {
  readonly filter: SentryEventFilter;
  readonly hint: EventHint;
  /** Group settings scaled for `--quick`. */
  readonly timing: (options: GroupOptions) => GroupOptions;
  readonly progress: (message: string) => void;
}

/** One line of the targets summary. */
export interface TargetRow {
  readonly target: string;
  readonly measured: string;
  readonly limit: string;
  readonly verdict: Verdict;
}

/** A section's printed part: a heading, a table, notes, and its targets. */
export interface SectionReport {
  readonly title: string;
  readonly description: string;
  readonly table: string;
  readonly notes: readonly string[];
  readonly targets: readonly TargetRow[];
}

/** A named fixture event with its serialized size. */
export interface NamedEvent {
  readonly name: string;
  readonly event: Event;
  readonly bytes: number;
}

export function namedEvent(name: string, event: Event): NamedEvent {
  return { name, event, bytes: Buffer.byteLength(JSON.stringify(event)) };
}
