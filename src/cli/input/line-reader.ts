/** One line of input as bytes, without its line feed. */
export interface RawLine {
  /** The line's bytes; empty when the line was too long to keep. */
  readonly bytes: Uint8Array;
  /** Byte offset of the line's first byte. */
  readonly offset: number;
  /** Line number, 1-based. */
  readonly line: number;
  /** Whether a line feed ended it (the last line of a file may have none). */
  readonly terminated: boolean;
  /** The line's length in bytes when it was longer than the limit and was skipped. */
  readonly skippedLength?: number;
}

const LINE_FEED = 0x0a;

/**
 * Splits a stream of byte chunks into lines, keeping byte offsets, in bounded memory: only
 * the current line is held, and a line longer than `maxLineBytes` is skipped, not stored.
 */
export class LineReader {
  readonly #chunks: AsyncIterator<Uint8Array>;
  readonly #maxLineBytes: number;
  #chunk: Uint8Array | undefined;
  #chunkPosition = 0;
  #pending: Uint8Array[] = [];
  #pendingLength = 0;
  #skipping = false;
  #offset = 0;
  #line = 1;
  #done = false;

  constructor(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number) {
    this.#chunks = chunks[Symbol.asyncIterator]();
    this.#maxLineBytes = maxLineBytes;
  }

  /** Bytes handed out so far, line feeds included. */
  get bytesRead(): number {
    return this.#offset;
  }

  /** The next line, or `undefined` at the end of the input. */
  async next(): Promise<RawLine | undefined> {
    for (;;) {
      const chunk = this.#chunk;
      if (chunk !== undefined) {
        const feed = chunk.indexOf(LINE_FEED, this.#chunkPosition);
        if (feed !== -1) {
          const piece = chunk.subarray(this.#chunkPosition, feed);
          this.#chunkPosition = feed + 1;
          return this.#emit(piece, true);
        }
        this.#hold(chunk.subarray(this.#chunkPosition));
        this.#chunk = undefined;
      }

      if (this.#done) {
        return this.#pendingLength > 0 || this.#skipping
          ? this.#emit(new Uint8Array(0), false)
          : undefined;
      }

      const result = await this.#chunks.next();
      if (result.done) {
        this.#done = true;
      } else {
        this.#chunk = result.value;
        this.#chunkPosition = 0;
      }
    }
  }

  /**
   * Everything not yet handed out as one buffer, or `undefined` when it exceeds `limit`
   * bytes. Used for inputs that are one document rather than lines.
   */
  async rest(limit: number): Promise<Uint8Array | undefined> {
    const parts = [...this.#pending];
    let length = this.#pendingLength;
    this.#pending = [];
    this.#pendingLength = 0;
    if (this.#chunk !== undefined) {
      const remainder = this.#chunk.subarray(this.#chunkPosition);
      parts.push(remainder);
      length += remainder.length;
      this.#chunk = undefined;
    }

    for (;;) {
      if (length > limit) {
        return undefined;
      }
      if (this.#done) {
        break;
      }
      const result = await this.#chunks.next();
      if (result.done) {
        this.#done = true;
      } else {
        parts.push(result.value);
        length += result.value.length;
      }
    }

    this.#offset += length;
    return concat(parts, length);
  }

  #hold(piece: Uint8Array): void {
    if (piece.length === 0) {
      return;
    }
    this.#pendingLength += piece.length;
    if (this.#skipping) {
      return;
    }
    if (this.#pendingLength > this.#maxLineBytes) {
      this.#skipping = true;
      this.#pending = [];
      return;
    }
    // Copy: the chunk may be reused by the stream once it has been handed over.
    this.#pending.push(piece.slice());
  }

  #emit(piece: Uint8Array, terminated: boolean): RawLine {
    const length = this.#pendingLength + piece.length;
    const offset = this.#offset;
    const line = this.#line;
    this.#offset += length + (terminated ? 1 : 0);
    if (terminated) {
      this.#line++;
    }

    const skipped = this.#skipping || length > this.#maxLineBytes;
    const bytes = skipped
      ? new Uint8Array(0)
      : this.#pending.length === 0
        ? piece
        : concat([...this.#pending, piece], length);
    this.#pending = [];
    this.#pendingLength = 0;
    this.#skipping = false;
    return skipped
      ? { bytes, offset, line, terminated, skippedLength: length }
      : { bytes, offset, line, terminated };
  }
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) {
    return parts[0] as Uint8Array;
  }
  const joined = new Uint8Array(length);
  let position = 0;
  for (const part of parts) {
    joined.set(part, position);
    position += part.length;
  }
  return joined;
}
