import { type Event, getCurrentScope, getTraceContextFromScope } from '@sentry/core';
import { toTagValue } from './tag-value.ts';
import type { EnrichInput, EnrichmentTarget } from './types.ts';

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
export function enrichRequestId(input: EnrichInput, target: EnrichmentTarget): void {
  const id = requestId(input.event);
  if (id !== undefined) {
    target.addTag(REQUEST_ID_TAG, id);
  }
}

function requestId(event: Event): string | undefined {
  const serverRequest = serverRequestHeaders(event);
  const header = requestIdHeader(event.request?.headers) ?? requestIdHeader(serverRequest);
  if (header !== undefined) {
    return header;
  }

  // Browser events carry the page as `request` too; only a server's request has a trace of
  // its own.
  if (serverRequest !== undefined) {
    return toTagValue(eventTraceId(event) ?? liveTraceId());
  }
  if (event.request !== undefined && event.platform === 'node') {
    return toTagValue(eventTraceId(event));
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
    const scope = getCurrentScope();
    // No client on this package's scope: the SDK runs on another version of `@sentry/core`,
    // whose scopes are not these, and this scope's trace id would be the same for every
    // request.
    if (scope.getClient() === undefined) {
      return undefined;
    }
    return getTraceContextFromScope(scope).trace_id;
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

/**
 * The first request id header, matched without regard to case, as Node lowercases names. When
 * two headers differ only in case, the later one counts.
 */
function requestIdHeader(headers: Record<string, unknown> | undefined): string | undefined {
  if (typeof headers !== 'object' || headers === null) {
    return undefined;
  }

  for (const wanted of REQUEST_ID_HEADERS) {
    const id = toTagValue(firstValue(headerValue(headers, wanted)));
    if (id !== undefined) {
      return id;
    }
  }
  return undefined;
}

// The value of the last own enumerable header named `wanted` in any case.
function headerValue(headers: Record<string, unknown>, wanted: string): unknown {
  let value: unknown;
  for (const name in headers) {
    if (
      name.length === wanted.length &&
      Object.hasOwn(headers, name) &&
      name.toLowerCase() === wanted
    ) {
      value = headers[name];
    }
  }
  return value;
}

function firstValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}
