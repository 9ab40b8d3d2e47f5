import { fileURLToPath } from 'node:url';
import { runChild } from '../child.ts';
import type { GroupOptions } from '../measure.ts';
import type { GrowthPoint } from './child.ts';

export type { GrowthPoint } from './child.ts';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/**
 * Times the trails in a child process. How time grows with size is a property of the code;
 * in the main run, the fixtures, the corpus and the SDK clients of the other sections make
 * every collection slower, and the largest event, which allocates most, pays for that. A
 * fresh process measures the growth alone.
 */
export async function measureGrowthInChild(options: GroupOptions): Promise<GrowthPoint[]> {
  const { points } = await runChild<{ points: GrowthPoint[] }>(CHILD, {
    args: [JSON.stringify(options)],
  });
  return points;
}
