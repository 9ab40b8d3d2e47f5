import type { Envelope, EnvelopeItem } from '@sentry/core';
import { describeByte, describeType, describeValue, isObject } from './describe.ts';
import { looksLikeItemHeader } from './item-header.ts';
import { payloadKind } from './item-types.ts';
import { type JsonSyntaxError, parseJson } from './json.ts';
import { countLineFeeds, decodeUtf8, lineAndColumn, utf8Length } from './text.ts';
import type {
  EnvelopeFault,
  EnvelopeFaultCode,
  EnvelopeItemSource,
  ReadEnvelopeOptions,
  ReadEnvelopeResult,
} from './types.ts';

const LINE_FEED = 0x0a;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

/**
 * Reads a Sentry envelope from untrusted bytes or text, strictly: every fault is reported
 * with its byte offset and line, instead of being truncated away or thrown.
 *
 * Headers must be JSON objects on one line. An item whose header has a `length` is read as
 * exactly that many bytes, which must be followed by a newline or the end of the input;
 * without `length`, the payload runs to the next newline. Payloads of JSON item types
 * (`event`, `transaction`, `log`, `span`...) must be JSON objects; attachments and other
 * binary items are kept as bytes. An item with a faulty payload is left out and reading goes
 * on. After a fault that loses track of where items start (a bad item header, a wrong
 * `length`), the item is left out and reading goes on at the next line that looks like an
 * item header (a flat JSON object with a string `type`), or ends when there is none.
 *
 * @example
 * ```ts
 * const { envelope, faults } = readEnvelope(body);
 * if (faults.length > 0) {
 *   for (const fault of faults) logger.warn(`line ${fault.line}: ${fault.message}`);
 * }
 * ```
 */
export function readEnvelope(
  input: Uint8Array | string,
  options: ReadEnvelopeOptions = {},
): ReadEnvelopeResult {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return new EnvelopeReader(bytes, options.offset ?? 0, options.line ?? 1).read();
}

interface PayloadRange {
  readonly start: number;
  readonly end: number;
  /** Whether the payload's end is known: by its length, or by the newline after it. */
  readonly delimited: boolean;
}

/** Where to look for the next item header after the framing was lost. */
interface Resume {
  /** Where lines are looked at, one by one. */
  readonly offset: number;
  readonly line: number;
  /**
   * Where a length-delimited payload was said to end: a header right there means the
   * length was right and only the newline after the payload is missing.
   */
  readonly declaredEnd?: { readonly offset: number; readonly line: number };
}

interface Line {
  /** Offset of the first byte of the line. */
  readonly start: number;
  /** Offset of the line feed, or the end of the input. */
  readonly end: number;
  readonly terminated: boolean;
}

class EnvelopeReader {
  readonly #bytes: Uint8Array;
  readonly #baseOffset: number;
  readonly #faults: EnvelopeFault[] = [];
  readonly #items: EnvelopeItem[] = [];
  readonly #sources: EnvelopeItemSource[] = [];
  #position = 0;
  #line: number;

  constructor(bytes: Uint8Array, baseOffset: number, baseLine: number) {
    this.#bytes = bytes;
    this.#baseOffset = baseOffset;
    this.#line = baseLine;
  }

  read(): ReadEnvelopeResult {
    this.#skipByteOrderMark();
    this.#skipBlankLines();
    if (this.#position >= this.#bytes.length) {
      this.#fault('empty', 'The input is empty; expected an envelope header line.', this.#position);
      return this.#result(undefined);
    }

    const header = this.#readHeader(undefined);
    if (header === undefined) {
      return this.#result(undefined);
    }

    let index = 0;
    while (this.#skipBlankLines()) {
      const lost = this.#readItem(index);
      index++;
      if (lost !== undefined && !this.#resumeAtNextHeader(lost)) {
        this.#markStop();
        break;
      }
    }
    return this.#result([header, this.#items] as unknown as Envelope);
  }

