/** Bytes that UTF-8 needs for `text.slice(0, end)`, counted without encoding it. */
export function utf8Length(text: string, end = text.length): number {
  let bytes = 0;
  for (let index = 0; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      bytes += 1;
    } else if (code < 0x800) {
      bytes += 2;
    } else if (code >= 0xd800 && code <= 0xdbff && index + 1 < end) {
      // A surrogate pair is one code point of four bytes.
      bytes += 4;
      index++;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

/** Line (1-based) and column (1-based, in characters) of `index` in `text`. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let position = text.indexOf('\n'); position !== -1 && position < index; ) {
    line++;
    lineStart = position + 1;
    position = text.indexOf('\n', lineStart);
  }
  return { line, column: index - lineStart + 1 };
}

/** Counts line feeds in `bytes` between `start` and `end`. */
export function countLineFeeds(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let position = bytes.indexOf(0x0a, start); position !== -1 && position < end; ) {
    count++;
    position = bytes.indexOf(0x0a, position + 1);
  }
  return count;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 text, or returns `undefined` for bytes that are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
