import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineReader, type RawLine } from '../../src/cli/input/line-reader.ts';

const encoder = new TextEncoder();

async function* chunksOf(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let position = 0;
  for (let index = 0; position < bytes.length; index++) {
    const size = Math.max(1, sizes[index % Math.max(sizes.length, 1)] ?? bytes.length);
    yield bytes.subarray(position, position + size);
    position += size;
  }
}

async function allLines(reader: LineReader): Promise<RawLine[]> {
  const lines: RawLine[] = [];
  for (let line = await reader.next(); line !== undefined; line = await reader.next()) {
    lines.push(line);
  }
  return lines;
}

describe('LineReader', () => {
  it('splits lines across any chunk boundaries, with offsets and line numbers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'grapheme' }).map((text) => text.replaceAll('\n', ' ')),
          {
            maxLength: 8,
          },
        ),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        async (texts, finalNewline, sizes) => {
          const joined = texts.join('\n') + (finalNewline && texts.length > 0 ? '\n' : '');
          const bytes = encoder.encode(joined);

          const lines = await allLines(new LineReader(chunksOf(bytes, sizes), 1024));

          // A line feed ends a line; text after the last one is a last line without one.
          const expected = joined === '' ? [] : joined.split('\n');
          if (joined.endsWith('\n')) {
            expected.pop();
          }
          expect(lines.map((line) => new TextDecoder().decode(line.bytes))).toEqual(expected);
          let offset = 0;
          lines.forEach((line, index) => {
            expect(line.line).toBe(index + 1);
            expect(line.offset).toBe(offset);
            offset += line.bytes.length + 1;
          });
        },
      ),
    );
  });

  it('skips a line longer than the limit but keeps counting bytes and lines', async () => {
    const bytes = encoder.encode(`short\n${'x'.repeat(100)}\nafter`);

    const lines = await allLines(new LineReader(chunksOf(bytes, [7]), 50));

    expect(
      lines.map((line) => [line.line, line.offset, line.skippedLength, line.bytes.length]),
    ).toEqual([
      [1, 0, undefined, 5],
      [2, 6, 100, 0],
      [3, 107, undefined, 5],
    ]);
  });

  it('hands over the rest of the input as one buffer, within a limit', async () => {
    const bytes = encoder.encode('first\nsecond\nthird');
    const reader = new LineReader(chunksOf(bytes, [4]), 1024);

    await reader.next();
    const rest = await reader.rest(1024);

    expect(new TextDecoder().decode(rest)).toBe('second\nthird');
    expect(await new LineReader(chunksOf(bytes, [4]), 1024).rest(10)).toBeUndefined();
  });
});
