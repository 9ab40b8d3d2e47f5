import type { Event } from '@sentry/core';
import {
  decodeUtf8,
  type EnvelopeFault,
  lineAndColumn,
  parseJson,
  readEnvelope,
  utf8Length,
} from '../../envelope/index.ts';
import { LineReader, type RawLine } from './line-reader.ts';
import {
  type InputFault,
  type InputFormat,
  type InputRecord,
  isEnvelopeArray,
  isRecord,
  type Location,
} from './records.ts';

/** How the user asked for an input to be read. */
export type FormatChoice = 'auto' | InputFormat;

/** Size limits that keep memory bounded. */
export interface InputLimits {
  /** Longest JSON line kept; longer lines are reported and skipped. */
  readonly maxLineBytes: number;
  /** Largest JSON document or envelope read as a whole. */
  readonly maxDocumentBytes: number;
}

/** The default limits: far above Sentry's own (1 MB events, 200 MB envelopes). */
export const DEFAULT_LIMITS: InputLimits = {
  maxLineBytes: 64 * 1024 * 1024,
  maxDocumentBytes: 256 * 1024 * 1024,
};

/** An input whose shape is known, ready to be read record by record. */
export interface OpenedInput {
  /** The shape found, or `undefined` when nothing could be read. */
  readonly format: InputFormat | undefined;
  /** For JSON documents: whether the document is an array (of events, or an envelope). */
  readonly documentIsArray: boolean;
  readonly records: AsyncIterable<InputRecord>;
  /** Bytes read so far, for progress. */
  bytesRead(): number;
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  '.envelope': 'envelope',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/**
 * Keys an envelope item header carries; a second line made only of these (with a string
 * `type`) marks an envelope rather than JSON lines. From `@sentry/core`'s item header types.
 */
const ITEM_HEADER_KEYS: ReadonlySet<string> = new Set([
  'type',
  'length',
  'content_type',
  'filename',
  'attachment_type',
  'item_count',
  'platform',
]);

/**
 * Works out what an input holds, then reads it as records. `auto` decides from the file
 * name (`.envelope`, `.jsonl`, `.ndjson`) and otherwise from the first two lines: a JSON
 * object followed by an item header is an envelope, a JSON value alone (possibly spread over
 * many lines) is a JSON document, and anything else is JSON lines.
 */
export async function openInput(
  file: string,
  chunks: AsyncIterable<Uint8Array>,
  choice: FormatChoice,
  extension: string,
  limits: InputLimits = DEFAULT_LIMITS,
): Promise<OpenedInput> {
  const reader = new LineReader(chunks, limits.maxLineBytes);
  const chosen = choice === 'auto' ? FORMAT_BY_EXTENSION[extension] : choice;
  const sniffed = chosen === undefined ? await sniff(reader) : { format: chosen, lines: [] };
  const { format, lines } = sniffed;
  const bytesRead = (): number => reader.bytesRead;

  if (format === 'jsonl') {
    return {
      format,
      documentIsArray: false,
      records: readJsonLines(file, reader, lines),
      bytesRead,
    };
  }

  const bytes = await readWhole(reader, lines, limits.maxDocumentBytes);
  if (bytes === undefined) {
    const limit = limits.maxDocumentBytes / 1024 / 1024;
    const message =
      `larger than ${limit} MiB, too large to read as one ` +
      `${format === 'envelope' ? 'envelope' : 'JSON document'}; JSON lines have no such limit.`;
    return fixed(undefined, [{ kind: 'fault', fault: { file, message } }], bytesRead);
  }

  if (format === 'envelope') {
    return fixed(format, readEnvelopeFile(file, bytes), bytesRead);
  }

  const document = readDocument(file, bytes);
  return { ...fixed(format, document.records, bytesRead), documentIsArray: document.isArray };
}

function fixed(
  format: InputFormat | undefined,
  records: InputRecord[],
  bytesRead: () => number,
): OpenedInput {
  return {
    format,
    documentIsArray: false,
    records: (async function* replay() {
      yield* records;
    })(),
    bytesRead,
  };
}

/** Looks at the first two non-blank lines; they are kept to be read again. */
async function sniff(reader: LineReader): Promise<{ format: InputFormat; lines: RawLine[] }> {
  const lines: RawLine[] = [];
  const first = await nextContentLine(reader, lines);
  if (first === undefined) {
    return { format: 'jsonl', lines };
  }

  const firstValue = parseLine(first);
  if (firstValue.kind === 'blank') {
    // Only a line too long to keep parses as nothing: JSON lines report and skip it.
    return { format: 'jsonl', lines };
  }
  if (firstValue.kind === 'binary') {
    return { format: 'json', lines };
  }
  if (firstValue.kind === 'invalid') {
    if (firstValue.atEnd) {
      // A value that goes on past the first line: a pretty-printed document.
      return { format: 'json', lines };
    }
    const second = await nextContentLine(reader, lines);
    const secondValue = second === undefined ? undefined : parseLine(second);
    return { format: secondValue?.kind === 'value' ? 'jsonl' : 'json', lines };
  }

  const second = await nextContentLine(reader, lines);
  if (second === undefined) {
    return { format: 'json', lines };
  }
  const secondValue = parseLine(second);
  if (
    isRecord(firstValue.value) &&
    secondValue.kind === 'value' &&
    isItemHeader(secondValue.value)
  ) {
    return { format: 'envelope', lines };
  }
  return { format: 'jsonl', lines };
}

async function nextContentLine(reader: LineReader, kept: RawLine[]): Promise<RawLine | undefined> {
  for (let line = await reader.next(); line !== undefined; line = await reader.next()) {
    kept.push(line);
    if (line.skippedLength !== undefined || !isBlank(line.bytes)) {
      return line;
    }
  }
  return undefined;
}

function isItemHeader(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.type === 'string' &&
    Object.keys(value).every((key) => ITEM_HEADER_KEYS.has(key))
  );
}

