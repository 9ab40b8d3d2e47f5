import { decodeUtf8, parseJson } from '../../envelope/index.ts';
import type { RawLine } from './line-reader.ts';

/** A line of input, parsed as JSON as far as it goes. */
export type ParsedLine =
  | { kind: 'value'; value: unknown }
  | { kind: 'invalid'; atEnd: boolean; index: number; reason: string; text: string }
  | { kind: 'binary' }
  | { kind: 'blank' };

/** Parses one line: without its carriage return, and at the start of a file its BOM. */
export function parseLine(line: RawLine): ParsedLine {
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

/** Tells whether bytes hold only spaces, tabs and line ends. */
export function isBlank(bytes: Uint8Array): boolean {
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

/** The bytes without a leading UTF-8 byte order mark. */
export function withoutByteOrderMark(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}
