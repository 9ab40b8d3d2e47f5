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

  it('is never written when stderr is not a terminal', async () => {
    const directory = temporaryDirectory();
    try {
      const lines = `${'{"event_id":"1"}\n'.repeat(2_000)}`;
      const result = await run(['check', '-', '--quiet'], { cwd: directory.path, stdin: lines });

      expect(result.stderr).not.toContain('\r');
      expect(result.stderr).not.toContain('checking:');
    } finally {
      directory.remove();
    }
  });
});
