import { Worker } from 'node:worker_threads';

/** One cold run of the filter on a hostile string, or the fact that it did not finish. */
export type ProbeResult =
  | { readonly finished: true; readonly aloneMs: number; readonly inEventMs: number }
  | { readonly finished: false; readonly reason: string };

/** What the worker posts for each string it ran. */
export interface ProbeMessage {
  readonly name: string;
  readonly aloneMs: number;
  readonly inEventMs: number;
}

const WORKER_ENTRY = new URL('./probe-worker.ts', import.meta.url).href;

// Workers do not inherit tsx's loader on Node 20, so the worker registers it first.
const BOOTSTRAP = `import('tsx/esm/api').then(({ register }) => {
  register();
  return import(${JSON.stringify(WORKER_ENTRY)});
});`;

/**
 * Runs the filter once on each named hostile string, in a worker thread, allowing each string
 * at most `timeoutMs`. A detector that backtracks without bound shows up as a timeout for its
 * string, instead of hanging the whole benchmark; the worker is then replaced and carries on
 * with the strings after it.
 */
export async function probeHostile(
  names: readonly string[],
  timeoutMs: number,
): Promise<Map<string, ProbeResult>> {
  const results = new Map<string, ProbeResult>();
  let remaining = [...names];
  while (remaining.length > 0) {
    const stuck = await runWorker(remaining, timeoutMs, results);
    if (stuck === undefined) {
      break;
    }
    results.set(stuck.name, { finished: false, reason: stuck.reason });
    remaining = remaining.slice(remaining.indexOf(stuck.name) + 1);
  }
  return results;
}

/** Runs one worker over `names`; resolves with the string it got stuck on, if any. */
function runWorker(
  names: readonly string[],
  timeoutMs: number,
  results: Map<string, ProbeResult>,
): Promise<{ name: string; reason: string } | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { names } });
    let position = 0;
    let timer: NodeJS.Timeout;
    const stop = (outcome: { name: string; reason: string } | undefined) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stop({ name: names[position] ?? '', reason: `no result within ${timeoutMs / 1000} s` });
      }, timeoutMs);
    };

    worker.on('message', (message: ProbeMessage) => {
      results.set(message.name, { finished: true, ...message });
      position++;
      if (position === names.length) {
        stop(undefined);
      } else {
        arm();
      }
    });
    worker.once('error', (error) => {
      stop({ name: names[position] ?? '', reason: `the worker failed: ${error.message}` });
    });
    arm();
  });
}
