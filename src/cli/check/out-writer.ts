import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Envelope, Event } from '@sentry/core';
import { writeEnvelope } from '../../envelope/index.ts';
import type { InputSource } from '../input/list-files.ts';
import type { OpenedInput } from '../input/read-input.ts';
import type { EnvelopeForm } from '../input/records.ts';
import { writeLine } from '../io.ts';

/** Receives what the filter kept from one input and writes it in the input's own shape. */
export interface OutputSink {
  /** An event as it would be sent, or `null` when it was dropped. */
  event(event: Event | null): Promise<void>;
  /** An envelope as it would be sent, or `null` when every item was dropped. */
  envelope(envelope: Envelope | null, form: EnvelopeForm): Promise<void>;
  /** Finishes the file; `false` when none was written, as nothing of the input is left. */
  close(): Promise<boolean>;
}

/** What `--out` cannot write, such as a value nested too deeply to serialise. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** `JSON.stringify`, turning a failure into an {@link OutputError} the check reports. */
function serialize(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value, null, indent);
  } catch (error) {
    const reason = error instanceof RangeError ? 'nested too deeply' : 'not serialisable';
    throw new OutputError(`cannot be written to --out: ${reason}`);
  }
}

const EXTENSION_BY_FORMAT = { json: '.json', envelope: '.envelope', jsonl: '.jsonl' } as const;

/** The file `--out` writes for an input: its own name, or `stdin` with an extension. */
export function outputPath(
  outDir: string,
  source: Exclude<InputSource, { kind: 'unreadable' }>,
  input: OpenedInput,
): string {
  const name =
    source.kind === 'file'
      ? source.outName
      : `${source.outName}${EXTENSION_BY_FORMAT[input.format ?? 'json']}`;
  return join(outDir, name);
}

/**
 * Opens the sink for one input. JSON lines stream out as they come; a JSON document or an
 * envelope is written once at the end, and not at all when nothing of it is left.
 */
export async function openSink(path: string, input: OpenedInput): Promise<OutputSink> {
  await mkdir(dirname(path), { recursive: true });
  return input.format === 'jsonl'
    ? new JsonLinesSink(createWriteStream(path))
    : new DocumentSink(path, input.documentIsArray);
}

class JsonLinesSink implements OutputSink {
  readonly #stream: WriteStream;

  constructor(stream: WriteStream) {
    this.#stream = stream;
  }

  async event(event: Event | null): Promise<void> {
    if (event !== null) {
      await writeLine(this.#stream, serialize(event));
    }
  }

  async envelope(envelope: Envelope | null, form: EnvelopeForm): Promise<void> {
    if (envelope !== null) {
      await writeLine(this.#stream, serialize(envelopeValue(envelope, form)));
    }
  }

  close(): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.#stream.once('error', reject);
      this.#stream.end(() => resolve(true));
    });
  }
}

class DocumentSink implements OutputSink {
  readonly #path: string;
  readonly #isArray: boolean;
  readonly #events: Event[] = [];
  #content: string | Uint8Array | undefined;

  constructor(path: string, isArray: boolean) {
    this.#path = path;
    this.#isArray = isArray;
  }

  async event(event: Event | null): Promise<void> {
    if (event !== null) {
      this.#events.push(event);
    }
  }

  async envelope(envelope: Envelope | null, form: EnvelopeForm): Promise<void> {
    if (envelope === null) {
      return;
    }
    this.#content =
      form === 'text'
        ? writeEnvelope(envelope)
        : `${serialize(envelopeValue(envelope, form), 2)}\n`;
  }

  async close(): Promise<boolean> {
    if (this.#content === undefined && (this.#isArray || this.#events.length > 0)) {
      const value = this.#isArray ? this.#events : this.#events[0];
      this.#content = `${serialize(value, 2)}\n`;
    }
    if (this.#content === undefined) {
      return false;
    }

    await writeFile(this.#path, this.#content);
    return true;
  }
}

/** An envelope as JSON can hold it: the array itself, or its text as a string. */
function envelopeValue(envelope: Envelope, form: EnvelopeForm): unknown {
  if (form !== 'string') {
    return envelope;
  }
  const written = writeEnvelope(envelope);
  return typeof written === 'string' ? written : new TextDecoder().decode(written);
}
