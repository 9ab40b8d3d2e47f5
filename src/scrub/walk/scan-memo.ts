import type { Remark } from '../detect/text-scanner.ts';

/** What scanning one text gave, when it changed the text. */
export interface ScanResult {
  /** The text with its findings replaced. */
  readonly scanned: string;
  /** One remark per replacement. */
  readonly remarks: readonly Remark[];
  /** The rule of each replacement, in order, to count them again. */
  readonly rules: readonly string[];
}

/** Returned for a text remembered to have nothing to replace. */
export const UNCHANGED: ScanResult = Object.freeze({
  scanned: '',
  remarks: Object.freeze([]),
  rules: Object.freeze([]),
});

// Texts worth remembering: shorter ones cost little to scan again.
const MIN_LENGTH = 16;
const MAX_LENGTH = 4096;
// Slots of the memo; a power of two.
const SLOTS = 1024;

/**
 * Scan results remembered for the length of one item. An event repeats texts: every outgoing
 * request breadcrumb carries the same `Authorization` header and user agent, logger lines and
 * SQL statements recur. Scanning depends only on the text (and the scrubber's options), so a
 * text seen before in the same item has the same result.
 *
 * The memo is a fixed table of slots, chosen by a few characters of the text and its length;
 * a text found in its slot is compared whole before its result is used, and a new text takes
 * the slot over unless the text there has been found again since (see `set`). So it never
 * grows, allocates nothing to look up or remember, and `clear()` lets go of every text when
 * the item is done: nothing is kept from one event to the next.
 */
export class ScanMemo {
  readonly #texts: (string | undefined)[] = new Array(SLOTS).fill(undefined);
  readonly #results: (ScanResult | undefined)[] = new Array(SLOTS).fill(undefined);
  // Whether a slot's text was found again since it was set or last defended its slot.
  readonly #used = new Uint8Array(SLOTS);
  // The slots filled since the last `clear()`, so that it need not visit the others.
  readonly #filled = new Int32Array(SLOTS);
  #filledCount = 0;

  /** Whether `text` is the kind of text the memo keeps. */
  static fits(text: string): boolean {
    return text.length >= MIN_LENGTH && text.length <= MAX_LENGTH;
  }

  /** The result remembered for `text`, or `undefined`. Only for texts that fit. */
  get(text: string): ScanResult | undefined {
    const slot = slotOf(text);
    if (this.#texts[slot] !== text) {
      return undefined;
    }
    this.#used[slot] = 1;
    return this.#results[slot];
  }

  /**
   * Remembers a result, unless the slot holds a text found again since the last time it was
   * defended: that one keeps it once more (a second chance), so the texts an item repeats are
   * not pushed out by the many it has once. Only for texts that fit.
   */
  set(text: string, result: ScanResult): void {
    const slot = slotOf(text);
    const current = this.#texts[slot];
    if (current === undefined) {
      this.#filled[this.#filledCount++] = slot;
    } else if (this.#used[slot] === 1) {
      this.#used[slot] = 0;
      return;
    }
    this.#texts[slot] = text;
    this.#results[slot] = result;
    this.#used[slot] = 0;
  }

  /** How many texts are remembered. */
  get size(): number {
    return this.#filledCount;
  }

  /** Forgets every text. */
  clear(): void {
    for (let index = 0; index < this.#filledCount; index++) {
      const slot = this.#filled[index] as number;
      this.#texts[slot] = undefined;
      this.#results[slot] = undefined;
      this.#used[slot] = 0;
    }
    this.#filledCount = 0;
  }
}

// A slot from the length and seven characters spread over the text: cheap, and different for
// the texts an event repeats (different lengths, ids, tokens). Texts that share a slot only
// take it from each other.
function slotOf(text: string): number {
  const length = text.length;
  let hash = length;
  hash = Math.imul(hash ^ text.charCodeAt(0), 0x01000193);
  hash = Math.imul(hash ^ text.charCodeAt(1), 0x01000193);
  hash = Math.imul(hash ^ text.charCodeAt(length >> 2), 0x01000193);
  hash = Math.imul(hash ^ text.charCodeAt(length >> 1), 0x01000193);
  hash = Math.imul(hash ^ text.charCodeAt(length - (length >> 2)), 0x01000193);
  hash = Math.imul(hash ^ text.charCodeAt(length - 2), 0x01000193);
  hash = Math.imul(hash ^ text.charCodeAt(length - 1), 0x01000193);
  return (hash >>> 16) & (SLOTS - 1);
}
