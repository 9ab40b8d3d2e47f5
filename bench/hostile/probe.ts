import { Worker } from 'node:worker_threads';

/** One cold run of the filter on a hostile string, or the fact that it did not finish. */
export type ProbeResult =
  | { readonly finished: true; readonly aloneMs: number; readonly inEventMs: number }
  | { readonly finished: false; readonly reason: string };

const WORKER_ENTRY = new URL('./probe-worker.ts', import.meta.url).href;

// Workers do not inherit tsx's loader on Node 20, so the worker registers it first.
const BOOTSTRAP = `import('tsx/esm/api').then(({ register }) => {
  register();
  return import(${JSON.stringify(WORKER_ENTRY)});
});`;

/**
 * Runs the filter once on the named hostile string in a worker thread and waits at most
 * `timeoutMs`. A detector that backtracks without bound shows up as a timeout instead of
 * hanging the whole benchmark.
 */
export function probeHostile(name: string, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { name } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ finished: false, reason: `no result within ${timeoutMs / 1000} s` });
    }, timeoutMs);

    worker.once('message', (message: { aloneMs: number; inEventMs: number }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ finished: true, ...message });
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve({ finished: false, reason: `the worker failed: ${error.message}` });
    });
  });
}
