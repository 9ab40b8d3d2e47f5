import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { CapturedStream, run, temporaryDirectory } from './run.ts';

let directory: { path: string; remove(): void };

beforeAll(() => {
  directory = temporaryDirectory();
});

afterAll(() => {
  directory.remove();
});

async function cli(...args: string[]) {
  return run(args, { cwd: directory.path });
}

describe('usage errors exit with 2 and print a short message plus usage', () => {
  it.each([
    [[], 'Name a command.'],
    [['frobnicate'], 'Unknown command `frobnicate`.'],
    [['--frobnicate'], 'Unknown option `--frobnicate`.'],
    [['check', 'a.json', '--frobnicate'], 'Unknown option `--frobnicate`.'],
    [['check', 'a.json', '-z'], 'Unknown option `-z`.'],
    [['check', 'a.json', '--config'], 'The option `--config` needs a value.'],
    [['check'], 'Name the files or directories to check, or - for standard input.'],
    [['check', '-', '-'], 'Standard input (-) can be read only once.'],
    [
      ['check', 'a.json', '--format', 'xml'],
      'The option `--format` takes `auto`, `json`, `envelope` or `jsonl`, not `xml`.',
    ],
    [
      ['check', 'a.json', '--format=jsn'],
      'The option `--format` takes `auto`, `json`, `envelope` or `jsonl`, not `jsn`. ' +
        'Did you mean `json`?',
    ],
    [['check', 'a.json', '--format'], 'The option `--format` needs a value.'],
    [['init', 'a.mjs', 'b.mjs'], 'Name one file to write.'],
    [['help', 'frobnicate'], 'Unknown command `frobnicate`.'],
    [['chek', 'a.json'], 'Unknown command `chek`. Did you mean `check`?'],
    [['help', 'int'], 'Unknown command `int`. Did you mean `init`?'],
    [['check', 'a.json', '--jsn'], 'Unknown option `--jsn`. Did you mean `--json`?'],
    [['check', 'a.json', '--ex'], 'Unknown option `--ex`. Did you mean `--explain`?'],
    [['check', 'a.json', '--explian=1'], 'Unknown option `--explian`. Did you mean `--explain`?'],
  ])('%j', async (args, message) => {
    const result = await cli(...args);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toContain(`sentry-event-filter: ${message}`);
    expect(result.stderr).toContain('USAGE sentry-event-filter');
    expect(result.stderr).not.toContain('\u001b[');
  });
});

describe('help and version', () => {
  it('prints the commands and the exit codes for --help', async () => {
    const result = await cli('--help');

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('USAGE sentry-event-filter check|explain|init');
    expect(result.stdout).toContain('EXIT CODES');
    expect(result.stdout).toMatch(/^\s+2\s+usage error/m);
  });

  it('prints a command’s options for `check --help` and `help check`', async () => {
    for (const args of [
      ['check', '--help'],
      ['help', 'check'],
      ['check', '-h'],
    ]) {
      const result = await cli(...args);
      expect(result.code).toBe(0);
      for (const option of ['--config', '--json', '--explain', '--out', '--format', '--quiet']) {
        expect(result.stdout).toContain(option);
      }
    }
  });

  it('prints the package version', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;

    const result = await cli('--version');

    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('unexpected errors', () => {
  it('print the stack and exit with 3', async () => {
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('the pipe broke'));
      },
    });
    const stderr = new CapturedStream();

    const code = await runCli(['--version'], {
      stdin: Readable.from([]),
      stdout,
      stderr,
      cwd: directory.path,
    });

    expect(code).toBe(3);
    expect(stderr.text).toContain('sentry-event-filter: unexpected error, please report it:');
    expect(stderr.text).toMatch(/Error: the pipe broke\n\s+at /);
  });

  it('end quietly when the reader of the output goes away (EPIPE)', async () => {
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' }));
      },
    });
    const stderr = new CapturedStream();

    const code = await runCli(['check', '-'], {
      stdin: Readable.from([Buffer.from('{"event_id":"1"}\n')]),
      stdout,
      stderr,
      cwd: directory.path,
    });

    expect(code).toBe(0);
    expect(stderr.text).not.toContain('EPIPE');
  });
});
