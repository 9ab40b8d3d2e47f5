import type { LineReader, RawLine } from './line-reader.ts';
import { isBlank, parseLine } from './parse-line.ts';
import { type InputFormat, isRecord } from './records.ts';

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
 * Decides the format from the first two non-blank lines, which are kept to be read again:
 * a JSON object followed by an item header is an envelope, a JSON value alone (possibly
 * spread over many lines) is a JSON document, and anything else is JSON lines.
 */
export async function sniff(
  reader: LineReader,
): Promise<{ format: InputFormat; lines: RawLine[] }> {
  const lines: RawLine[] = [];
  const first = await nextContentLine(reader, lines);
  if (first === undefined) {
    // Nothing but blank lines: read as a document, which reports the input as empty.
    return { format: 'json', lines };
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
