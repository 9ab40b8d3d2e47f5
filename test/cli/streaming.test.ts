import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { CapturedStream, temporaryDirectory } from './run.ts';

let directory: { path: string; remove(): void };

beforeAll(() => {
  directory = temporaryDirectory();
});

afterAll(() => {
  directory.remove();
});

describe('JSON lines stream through', () => {
  it('reports the first events before the input has been read to its end', async () => {
    const total = 20_000;
    let produced = 0;
    let producedAtFirstOutput: number | undefined;

    const stdin = Readable.from(
      (function* lines() {
        for (let index = 0; index < total; index++) {
          produced++;
          yield Buffer.from(`{"event_id":"${index}","message":"line ${index}"}\n`);
        }
      })(),
    );
    const stdout = new (class extends CapturedStream {
      override _write(chunk: Buffer | string, encoding: BufferEncoding, callback: () => void) {
        producedAtFirstOutput ??= produced;
        super._write(chunk, encoding, callback);
      }
    })();

    const code = await runCli(['check', '-'], {
      stdin,
      stdout,
      stderr: new CapturedStream(),
      cwd: directory.path,
    });

    expect(code).toBe(0);
    expect(produced).toBe(total);
    expect(producedAtFirstOutput).toBeLessThan(total / 10);
    expect(stdout.text).toContain(`${total} events`);
  });
});
