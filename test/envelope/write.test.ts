import type { Envelope } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { readEnvelope, writeEnvelope } from '../../src/envelope/index.ts';

describe('writeEnvelope', () => {
  it('sets the length of a changed JSON payload to its new size', () => {
    const original = '{}\n{"type":"event","length":27}\n{"user":{"email":"a@b.co"}}';
    const read = readEnvelope(original).envelope as Envelope;
    const [header, [[itemHeader]]] = read as unknown as [object, [[object]]];
    const changed = [
      header,
      [[itemHeader, { user: { email: '[Filtered]' } }]],
    ] as unknown as Envelope;

    const written = writeEnvelope(changed);

    expect(written).toBe('{}\n{"type":"event","length":31}\n{"user":{"email":"[Filtered]"}}');
    expect(readEnvelope(written).faults).toEqual([]);
  });

  it('measures text and bytes payloads in UTF-8 bytes', () => {
    const envelope = [
      {},
      [
        [{ type: 'attachment', length: 1 }, 'héllo'],
        [{ type: 'attachment' }, new Uint8Array([1, 2, 3])],
      ],
    ] as unknown as Envelope;

    const result = readEnvelope(writeEnvelope(envelope));

    expect(result.faults).toEqual([]);
    expect(result.items.map((item) => item.length)).toEqual([6, 3]);
  });

  it('leaves JSON items without a length as they are', () => {
    const envelope = [
      { event_id: 'x' },
      [[{ type: 'event' }, { message: 'hi' }]],
    ] as unknown as Envelope;

    expect(writeEnvelope(envelope)).toBe('{"event_id":"x"}\n{"type":"event"}\n{"message":"hi"}');
  });
});
