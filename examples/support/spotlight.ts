/**
 * Spotlight (https://spotlightjs.com), Sentry's local UI, for those who want to click through
 * the events. Opt-in only: its sidecar listens on every network interface and reports its own
 * usage to Sentry. Nothing in the demo's checks depends on it, and it is installed into
 * examples/spotlight on first use, so the project's own install and CI never carry it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder with Spotlight's own package.json, lock file and install. */
const INSTALL_DIR = fileURLToPath(new URL('../spotlight/', import.meta.url));
const CLI = `${INSTALL_DIR}node_modules/@spotlightjs/spotlight/dist/run.js`;

/** Spotlight's default port, which its UI and the SDK's `spotlight: true` expect. */
const PORT = 8969;
const START_TIMEOUT_MS = 30_000;

export interface Spotlight {
  /** Where the SDKs post envelopes (`SENTRY_SPOTLIGHT`). */
  readonly sidecarUrl: string;
  /** The UI to open in a browser. */
  readonly uiUrl: string;
  /** Resolves once the user pressed Ctrl+C and the sidecar stopped. */
  waitForStop(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts Spotlight's sidecar, or uses one that already runs on its port. */
export async function startSpotlight(): Promise<Spotlight> {
  const origin = `http://localhost:${PORT}`;
  const sidecar = (await isRunning(origin)) ? undefined : launch();
  await waitUntilRunning(origin, sidecar);

  const stop = async (): Promise<void> => {
    if (sidecar === undefined || sidecar.exitCode !== null) {
      return;
    }
    sidecar.kill('SIGTERM');
    await once(sidecar, 'exit');
  };
  return {
    sidecarUrl: `${origin}/stream`,
    uiUrl: origin,
    async waitForStop() {
      await once(process, 'SIGINT');
      await stop();
    },
    stop,
  };
}

function launch(): ChildProcess {
  install();
  return spawn(process.execPath, [CLI, '--port', String(PORT)], { stdio: 'ignore' });
}

/** Installs Spotlight from its own lock file, once. */
function install(): void {
  if (existsSync(CLI)) {
    return;
  }
  console.error('Installing Spotlight into examples/spotlight (first use only)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: INSTALL_DIR,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !existsSync(CLI)) {
    throw new Error('Spotlight could not be installed (npm ci in examples/spotlight failed)');
  }
}

async function waitUntilRunning(origin: string, sidecar: ChildProcess | undefined): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (sidecar !== undefined && sidecar.exitCode !== null) {
      throw new Error(`Spotlight's sidecar exited with code ${sidecar.exitCode}`);
    }
    if (await isRunning(origin)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Spotlight's sidecar did not start on ${origin}`);
}

async function isRunning(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}
