import { Bench, type FnOptions } from 'tinybench';

/** CPU time of one call, and how much it moved between rounds. */
export interface Timing {
  readonly name: string;
  /** Median time per call in milliseconds: the median over rounds of each round's median. */
  readonly medianMs: number;
  /** Half the interquartile range of the rounds, in percent of `medianMs`. */
  readonly spread: number;
  /** Calls measured, over all rounds. */
  readonly calls: number;
  /** Each round's median, in milliseconds, in the order the rounds ran. */
  readonly rounds: readonly number[];
}

/**
 * How many times slower `timing` is than `baseline`: the median over rounds of the ratio
 * within each round, so both sides of every ratio ran seconds apart, not minutes.
 */
export function ratioOf(timing: Timing, baseline: Timing): number {
  if (timing.rounds.length !== baseline.rounds.length) {
    return timing.medianMs / baseline.medianMs;
  }
  return median(timing.rounds.map((value, round) => value / (baseline.rounds[round] as number)));
}

/** How long tinybench spends on each task of a group. */
export interface GroupOptions {
  /** Time budget per task in milliseconds, over all rounds. */
  readonly time: number;
  /**
   * How many times the whole group runs, task after task. Interleaving rounds spreads slow
   * spells of a shared machine over every task instead of one.
   * @default 3
   */
  readonly rounds?: number;
  /** Minimum samples per task. */
  readonly iterations: number;
  readonly warmupTime: number;
}

interface TaskDefinition {
  readonly name: string;
  readonly fn: () => unknown;
  readonly options: FnOptions;
  readonly batch: number;
}

// Samples shorter than this are batched, so the clock's own cost and its microsecond steps
// never show in a ratio.
const MIN_SAMPLE_MS = 0.2;
const MAX_BATCH = 2_000;

/**
 * The process's CPU time (user and system) in milliseconds. Wall time on a shared machine
 * counts the spells in which other processes hold the cores; CPU time does not. Linux
 * accounts it to the microsecond, and it includes V8's own helper threads (concurrent
 * marking and compilation), which are part of what a call costs.
 */
export function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

const CPU_CLOCK = {
  name: 'process.cpuUsage',
  fn: cpuNow,
  toMs: (value: number | bigint) => Number(value),
  fromMs: (value: number) => value,
};

/** Keeps results alive so the optimiser cannot drop a call whose result is unused. */
export let sink: unknown;

/** {@link ratioOf} for timings looked up by name; `NaN` when either is missing. */
export function ratioBetween(timing: Timing | undefined, baseline: Timing | undefined): number {
  return timing === undefined || baseline === undefined ? Number.NaN : ratioOf(timing, baseline);
}

/**
 * A group of tinybench tasks run back to back, in several rounds. Each task's time is the
 * median over rounds of the median sample: robust against the pauses of a shared machine,
 * at the price of leaving out the rare slow call (a major collection, a deoptimisation).
 * Synchronous tasks faster than 50 µs are batched: each sample runs the call several times
 * and reports the mean per call through tinybench's `overriddenDuration`, with the whole
 * batch as the iteration's cost.
 */
export class Group {
  readonly #options: GroupOptions;
  readonly #tasks: TaskDefinition[] = [];

  constructor(options: GroupOptions) {
    this.#options = options;
  }

  /**
   * Adds a synchronous task. Without `batch`, a few trial calls choose it; pass 1 for calls
   * that are slow anyway.
   */
  add(name: string, fn: () => unknown, batch?: number): this {
    this.#tasks.push({ name, fn, options: {}, batch: batch ?? batchSize(fn) });
    return this;
  }

  /** Adds an asynchronous task, measured one call per sample. */
  addAsync(name: string, fn: () => Promise<unknown>, options: FnOptions = {}): this {
    this.#tasks.push({ name, fn, options: { ...options, async: true }, batch: 1 });
    return this;
  }

  /** Runs every task, round after round, and returns their timings by name. */
  async run(): Promise<Map<string, Timing>> {
    const rounds = this.#options.rounds ?? 3;
    const medians = new Map<string, number[]>();
    const calls = new Map<string, number>();
    for (let round = 0; round < rounds; round++) {
      for (const [name, result] of await this.#runRound(rounds, round === 0)) {
        medians.set(name, [...(medians.get(name) ?? []), result.median]);
        calls.set(name, (calls.get(name) ?? 0) + result.calls);
      }
    }

    const timings = new Map<string, Timing>();
    for (const [name, values] of medians) {
      const middle = median(values);
      const spread = (quantile(values, 0.75) - quantile(values, 0.25)) / 2;
      timings.set(name, {
        name,
        medianMs: middle,
        spread: (100 * spread) / middle,
        calls: calls.get(name) ?? 0,
        rounds: values,
      });
    }
    return timings;
  }

  async #runRound(
    rounds: number,
    warmup: boolean,
  ): Promise<Map<string, { median: number; calls: number }>> {
    const bench = new Bench({
      warmup,
      time: this.#options.time / rounds,
      iterations: Math.max(1, Math.ceil(this.#options.iterations / rounds)),
      warmupTime: this.#options.warmupTime,
      warmupIterations: 2,
      throws: true,
      timestampProvider: CPU_CLOCK,
    });
    for (const task of this.#tasks) {
      bench.add(task.name, task.batch === 1 ? task.fn : batched(task.fn, task.batch), task.options);
    }
    await bench.run();

    const results = new Map<string, { median: number; calls: number }>();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') {
        throw new Error(`Benchmark task ${task.name} ended as ${result.state}`);
      }
      const batch = this.#tasks.find((candidate) => candidate.name === task.name)?.batch ?? 1;
      results.set(task.name, {
        median: result.latency.p50,
        calls: result.latency.samplesCount * batch,
      });
    }
    return results;
  }
}

/** The q-quantile of `values`, interpolating between neighbours. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (position - below);
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function batched(fn: () => unknown, size: number): () => unknown {
  return function runBatch() {
    const start = cpuNow();
    for (let index = 0; index < size; index++) {
      sink = fn();
    }
    const elapsed = cpuNow() - start;
    return { overriddenDuration: elapsed / size, overriddenIterationCost: elapsed };
  };
}

/** Times a few calls of a warmed-up function to pick how many calls make one sample. */
function batchSize(fn: () => unknown): number {
  for (let index = 0; index < 20; index++) {
    sink = fn();
  }
  const calls = 20;
  const start = cpuNow();
  for (let index = 0; index < calls; index++) {
    sink = fn();
  }
  const perCall = (cpuNow() - start) / calls;
  if (perCall >= MIN_SAMPLE_MS) {
    return 1;
  }
  return Math.min(MAX_BATCH, Math.ceil(MIN_SAMPLE_MS / Math.max(perCall, 1e-6)));
}
