import { type Envelope, serializeEnvelope } from '@sentry/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type EnvelopeFault,
  type ReadEnvelopeResult,
  readEnvelope,
  writeEnvelope,
} from '../../src/envelope/index.ts';

// JSON values as they come back from JSON.parse (no -0, no undefined).
const jsonObject = fc
  .dictionary(
    fc.string({ unit: 'grapheme' }),
    fc.json().map((text) => JSON.parse(text)),
    {
      maxKeys: 6,
    },
  )
  .map((value) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>);

const jsonItem = fc
  .record({
    type: fc.constantFrom('event', 'transaction', 'log', 'span', 'session', 'client_report'),
    delimited: fc.boolean(),
    payload: jsonObject,
  })
  .map(({ type, delimited, payload }) => [
    // A placeholder length: writeEnvelope measures the payload and replaces it.
    delimited ? { type, length: 0 } : { type },
    payload,
  ]);

const attachmentItem = fc
  .record({ bytes: fc.uint8Array({ maxLength: 64 }), filename: fc.string() })
  .map(({ bytes, filename }) => [{ type: 'attachment', length: bytes.length, filename }, bytes]);

const envelopeArbitrary = fc
  .tuple(jsonObject, fc.array(fc.oneof(jsonItem, attachmentItem), { maxLength: 5 }))
  .map(([header, items]) => [header, items] as unknown as Envelope);

function toBytes(serialized: string | Uint8Array): Uint8Array {
  return typeof serialized === 'string' ? new TextEncoder().encode(serialized) : serialized;
}

function expectPositioned(result: ReadEnvelopeResult, inputLength: number): void {
  for (const fault of result.faults as EnvelopeFault[]) {
    expect(fault.offset).toBeGreaterThanOrEqual(0);
    expect(fault.offset).toBeLessThanOrEqual(inputLength);
    expect(fault.line).toBeGreaterThanOrEqual(1);
    expect(fault.message.length).toBeGreaterThan(0);
    if (fault.column !== undefined) {
      expect(fault.column).toBeGreaterThanOrEqual(1);
    }
  }
}

describe('readEnvelope properties', () => {
  it('reads back what serializeEnvelope writes', () => {
    fc.assert(
      fc.property(envelopeArbitrary, (envelope) => {
        const written = toBytes(writeEnvelope(envelope));
        const result = readEnvelope(written);

        expect(result.faults).toEqual([]);
        const [header, items] = result.envelope as Envelope;
        expect(header).toEqual(envelope[0]);
        expect(items.map((item) => item[1])).toEqual(envelope[1].map((item) => item[1]));
      }),
    );
  });

  it('reads the same as serializeEnvelope on its own when lengths are right', () => {
    fc.assert(
      fc.property(envelopeArbitrary, (envelope) => {
        const measured = readEnvelope(writeEnvelope(envelope)).envelope as Envelope;
        const again = readEnvelope(serializeEnvelope(measured));

        expect(again.faults).toEqual([]);
        expect(again.envelope).toEqual(measured);
      }),
    );
  });

  it('reports a positioned fault for a truncated envelope, or reads a prefix of its items', () => {
    fc.assert(
      fc.property(envelopeArbitrary, fc.nat(), (envelope, seed) => {
        const written = toBytes(writeEnvelope(envelope));
        const cut = seed % (written.length + 1);
        const original = readEnvelope(written).envelope as Envelope;

        const result = readEnvelope(written.subarray(0, cut));

        expectPositioned(result, cut);
        if (result.faults.length > 0) {
          return;
        }
        // A cut exactly between items, or at the trailing newline, leaves a shorter envelope.
        const [header, items] = result.envelope as Envelope;
        expect(header).toEqual(original[0]);
        expect(items).toEqual(original[1].slice(0, items.length));
      }),
    );
  });

  it('never throws on corrupted envelopes and positions every fault', () => {
    fc.assert(
      fc.property(
        envelopeArbitrary,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (envelope, changes) => {
          const written = toBytes(writeEnvelope(envelope)).slice();
          for (const [position, byte] of changes) {
            written[position % written.length] = byte;
          }

          expectPositioned(readEnvelope(written), written.length);
        },
      ),
    );
  });

  it('never throws on arbitrary bytes or text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array(), fc.string({ unit: 'binary' })), (input) => {
        const length =
          typeof input === 'string' ? new TextEncoder().encode(input).length : input.length;

        const result = readEnvelope(input);

        expectPositioned(result, length);
        expect(result.envelope !== undefined || result.faults.length > 0).toBe(true);
      }),
    );
  });
});
