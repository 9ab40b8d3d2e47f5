import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, freemem, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/helpers/shared.ts';

/** The machine, runtime, library versions and code a run measured. */
export function describeEnvironment(): string[] {
  const processor = cpus()[0]?.model ?? 'unknown';
  const gigabytes = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  return [
    `machine:   ${processor}, ${cpus().length} cores, ${gigabytes(totalmem())} RAM (${gigabytes(freemem())} free)`,
    `system:    ${platform()} ${release()}`,
    `node:      ${process.version} (V8 ${process.versions.v8})`,
    `packages:  @sentry/core ${packageVersion('@sentry/core')}, @sentry/node ${packageVersion('@sentry/node')}, tinybench ${packageVersion('tinybench')}`,
    `code:      ${git(['log', '-1', '--format=%h %s'])}`,
    `scrub:     ${git(['log', '-1', '--format=%h %s', '--', 'src/scrub'])} (last commit touching src/scrub)`,
  ];
}

function packageVersion(name: string): string {
  try {
    const manifest = readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8');
    return (JSON.parse(manifest) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim() || 'none';
  } catch {
    return 'unknown (not a git checkout)';
  }
}
