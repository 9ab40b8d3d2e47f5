import type { Event } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { REQUEST_ID_TAG } from '../../src/enrich/index.ts';
import { buildEnrichment, errorEvent, only } from './fixtures.ts';

const { enrich } = buildEnrichment(only('requestId'));

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

function requestIdOf(event: Event): unknown {
  return enrich(event).tags?.[REQUEST_ID_TAG];
}

/** An event captured in a request handler, as the HTTP integration leaves it. */
function handlerEvent(headers: Record<string, unknown>): Event {
  return errorEvent({
    sdkProcessingMetadata: {
      normalizedRequest: {
        method: 'GET',
        url: '/orders',
        headers: headers as Record<string, string>,
      },
    },
  });
}

describe('requestId', () => {
  it('tags the x-request-id the HTTP integration recorded for the request', () => {
    expect(requestIdOf(handlerEvent({ 'x-request-id': 'req-42' }))).toBe('req-42');
  });

  it('reads the header from event.request, whatever its case', () => {
    const event = errorEvent({ request: { headers: { 'X-Request-ID': 'req-7' } } });

    expect(requestIdOf(event)).toBe('req-7');
  });

  it('takes the first of repeated headers', () => {
    expect(requestIdOf(handlerEvent({ 'x-request-id': ['first', 'second'] }))).toBe('first');
  });

  it('falls back to x-correlation-id', () => {
    expect(requestIdOf(handlerEvent({ 'x-correlation-id': 'corr-1' }))).toBe('corr-1');
  });

  it('falls back to the trace id in a handler without a request id header', () => {
    expect(requestIdOf(handlerEvent({ accept: 'application/json' }))).toBe(TRACE_ID);
  });

  it('takes no trace id from a scope without a client, which would be the same for every request', () => {
    // No `Sentry.init` in this file: the scope this package sees has no client, as when the
    // SDK runs on another version of @sentry/core, whose scopes are not these.
    const { contexts: _contexts, ...withoutTrace } = handlerEvent({ accept: 'application/json' });

    expect(requestIdOf(withoutTrace)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['too long', 'r'.repeat(201)],
    ['multi-line', 'req-1\r\nSet-Cookie: a=b'],
  ])('ignores a header that is %s and uses the trace id', (_title, value) => {
    expect(requestIdOf(handlerEvent({ 'x-request-id': value }))).toBe(TRACE_ID);
  });

  it('adds nothing outside a request', () => {
    const event = errorEvent();

    expect(enrich(event)).toBe(event);
  });

  it('gives a browser page no trace id as request id', () => {
    const event = errorEvent({
      platform: 'javascript',
      request: { url: 'https://shop.example/cart', headers: { 'User-Agent': 'Firefox' } },
    });

    expect(enrich(event)).toBe(event);
  });

  it('keeps a request id tag the event already has', () => {
    const event = { ...handlerEvent({ 'x-request-id': 'req-42' }), tags: { request_id: 'mine' } };

    expect(enrich(event)).toBe(event);
  });

  it('is off with `requestId: false`', () => {
    const { enrich: enrichOff } = buildEnrichment({ requestId: false });

    expect(
      enrichOff(handlerEvent({ 'x-request-id': 'req-42' })).tags?.[REQUEST_ID_TAG],
    ).toBeUndefined();
  });
});
