import { fileURLToPath } from 'node:url';
import { runChild } from '../child.ts';
import type { Allocation } from './measure.ts';

/** What the child process measured; `expected` is set on the validation rows. */
export type AllocationResult = Allocation & { readonly expected?: number };

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

// 256 MiB semi-spaces: far more than any measured round allocates, so no scavenge runs.
const NODE_FLAGS = ['--expose-gc', '--min-semi-space-size=256', '--max-semi-space-size=256'];

/**
 * Measures allocations in a child process: the heap flags must be set when Node starts, and
 * a fresh process keeps the main run's garbage out of the numbers.
 */
export async function measureAllocations(): Promise<AllocationResult[]> {
  const { results } = await runChild<{ results: AllocationResult[] }>(CHILD, {
    flags: NODE_FLAGS,
  });
  return results;
}
