import type { Remark } from '../detect/text-scanner.ts';

/** What scanning one text gave. */
export interface ScanResult {
  /** The text with its findings replaced, or the text itself when nothing was found. */
  readonly scanned: string;
  /** One remark per replacement; empty when nothing was found. */
  readonly remarks: readonly Remark[];
  /** The rule of each replacement, in order, to count them again. */
  readonly rules: readonly string[];
}

// Texts worth remembering: shorter ones cost little to scan again, and V8 hashes longer ones
// by their length only, which would make lookups compare whole texts.
const MIN_LENGTH = 16;
const MAX_LENGTH = 4096;
// Entries per item, so a payload of distinct texts cannot grow the memo without limit.
const MAX_ENTRIES = 512;

/**
 * Scan results remembered for the length of one item. An event repeats texts: every outgoing
 * request breadcrumb carries the same `Authorization` header and user agent, logger lines and
 * SQL statements recur. Scanning depends only on the text (and the scrubber's options), so a
 * text seen before in the same item has the same result; the memo is emptied when the item is
 * done, so nothing is kept from one event to the next.
 */
export class ScanMemo {
  readonly #entries = new Map<string, ScanResult>();

  /** Whether `text` is the kind of text the memo keeps. */
  static fits(text: string): boolean {
    return text.length >= MIN_LENGTH && text.length <= MAX_LENGTH;
  }

  get(text: string): ScanResult | undefined {
    return this.#entries.get(text);
  }

  /** Remembers a result, unless the memo is full. */
  set(text: string, result: ScanResult): void {
    if (this.#entries.size < MAX_ENTRIES) {
      this.#entries.set(text, result);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    if (this.#entries.size > 0) {
      this.#entries.clear();
    }
  }
}
