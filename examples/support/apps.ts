import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type DemoRequest, sendRequest } from './http-client.ts';
import { type FromApp, isMessage, type Job, type ToApp } from './protocol.ts';

/** The two apps of the shop, each a process of its own as in production. */
export type Role = 'service' | 'worker';

/** How the apps are named in Sentry (the `service` tag) and in the report. */
const APP_NAMES: Readonly<Record<Role, string>> = {
  service: 'shop-api',
  worker: 'shop-worker',
};

const EXAMPLES = new URL('../', import.meta.url);
const REPO_ROOT = fileURLToPath(new URL('../', EXAMPLES));
const START_TIMEOUT_MS = 20_000;
const REPLY_TIMEOUT_MS = 15_000;

export type Flushed = Extract<FromApp, { type: 'flushed' }>;
type JobFinished = Extract<FromApp, { type: 'job-finished' }>;

/** A running app process the demo drives. */
export interface AppProcess {
  readonly role: Role;
  readonly name: string;
  /** Sends everything the app's SDK holds; resolves with the filter's counters. */
  flush(): Promise<Flushed>;
  /** Sends a request to the service. */
  request(demoRequest: DemoRequest): Promise<number>;
  /** Hands a job to the worker; resolves with how it ended. */
  enqueue(job: Job): Promise<'completed' | 'failed'>;
  stop(): Promise<void>;
}

/** The environment every app gets: where to send, and what the probe needs. */
export interface AppEnvironment {
  readonly dsn: string;
  /** In SENTRY_DSN mode: where the probe copies each envelope to. */
  readonly tapUrl?: string;
  /** Spotlight's sidecar URL, when the events should show there too. */
  readonly spotlightUrl?: string;
}

/**
 * Starts one app with the shop's Sentry setup loaded first, as `node --import` would, plus the
 * demo's probe. The app's own output is kept and shown only if it fails.
 */
export async function startApp(role: Role, environment: AppEnvironment): Promise<AppProcess> {
  const port = role === 'service' ? await findFreePort() : 0;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SENTRY_DSN: environment.dsn,
    SERVICE_NAME: APP_NAMES[role],
    PORT: String(port),
    // A port nothing listens on: the inventory service is down, so requests to it are refused.
    INVENTORY_URL: `http://127.0.0.1:${await findFreePort()}`,
    TSX_TSCONFIG_PATH: fileURLToPath(new URL('support/tsconfig.runtime.json', EXAMPLES)),
  };
  delete env.DEMO_TAP_URL;
  delete env.SENTRY_SPOTLIGHT;
  if (environment.tapUrl !== undefined) {
    env.DEMO_TAP_URL = environment.tapUrl;
  }
  if (environment.spotlightUrl !== undefined) {
    env.SENTRY_SPOTLIGHT = environment.spotlightUrl;
  }

  const child = fork(fileURLToPath(new URL(`${role}.ts`, EXAMPLES)), [], {
    cwd: REPO_ROOT,
    env,
    // @sentry/node comes first, before tsx's loader exists: its hundreds of modules then load
    // at plain Node speed, which halves the app's start-up time.
    execArgv: [
      '--import',
      '@sentry/node',
      '--import',
      'tsx',
      '--import',
      new URL('sentry.ts', EXAMPLES).href,
      '--import',
      new URL('support/app-probe.ts', EXAMPLES).href,
    ],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const fail = (what: string) => new AppError(`${APP_NAMES[role]} ${what}`, output.join(''));

  if (role === 'service') {
    await waitForHealth(child, port, fail);
  } else {
    await nextMessage(child, 'ready', START_TIMEOUT_MS, fail);
  }

  return {
    role,
    name: APP_NAMES[role],
    flush() {
      const reply = nextMessage<Flushed>(child, 'flushed', REPLY_TIMEOUT_MS, fail);
      send(child, { type: 'flush' });
      return reply;
    },
    request(demoRequest) {
      return sendRequest(port, demoRequest);
    },
    async enqueue(job) {
      const reply = nextMessage<JobFinished>(child, 'job-finished', REPLY_TIMEOUT_MS, fail);
      send(child, { type: 'job', job });
      return (await reply).outcome;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** An app that did not start or stopped answering; carries what the app printed. */
export class AppError extends Error {
  override name = 'AppError';

  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

function send(child: ChildProcess, message: ToApp): void {
  child.send(message);
}

function nextMessage<T extends FromApp>(
  child: ChildProcess,
  type: T['type'],
  timeoutMs: number,
  fail: (what: string) => Error,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const cleanUp = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (message: unknown): void => {
      if (isMessage<T>(message, type)) {
        cleanUp();
        resolve(message);
      }
    };
    const onExit = (): void => {
      cleanUp();
      reject(fail('exited unexpectedly'));
    };
    const timer = setTimeout(() => {
      cleanUp();
      reject(fail(`did not answer "${type}" within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

async function waitForHealth(
  child: ChildProcess,
  port: number,
  fail: (what: string) => Error,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw fail('exited before it was ready');
    }
    const status = await sendRequest(port, { method: 'GET', path: '/health' }).catch(() => 0);
    if (status === 200) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw fail(`did not answer on port ${port} within ${START_TIMEOUT_MS} ms`);
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') {
    throw new Error('could not find a free port');
  }
  return address.port;
}
