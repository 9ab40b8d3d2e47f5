import { describe, expect, it } from 'vitest';
import { HTTP_STATUS_TAG } from '../../src/enrich/index.ts';
import { buildEnrichment, errorEvent, only } from './fixtures.ts';

const { enrich } = buildEnrichment(only('httpStatusTag'));

function statusTagOf(error: unknown, userCaused = true, event = errorEvent()): unknown {
  return enrich(event, { originalException: error }, { userCaused }).tags?.[HTTP_STATUS_TAG];
}

class NotFoundError extends Error {
  override name = 'NotFoundError';
  readonly status = 404;
}

describe('httpStatusTag', () => {
  it('tags a user-caused error with its `status`', () => {
    expect(statusTagOf(new NotFoundError('no such order'))).toBe('404');
  });

  it('reads `statusCode` as well', () => {
    expect(statusTagOf(Object.assign(new Error('bad'), { statusCode: 422 }))).toBe('422');
  });

  it('reads a status written as text', () => {
    expect(statusTagOf(Object.assign(new Error('bad'), { status: '409' }))).toBe('409');
  });

  it('reads the status of a response kept on the error, as axios does', () => {
    const error = Object.assign(new Error('Request failed'), {
      response: { status: 429, headers: {} },
    });

    expect(statusTagOf(error)).toBe('429');
  });

  it('reads a fetch Response, whose status is a getter', () => {
    const error = Object.assign(new Error('HTTPError'), {
      response: new Response(null, { status: 403 }),
    });

    expect(statusTagOf(error)).toBe('403');
  });

  it('falls back to the response context the HTTP integration records', () => {
    const event = errorEvent({
      contexts: { response: { status_code: 400 } },
    });

    expect(statusTagOf(new Error('bad input'), true, event)).toBe('400');
  });

  it('also covers thrown plain objects', () => {
    expect(statusTagOf({ status: 401, message: 'login required' })).toBe('401');
  });

  it('adds nothing when a string was thrown', () => {
    expect(statusTagOf('404')).toBeUndefined();
  });

  it('does not tag errors that are not user-caused', () => {
    expect(statusTagOf(new NotFoundError('no such order'), false)).toBeUndefined();
  });

  it('does not take a cause’s status, which is usually an upstream answer', () => {
    const upstream = Object.assign(new Error('payment API failed'), { status: 503 });

    expect(statusTagOf(new Error('checkout failed', { cause: upstream }))).toBeUndefined();
  });

  it.each([
    ['zero', 0],
    ['below 100', 99],
    ['above 599', 600],
    ['a fraction', 404.5],
    ['a word', 'fail'],
    ['a longer number as text', '4040'],
  ])('ignores a status that is %s', (_title, status) => {
    expect(statusTagOf(Object.assign(new Error('x'), { status }))).toBeUndefined();
  });

  it('survives a response whose getter throws', () => {
    const response = {
      get status(): number {
        throw new Error('getter');
      },
    };

    expect(statusTagOf(Object.assign(new Error('x'), { response }))).toBeUndefined();
  });

  it('is off with `httpStatusTag: false`', () => {
    const { enrich: enrichOff } = buildEnrichment({ httpStatusTag: false });

    const result = enrichOff(
      errorEvent(),
      { originalException: new NotFoundError('x') },
      { userCaused: true },
    );

    expect(result.tags?.[HTTP_STATUS_TAG]).toBeUndefined();
  });
});
