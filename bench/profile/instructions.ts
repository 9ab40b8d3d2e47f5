/**
 * Instructions per call of the filter (or `JSON.stringify`) on one fixture, counted by
 * valgrind's callgrind: steady to about 1 % where wall-clock ratios move by ±15 %, so it can
 * judge a change of a few percent.
 *
 *   npx tsx bench/profile/instructions.ts <task>... [--calls=N] [--warm-up=N]
 *
 * A task is a fixture (`typical`, `large`, `clean`, `bare`), `json:<fixture>` for
 * `JSON.stringify` of it, or `part:<fixture>:<part>` for the fixture with only that part.
 *
 * Bundles `instructions-loop.ts` with esbuild and runs it under `valgrind --tool=callgrind`
 * with `node --predictable` (no concurrent compilation or collection), counting nothing
 * during a warm-up long enough for V8 to finish optimising (thousands of calls: functions
 * run once per event are optimised late), then counting N calls, and again 5N calls. It
 * prints (count(5N) - count(N)) / 4N, so the cost of switching counting on and of exiting
 * cancels out. Needs valgrind on the PATH; takes half a minute to three per task.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Calls counted (N) and calls of warm-up, per fixture: about a second of native time each.
const CALLS: Readonly<Record<string, number>> = { large: 20, bare: 2000 };
const WARM_UP: Readonly<Record<string, number>> = { large: 1000, bare: 10_000 };

const tasks = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const folder = mkdtempSync(join(tmpdir(), 'sef-instructions-'));

try {
  const bundle = join(folder, 'loop.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./instructions-loop.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'error',
  });
  for (const task of tasks.length > 0 ? tasks : ['typical']) {
    const fixtureName = task.split(':').at(-1) ?? task;
    const calls = numberOption('calls') ?? CALLS[fixtureName] ?? 200;
    const warmUp = numberOption('warm-up') ?? WARM_UP[fixtureName] ?? 3000;
    const run = (count: number): Promise<number> =>
      countInstructions({ bundle, task, calls: count, warmUp, folder });
    const few = await run(calls);
    const many = await run(5 * calls);
    const perCall = (many - few) / (4 * calls);
    console.log(`${task}: ${Math.round(perCall).toLocaleString('en')} instructions per call`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

function numberOption(name: string): number | undefined {
  const option = process.argv.find((argument) => argument.startsWith(`--${name}=`));
  return option === undefined ? undefined : Number(option.slice(name.length + 3));
}

interface Run {
  readonly bundle: string;
  readonly task: string;
  readonly calls: number;
  readonly warmUp: number;
  readonly folder: string;
}

async function countInstructions(run: Run): Promise<number> {
  const out = join(run.folder, `${run.task}-${run.calls}.out`);
  const goFile = join(run.folder, `${run.task}-${run.calls}.go`);
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      '--instr-atstart=no',
      `--callgrind-out-file=${out}`,
      'node',
      '--predictable',
      run.bundle,
      run.task,
      String(run.calls),
      String(run.warmUp),
      goFile,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

  // Valgrind runs node in its own process, so the child's id is the one to command.
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('warm')) {
        resolve();
      }
    });
  });
  execFileSync('callgrind_control', ['--instr=on', String(child.pid)], { stdio: 'ignore' });
  writeFileSync(goFile, '');

  const code = await exited;
  if (code !== 0) {
    throw new Error(`${run.task}: valgrind exited with ${code}`);
  }
  const totals = /^(?:summary|totals): (\d+)/m.exec(readFileSync(out, 'utf8'));
  if (totals === null) {
    throw new Error(`no instruction total in ${out}`);
  }
  return Number(totals[1]);
}
