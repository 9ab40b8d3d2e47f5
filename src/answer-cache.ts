/**
 * Answers remembered per name (a logger name, a key, a message template). Distinct names are
 * few in practice; the size bound keeps a stream of generated ones (ids used as keys) from
 * growing the cache without limit, and starting over when it is full costs less than tracking
 * which answer is oldest. Names longer than `maxKeyLength` are answered but not kept, so that
 * no long string of the application's stays from one event to the next.
 */
export class AnswerCache<V> {
  readonly #answers = new Map<string, V>();
  readonly #limit: number;
  readonly #maxKeyLength: number;

  constructor(limit: number, maxKeyLength = Number.POSITIVE_INFINITY) {
    this.#limit = limit;
    this.#maxKeyLength = maxKeyLength;
  }

  /** The answer for `key`: the one remembered, else `compute(key)`, remembered. */
  answer(key: string, compute: (key: string) => V): V {
    const known = this.#answers.get(key);
    if (known !== undefined) {
      return known;
    }
    const computed = compute(key);
    this.remember(key, computed);
    return computed;
  }

  /** The answer remembered for `key`, if any. */
  get(key: string): V | undefined {
    return this.#answers.get(key);
  }

  /** Remembers `value` for `key`, unless the key is too long to keep. */
  remember(key: string, value: V): void {
    if (key.length > this.#maxKeyLength) {
      return;
    }
    if (this.#answers.size >= this.#limit) {
      this.#answers.clear();
    }
    this.#answers.set(key, value);
  }
}
