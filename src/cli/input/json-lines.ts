import type { Event } from '@sentry/core';
import { describeKind } from '../../describe-kind.ts';
import { lineAndColumn, readEnvelope, utf8Length } from '../../envelope/index.ts';
import type { LineReader, RawLine } from './line-reader.ts';
import { parseLine } from './parse-line.ts';
import {
  faultRecord,
  type InputRecord,
  isEnvelopeArray,
  isRecord,
  type Location,
} from './records.ts';

/** Reads JSON lines as records, starting with the lines already read to sniff the format. */
export async function* readJsonLines(
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
      faultRecord(
        location,
        `the line is ${mebibytes} MiB long, over the limit; skipped.`,
        line.offset,
      ),
    ];
  }

  const parsed = parseLine(line);
  switch (parsed.kind) {
    case 'blank':
      return [];
    case 'binary':
      return [
        faultRecord(
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
export function valueRecords(value: unknown, location: Location, offset: number): InputRecord[] {
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
    faultRecord(
      location,
      `expected an event (a JSON object) or an envelope, found ${describeKind(value)}.`,
      offset,
    ),
  ];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
