import type { FilterStats } from '../../report/stats.ts';
import type { HeaderResult, UnitResult } from './units.ts';

/** Counts for one unit type; `sent + dropped = total`, and `tagged` is part of `sent`. */
export interface TypeCounts {
  readonly total: number;
  readonly sent: number;
  readonly dropped: number;
  readonly tagged: number;
  /** Values removed from units of this type. */
  readonly removed: number;
}

/** What `check` did, added up. The same object is printed as a table or as JSON. */
export interface CheckSummary {
  /** Inputs read (files and standard input), and how many had at least one fault. */
  readonly files: { readonly read: number; readonly invalid: number };
  /** Events and transactions: standalone, one per JSON line, or envelope items. */
  readonly events: {
    readonly total: number;
    readonly sent: number;
    readonly dropped: number;
    readonly tagged: number;
  };
  /** Envelopes read, and how many had every item dropped. */
  readonly envelopes: { readonly total: number; readonly dropped: number };
  /** Envelope items of every type, events included. */
  readonly items: { readonly total: number; readonly sent: number; readonly dropped: number };
  /** Records inside log containers. */
  readonly logRecords: { readonly total: number; readonly dropped: number };
  /** Units by type: events, transactions and envelope item types. */
  readonly types: Readonly<Record<string, TypeCounts>>;
  /** Values removed: from units, from envelope headers, and both together. */
  readonly removed: { readonly units: number; readonly headers: number; readonly total: number };
  /** Payloads passed through without being read (attachments and other bytes). */
  readonly opaque: number;
  /** Faults found in the input; anything above zero makes the exit code 1. */
  readonly faults: number;
  /** The filter's counters per rule, as `filter.stats().rules`. */
  readonly rules: FilterStats['rules'];
  /** Failures the filter caught (a throwing predicate or enricher); see `--debug`. */
  readonly failures: number;
  /**
   * With `--out`: the directory as given, the files written to it, and the inputs left out
   * because nothing of them would be sent (or they could not be read).
   */
  readonly out?: { readonly dir: string; readonly files: number; readonly leftOut: number };
}

type MutableCounts = { -readonly [K in keyof TypeCounts]: TypeCounts[K] };

/** Adds up units, faults and files as `check` goes. */
export class Tally {
  readonly #types = new Map<string, MutableCounts>();
  #files = 0;
  #invalidFiles = 0;
  #envelopes = 0;
  #droppedEnvelopes = 0;
  #itemsTotal = 0;
  #itemsSent = 0;
  #logRecords = 0;
  #droppedLogRecords = 0;
  #headerRemovals = 0;
  #opaque = 0;
  #faults = 0;

  get faults(): number {
    return this.#faults;
  }

  /** Counts an input; `faults` is how many faults it had. */
  file(faults: number): void {
    this.#files++;
    if (faults > 0) {
      this.#invalidFiles++;
    }
  }

  fault(): void {
    this.#faults++;
  }

  /** Counts an envelope; `dropped` when it had items and every one was dropped. */
  envelope(dropped: boolean, header: HeaderResult | undefined): void {
    this.#envelopes++;
    if (dropped) {
      this.#droppedEnvelopes++;
    }
    this.#headerRemovals += header?.removals.length ?? 0;
  }

  unit(unit: UnitResult): void {
    const counts = this.#types.get(unit.type) ?? {
      total: 0,
      sent: 0,
      dropped: 0,
      tagged: 0,
      removed: 0,
    };
    this.#types.set(unit.type, counts);
    counts.total++;
    counts[unit.outcome]++;
    if (Object.keys(unit.tags).length > 0) {
      counts.tagged++;
    }
    counts.removed += unit.removals.length;

    if (unit.location.item !== undefined) {
      this.#itemsTotal++;
      if (unit.outcome === 'sent') {
        this.#itemsSent++;
      }
    }
    if (unit.records !== undefined) {
      this.#logRecords += unit.records;
      this.#droppedLogRecords += unit.droppedRecords?.length ?? 0;
    }
    if (unit.opaque !== undefined) {
      this.#opaque++;
    }
  }

  summary(stats: FilterStats): CheckSummary {
    const types = Object.fromEntries(
      [...this.#types].sort(([a], [b]) => typeOrder(a) - typeOrder(b) || a.localeCompare(b)),
    );
    const events = [types.event, types.transaction].filter((counts) => counts !== undefined);
    const removedUnits = [...this.#types.values()].reduce((sum, counts) => sum + counts.removed, 0);

    return {
      files: { read: this.#files, invalid: this.#invalidFiles },
      events: {
        total: sum(events, 'total'),
        sent: sum(events, 'sent'),
        dropped: sum(events, 'dropped'),
        tagged: sum(events, 'tagged'),
      },
      envelopes: { total: this.#envelopes, dropped: this.#droppedEnvelopes },
      items: {
        total: this.#itemsTotal,
        sent: this.#itemsSent,
        dropped: this.#itemsTotal - this.#itemsSent,
      },
      logRecords: { total: this.#logRecords, dropped: this.#droppedLogRecords },
      types,
      removed: {
        units: removedUnits,
        headers: this.#headerRemovals,
        total: removedUnits + this.#headerRemovals,
      },
      opaque: this.#opaque,
      faults: this.#faults,
      rules: stats.rules,
      failures: stats.failures,
    };
  }
}

const LEADING_TYPES = ['event', 'transaction'];

function typeOrder(type: string): number {
  const index = LEADING_TYPES.indexOf(type);
  return index === -1 ? LEADING_TYPES.length : index;
}

function sum(counts: readonly TypeCounts[], key: keyof TypeCounts): number {
  return counts.reduce((total, entry) => total + entry[key], 0);
}
