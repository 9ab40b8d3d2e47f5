import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Allocation } from './measure.ts';

/** What the child process measured; `expected` is set on the validation rows. */
export type AllocationResult = Allocation & { readonly expected?: number };

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

// 256 MiB semi-spaces: far more than any measured round allocates, so no scavenge runs.
const NODE_FLAGS = ['--expose-gc', '--min-semi-space-size=256', '--max-semi-space-size=256'];

/**
 * Measures allocations in a child process: the heap flags must be set when Node starts, and
 * a fresh process keeps the main run's garbage out of the numbers. The child inherits tsx's
 * loader flags from this process.
 */
export function measureAllocations(): Promise<AllocationResult[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, ...NODE_FLAGS, CHILD],
      { maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`The allocation child failed: ${error.message}\n${stderr}`));
          return;
        }
        const line = stdout.trim().split('\n').at(-1) ?? '';
        resolve((JSON.parse(line) as { results: AllocationResult[] }).results);
      },
    );
  });
}
