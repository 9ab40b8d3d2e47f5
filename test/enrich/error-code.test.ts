import { describe, expect, it } from 'vitest';
import { ERROR_CODE_TAG } from '../../src/enrich/index.ts';
import { buildEnrichment, connectionRefused, errorEvent, only, wrappedError } from './fixtures.ts';

const { enrich } = buildEnrichment(only('errorCodeTag'));

function codeTagOf(error: unknown): unknown {
  return enrich(errorEvent(), { originalException: error }).tags?.[ERROR_CODE_TAG];
}

describe('errorCodeTag', () => {
  it('tags the captured error’s code', () => {
    expect(codeTagOf(connectionRefused())).toBe('ECONNREFUSED');
  });

  it('takes the nearest cause’s code when the captured error has none', () => {
    expect(codeTagOf(wrappedError())).toBe('ECONNREFUSED');
  });

  it('prefers the captured error’s own code over its causes’', () => {
    const error = Object.assign(new Error('outer', { cause: connectionRefused() }), {
      code: 'E_UPSTREAM',
    });

    expect(codeTagOf(error)).toBe('E_UPSTREAM');
  });

  it('takes the code of the first aggregated error that has one', () => {
    const error = new AggregateError([new Error('a'), connectionRefused()], 'all failed');

    expect(codeTagOf(error)).toBe('ECONNREFUSED');
  });

  it('passes over a cause that is not an error', () => {
    expect(codeTagOf(new Error('x', { cause: { code: 'E_PLAIN' } }))).toBeUndefined();
  });

  it('writes an integer code as text', () => {
    expect(codeTagOf(Object.assign(new Error('grpc'), { code: 14 }))).toBe('14');
  });

  it.each([
    ['an empty code', ''],
    ['a blank code', '   '],
    ['a code with a line break', 'E_ONE\nE_TWO'],
    ['a code longer than 200 characters', 'E'.repeat(201)],
    ['a fractional code', 1.5],
    ['an object as code', { id: 1 }],
    ['a boolean code', true],
  ])('sets no tag for %s', (_title, code) => {
    expect(codeTagOf(Object.assign(new Error('x'), { code }))).toBeUndefined();
  });

  it('takes a code that is not enumerable, which the error_properties context leaves out', () => {
    const error = new Error('locked');
    Object.defineProperty(error, 'code', { value: 'E_LOCKED', enumerable: false });

    expect(codeTagOf(error)).toBe('E_LOCKED');
  });

  it('ignores a `code` getter, such as the legacy DOMException.code', () => {
    const error = new DOMException('aborted', 'AbortError');

    expect(error.code).toBe(20);
    expect(codeTagOf(error)).toBeUndefined();
  });

  it('keeps a code tag the event already has', () => {
    const event = errorEvent({ tags: { [ERROR_CODE_TAG]: 'MINE' } });

    const result = enrich(event, { originalException: connectionRefused() });

    expect(result).toBe(event);
  });

  it('is off with `errorCodeTag: false`', () => {
    const { enrich: enrichOff } = buildEnrichment({ errorCodeTag: false });

    const result = enrichOff(errorEvent(), { originalException: connectionRefused() });

    expect(result.tags?.[ERROR_CODE_TAG]).toBeUndefined();
    expect(result.contexts?.error_properties).toBeDefined();
  });
});
