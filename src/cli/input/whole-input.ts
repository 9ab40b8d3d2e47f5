import type { Event } from '@sentry/core';
import { describeKind } from '../../describe-kind.ts';
import {
  decodeUtf8,
  type EnvelopeFault,
  lineAndColumn,
  parseJson,
  readEnvelope,
  utf8Length,
} from '../../envelope/index.ts';
import { valueRecords } from './json-lines.ts';
import type { LineReader, RawLine } from './line-reader.ts';
import { withoutByteOrderMark } from './parse-line.ts';
import {
  faultRecord,
  type InputFault,
  type InputRecord,
  isEnvelopeArray,
  isRecord,
} from './records.ts';

/** The records of an input read whole as an envelope: its faults, then the envelope. */
export function readEnvelopeFile(file: string, bytes: Uint8Array): InputRecord[] {
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

/** The records of an input read whole as one JSON document. */
export function readDocument(
  file: string,
  bytes: Uint8Array,
): { records: InputRecord[]; isArray: boolean } {
  const content = withoutByteOrderMark(bytes);
  const skipped = bytes.length - content.length;
  const text = decodeUtf8(content);
  if (text === undefined) {
    return {
      records: [
        faultRecord(
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
      records: [faultRecord({ file, line: 1 }, 'the input is empty; expected a JSON event.', 0)],
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
          : faultRecord(
              { file, index },
              `array entry ${index}: expected an event (a JSON object), ` +
                `found ${describeKind(entry)}.`,
              undefined,
            ),
      ),
      isArray: true,
    };
  }
  return { records: valueRecords(value, { file }, 0), isArray: Array.isArray(value) };
}

/** The lines already read and the rest of the input as one buffer; `undefined` past `limit`. */
export async function readWhole(
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
