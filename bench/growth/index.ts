import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GroupOptions } from '../measure.ts';
import type { GrowthPoint } from './child.ts';

export type { GrowthPoint } from './child.ts';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/**
 * Times the trails in a child process. How time grows with size is a property of the code;
 * in the main run, the fixtures, the corpus and the SDK clients of the other sections make
 * every collection slower, and the largest event, which allocates most, pays for that. A
 * fresh process measures the growth alone. The child inherits tsx's loader flags.
 */
export function measureGrowthInChild(options: GroupOptions): Promise<GrowthPoint[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, CHILD, JSON.stringify(options)],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`The growth child failed: ${error.message}\n${stderr}`));
          return;
        }
        const line = stdout.trim().split('\n').at(-1) ?? '';
        resolve((JSON.parse(line) as { points: GrowthPoint[] }).points);
      },
    );
  });
}
