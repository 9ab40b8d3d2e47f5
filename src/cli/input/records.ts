import type { Envelope, Event } from '@sentry/core';
import type { EnvelopeItemSource } from '../../envelope/index.ts';

/** Where a record is: the file, and inside it the line, array entry or envelope item. */
export interface Location {
  readonly file: string;
  /** Line number, 1-based, for JSON lines and envelope items. */
  readonly line?: number;
  /** Entry in a JSON array of events, 0-based. */
  readonly index?: number;
  /** Item number inside an envelope, 1-based as shown to people. */
  readonly item?: number;
}

/** How an envelope was written in the input, so `--out` writes it back the same way. */
export type EnvelopeForm =
  /** The envelope format itself: header line, item header lines, payloads. */
  | 'text'
  /** A JSON array `[header, [[itemHeader, payload], ...]]`, as `@sentry/core` holds it. */
  | 'array'
  /** A JSON string holding the envelope text, one per line in JSON lines. */
  | 'string';

/** Something wrong with the input, with its place. */
export interface InputFault {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Byte offset from the start of the file. */
  readonly offset?: number;
  /** Envelope item number, 1-based. */
  readonly item?: number;
  /** What was found and what was expected; never quotes the input. */
  readonly message: string;
}

/** One thing read from an input. */
export type InputRecord =
  | { readonly kind: 'event'; readonly location: Location; readonly event: Event }
  | {
      readonly kind: 'envelope';
      readonly location: Location;
      readonly envelope: Envelope;
      /** For each item of `envelope`: where it was in the input. */
      readonly items: readonly EnvelopeItemSource[];
      readonly form: EnvelopeForm;
    }
  | { readonly kind: 'fault'; readonly fault: InputFault };

/** The shape of a whole input, which decides how `--out` writes it. */
export type InputFormat =
  /** One JSON document: an event, an array of events, or an envelope as a JSON array. */
  | 'json'
  /** The envelope format. */
  | 'envelope'
  /** One event or envelope per line. */
  | 'jsonl';

/** Tells whether a value is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Tells whether a value is an envelope as `@sentry/core` holds it: `[header, items]`. */
export function isEnvelopeArray(value: unknown): value is Envelope {
  if (!Array.isArray(value) || value.length !== 2 || !isRecord(value[0])) {
    return false;
  }
  const items: unknown = value[1];
  return (
    Array.isArray(items) &&
    items.every(
      (item) =>
        Array.isArray(item) &&
        item.length === 2 &&
        isRecord(item[0]) &&
        typeof item[0].type === 'string',
    )
  );
}

/** A fault record at a location. */
export function faultRecord(
  location: Location,
  message: string,
  offset: number | undefined,
): InputRecord {
  return {
    kind: 'fault',
    fault: { ...location, ...(offset !== undefined && { offset }), message },
  };
}
