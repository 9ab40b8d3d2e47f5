import type { Readable, Writable } from 'node:stream';

/** A writable stream that may be a terminal. */
export type OutputStream = Writable & { readonly isTTY?: boolean; readonly columns?: number };

/** Everything the command touches outside its arguments, so tests can run it in process. */
export interface CliIo {
  readonly stdin: Readable & { readonly isTTY?: boolean };
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The directory relative paths are resolved from. */
  readonly cwd: string;
  /** The clock the progress line goes by, in milliseconds; `Date.now` unless given. */
  readonly now?: () => number;
}

/** The process's own streams and working directory. */
export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
  };
}

/**
 * Writes a line and waits while the stream's buffer is full, so a long run never holds its
 * whole output in memory.
 */
export async function writeLine(stream: Writable, line: string): Promise<void> {
  if (stream.write(`${line}\n`)) {
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error): void => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}
