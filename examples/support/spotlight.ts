/**
 * Spotlight (https://spotlightjs.com), Sentry's local UI, for those who want to click through
 * the events. Opt-in only: its sidecar listens on every network interface and reports its own
 * usage to Sentry. Nothing in the demo's checks depends on it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

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
  // The package exports its server API only; its command line sits next to it.
  const cli = fileURLToPath(new URL('../run.js', import.meta.resolve('@spotlightjs/spotlight')));
  return spawn(process.execPath, [cli, '--port', String(PORT)], { stdio: 'ignore' });
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
