import { readJsonLines } from './json-lines.ts';
import { LineReader } from './line-reader.ts';
import type { InputFormat, InputRecord } from './records.ts';
import { sniff } from './sniff.ts';
import { readDocument, readEnvelopeFile, readWhole } from './whole-input.ts';

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
 * Works out what an input holds, then reads it as records. `auto` decides from the file
 * name (`.envelope`, `.jsonl`, `.ndjson`) and otherwise from the content (see `sniff`).
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
