import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.ts';
import { envelopeBytes, envelopeWithEverything, exceptionEvent, jsonLines } from './fixtures.ts';
import { temporaryDirectory } from './run.ts';

const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};
const BIN = join(REPO_ROOT, packageJson.bin['sentry-event-filter'] ?? 'dist/cli.mjs');

let directory: { path: string; remove(): void };

/** Runs the built command as a user would, with stdin piped in. */
function command(
  args: readonly string[],
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: directory.path });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

// The package is built once for all tests by test/global-setup.ts.
beforeAll(() => {
  directory = temporaryDirectory();
  writeFileSync(
    join(directory.path, 'rules.json'),
    JSON.stringify({ filteredOutExceptions: ['AuthCancelledError'], ignoredLoggers: ['http'] }),
  );
});

afterAll(() => {
  directory?.remove();
});

describe('the built sentry-event-filter command', () => {
  it('is an executable script with a shebang', () => {
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
  });

  it('prints its version', async () => {
    const result = await command(['--version']);

    expect(result).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('checks files and reports bad input with exit code 1', async () => {
    writeFileSync(
      join(directory.path, 'capture.envelope'),
      envelopeBytes(envelopeWithEverything()),
    );
    writeFileSync(
      join(directory.path, 'archive.jsonl'),
      `${jsonLines([exceptionEvent('AuthCancelledError', '1')])}{"broken\n`,
    );

    const result = await command([
      'check',
      'capture.envelope',
      'archive.jsonl',
      '-c',
      'rules.json',
    ]);

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^sent\s+attachment\s+capture\.envelope:4#2/m);
    expect(result.stdout).toMatch(
      /^dropped\s+event\s+archive\.jsonl:1\s+by filteredOutExceptions/m,
    );
    expect(result.stderr).toMatch(/^archive\.jsonl:2:9: invalid JSON \(Unterminated string\)/m);
    expect(result.stderr).not.toContain('\r');
  });

  it('reads standard input and prints JSON lines', async () => {
    const result = await command(
      ['check', '-', '--json', '--quiet', '-c', 'rules.json'],
      jsonLines([exceptionEvent('AuthCancelledError', '1'), exceptionEvent('TypeError', '2')]),
    );

    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout.trim());
    expect(summary).toMatchObject({ record: 'summary', events: { total: 2, dropped: 1 } });
  });

  it('loads a TypeScript configuration', async () => {
    writeFileSync(
      join(directory.path, 'rules.ts'),
      "const names: string[] = ['AuthCancelledError'];\nexport default { filteredOutExceptions: names };\n",
    );

    const result = await command(
      ['check', '-', '--json', '-q', '--config', 'rules.ts'],
      jsonLines([exceptionEvent('AuthCancelledError', '1')]),
    );

    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ events: { dropped: 1 } });
  });

  it.each([
    [
      'an ES module',
      'broken.mjs',
      'export default {\n  ignoredLoggers: [\n    "a" "b"\n  ],\n};\n',
      3,
    ],
    ['a CommonJS module', 'broken.cjs', 'module.exports = {\n  ignoredLoggers: [1 2],\n};\n', 2],
  ])(
    'reports a syntax error in %s configuration with its line',
    async (_name, name, text, line) => {
      writeFileSync(join(directory.path, name), text);

      const result = await command(['check', '-', '--config', name]);

      expect(result.code).toBe(1);
      expect(result.stderr.split('\n')[0]).toBe(
        `sentry-event-filter: ${join(directory.path, name)}:${line}: the module could not be ` +
          `loaded: ${line === 3 ? 'Unexpected string' : 'Unexpected number'}`,
      );
    },
  );

  it('exits with 2 and usage on a usage error', async () => {
    const result = await command(['check']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('USAGE sentry-event-filter check');
  });
});
