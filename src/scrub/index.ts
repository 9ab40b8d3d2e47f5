import type {
  Attachment,
  Breadcrumb,
  Envelope,
  Event,
  Log,
  Metric,
  StreamedSpanJSON,
} from '@sentry/core';
import type { DebugLogger } from '../debug.ts';
import { createTextScanner, MAX_TEXT_LENGTH } from './detect/text-scanner.ts';
import { scrubAttachmentObject } from './items/attachment.ts';
import type { ItemContext } from './items/context.ts';
import { scrubEnvelope } from './items/envelope.ts';
import { scrubEvent } from './items/event.ts';
import { createParameterJudge } from './items/parameters/index.ts';
import type { Patched } from './items/patch.ts';
import { scrubBreadcrumb, scrubLogRecord } from './items/record.ts';
import { WalkRunner } from './items/run.ts';
import { createKeyScrubber } from './keys/addresses.ts';
import { createKeyClassifier } from './keys/classify.ts';
import { collectRemovals } from './meta/removals.ts';
import type { ResolvedScrubOptions } from './options.ts';
import { METRIC, STREAMED_SPAN } from './shapes/telemetry.ts';

export { attachmentText, isReadAttachment } from './items/attachment-kind.ts';

/**
 * The shortest length a string may be cut to before it is scrubbed without leaving part of a
 * secret behind. The scrubber cuts strings longer than `MAX_TEXT_LENGTH` itself, after
 * scanning a quarter of that length past its cut, so a secret across its cut is removed whole;
 * a cut at twice its length removes only text the scrubber never keeps.
 */
export const SAFE_CUT_LENGTH = MAX_TEXT_LENGTH * 2;

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
  /** Scrubs a trace metric as `beforeSendMetric` sees it: its name and attributes. */
  metric(metric: Metric, removals?: Removal[]): Metric;
  /** Scrubs every item of an envelope and its header, returning a new envelope. */
  envelope(envelope: Envelope, removals?: Removal[]): Envelope;
  /**
   * Scrubs an attachment as the SDK holds it (`hint.attachments`): returns a copy with scrubbed
   * data, or the attachment itself when nothing changed. Its data is never written to.
   */
  attachment(attachment: Attachment, removals?: Removal[]): Attachment;
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
  const failed = (error: unknown): void => reporter.failed(error);
  const scanner = createTextScanner({ detectors, replacement, classifier, onRemoved: removed });
  const keys = createKeyScrubber({ detectors, replacement, classifier, failed });
  const runner = new WalkRunner({
    replacement,
    classifier,
    keys,
    scanner,
    detectors,
    removed,
    failed,
  });
  // Asks the detectors about texts built to judge message parameters: what it finds is not
  // removed from anything, so it is not counted.
  const probe = createTextScanner({ detectors, replacement, classifier, onRemoved: () => {} });
  const context: ItemContext = {
    runner,
    scanner,
    classifier,
    keys,
    removed,
    parameters: {
      judge: createParameterJudge(probe),
      probe,
      replacement,
      removed,
      failed,
    },
    removeIps,
    onLimit: () => {},
  };

  const record = <T>(scrubbed: Patched, removals: Removal[] | undefined): T => {
    if (removals !== undefined) {
      collectRemovals(scrubbed.meta, scrubbed.value, removals);
    }
    return scrubbed.value as T;
  };

  return {
    event: (event, removals, owned) => scrubEvent(context, event, { removals }, owned === true),
    log: (log, removals) => record(scrubLogRecord(context, log, isSerialized(log)), removals),
    breadcrumb: (breadcrumb, removals) => record(scrubBreadcrumb(context, breadcrumb), removals),
    span: (span, removals) => record(runner.run(span, STREAMED_SPAN), removals),
    metric: (metric, removals) => record(runner.run(metric, METRIC), removals),
    envelope: (envelope, removals) => scrubEnvelope(context, envelope, removals),
    attachment: (attachment, removals) => scrubAttachmentObject(context, attachment, { removals }),
  };
}

function isSerialized(log: Log): boolean {
  return 'body' in log && !('message' in log);
}
