import type { Event } from '@sentry/core';
import { copyRecord } from '../../copy-record.ts';
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
 * any `_meta` it had), and turns off the server's IP inference when IPs are removed. With
 * `owned`, the event is a copy the caller made and has not handed out: its own fields may be
 * set instead of copying it once more. The application's objects are never written to.
 */
export function scrubEvent<T extends Event>(
  runner: WalkRunner,
  event: T,
  removeIps: boolean,
  place: ItemPlace,
  owned = false,
): T {
  const value = runner.walk(event, EVENT);
  const meta = runner.meta;
  if (typeof value !== 'object' || value === null) {
    // The event itself could not be read: the pipeline sends what is left of its structure.
    throw new TypeError('the event could not be scrubbed');
  }

  // The walker's copy is new too: the fields below are set on it, in their places.
  let result = value;
  let writable = owned || result !== event;
  const sdk = removeIps ? withoutIpInference(result.sdk) : undefined;
  if (sdk !== undefined) {
    if (!writable) {
      result = { ...result };
      writable = true;
    }
    (result as { sdk?: unknown }).sdk = sdk;
  }
  if (meta !== undefined) {
    const merged = mergeMeta((event as { _meta?: unknown })._meta, meta);
    if (writable) {
      (result as { _meta?: unknown })._meta = merged;
    } else {
      result = { ...result, _meta: merged };
    }
    if (place.removals !== undefined) {
      collectRemovals(meta, result, place.removals, place);
    }
  }
  return result;
}

/**
 * `sdk.settings.infer_ip: "never"`: without it Relay fills in the client's address for
 * `{{auto}}` and, for browser platforms, when `user.ip_address` is missing
 * (https://develop.sentry.dev/sdk/data-model/event-payloads/sdk/#settings). Returns the new
 * `sdk`, or `undefined` when there is none or it already says so.
 */
function withoutIpInference(sdk: unknown): Record<string, unknown> | undefined {
  if (typeof sdk !== 'object' || sdk === null) {
    return undefined;
  }
  const current = (sdk as Record<string, unknown>).settings;
  const settings = isRecord(current) ? current : undefined;
  if (settings?.infer_ip === 'never') {
    return undefined;
  }
  const updatedSettings: Record<string, unknown> =
    settings === undefined ? { infer_ip: 'never' } : copyRecord(settings);
  updatedSettings.infer_ip = 'never';
  const updated = copyRecord(sdk as Record<string, unknown>);
  updated.settings = updatedSettings;
  return updated;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