  /**
   * Moves to the next item header: right at the payload's declared end, else the first line
   * from `from` on that looks like one. Says so in the last fault; false when there is none.
   */
  #resumeAtNextHeader(from: Resume): boolean {
    const bytes = this.#bytes;
    const glued = from.declaredEnd;
    if (glued !== undefined && looksLikeItemHeader(this.#nextLineAt(glued.offset))) {
      return this.#resumeAt(glued.offset, glued.line);
    }

    let start = from.offset;
    let line = from.line;
    while (start < bytes.length) {
      const feed = bytes.indexOf(LINE_FEED, start);
      const end = feed === -1 ? bytes.length : feed;
      if (looksLikeItemHeader(bytes.subarray(start, end))) {
        return this.#resumeAt(start, line);
      }
      if (feed === -1) {
        break;
      }
      start = feed + 1;
      line++;
    }
    return false;
  }

  #resumeAt(offset: number, line: number): true {
    this.#position = offset;
    this.#line = line;
    this.#amendLastFault(` Reading went on at line ${line}, the next item header.`);
    return true;
  }

  /** The bytes from `offset` to the next line feed. */
  #nextLineAt(offset: number): Uint8Array {
    const feed = this.#bytes.indexOf(LINE_FEED, offset);
    return this.#bytes.subarray(offset, feed === -1 ? this.#bytes.length : feed);
  }

  /** Says in the last fault that nothing after it was read, when something was left. */
  #markStop(): void {
    const last = this.#faults.at(-1);
    const unread = this.#bytes.length - (last === undefined ? 0 : last.offset - this.#baseOffset);
    if (unread > 1) {
      this.#amendLastFault(` The ${unread} bytes from here on were not read.`);
    }
  }

  #amendLastFault(text: string): void {
    const last = this.#faults.at(-1);
    if (last !== undefined) {
      this.#faults[this.#faults.length - 1] = { ...last, message: `${last.message}${text}` };
    }
  }

  #result(envelope: Envelope | undefined): ReadEnvelopeResult {
    return { envelope, items: this.#sources, faults: this.#faults };
  }

  /**
   * Reads one item. When the framing is lost (the end of its payload is unknown), returns
   * where to look for the next item header.
   */
  #readItem(index: number): Resume | undefined {
    const headerOffset = this.#position;
    const headerLine = this.#line;
    const header = this.#readHeader(index);
    if (header === undefined) {
      const feed = this.#bytes.indexOf(LINE_FEED, headerOffset);
      return feed === -1
        ? { offset: this.#bytes.length, line: headerLine }
        : { offset: feed + 1, line: headerLine + 1 };
    }
    const payloadStart: Resume = { offset: this.#position, line: this.#line };

    const type = header.type;
    const typeProblem = typeof type === 'string' && type !== '' ? undefined : describeType(type);
    const length = readLength(header);
    if (length === 'invalid') {
      this.#fault(
        'length',
        `Item ${index + 1} header: \`length\` must be a whole number of bytes, ` +
          `found ${describeValue(header.length)}.`,
        headerOffset,
        { item: index, line: headerLine },
      );
      return payloadStart;
    }

    const payload = this.#readPayload(index, length);
    if (payload === undefined) {
      return { ...payloadStart, declaredEnd: { offset: this.#position, line: this.#line } };
    }

    if (typeProblem !== undefined) {
      this.#fault(
        'item-header',
        `Item ${index + 1} header: expected a string \`type\`, found ${typeProblem}.`,
        headerOffset,
        { item: index, line: headerLine },
      );
      return undefined;
    }

    const value = this.#decodePayload(index, type as string, payload);
    if (value === undefined) {
      return undefined;
    }

    this.#items.push([header, value.payload] as unknown as EnvelopeItem);
    this.#sources.push({
      index,
      type: type as string,
      offset: this.#baseOffset + headerOffset,
      line: headerLine,
      length: payload.end - payload.start,
      bytes: value.payload instanceof Uint8Array,
    });
    return undefined;
  }

  /** Reads a header line as a JSON object; `item` is undefined for the envelope header. */
  #readHeader(item: number | undefined): Record<string, unknown> | undefined {
    const what = item === undefined ? 'Envelope header' : `Item ${item + 1} header`;
    const expected =
      item === undefined
        ? 'a JSON object on the first line'
        : 'a JSON object on one line, with a string `type`';
    const line = this.#nextLine();
    const lineNumber = this.#line;
    const code = item === undefined ? 'header' : 'item-header';

    const text = decodeUtf8(this.#bytes.subarray(line.start, line.end));
    if (text === undefined) {
      this.#fault('encoding', `${what}: not valid UTF-8 text; expected ${expected}.`, line.start, {
        item,
      });
      return undefined;
    }

    const parsed = parseJson(text);
    if (!parsed.ok) {
      const truncated = parsed.error.atEnd && !line.terminated;
      this.#jsonFault(truncated ? 'truncated' : code, what, expected, line.start, text, {
        error: parsed.error,
        item,
        truncated,
      });
      return undefined;
    }

    if (!isObject(parsed.value)) {
      this.#fault(
        code,
        `${what}: expected ${expected}, found ${describeValue(parsed.value)}.`,
        line.start,
        {
          item,
        },
      );
      return undefined;
    }

    this.#advancePast(line);
    if (item !== undefined && !line.terminated) {
      this.#fault(
        'truncated',
        `${what}: the input ends after the header; expected a newline and the payload.`,
        line.end,
        { item, line: lineNumber },
      );
      return undefined;
    }
    return parsed.value;
  }

  /** Finds the payload's bytes and moves past them; undefined when the framing is lost. */
  #readPayload(index: number, length: number | undefined): PayloadRange | undefined {
    const bytes = this.#bytes;
    const start = this.#position;

    if (length === undefined) {
      const line = this.#nextLine();
      this.#advancePast(line);
      return { start, end: line.end, delimited: line.terminated };
    }

    const remaining = bytes.length - start;
    if (length > remaining) {
      this.#fault(
        'overrun',
        `Item ${index + 1}: \`length\` is ${length} bytes but only ${remaining} remain; ` +
          'the input is truncated or the length is wrong.',
        bytes.length,
        { item: index, line: this.#line + countLineFeeds(bytes, start, bytes.length) },
      );
      return undefined;
    }

    const end = start + length;
    this.#line += countLineFeeds(bytes, start, end);
    this.#position = end;
    if (end === bytes.length) {
      return { start, end, delimited: true };
    }

    const next = bytes[end] as number;
    if (next !== LINE_FEED) {
      this.#fault(
        'newline',
        `Item ${index + 1}: expected a newline after its ${length}-byte payload, found ` +
          `${describeByte(next)}; the \`length\` in its header is probably wrong.`,
        end,
        { item: index },
      );
      return undefined;
    }

    this.#position = end + 1;
    this.#line++;
    return { start, end, delimited: true };
  }

  #decodePayload(
    index: number,
    type: string,
    range: PayloadRange,
  ): { payload: unknown } | undefined {
    const source = this.#bytes;
    const bytes = new Uint8Array(
      source.buffer,
      source.byteOffset + range.start,
      range.end - range.start,
    );
    const kind = payloadKind(type);
    if (kind === 'bytes') {
      return { payload: bytes };
    }

    const what = `Item ${index + 1} (${type})`;
    const text = decodeUtf8(bytes);
    if (text === undefined) {
      if (kind === 'either') {
        return { payload: bytes };
      }
      this.#fault(
        'encoding',
        `${what}: payload is not valid UTF-8 text; expected a JSON object.`,
        range.start,
        {
          item: index,
          line: this.#lineAt(range.start),
        },
      );
      return undefined;
    }

    const parsed = text.trim() === '' ? undefined : parseJson(text);
    if (parsed?.ok && isObject(parsed.value)) {
      return { payload: parsed.value };
    }
    if (kind === 'either') {
      return { payload: bytes };
    }

    const line = this.#lineAt(range.start);
    if (parsed === undefined) {
      this.#fault(
        'payload',
        `${what}: the payload is empty; expected a JSON object.`,
        range.start,
        {
          item: index,
          line,
        },
      );
    } else if (parsed.ok) {
      this.#fault(
        'payload',
        `${what}: expected a JSON object as payload, found ${describeValue(parsed.value)}.`,
        range.start,
        { item: index, line },
      );
    } else {
      const truncated = parsed.error.atEnd && !range.delimited;
      this.#jsonFault(
        truncated ? 'truncated' : 'payload',
        `${what} payload`,
        'a JSON object',
        range.start,
        text,
        {
          error: parsed.error,
          item: index,
          line,
          truncated,
        },
      );
    }
    return undefined;
  }

  #jsonFault(
    code: EnvelopeFaultCode,
    what: string,
    expected: string,
    textStart: number,
    text: string,
    details: {
      error: JsonSyntaxError;
      item: number | undefined;
      line?: number;
      truncated: boolean;
    },
  ): void {
    const { error } = details;
    const place = lineAndColumn(text, error.index);
    const offset = textStart + utf8Length(text, error.index);
    const found = details.truncated ? 'the input ends inside it' : `invalid JSON (${error.reason})`;
    this.#fault(code, `${what}: ${found}; expected ${expected}.`, offset, {
      item: details.item,
      line: (details.line ?? this.#line) + place.line - 1,
      column: place.column,
    });
  }

  #fault(
    code: EnvelopeFaultCode,
    message: string,
    offset: number,
    details: { item?: number | undefined; line?: number; column?: number } = {},
  ): void {
    this.#faults.push({
      code,
      message,
      offset: this.#baseOffset + offset,
      line: details.line ?? this.#line,
      ...(details.column !== undefined && { column: details.column }),
      ...(details.item !== undefined && { item: details.item }),
    });
  }

  #nextLine(): Line {
    const bytes = this.#bytes;
    const feed = bytes.indexOf(LINE_FEED, this.#position);
    return feed === -1
      ? { start: this.#position, end: bytes.length, terminated: false }
      : { start: this.#position, end: feed, terminated: true };
  }

  #advancePast(line: Line): void {
    this.#position = line.terminated ? line.end + 1 : line.end;
    if (line.terminated) {
      this.#line++;
    }
  }

  /** The line number of an offset inside the current item (at or before the position). */
  #lineAt(offset: number): number {
    return this.#line - countLineFeeds(this.#bytes, offset, this.#position);
  }

  /** Skips empty lines; returns whether anything is left to read. */
  #skipBlankLines(): boolean {
    const bytes = this.#bytes;
    while (this.#position < bytes.length) {
      const byte = bytes[this.#position];
      if (byte === LINE_FEED) {
        this.#line++;
      } else if (byte !== 0x0d || bytes[this.#position + 1] !== LINE_FEED) {
        return true;
      }
      this.#position++;
    }
    return false;
  }

  #skipByteOrderMark(): void {
    if (BYTE_ORDER_MARK.every((byte, index) => this.#bytes[index] === byte)) {
      this.#position = BYTE_ORDER_MARK.length;
    }
  }
}

/** The header's `length`: a byte count, `undefined` when absent, or `'invalid'`. */
function readLength(header: Record<string, unknown>): number | undefined | 'invalid' {
  const length = header.length;
  if (length === undefined || length === null) {
    return undefined;
  }
  return typeof length === 'number' && Number.isSafeInteger(length) && length >= 0
    ? length
    : 'invalid';
}
