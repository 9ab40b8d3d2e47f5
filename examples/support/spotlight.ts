/** Spotlight's local UI for the events, opt-in. TODO(demo): start the sidecar. */
export interface Spotlight {
  readonly sidecarUrl: string;
  readonly uiUrl: string;
  waitForStop(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSpotlight(): Promise<Spotlight> {
  throw new Error('Spotlight is not wired up yet');
}