type ParsedLine =
  | { kind: 'value'; value: unknown }
  | { kind: 'invalid'; atEnd: boolean; index: number; reason: string; text: string }
  | { kind: 'binary' }
  | { kind: 'blank' };

function parseLine(line: RawLine): ParsedLine {
  const bytes = withoutCarriageReturn(
    line.offset === 0 ? withoutByteOrderMark(line.bytes) : line.bytes,
  );
  if (isBlank(bytes)) {
    return { kind: 'blank' };
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return { kind: 'binary' };
  }
  const parsed = parseJson(text);
  return parsed.ok
    ? { kind: 'value', value: parsed.value }
    : { kind: 'invalid', ...parsed.error, text };
}

async function* readJsonLines(
  file: string,
  reader: LineReader,
  sniffed: readonly RawLine[],
): AsyncGenerator<InputRecord> {
  for (const line of sniffed) {
    yield* lineRecords(file, line);
  }
  for (let line = await reader.next(); line !== undefined; line = await reader.next()) {
    yield* lineRecords(file, line);
  }
}

function lineRecords(file: string, line: RawLine): InputRecord[] {
  const location: Location = { file, line: line.line };
  if (line.skippedLength !== undefined) {
    const mebibytes = (line.skippedLength / 1024 / 1024).toFixed(1);
    return [
      fault(location, `the line is ${mebibytes} MiB long, over the limit; skipped.`, line.offset),
    ];
  }

  const parsed = parseLine(line);
  switch (parsed.kind) {
    case 'blank':
      return [];
    case 'binary':
      return [
        fault(
          location,
          'not UTF-8 text (binary data?); expected one JSON event or envelope per line.',
          line.offset,
        ),
      ];
    case 'invalid': {
      const { column } = lineAndColumn(parsed.text, parsed.index);
      return [
        {
          kind: 'fault',
          fault: {
            ...location,
            column,
            offset: line.offset + utf8Length(parsed.text, parsed.index),
            message: `${
              parsed.atEnd && !line.terminated
                ? 'the input ends inside a JSON value (truncated?)'
                : `invalid JSON (${parsed.reason})`
            }; expected one event or envelope per line.`,
          },
        },
      ];
    }
    case 'value':
      return valueRecords(parsed.value, location, line.offset);
  }
}

/** Turns a parsed JSON value into records: an event, an envelope, or a fault. */
function valueRecords(value: unknown, location: Location, offset: number): InputRecord[] {
  if (isRecord(value)) {
    return [{ kind: 'event', location, event: value as Event }];
  }
  if (isEnvelopeArray(value)) {
    return [{ kind: 'envelope', location, envelope: value, items: [], form: 'array' }];
  }
  if (typeof value === 'string') {
    const result = readEnvelope(value);
    const records: InputRecord[] = result.faults.map((envelopeFault) => ({
      kind: 'fault',
      fault: {
        ...location,
        offset,
        ...(envelopeFault.item !== undefined && { item: envelopeFault.item + 1 }),
        message:
          `in the envelope string, line ${envelopeFault.line}: ` +
          lowerFirst(envelopeFault.message),
      },
    }));
    if (result.envelope !== undefined) {
      records.push({
        kind: 'envelope',
        location,
        envelope: result.envelope,
        items: result.items,
        form: 'string',
      });
    }
    return records;
  }
  return [
    fault(
      location,
      `expected an event (a JSON object) or an envelope, found ${describeKind(value)}.`,
      offset,
    ),
  ];
}

