import type { Event } from '@sentry/core';
import { createScrubber, type Removal, type Scrubber } from '../../src/scrub/index.ts';
import { resolveScrubOptions, type ScrubOptions } from '../../src/scrub/options.ts';

/** A scrubber built the way the filter builds it, with what it reported. */
export interface TestScrubber {
  readonly scrubber: Scrubber;
  /** Rules passed to `reporter.removed`, in order. */
  readonly removed: string[];
  /** Errors passed to `reporter.failed`. */
  readonly failures: unknown[];
}

export function makeScrubber(options: ScrubOptions = {}): TestScrubber {
  const removed: string[] = [];
  const failures: unknown[] = [];
  const scrubber = createScrubber(
    resolveScrubOptions(options),
    { removed: (rule) => removed.push(rule), failed: (error) => failures.push(error) },
    { enabled: false, info() {}, warn() {}, error() {} },
  );
  return { scrubber, removed, failures };
}

/** Scrubs an event and returns it with the removals, for tests that look at both. */
export function scrubEvent<T extends object>(
  event: T,
  options: ScrubOptions = {},
): { event: T & Event; removals: Removal[]; removed: string[]; failures: unknown[] } {
  const { scrubber, removed, failures } = makeScrubber(options);
  const removals: Removal[] = [];
  const scrubbed = scrubber.event(event as Event, removals) as T & Event;
  return { event: scrubbed, removals, removed, failures };
}

/** Scrubs one string the way `extra` values are scrubbed. */
export function scrubText(text: string, options: ScrubOptions = {}): string {
  const { event } = scrubEvent({ extra: { value: text } }, options);
  return (event.extra as { value: string }).value;
}

/** Everything sent, as one string, for "this never appears" checks. */
export function sent(value: unknown): string {
  return JSON.stringify(value);
}
