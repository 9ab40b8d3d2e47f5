import type { Breadcrumb, Envelope, Event, Log, StreamedSpanJSON } from '@sentry/core';
import type { DebugLogger } from '../debug.ts';
import { createTextScanner } from './detect/text-scanner.ts';
import { scrubEnvelope } from './items/envelope.ts';
import { scrubEvent } from './items/event.ts';
import { WalkRunner } from './items/run.ts';
import { createKeyClassifier } from './keys/classify.ts';
import { collectRemovals } from './meta/removals.ts';
import type { ResolvedScrubOptions } from './options.ts';
import { BREADCRUMB } from './shapes/event.ts';
import { LOG, SERIALIZED_LOG, STREAMED_SPAN } from './shapes/telemetry.ts';
import type { Shape } from './walk/shape.ts';

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
  /**
   * Scrubs an error or transaction event; copies what changes, shares the rest. With `owned`,
   * the event is a copy the caller made and handed to no one, whose own fields may be set.
   */
  event<T extends Event>(event: T, removals?: Removal[], owned?: boolean): T;
  /**
   * Scrubs a log record as `beforeSendLog` sees it, or as serialized in a `log` item
   * (`body`, attributes as `{ value, type }`).
   */
  log(log: Log, removals?: Removal[]): Log;
  /** Scrubs a breadcrumb as `beforeBreadcrumb` sees it. */
  breadcrumb(breadcrumb: Breadcrumb, removals?: Removal[]): Breadcrumb;
  /** Scrubs a streamed span as `beforeSendSpan` sees it. */
  span(span: StreamedSpanJSON, removals?: Removal[]): StreamedSpanJSON;
  /** Scrubs every item of an envelope and its header, returning a new envelope. */
  envelope(envelope: Envelope, removals?: Removal[]): Envelope;
}

/**
 * Builds a scrubber from resolved options. Everything that can be prepared is prepared here:
 * the key classifier with its cache, the text scanner with its candidate pattern, the walker.
 * The scrubber never throws for a value it cannot handle: that value is replaced and reported
 * through `reporter.failed`.
 */
export function createScrubber(
  options: ResolvedScrubOptions,
  reporter: ScrubReporter,
  _debug: DebugLogger,
): Scrubber {
  const { detectors, replacement } = options;
  const removeIps = detectors.ipAddress;
  const classifier = createKeyClassifier({
    keys: options.keys,
    exemptKeys: options.exemptKeys,
    defaults: options.defaults,
    ipKeys: removeIps,
  });
  const removed = (rule: string): void => reporter.removed(rule);
  const scanner = createTextScanner({ detectors, replacement, classifier, onRemoved: removed });
  const runner = new WalkRunner({
    replacement,
    classifier,
    scanner,
    detectors,
    removed,
    failed: (error) => reporter.failed(error),
  });

  const record = <T>(value: T, shape: Shape, removals: Removal[] | undefined): T => {
    const scrubbed = runner.run(value, shape);
    if (removals !== undefined) {
      collectRemovals(scrubbed.meta, scrubbed.value, removals);
    }
    return scrubbed.value;
  };

  return {
    event: (event, removals, owned) =>
      scrubEvent(runner, event, removeIps, { removals }, owned === true),
    log: (log, removals) => record(log, isSerialized(log) ? SERIALIZED_LOG : LOG, removals),
    breadcrumb: (breadcrumb, removals) => record(breadcrumb, BREADCRUMB, removals),
    span: (span, removals) => record(span, STREAMED_SPAN, removals),
    envelope: (envelope, removals) =>
      scrubEnvelope({ runner, scanner, removeIps, onLimit: () => {} }, envelope, removals),
  };
}

function isSerialized(log: Log): boolean {
  return 'body' in log && !('message' in log);
}