function readEnvelopeFile(file: string, bytes: Uint8Array): InputRecord[] {
  const result = readEnvelope(bytes);
  const records: InputRecord[] = result.faults.map((envelopeFault) => ({
    kind: 'fault',
    fault: envelopeInputFault(file, envelopeFault),
  }));
  if (result.envelope !== undefined) {
    records.push({
      kind: 'envelope',
      location: { file },
      envelope: result.envelope,
      items: result.items,
      form: 'text',
    });
  }
  return records;
}

function envelopeInputFault(file: string, envelopeFault: EnvelopeFault): InputFault {
  return {
    file,
    line: envelopeFault.line,
    ...(envelopeFault.column !== undefined && { column: envelopeFault.column }),
    offset: envelopeFault.offset,
    ...(envelopeFault.item !== undefined && { item: envelopeFault.item + 1 }),
    message: envelopeFault.message,
  };
}

function readDocument(
  file: string,
  bytes: Uint8Array,
): { records: InputRecord[]; isArray: boolean } {
  const content = withoutByteOrderMark(bytes);
  const skipped = bytes.length - content.length;
  const text = decodeUtf8(content);
  if (text === undefined) {
    return {
      records: [
        fault(
          { file },
          'not UTF-8 text (binary data?); expected a JSON event, an envelope or JSON lines.',
          0,
        ),
      ],
      isArray: false,
    };
  }

  if (text.trim() === '') {
    return {
      records: [fault({ file, line: 1 }, 'the input is empty; expected a JSON event.', 0)],
      isArray: false,
    };
  }

  const parsed = parseJson(text);
  if (!parsed.ok) {
    const place = lineAndColumn(text, parsed.error.index);
    const found = parsed.error.atEnd
      ? 'the input ends inside a JSON value (truncated?)'
      : `invalid JSON (${parsed.error.reason})`;
    return {
      records: [
        {
          kind: 'fault',
          fault: {
            file,
            line: place.line,
            column: place.column,
            offset: skipped + utf8Length(text, parsed.error.index),
            message: `${found}; expected a JSON event, an array of events, or an envelope.`,
          },
        },
      ],
      isArray: false,
    };
  }

  const value = parsed.value;
  if (Array.isArray(value) && !isEnvelopeArray(value)) {
    return {
      records: value.map((entry, index) =>
        isRecord(entry)
          ? { kind: 'event', location: { file, index }, event: entry as Event }
          : fault(
              { file, index },
              `array entry ${index}: expected an event (a JSON object), found ${describeKind(entry)}.`,
              undefined,
            ),
      ),
      isArray: true,
    };
  }
  return { records: valueRecords(value, { file }, 0), isArray: Array.isArray(value) };
}

async function readWhole(
  reader: LineReader,
  sniffed: readonly RawLine[],
  limit: number,
): Promise<Uint8Array | undefined> {
  const head: Uint8Array[] = [];
  let headLength = 0;
  for (const line of sniffed) {
    head.push(line.bytes);
    headLength += line.bytes.length;
    if (line.terminated) {
      head.push(NEWLINE);
      headLength += 1;
    }
  }
  const rest = await reader.rest(limit - headLength);
  if (rest === undefined) {
    return undefined;
  }
  if (head.length === 0) {
    return rest;
  }
  const whole = new Uint8Array(headLength + rest.length);
  let position = 0;
  for (const part of [...head, rest]) {
    whole.set(part, position);
    position += part.length;
  }
  return whole;
}

const NEWLINE = new Uint8Array([0x0a]);

function fault(location: Location, message: string, offset: number | undefined): InputRecord {
  return {
    kind: 'fault',
    fault: { ...location, ...(offset !== undefined && { offset }), message },
  };
}

function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d && byte !== 0x0a) {
      return false;
    }
  }
  return true;
}

function withoutCarriageReturn(bytes: Uint8Array): Uint8Array {
  return bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes;
}

function withoutByteOrderMark(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

function describeKind(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
