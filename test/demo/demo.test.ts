import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../examples/scenarios/index.ts';
import { EXIT } from '../../examples/support/command.ts';
import type { DemoResult, ScenarioResult } from '../../examples/support/runner.ts';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT_MS = 120_000;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command in the repository as a user would, without their Sentry or Spotlight. */
function runCommand(command: string, args: readonly string[]): Promise<Run> {
  const env = { ...process.env };
  for (const name of ['SENTRY_DSN', 'SPOTLIGHT', 'SENTRY_SPOTLIGHT', 'NO_COLOR', 'FORCE_COLOR']) {
    delete env[name];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPOSITORY, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function failures(scenario: ScenarioResult | undefined): string[] {
  return (scenario?.checks ?? [])
    .filter((check) => !check.passed)
    .map((check) => `${check.text}: ${check.detail ?? ''}`);
}

const PLANTED = SCENARIOS.flatMap((scenario) => scenario.secrets ?? []).flatMap((secret) => [
  secret.value,
  ...(secret.variants ?? []),
]);

/** The demo entry, run as `npm run demo` does once the package is built (test/global-setup). */
function runDemo(args: readonly string[]): Promise<Run> {
  return runCommand(process.execPath, ['--import', 'tsx', 'examples/demo.ts', ...args]);
}

describe('the demo with --json', () => {
  let run: Run;
  let report: DemoResult;

  beforeAll(async () => {
    run = await runDemo(['--json']);
    report = JSON.parse(run.stdout) as DemoResult;
  }, TIMEOUT_MS);

  it('exits 0 exactly when every scenario behaved as configured', () => {
    const allPassed = report.scenarios.every((scenario) => scenario.passed);
    expect(report.passed).toBe(allPassed);
    expect(run.code).toBe(allPassed ? EXIT.passed : EXIT.failed);
  });

  it('runs every scenario once, in order', () => {
    expect(report.scenarios.map((scenario) => scenario.name)).toEqual(
      SCENARIOS.map((scenario) => scenario.name),
    );
  });

  it('runs the apps on the built package, loaded through its exports', () => {
    expect(report.packageEntry).toBe('dist/index.js');
    expect(report.destination.kind).toBe('local');
  });

  it('reports what the filter counted in both apps', () => {
    expect(report.apps.map((app) => app.name)).toEqual(['shop-api', 'shop-worker']);
    const seen = report.apps.reduce((total, app) => total + app.stats.seen.event, 0);
    const sent = report.scenarios.reduce(
      (total, scenario) => total + scenario.sent.events.length,
      0,
    );
    const dropped = report.apps.reduce((total, app) => total + app.stats.dropped.event, 0);
    expect(seen).toBe(sent + dropped);
  });

  it.each(SCENARIOS)('$name behaves as configured', ({ name }) => {
    const scenario = report.scenarios.find((result) => result.name === name);
    expect(failures(scenario)).toEqual([]);
    expect(scenario?.passed).toBe(true);
  });

  it('exits 0', () => {
    expect(run.code).toBe(EXIT.passed);
  });

  it('drops the auth-cancelled error and says why', () => {
    const scenario = report.scenarios.find((result) => result.name === 'auth-cancelled');
    expect(scenario?.sent.events).toEqual([]);
    expect(scenario?.dropped.rules).toMatchObject({
      'filteredOutExceptions: AuthCancelledError': 1,
    });
    expect(scenario?.dropped.clientReports).toContainEqual({
      reason: 'event_processor',
      category: 'error',
      quantity: 1,
    });
  });

  it('never prints a planted secret', () => {
    for (const secret of PLANTED) {
      expect(run.stdout).not.toContain(secret);
    }
  });
});

describe('the text report of one scenario', () => {
  let run: Run;

  beforeAll(async () => {
    run = await runDemo(['secrets']);
  }, TIMEOUT_MS);

  it('shows what the app did, what was sent, and the fields before and after', () => {
    expect(run.stdout).toContain('secrets  A card update full of secrets');
    expect(run.stdout).toMatch(/app {6}POST \/account\/payment-method, 9 secrets → 402/);
    expect(run.stdout).toContain('error PaymentError:');
    expect(run.stdout).toContain('Before and after: the event of "secrets"');
    expect(run.stdout).toMatch(/header authorization +Bearer eyJh•••• +\[Filtered\] +✔/);
    expect(run.stdout).toContain('Filter counters, from filter.stats() in each app');
  });

  it('never prints a planted secret, not even one that was sent', () => {
    for (const secret of PLANTED) {
      expect(run.stdout).not.toContain(secret);
    }
  });

  it('fits an 80-column terminal and has no colours when not on a terminal', () => {
    const lines = run.stdout.split('\n');
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('exits with the verdict it printed', () => {
    const passed = run.stdout.includes('✔ All 1 scenario behaved as configured');
    expect(run.code).toBe(passed ? EXIT.passed : EXIT.failed);
  });
});
