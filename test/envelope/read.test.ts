import { type Envelope, parseEnvelope, serializeEnvelope } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { type EnvelopeFault, readEnvelope } from '../../src/envelope/index.ts';

const encoder = new TextEncoder();

/** Joins lines with `\n`, the way envelopes are framed. */
function lines(...parts: string[]): string {
  return parts.join('\n');
}

function onlyFault(input: string | Uint8Array): EnvelopeFault {
  const { faults } = readEnvelope(input);
  expect(faults).toHaveLength(1);
  return faults[0] as EnvelopeFault;
}

describe('readEnvelope on well-formed input', () => {
  it('reads what serializeEnvelope writes, items with and without length', () => {
    const attachment = new Uint8Array([0, 1, 2, 10, 255, 10]);
    const envelope = [
      { event_id: 'a'.repeat(32), sent_at: '2024-01-01T00:00:00.000Z' },
      [
        [{ type: 'event' }, { message: 'line one\nline two', level: 'error' }],
        [{ type: 'attachment', length: attachment.length, filename: 'dump.bin' }, attachment],
        [{ type: 'log', item_count: 1 }, { items: [{ body: 'hello', level: 'info' }] }],
      ],
    ] as unknown as Envelope;

    const result = readEnvelope(serializeEnvelope(envelope));

    expect(result.faults).toEqual([]);
    expect(result.envelope).toEqual(envelope);
    expect(result.items.map((item) => [item.index, item.type, item.bytes])).toEqual([
      [0, 'event', false],
      [1, 'attachment', true],
      [2, 'log', false],
    ]);
  });

  it('keeps attachments as bytes even when they are text', () => {
    const text = '{"name":"John"}';
    const input = lines('{}', `{"type":"attachment","length":${text.length}}`, text);

    const [, items] = readEnvelope(input).envelope as Envelope;
    const payload = items[0]?.[1];

    expect(payload).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(payload as Uint8Array)).toBe(text);
  });

  it('reads a zero-length item, which parseEnvelope from @sentry/core cannot', () => {
    const input = lines('{}', '{"type":"attachment","length":0}', '', '{"type":"event"}', '{}');

    expect(() => parseEnvelope(input)).toThrow();
    const result = readEnvelope(input);
    expect(result.faults).toEqual([]);
    expect(result.items.map((item) => [item.type, item.length])).toEqual([
      ['attachment', 0],
      ['event', 2],
    ]);
  });

  it('accepts a trailing newline, blank lines between items, CRLF and a byte order mark', () => {
    const input = `\uFEFF{}\r\n{"type":"event"}\r\n{"message":"a"}\r\n\r\n{"type":"event"}\n{}\n\n`;

    const result = readEnvelope(input);

    expect(result.faults).toEqual([]);
    expect(result.items.map((item) => item.line)).toEqual([2, 5]);
  });

  it('reads an envelope with a header only', () => {
    expect(readEnvelope('{"event_id":"x"}\n')).toMatchObject({
      envelope: [{ event_id: 'x' }, []],
      faults: [],
    });
  });

  it('reads unknown item types as JSON when they are, and as bytes otherwise', () => {
    const input = lines('{}', '{"type":"future"}', '{"a":1}', '{"type":"future"}', 'plain text');

    const [, items] = readEnvelope(input).envelope as Envelope;

    expect(items[0]?.[1]).toEqual({ a: 1 });
    expect(items[1]?.[1]).toBeInstanceOf(Uint8Array);
  });

  it('adds a base offset and line to every position', () => {
    const fault = readEnvelope(lines('{}', '{"type":"event"}', 'oops'), { offset: 100, line: 7 })
      .faults[0];

    expect(fault).toMatchObject({ offset: 100 + 20, line: 9, column: 1 });
  });
});

