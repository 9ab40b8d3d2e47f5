import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Event, SDK_VERSION } from '@sentry/core';
import type { FilterStats, ItemKind } from 'sentry-event-filter';
import { type AppEnvironment, type AppProcess, type Flushed, type Role, startApp } from './apps.ts';
import { describeEvent, loggerOfLog, pinoLoggerOf, spellings } from './checks.ts';
import { maskSecrets } from './mask.ts';
import { observe } from './observe.ts';
import { type DiscardedEvent, type EnvelopeReceiver, startReceiver } from './receiver.ts';
import type { Apps, Check, Scenario } from './scenario.ts';

const ROLES: readonly Role[] = ['service', 'worker'];

/** How to run the demo. */
export interface DemoOptions {
  readonly scenarios: readonly Scenario[];
  /** Send to this Sentry instead of the local receiver. */
  readonly dsn?: string | undefined;
  /** Also send every envelope to Spotlight's sidecar at this URL. */
  readonly spotlightUrl?: string | undefined;
}

/** What one scenario did and whether it behaved as configured. */
export interface ScenarioResult {
  readonly name: string;
  readonly title: string;
  readonly app: string;
  readonly passed: boolean;
  readonly checks: readonly Check[];
  readonly sent: {
    readonly events: readonly {
      readonly summary: string;
      readonly logger?: string;
      readonly tags: Readonly<Record<string, string>>;
      /** The `error_properties` context the filter added, flattened to `path: value`. */
      readonly errorProperties?: Readonly<Record<string, string>>;
    }[];
    readonly logs: readonly { readonly level: string; readonly logger?: string; body: string }[];
  };
  readonly dropped: {
    /** Per rule, from `filter.stats()`. */
    readonly rules: Readonly<Record<string, number>>;
    readonly kinds: Readonly<Partial<Record<ItemKind, number>>>;
    /** From Sentry's client reports. */
    readonly clientReports: readonly DiscardedEvent[];
  };
}

/** One row of the before-and-after table; both values are safe to print. */
export interface FieldRow {
  readonly field: string;
  readonly before: string;
  readonly after: string;
  readonly expect: 'removed' | 'kept';
  readonly passed: boolean;
}

/** Everything the report shows. */
export interface DemoResult {
  readonly passed: boolean;
  readonly destination:
    | { readonly kind: 'local'; readonly dsn: string }
    | { readonly kind: 'sentry'; readonly host: string };
  /** The Sentry SDK's version. */
  readonly sdkVersion: string;
  /** Where the apps loaded `sentry-event-filter` from, relative to the repository. */
  readonly packageEntry: string;
  readonly scenarios: readonly ScenarioResult[];
  readonly beforeAfter?: { readonly scenario: string; readonly rows: readonly FieldRow[] };
  readonly apps: readonly { readonly name: string; readonly stats: FilterStats }[];
  readonly durationMs: number;
}

