import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/report/progress.ts';
import { CapturedStream, run, temporaryDirectory } from './run.ts';

describe('progress line', () => {
  it('appears only after half a second, rewrites itself in place, and is cleared', () => {
    const stream = new CapturedStream(true);
    let now = 1_000;
    const progress = new Progress(stream, 10_000_000, () => now);

    progress.update(1_000_000, 10, 'big.jsonl');
    expect(stream.text).toBe('');

    now += 600;
    progress.update(2_500_000, 25, 'big.jsonl');
    expect(stream.text).toBe(
      '\r\u001b[Kchecking: 25 checked, 2.5 MB of 10.0 MB (25%), 4.2 MB/s, big.jsonl',
    );

    now += 50;
    progress.update(3_000_000, 30, 'big.jsonl');
    expect(stream.text).not.toContain('30 checked');

    now += 200;
    progress.update(5_000_000, 50, 'big.jsonl');
    expect(stream.text).toContain('\r\u001b[Kchecking: 50 checked, 5.0 MB of 10.0 MB (50%)');

    progress.clear();
    expect(stream.text.endsWith('\r\u001b[K')).toBe(true);
  });

  // A clock a second further on at every look, so every update is due.
  const slowClock = () => {
    let now = 0;
    return () => {
      now += 1_000;
      return now;
    };
  };
  const lines = '{"event_id":"1"}\n'.repeat(20);

  it.each([
    { terminal: 'stderr only', stdoutIsTTY: false, stderrIsTTY: true, quiet: false, shown: true },
    {
      terminal: 'both, with --quiet',
      stdoutIsTTY: true,
      stderrIsTTY: true,
      quiet: true,
      shown: true,
    },
    {
      terminal: 'both, a line per event',
      stdoutIsTTY: true,
      stderrIsTTY: true,
      quiet: false,
      shown: false,
    },
    { terminal: 'neither', stdoutIsTTY: false, stderrIsTTY: false, quiet: false, shown: false },
    { terminal: 'stdout only', stdoutIsTTY: true, stderrIsTTY: false, quiet: true, shown: false },
  ])(
    'on a terminal for $terminal: shown is $shown',
    async ({ stdoutIsTTY, stderrIsTTY, quiet, shown }) => {
      const directory = temporaryDirectory();
      try {
        const result = await run(['check', '-', ...(quiet ? ['--quiet'] : [])], {
          cwd: directory.path,
          stdin: lines,
          stdoutIsTTY,
          stderrIsTTY,
          now: slowClock(),
        });

        expect(result.code).toBe(0);
        expect(result.stderr.includes('\r\u001b[Kchecking: ')).toBe(shown);
        expect(result.stdout).not.toContain('checking:');
        if (shown) {
          // Cleared before the summary, so the summary starts on a clean line.
          expect(result.stderr.endsWith('\r\u001b[K')).toBe(true);
        } else {
          expect(result.stderr).not.toContain('\r');
        }
      } finally {
        directory.remove();
      }
    },
  );
});
