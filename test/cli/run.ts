import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.ts';

/** What a run of the command printed and returned. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A stream that collects what is written to it. */
export class CapturedStream extends Writable {
  text = '';
  isTTY: boolean;

  constructor(isTTY = false) {
    super();
    this.isTTY = isTTY;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

/** Runs the command in process, the way the bin does, capturing its output. */
export async function run(
  args: readonly string[],
  options: {
    cwd: string;
    stdin?: string | Uint8Array | Readable;
    stdoutIsTTY?: boolean;
    stderrIsTTY?: boolean;
    now?: () => number;
  },
): Promise<RunResult> {
  const stdout = new CapturedStream(options.stdoutIsTTY ?? false);
  const stderr = new CapturedStream(options.stderrIsTTY ?? false);
  const stdin =
    options.stdin instanceof Readable ? options.stdin : Readable.from(toChunks(options.stdin));

  const code = await runCli(args, {
    stdin,
    stdout,
    stderr,
    cwd: options.cwd,
    ...(options.now !== undefined && { now: options.now }),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function toChunks(input: string | Uint8Array | undefined): Buffer[] {
  return input === undefined ? [] : [Buffer.from(input)];
}

/** A fresh temporary directory, removed by the returned function. */
export function temporaryDirectory(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'sentry-event-filter-cli-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The units of a `--json` run, parsed. */
export function jsonRecords(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
