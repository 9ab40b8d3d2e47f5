import type {
  Breadcrumb,
  BreadcrumbHint,
  Client,
  Envelope,
  ErrorEvent,
  Event,
  EventHint,
  Integration,
  Log,
} from '@sentry/core';
import { warnAboutCoreCopies } from './core-copies.ts';

/** The integration's name, as Sentry lists it. */
export const INTEGRATION_NAME = 'SentryEventFilter';

/** What the integration needs from the filter. */
export interface FilterPipeline {
  /** Decide, tag and enrich; `null` drops the event. */
  prepareEvent(event: Event, hint: EventHint): Event | null;
  /** The logger check that must wait until scope processors stamped the logger. */
  dropLateEvent(event: Event): boolean;
  /** Whether a log record comes from an ignored logger (or from the filter itself). */
  dropLog(log: Log): boolean;
  /** Whether a breadcrumb comes from an ignored logger. */
  dropBreadcrumb(breadcrumb: Breadcrumb): boolean;
  /** Scrubs an envelope; absent when `sensitiveLoggingEnabled` is true. */
  scrubEnvelope: ((envelope: Envelope) => Envelope) | undefined;
}

/**
 * Wires a filter into a Sentry client.
 *
 * - `processEvent` decides, tags and enriches, so drops count as `event_processor` in
 *   Sentry's client reports and every later integration sees the tags.
 * - `beforeSend`, `beforeSendLog` and `beforeBreadcrumb` gain a first step for what is only
 *   known there: the logger stamped by scope processors, log records and breadcrumbs. Event
 *   and log drops there count as `before_send`. The application's own callbacks still run
 *   afterwards.
 * - It warns once when the client runs on another version of `@sentry/core` than this
 *   package (see `core-copies.ts`).
 * - `beforeEnvelope` scrubs what is really sent, after every integration and the
 *   application's own callbacks: errors, transactions, spans, logs, sessions and the
 *   envelope header alike.
 */
export function createIntegration(pipeline: FilterPipeline): Integration {
  return {
    name: INTEGRATION_NAME,
    setup(client: Client) {
      warnAboutCoreCopies(client);
      wrapBeforeSend(client, pipeline);
      wrapBeforeSendLog(client, pipeline);
      wrapBeforeBreadcrumb(client, pipeline);

      const scrubEnvelope = pipeline.scrubEnvelope;
      if (scrubEnvelope !== undefined) {
        client.on('beforeEnvelope', (envelope) =>
          replaceEnvelope(envelope, scrubEnvelope(envelope)),
        );
      }
    },
    processEvent(event, hint) {
      return pipeline.prepareEvent(event, hint);
    },
  };
}

function wrapBeforeSend(client: Client, pipeline: FilterPipeline): void {
  const options = client.getOptions();
  const next = options.beforeSend;

  options.beforeSend = function sentryEventFilterBeforeSend(event: ErrorEvent, hint: EventHint) {
    if (pipeline.dropLateEvent(event)) {
      return null;
    }
    return next === undefined ? event : next(event, hint);
  };
}

function wrapBeforeSendLog(client: Client, pipeline: FilterPipeline): void {
  const options = client.getOptions();
  const next = options.beforeSendLog;

  options.beforeSendLog = function sentryEventFilterBeforeSendLog(log: Log) {
    if (pipeline.dropLog(log)) {
      return null;
    }
    return next === undefined ? log : next(log);
  };
}

function wrapBeforeBreadcrumb(client: Client, pipeline: FilterPipeline): void {
  const options = client.getOptions();
  const next = options.beforeBreadcrumb;

  options.beforeBreadcrumb = function sentryEventFilterBeforeBreadcrumb(
    breadcrumb: Breadcrumb,
    hint?: BreadcrumbHint,
  ) {
    if (pipeline.dropBreadcrumb(breadcrumb)) {
      return null;
    }
    return next === undefined ? breadcrumb : next(breadcrumb, hint);
  };
}

/** The client keeps its envelope object, so the scrubbed parts go back into it. */
function replaceEnvelope(target: Envelope, scrubbed: Envelope): void {
  if (scrubbed === target) {
    return;
  }
  const writable = target as unknown as unknown[];
  writable[0] = scrubbed[0];
  writable[1] = scrubbed[1];
}
