import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../examples/scenarios/index.ts';
import { EXIT } from '../../examples/support/command.ts';
import type { DemoResult, ScenarioResult } from '../../examples/support/runner.ts';
import { type EnvelopeReceiver, startReceiver } from '../helpers/receiver.ts';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT_MS = 120_000;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command in the repository as a user would, without their Sentry or Spotlight unless
 * `extra` sets one.
 */
function runCommand(
  command: string,
  args: readonly string[],
  extra: Readonly<Record<string, string>> = {},
): Promise<Run> {
  const env = { ...process.env };
  for (const name of ['SENTRY_DSN', 'SPOTLIGHT', 'SENTRY_SPOTLIGHT', 'NO_COLOR', 'FORCE_COLOR']) {
    delete env[name];
  }
  Object.assign(env, extra);
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
function runDemo(
  args: readonly string[],
  env?: Readonly<Record<string, string>>,
  entry = 'examples/demo.ts',
): Promise<Run> {
  return runCommand(process.execPath, ['--import', 'tsx', entry, ...args], env);
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

  it('shows the enriched event: its tags and the properties of its cause', () => {
    const scenario = report.scenarios.find((result) => result.name === 'enrichment');
    expect(scenario?.sent.events).toHaveLength(1);
    const [event] = scenario?.sent.events ?? [];
    expect(event?.summary).toBe('TypeError: fetch failed');
    expect(event?.tags).toMatchObject({ 'error.code': 'ECONNREFUSED', request_id: 'req_5d2c8e41' });
    expect(event?.errorProperties).toMatchObject({
      'cause.code': 'ECONNREFUSED',
      'cause.syscall': 'connect',
      'cause.address': '127.0.0.1',
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
    const passed = run.stdout.includes('✔ The scenario behaved as configured');
    expect(run.code).toBe(passed ? EXIT.passed : EXIT.failed);
  });
});

describe('the demo with SENTRY_DSN set', () => {
  let sentry: EnvelopeReceiver;
  let run: Run;
  let report: DemoResult;

  beforeAll(async () => {
    // Stands in for a Sentry project: the apps must send to it, not to the demo's receiver.
    sentry = await startReceiver();
    run = await runDemo(['secrets', 'validation-error', '--json'], { SENTRY_DSN: sentry.dsn });
    report = JSON.parse(run.stdout) as DemoResult;
  }, TIMEOUT_MS);

  afterAll(async () => {
    await sentry.close();
  });

  it('sends the events to that DSN and says so', () => {
    expect(run.code).toBe(EXIT.passed);
    expect(report.destination).toEqual({ kind: 'sentry', host: new URL(sentry.dsn).host });
    const types = sentry.events().map((item) => item.payload.exception.values.at(-1).type);
    expect(types.sort()).toEqual(['PaymentError', 'ValidationError']);
    const validation = sentry
      .events()
      .find((item) => item.payload.exception.values.at(-1).type === 'ValidationError');
    expect(validation?.payload.tags).toMatchObject({ user_caused: 'true' });
  });

  it('reports what the apps sent to it', () => {
    const reported = report.scenarios.flatMap((scenario) => scenario.sent.events);
    expect(reported).toHaveLength(sentry.events().length);
  });

  it('sends no planted secret to it', () => {
    const raw = sentry.rawText();
    for (const secret of PLANTED) {
      expect(raw).not.toContain(secret);
    }
  });
});

describe('the demo when a scenario does not behave as configured', () => {
  let run: Run;

  beforeAll(async () => {
    run = await runDemo([], {}, 'test/demo/fixtures/wrong-expectation.ts');
  }, TIMEOUT_MS);

  it('marks the scenario and its failed check, and exits 1', () => {
    expect(run.stdout).toContain('✘ 1. validation-error');
    expect(run.stdout).toContain('✘ no error event reaches Sentry: got ValidationError');
    expect(run.stdout).toContain('did not behave as configured: validation-error.');
    expect(run.code).toBe(EXIT.failed);
  });
});

describe('the demo command line', () => {
  it.each([
    [['--jsn'], 'Unknown option: --jsn.'],
    [['secrets', '-q'], 'Unknown option: -q.'],
    [['secret'], 'Unknown scenario: secret.'],
  ])('rejects %j as a usage error before starting anything', async (args, message) => {
    const run = await runDemo(args);

    expect(run.stderr).toContain(message);
    expect(run.stdout).not.toContain('sentry-event-filter demo');
    expect(run.code).toBe(EXIT.usage);
  });

  it.each(['foo', 'https://sentry.example.invalid/1', 'https://key@sentry.example.invalid/'])(
    'rejects SENTRY_DSN=%s as a usage error before starting anything',
    async (dsn) => {
      const run = await runDemo(['secrets'], { SENTRY_DSN: dsn });

      expect(run.stderr).toContain('SENTRY_DSN is not a Sentry DSN');
      expect(run.stdout).not.toContain('sentry-event-filter demo');
      expect(run.code).toBe(EXIT.usage);
    },
  );
});
