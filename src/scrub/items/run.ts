import type { MetaNode } from '../meta/meta.ts';
import type { Shape } from '../walk/shape.ts';
import { Walker, type WalkerConfig } from '../walk/walker.ts';

/** A scrubbed value and the `_meta` of what was replaced in it. */
export interface Scrubbed<T> {
  readonly value: T;
  readonly meta: MetaNode | undefined;
}

/** Runs walks: one walker normally, a fresh one when a walk starts inside another. */
export class WalkRunner {
  readonly #config: WalkerConfig;
  readonly #walker: Walker;

  constructor(config: WalkerConfig) {
    this.#config = config;
    this.#walker = new Walker(config);
  }

  /**
   * The `_meta` of what the last `walk()` replaced, until the next walk: read it right after
   * `walk()` returns.
   */
  meta: MetaNode | undefined;

  /** Walks one item from its root. */
  run<T>(value: T, shape: Shape): Scrubbed<T> {
    const scrubbed = this.walk(value, shape);
    return { value: scrubbed, meta: this.meta };
  }

  /** `run` without the result object: the `_meta` is left in `meta`. */
  walk<T>(value: T, shape: Shape): T {
    // A getter or proxy in the item may call the filter again while this walk is running.
    const walker = this.#walker.busy ? new Walker(this.#config) : this.#walker;
    walker.begin();
    try {
      // Item roots are never `remove` fields, so the result is never `REMOVED`.
      const scrubbed = walker.walk(value, shape, 0) as T;
      this.meta = walker.meta;
      return scrubbed;
    } finally {
      walker.end();
    }
  }
}