describe('readEnvelope faults', () => {
  it('reports empty input', () => {
    expect(onlyFault('')).toMatchObject({ code: 'empty', offset: 0, line: 1 });
    expect(onlyFault('\n\n')).toMatchObject({ code: 'empty', line: 3 });
  });

  it('reports a header that is not JSON, at the offending character', () => {
    const fault = onlyFault('{"event_id":"abc",}\n{"type":"event"}\n{}');

    expect(fault).toMatchObject({ code: 'header', offset: 18, line: 1, column: 19 });
    expect(fault.message).toContain('expected a JSON object on the first line');
  });

  it('reports a header that is JSON but not an object', () => {
    expect(onlyFault('[1,2]\n')).toMatchObject({ code: 'header', offset: 0 });
  });

  it('reports an item header that is not JSON and stops reading there', () => {
    const result = readEnvelope(lines('{}', '{"type":"event"}', '{}', 'type=event', '{}'));

    expect(result.items).toHaveLength(1);
    expect(result.faults).toEqual([
      expect.objectContaining({ code: 'item-header', item: 1, line: 4, column: 1, offset: 23 }),
    ]);
    expect(result.faults[0]?.message).toMatch(/bytes from here on were not read/);
  });

  it('reports an item header without a type but reads on past its payload', () => {
    const result = readEnvelope(lines('{}', '{"length":2}', 'ab', '{"type":"event"}', '{}'));

    expect(result.faults).toEqual([expect.objectContaining({ code: 'item-header', item: 0 })]);
    expect(result.items.map((item) => item.index)).toEqual([1]);
  });

  it.each([
    ['a negative length', '-1'],
    ['a fractional length', '1.5'],
    ['a string length', '"12"'],
  ])('reports %s', (_name, length) => {
    const fault = onlyFault(lines('{}', `{"type":"attachment","length":${length}}`, 'ab'));

    expect(fault).toMatchObject({ code: 'length', line: 2, offset: 3, item: 0 });
  });

  it('reports a length that runs past the end of the input', () => {
    const input = lines(
      '{}',
      '{"type":"event"}',
      '{}',
      '{"type":"attachment","length":50}',
      'short',
    );

    const result = readEnvelope(input);

    expect(result.items).toHaveLength(1);
    expect(result.faults).toEqual([
      expect.objectContaining({ code: 'overrun', item: 1, offset: input.length, line: 5 }),
    ]);
    expect(result.faults[0]?.message).toContain('`length` is 50 bytes but only 5 remain');
  });

  it('reports a length-delimited payload not followed by a newline', () => {
    // The length says 3, the payload is 5 bytes long: a wrong length header.
    const input = lines(
      '{}',
      '{"type":"attachment","length":3}',
      'hello',
      '{"type":"event"}',
      '{}',
    );

    const fault = onlyFault(input);

    expect(fault).toMatchObject({ code: 'newline', offset: 39, line: 3, item: 0 });
    expect(fault.message).toContain("found 0x6c ('l')");
  });

  it.each([
    [
      'a length too short',
      lines('{}', '{"type":"attachment","length":3}', 'hello', '{"type":"event"}', '{}'),
      'newline',
    ],
    [
      'a length too long',
      lines('{}', '{"type":"attachment","length":20}', 'hello', '{"type":"event"}', '{}'),
      'newline',
    ],
    [
      'a length that is not a number',
      lines('{}', '{"type":"attachment","length":"5"}', 'hello', '{"type":"event"}', '{}'),
      'length',
    ],
    [
      'an item header that is not JSON',
      lines('{}', '{"type":"event"', '{"message":"lost"}', '{"type":"event"}', '{}'),
      'item-header',
    ],
  ])('after %s, reads on from the next item header', (_name, input, code) => {
    const result = readEnvelope(input);

    expect(result.faults).toEqual([expect.objectContaining({ code, item: 0 })]);
    expect(result.faults[0]?.message).toContain('Reading went on at line 4, the next item header.');
    expect(result.items).toEqual([expect.objectContaining({ index: 1, type: 'event', line: 4 })]);
  });

  it('reads on at the declared end of a payload when only the newline after it is missing', () => {
    const input = lines(
      '{}',
      '{"type":"attachment","length":5}',
      'hello{"type":"event"}',
      '{"message":"after"}',
    );

    const result = readEnvelope(input);

    expect(result.faults).toEqual([
      expect.objectContaining({ code: 'newline', item: 0, line: 3, offset: 41 }),
    ]);
    expect(result.faults[0]?.message).toContain('Reading went on at line 3');
    expect(result.envelope?.[1]).toEqual([[{ type: 'event' }, { message: 'after' }]]);
  });

  it('looks for the next item header past payloads that hold a `type`', () => {
    const transaction = '{"type":"transaction","contexts":{"trace":{}}}';
    const input = lines(
      '{}',
      '{"type":"event","length":3}',
      transaction,
      '{"type":"event"}',
      '{"message":"after"}',
    );

    const result = readEnvelope(input);

    expect(result.faults).toEqual([expect.objectContaining({ code: 'newline', item: 0 })]);
    expect(result.items).toEqual([expect.objectContaining({ index: 1, line: 4 })]);
    expect(result.envelope?.[1]).toEqual([[{ type: 'event' }, { message: 'after' }]]);
  });

  it('reports a JSON payload that is not JSON, and reads the next items', () => {
    const result = readEnvelope(
      lines('{}', '{"type":"event"}', '{"message": nope}', '{"type":"event"}', '{}'),
    );

    expect(result.items.map((item) => item.index)).toEqual([1]);
    expect(result.faults).toEqual([
      expect.objectContaining({ code: 'payload', item: 0, line: 3, column: 13, offset: 32 }),
    ]);
  });

  it('reports a JSON payload that is JSON but not an object, or empty', () => {
    expect(onlyFault(lines('{}', '{"type":"transaction"}', '[]'))).toMatchObject({
      code: 'payload',
      line: 3,
    });
    expect(onlyFault(lines('{}', '{"type":"event","length":0}', ''))).toMatchObject({
      code: 'payload',
    });
  });

  it('reports input truncated inside a header, after a header, and inside a payload', () => {
    expect(onlyFault('{"event_id":"ab')).toMatchObject({ code: 'truncated', line: 1 });
    expect(onlyFault(lines('{}', '{"type":"ev'))).toMatchObject({ code: 'truncated', line: 2 });
    expect(onlyFault(lines('{}', '{"type":"event"}'))).toMatchObject({
      code: 'truncated',
      offset: 19,
    });
    expect(onlyFault(lines('{}', '{"type":"event"}', '{"message":"cut'))).toMatchObject({
      code: 'truncated',
      line: 3,
    });
  });

  it('reports headers and JSON payloads that are not UTF-8', () => {
    const badHeader = new Uint8Array([0x7b, 0xff, 0x7d, 0x0a]);
    expect(onlyFault(badHeader)).toMatchObject({ code: 'encoding', offset: 0 });

    const badPayload = new Uint8Array([
      ...encoder.encode('{}\n{"type":"event"}\n'),
      0xc3,
      0x28,
      0x0a,
    ]);
    expect(onlyFault(badPayload)).toMatchObject({ code: 'encoding', line: 3, item: 0 });
  });

  it('never quotes the input in a message', () => {
    const secret = 'hunter2-very-secret';
    const inputs = [
      `{"password":"${secret}"`,
      lines('{}', `{"type":"event"}`, `{"password": ${secret}}`),
      lines('{}', `${secret}`),
      lines('{}', `{"type":"event"}`, `"${secret}"`),
    ];

    for (const input of inputs) {
      const { faults } = readEnvelope(input);
      expect(faults.length).toBeGreaterThan(0);
      for (const fault of faults) {
        expect(fault.message).not.toContain('hunter2');
      }
    }
  });

  it('counts lines inside binary payloads', () => {
    const input = lines(
      '{}',
      '{"type":"attachment","length":5}',
      'a\nb\nc',
      '{"type":"event"}',
      'x',
    );

    expect(onlyFault(input)).toMatchObject({ code: 'payload', line: 7 });
  });
});
