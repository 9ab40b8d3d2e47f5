/** The kinds of items the filter handles. */
export type ItemKind = 'event' | 'transaction' | 'log' | 'breadcrumb' | 'span' | 'metric';

/** What happened to an item. */
export type Outcome = 'dropped' | 'tagged';

/** A snapshot of the filter's counters, as returned by `filter.stats()`. */
export interface FilterStats {
  /** Items looked at, by kind. */
  readonly seen: Readonly<Record<ItemKind, number>>;
  /** Items dropped, by kind. */
  readonly dropped: Readonly<Record<ItemKind, number>>;
  /** Events tagged as user-caused. */
  readonly tagged: number;
  /**
   * Counts per rule and outcome. Keys name the option and the entry as written, for example
   * `filteredOutExceptions: AuthCancelledError` or `ignoredLoggers: http.security`.
   */
  readonly rules: Readonly<Record<string, Readonly<Partial<Record<Outcome, number>>>>>;
  /** Values replaced by scrubbing, in total and per scrubbing rule. */
  readonly scrubbed: { readonly values: number; readonly byRule: Readonly<Record<string, number>> };
  /** Failures caught at event time (a throwing predicate, enricher or value), never rethrown. */
  readonly failures: number;
}

function emptyKinds(): Record<ItemKind, number> {
  return { event: 0, transaction: 0, log: 0, breadcrumb: 0, span: 0, metric: 0 };
}

/** Mutable counters behind {@link FilterStats}. */
export class StatsCounter {
  readonly #seen = emptyKinds();
  readonly #dropped = emptyKinds();
  readonly #rules = new Map<string, Partial<Record<Outcome, number>>>();
  // A counter per rule, so that counting a value is one look-up: scrubbing an event counts
  // every value it replaces.
  readonly #scrubbedByRule = new Map<string, { count: number }>();
  #tagged = 0;
  #scrubbed = 0;
  #failures = 0;

  seen(kind: ItemKind): void {
    this.#seen[kind]++;
  }

  dropped(kind: ItemKind, rule: string): void {
    this.#dropped[kind]++;
    this.#countRule(rule, 'dropped');
  }

  tagged(rule: string): void {
    this.#tagged++;
    this.#countRule(rule, 'tagged');
  }

  /** Takes back a tag counted for an event that was dropped later after all. */
  untagged(rule: string): void {
    const counts = this.#rules.get(rule);
    const tagged = counts?.tagged;
    if (counts === undefined || tagged === undefined || tagged === 0) {
      return;
    }

    this.#tagged--;
    if (tagged > 1) {
      counts.tagged = tagged - 1;
      return;
    }
    delete counts.tagged;
    if (Object.keys(counts).length === 0) {
      this.#rules.delete(rule);
    }
  }

  scrubbed(rule: string, count = 1): void {
    this.#scrubbed += count;
    const counter = this.#scrubbedByRule.get(rule);
    if (counter === undefined) {
      this.#scrubbedByRule.set(rule, { count });
    } else {
      counter.count += count;
    }
  }

  failure(): void {
    this.#failures++;
  }

  snapshot(): FilterStats {
    return {
      seen: { ...this.#seen },
      dropped: { ...this.#dropped },
      tagged: this.#tagged,
      rules: Object.fromEntries([...this.#rules].map(([rule, counts]) => [rule, { ...counts }])),
      scrubbed: { values: this.#scrubbed, byRule: this.#scrubbedCounts() },
      failures: this.#failures,
    };
  }

  #countRule(rule: string, outcome: Outcome): void {
    const counts = this.#rules.get(rule) ?? {};
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    this.#rules.set(rule, counts);
  }

  #scrubbedCounts(): Record<string, number> {
    return Object.fromEntries(
      [...this.#scrubbedByRule].map(([rule, counter]) => [rule, counter.count]),
    );
  }
}
