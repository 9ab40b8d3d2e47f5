import { type Event, getCurrentScope, getTraceContextFromScope } from '@sentry/core';
import { toTagValue } from './tag-value.ts';
import type { EnrichInput, Enrichment } from './types.ts';

/** The tag that carries the request id, to find every event of one request. */
export const REQUEST_ID_TAG = 'request_id';

// Headers that carry a request id, in order of preference. `x-request-id` is the de facto
// standard: Heroku's router sets it (devcenter.heroku.com/articles/http-request-id), nginx
// forwards its `$request_id` under it, and Rails' ActionDispatch::RequestId reads and echoes
// it. `x-correlation-id` is the name used where ids follow a call across services.
const REQUEST_ID_HEADERS = ['x-request-id', 'x-correlation-id'];

// What the SDK's HTTP integration records per request on the isolation scope
// (`setSDKProcessingMetadata({ normalizedRequest })`); the SDK copies it onto each event.
interface ProcessingMetadata {
  normalizedRequest?: { headers?: Record<string, unknown> };
}

/**
 * Tags events captured while handling an HTTP request with the request id: the
 * `x-request-id` header, or else the trace id, which the SDK's HTTP integration starts (or
 * continues) per request. Events outside a request get no tag.
 *
 * The request is read from the event itself: `event.request`, and the request the HTTP
 * integration stored on the request's isolation scope, which the SDK copies into
 * `event.sdkProcessingMetadata` at capture. Reading the live scope at this point instead
 * would be wrong for events checked away from their request (the command line, a tunnel).
 */
export function enrichRequestId(input: EnrichInput): Enrichment | undefined {
  const { event } = input;
  const serverRequest = serverRequestHeaders(event);
  const headerSets = [event.request?.headers, serverRequest];

  for (const headers of headerSets) {
    const id = requestIdHeader(headers);
    if (id !== undefined) {
      return { tags: { [REQUEST_ID_TAG]: id } };
    }
  }

  // Browser events carry the page as `request` too; only a server's request has a trace of
  // its own.
  if (serverRequest !== undefined) {
    return { tags: { [REQUEST_ID_TAG]: toTagValue(eventTraceId(event) ?? liveTraceId()) } };
  }
  if (event.request !== undefined && event.platform === 'node') {
    return { tags: { [REQUEST_ID_TAG]: toTagValue(eventTraceId(event)) } };
  }
  return undefined;
}

function eventTraceId(event: Event): unknown {
  return event.contexts?.trace?.trace_id;
}

/**
 * The trace id of the scope the event is being captured in. Unless a span is active, the SDK
 * writes it into `contexts.trace` only after every event processor ran, so in `processEvent`
 * it is read from the scope, as the SDK will. This is only done for events that carry the HTTP
 * integration's request metadata, which exists only while the SDK is processing a live
 * capture, in the capturing call's own async context.
 */
function liveTraceId(): string | undefined {
  try {
    return getTraceContextFromScope(getCurrentScope()).trace_id;
  } catch {
    return undefined;
  }
}

function serverRequestHeaders(event: Event): Record<string, unknown> | undefined {
  const metadata = event.sdkProcessingMetadata as ProcessingMetadata | undefined;
  const request = metadata?.normalizedRequest;
  if (typeof request !== 'object' || request === null) {
    return undefined;
  }
  return typeof request.headers === 'object' && request.headers !== null ? request.headers : {};
}

/** The first request id header, matched without regard to case, as Node lowercases names. */
function requestIdHeader(headers: Record<string, unknown> | undefined): string | undefined {
  if (typeof headers !== 'object' || headers === null) {
    return undefined;
  }

  const byName = new Map<string, unknown>();
  for (const [name, value] of Object.entries(headers)) {
    byName.set(name.toLowerCase(), value);
  }
  for (const name of REQUEST_ID_HEADERS) {
    const value = byName.get(name);
    const id = toTagValue(Array.isArray(value) ? value[0] : value);
    if (id !== undefined) {
      return id;
    }
  }
  return undefined;
}
