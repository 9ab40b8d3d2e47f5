import { type Envelope, type EnvelopeItem, serializeEnvelope } from '@sentry/core';
import { utf8Length } from './text.ts';

/**
 * Serializes an envelope with `@sentry/core`'s `serializeEnvelope`, first setting each item's
 * `length` to the size of its payload as it is now. Filtering changes payloads, so a
 * `length` read from the input would no longer frame them.
 *
 * Items given as bytes or text always get a `length`; JSON items keep going without one when
 * they had none, as the SDK itself sends them.
 */
export function writeEnvelope(envelope: Envelope): string | Uint8Array {
  const [header, items] = envelope;
  const measured = (items as readonly EnvelopeItem[]).map(measureItem);
  return serializeEnvelope([header, measured] as unknown as Envelope);
}

function measureItem(item: EnvelopeItem): EnvelopeItem {
  const [header, payload] = item as unknown as [Record<string, unknown>, unknown];

  if (payload instanceof Uint8Array) {
    return withLength(header, payload, payload.length);
  }
  if (typeof payload === 'string') {
    return withLength(header, payload, utf8Length(payload));
  }
  if (header.length === undefined) {
    return item;
  }

  let text: string;
  try {
    text = JSON.stringify(payload);
  } catch {
    // serializeEnvelope falls back to a normalized copy; its size is not known here.
    const { length: _length, ...rest } = header;
    return [rest, payload] as unknown as EnvelopeItem;
  }
  return withLength(header, text, utf8Length(text));
}

function withLength(header: object, payload: unknown, length: number): EnvelopeItem {
  return [{ ...header, length }, payload] as unknown as EnvelopeItem;
}
