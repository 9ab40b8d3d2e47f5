import type { Breadcrumb, Envelope, Event, Log, StreamedSpanJSON } from '@sentry/core';
import type { DebugLogger } from '../debug.ts';
import type { ResolvedScrubOptions } from './options.ts';

/** One replaced value, as the command line's `--explain` shows it. */
export interface Removal {
  /** Where the value was, in dot and bracket notation: `request.headers["X-Api-Key"]`. */
  readonly path: string;
  /** The key rule or detector that matched, as recorded in `_meta`. */
  readonly rule: string;
  /** The value with the removed part masked, safe to print. */
  readonly preview: string;
  /** For envelopes: the position of the item the value was in. */
  readonly item?: number;
}

/** Hooks the scrubber reports through. */
export interface ScrubReporter {
  /** Called once per replaced value. */
  removed(rule: string): void;
  /** Called when a value could not be scrubbed and was replaced whole. */
  failed(error: unknown): void;
}

/** Removes sensitive information from every shape the SDK sends. */
export interface Scrubber {
  /** Scrubs an error or transaction event; copies what changes, shares the rest. */
  event<T extends Event>(event: T, removals?: Removal[]): T;
  /** Scrubs a log record as `beforeSendLog` sees it. */
  log(log: Log, removals?: Removal[]): Log;
  /** Scrubs a breadcrumb as `beforeBreadcrumb` sees it. */
  breadcrumb(breadcrumb: Breadcrumb, removals?: Removal[]): Breadcrumb;
  /** Scrubs a streamed span as `beforeSendSpan` sees it. */
  span(span: StreamedSpanJSON, removals?: Removal[]): StreamedSpanJSON;
  /** Scrubs every item of an envelope and its header, returning a new envelope. */
  envelope(envelope: Envelope, removals?: Removal[]): Envelope;
}

/**
 * Builds a scrubber from resolved options.
 * TODO(scrub): the real walker, key rules and detectors replace this pass-through.
 */
export function createScrubber(
  _options: ResolvedScrubOptions,
  _reporter: ScrubReporter,
  _debug: DebugLogger,
): Scrubber {
  return {
    event: (event) => event,
    log: (log) => log,
    breadcrumb: (breadcrumb) => breadcrumb,
    span: (span) => span,
    envelope: (envelope) => envelope,
  };
}
