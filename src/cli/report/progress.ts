import type { OutputStream } from '../io.ts';
import { printable } from './format.ts';

const FIRST_DELAY_MS = 500;
const INTERVAL_MS = 200;

/**
 * A one-line progress display on a terminal's stderr for long runs: it appears after half a
 * second, rewrites itself in place, and is cleared before the summary. Never shown when
 * stderr is not a terminal, so pipes and files stay clean.
 */
export class Progress {
  readonly #stream: OutputStream;
  readonly #totalBytes: number | undefined;
  readonly #now: () => number;
  readonly #started: number;
  #nextAt: number;
  #shown = false;

  /** `now` is the clock, replaceable in tests. */
  constructor(stream: OutputStream, totalBytes: number | undefined, now: () => number = Date.now) {
    this.#stream = stream;
    this.#totalBytes = totalBytes;
    this.#now = now;
    this.#started = now();
    this.#nextAt = this.#started + FIRST_DELAY_MS;
  }

  /** Updates the line when it is due; cheap to call for every unit. */
  update(bytes: number, units: number, file: string): void {
    const now = this.#now();
    if (now < this.#nextAt) {
      return;
    }
    this.#nextAt = now + INTERVAL_MS;
    this.#shown = true;

    const seconds = Math.max((now - this.#started) / 1000, 0.001);
    const total = this.#totalBytes;
    const share =
      total === undefined || total === 0
        ? ''
        : ` of ${megabytes(total)} (${Math.floor((bytes / total) * 100)}%)`;
    const text =
      `checking: ${units.toLocaleString('en-US')} checked, ${megabytes(bytes)}${share}, ` +
      `${megabytes(bytes / seconds)}/s, ${printable(file)}`;
    const width = (this.#stream.columns ?? 80) - 1;
    const shown = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    this.#stream.write(`\r\u001b[K${shown}`);
  }

  /** Removes the line, if it was shown. */
  clear(): void {
    if (this.#shown) {
      this.#stream.write('\r\u001b[K');
      this.#shown = false;
    }
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
