import type { Envelope } from '@sentry/core';

/** What kind of fault the reader found. */
export type EnvelopeFaultCode =
  /** Nothing to read: the input is empty or blank. */
  | 'empty'
  /** The first line is not a JSON object. */
  | 'header'
  /** An item header is not a JSON object with a string `type`. */
  | 'item-header'
  /** An item header's `length` is not a whole number of bytes. */
  | 'length'
  /** An item's `length` runs past the end of the input. */
  | 'overrun'
  /** A length-delimited payload is not followed by a newline. */
  | 'newline'
  /** The input ends inside a header, or right after one. */
  | 'truncated'
  /** The payload of a JSON item type is not a JSON object. */
  | 'payload'
  /** A header or JSON payload is not valid UTF-8. */
  | 'encoding';

/** One fault in an envelope, with where it is and what was expected there. */
export interface EnvelopeFault {
  readonly code: EnvelopeFaultCode;
  /** What was found and what was expected; never quotes the input. */
  readonly message: string;
  /** Byte offset of the fault from the start of the input. */
  readonly offset: number;
  /** Line of the fault, 1-based; lines end at `\n`, also inside payloads. */
  readonly line: number;
  /** Column in characters, 1-based, when the fault is inside JSON text. */
  readonly column?: number;
  /** Position of the item the fault is in (0-based, counting every item read or not). */
  readonly item?: number;
}

/** Where an item that was read came from. */
export interface EnvelopeItemSource {
  /** Position of the item in the input, 0-based, counting items left out for faults. */
  readonly index: number;
  /** The `type` of its header. */
  readonly type: string;
  /** Byte offset of its header. */
  readonly offset: number;
  /** Line of its header, 1-based. */
  readonly line: number;
  /** Size of its payload in bytes. */
  readonly length: number;
  /** Whether the payload was kept as bytes rather than parsed as JSON. */
  readonly bytes: boolean;
}

/** What {@link readEnvelope} returns. */
export interface ReadEnvelopeResult {
  /**
   * The envelope with every item that was read without a fault, or `undefined` when not even
   * its header could be read. Check `faults` before trusting it as complete.
   */
  readonly envelope: Envelope | undefined;
  /** For each item of `envelope`, in the same order: where it came from. */
  readonly items: readonly EnvelopeItemSource[];
  /** Every fault found, in input order. Empty when the whole input was read. */
  readonly faults: readonly EnvelopeFault[];
}

/** Where the input starts, when it is part of a larger file. */
export interface ReadEnvelopeOptions {
  /**
   * Byte offset added to every reported offset.
   * @default 0
   */
  readonly offset?: number;
  /**
   * Line number of the input's first line.
   * @default 1
   */
  readonly line?: number;
}