/**
 * Starts the local receiver and the apps the scenarios need, runs each scenario, and checks
 * what reached Sentry against what the scenario expects. Scenarios run one after the other;
 * every app is flushed after each, so what arrived in between belongs to that scenario.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const startedAt = Date.now();
  const receiver = await startReceiver();
  const environment: AppEnvironment = {
    dsn: options.dsn ?? receiver.dsn,
    ...(options.dsn === undefined ? {} : { tapUrl: `${new URL(receiver.dsn).origin}/tap/` }),
    ...(options.spotlightUrl === undefined ? {} : { spotlightUrl: options.spotlightUrl }),
  };

  const roles = ROLES.filter((role) =>
    options.scenarios.some((scenario) => scenario.role === role),
  );
  const apps: AppProcess[] = [];
  try {
    apps.push(...(await Promise.all(roles.map((role) => startApp(role, environment)))));
    return await runScenarios(options, receiver, apps, startedAt);
  } finally {
    await Promise.allSettled(apps.map((app) => app.stop()));
    await receiver.close();
  }
}

async function runScenarios(
  options: DemoOptions,
  receiver: EnvelopeReceiver,
  apps: readonly AppProcess[],
  startedAt: number,
): Promise<DemoResult> {
  const byRole = new Map<Role, AppProcess>(apps.map((app) => [app.role, app]));
  const driver: Apps = {
    request: (demoRequest) => appFor(byRole, 'service').request(demoRequest),
    enqueue: (job) => appFor(byRole, 'worker').enqueue(job),
  };
  const flushAll = (): Promise<Flushed[]> => Promise.all(apps.map((app) => app.flush()));

  let flushed = await flushAll();
  const results: ScenarioResult[] = [];
  let beforeAfter: DemoResult['beforeAfter'];

  for (const scenario of options.scenarios) {
    const mark = receiver.envelopes.length;
    const app = await scenario.run(driver);
    const next = await flushAll();
    const observed = observe(
      receiver.envelopes.slice(mark),
      flushed.map((reply) => reply.stats),
      next.map((reply) => reply.stats),
    );
    flushed = next;

    const checks = scenario.expect(observed);
    results.push({
      name: scenario.name,
      title: scenario.title,
      app,
      passed: checks.every((item) => item.passed),
      checks,
      sent: {
        events: observed.events.map(summarizeEvent),
        logs: observed.logs.map((log) => ({
          level: log.level,
          ...optional('logger', loggerOfLog(log)),
          body: log.body,
        })),
      },
      dropped: {
        rules: observed.dropped,
        kinds: observed.droppedKinds,
        clientReports: observed.discarded,
      },
    });

    if (beforeAfter === undefined && scenario.beforeAfter !== undefined) {
      const event = scenario.beforeAfter.event(observed);
      beforeAfter = { scenario: scenario.name, rows: compareFields(scenario, event) };
    }
  }

  const destination: DemoResult['destination'] =
    options.dsn === undefined
      ? { kind: 'local', dsn: receiver.dsn }
      : { kind: 'sentry', host: new URL(options.dsn).host };
  return {
    // The table illustrates the checks of its scenario; the verdict is the scenarios'.
    passed: results.every((result) => result.passed),
    destination,
    sdkVersion: SDK_VERSION,
    packageEntry: relativeToRepository(flushed[0]?.packageEntry),
    scenarios: results,
    ...(beforeAfter === undefined ? {} : { beforeAfter }),
    apps: apps.map((app, index) => ({
      name: app.name,
      stats: flushed[index]?.stats as FilterStats,
    })),
    durationMs: Date.now() - startedAt,
  };
}

function appFor(apps: ReadonlyMap<Role, AppProcess>, role: Role): AppProcess {
  const app = apps.get(role);
  if (app === undefined) {
    throw new Error(`no ${role} is running for this scenario`);
  }
  return app;
}

function summarizeEvent(event: Event): ScenarioResult['sent']['events'][number] {
  const tags = Object.fromEntries(
    Object.entries(event.tags ?? {}).map(([key, value]) => [key, String(value)]),
  );
  const properties = flatten(event.contexts?.error_properties);
  return {
    summary: describeEvent(event),
    ...optional('logger', pinoLoggerOf(event)),
    tags,
    ...optional('errorProperties', Object.keys(properties).length > 0 ? properties : undefined),
  };
}

/** A context as `path: value` pairs, nested objects under dotted paths. */
function flatten(value: unknown, path = '', into: Record<string, string> = {}): typeof into {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    if (path !== '' && value !== undefined) {
      into[path] = stringify(value);
    }
    return into;
  }
  for (const [key, item] of Object.entries(value)) {
    flatten(item, path === '' ? key : `${path}.${key}`, into);
  }
  return into;
}

/** The fields a scenario shows, before (masked) and after (as received, secrets masked). */
function compareFields(scenario: Scenario, event: Event | undefined): FieldRow[] {
  const secrets = scenario.secrets ?? [];
  return (scenario.beforeAfter?.fields ?? []).map((field) => {
    const value = event === undefined ? undefined : field.read(event);
    const after = value === undefined ? '(absent)' : stringify(value);
    const leaked = secrets.some(
      (secret) =>
        field.before.includes(secret.value) &&
        spellings(secret).some((spelling) => after.includes(spelling)),
    );
    const passed =
      field.expect === 'removed' ? !leaked && event !== undefined : after === field.before;
    return {
      field: field.label,
      before: maskSecrets(field.before, secrets),
      after: maskSecrets(after, secrets),
      expect: field.expect,
      passed,
    };
  });
}

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

function relativeToRepository(url: string | undefined): string {
  return url === undefined ? 'unknown' : relative(REPOSITORY, fileURLToPath(url));
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
