import type { Event } from '@sentry/core';
import type { Removal } from '../index.ts';
import { mergeMeta } from '../meta/meta.ts';
import { collectRemovals } from '../meta/removals.ts';
import { EVENT } from '../shapes/event.ts';
import type { WalkRunner } from './run.ts';

/** Where an item sits, for `_meta` and removals. */
export interface ItemPlace {
  readonly removals: Removal[] | undefined;
  readonly item?: number;
  readonly prefix?: string;
}

/**
 * Scrubs an error or transaction event, records what was replaced in its `_meta` (merged with
 * any `_meta` it had), and turns off the server's IP inference when IPs are removed.
 */
export function scrubEvent<T extends Event>(
  runner: WalkRunner,
  event: T,
  removeIps: boolean,
  place: ItemPlace,
): T {
  const { value, meta } = runner.run(event, EVENT);
  if (typeof value !== 'object' || value === null) {
    // The event itself could not be read: the pipeline sends what is left of its structure.
    throw new TypeError('the event could not be scrubbed');
  }
  let result = removeIps ? withoutIpInference(value) : value;
  if (meta !== undefined) {
    const existing = (event as { _meta?: unknown })._meta;
    result = { ...result, _meta: mergeMeta(existing, meta) };
    if (place.removals !== undefined) {
      collectRemovals(meta, result, place.removals, place);
    }
  }
  return result;
}

/**
 * `sdk.settings.infer_ip: "never"`: without it Relay fills in the client's address for
 * `{{auto}}` and, for browser platforms, when `user.ip_address` is missing
 * (https://develop.sentry.dev/sdk/data-model/event-payloads/sdk/#settings).
 */
export function withoutIpInference<T extends Event>(event: T): T {
  const sdk = event.sdk as Record<string, unknown> | undefined;
  if (typeof sdk !== 'object' || sdk === null) {
    return event;
  }
  const settings = isRecord(sdk.settings) ? sdk.settings : {};
  if (settings.infer_ip === 'never') {
    return event;
  }
  return { ...event, sdk: { ...sdk, settings: { ...settings, infer_ip: 'never' } } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
