import type { Event } from '@sentry/core';
import { copyRecord } from '../../copy-record.ts';
import type { Removal } from '../index.ts';
import { mergeMeta, recordedMeta } from '../meta/meta.ts';
import { collectRemovals } from '../meta/removals.ts';
import { eventShape } from '../shapes/event.ts';
import { hasTagList, scrubApiParts } from './api-event.ts';
import type { ItemContext } from './context.ts';
import { hasNamedContexts, scrubNamedContexts } from './contexts.ts';
import { eventSites, scrubParameters } from './parameters/index.ts';
import { metaInOrderOf, type Patched } from './patch.ts';

/** Where an item sits, for `_meta` and removals. */
export interface ItemPlace {
  readonly removals: Removal[] | undefined;
  readonly item?: number;
  readonly prefix?: string;
}

/**
/**
 * Scrubs an error or transaction event: walks it by its shape, then the parts a shape cannot
 * describe (the `entries` and tag list of events from Sentry's web API, contexts known by
 * their type, message parameters judged by their template). Records what was replaced in its
 * `_meta` (merged with any `_meta` it had), and turns off the server's IP inference when IPs
 * are removed. With `owned`, the event is a copy the caller made and has not handed out: its
 * own fields may be set instead of copying it once more. The application's objects are never
 * written to.
 */
export function scrubEvent<T extends Event>(
  context: ItemContext,
  event: T,
  place: ItemPlace,
  owned = false,
): T {
  const parts = { tagList: hasTagList(event), namedContexts: hasNamedContexts(event) };
  const walked = context.runner.run(event, eventShape(parts));
  if (typeof walked.value !== 'object' || walked.value === null) {
    // The event itself could not be read: the pipeline sends what is left of its structure.
    throw new TypeError('the event could not be scrubbed');
  }

  let scrubbed: Patched = scrubApiParts(context, event, walked, parts.tagList);
  if (parts.namedContexts) {
    scrubbed = scrubNamedContexts(context, event, scrubbed);
  }
  if (scrubbed.meta !== walked.meta) {
    scrubbed = { ...scrubbed, meta: metaInOrderOf(event, scrubbed.meta) };
  }
  // Sites are found in the walked event: the same places, with nothing left to throw.
  for (const site of eventSites(scrubbed.value as Record<string, unknown>)) {
    scrubbed = scrubParameters(context.parameters, event, scrubbed, site);
  }

  // A copy made by the walk or the patches above is new too: fields are set on it in place.
  let result = scrubbed.value as T;
  let writable = owned || result !== event;
  const sdk = context.removeIps ? withoutIpInference(result.sdk) : undefined;
  if (sdk !== undefined) {
    if (!writable) {
      result = { ...result };
      writable = true;
    }
    (result as { sdk?: unknown }).sdk = sdk;
  }
  const recorded = recordedMeta(scrubbed.meta);
  if (recorded !== undefined) {
    const merged = mergeMeta((result as { _meta?: unknown })._meta, recorded);
    if (writable) {
      (result as { _meta?: unknown })._meta = merged;
    } else {
      result = { ...result, _meta: merged };
    }
    if (place.removals !== undefined) {
      collectRemovals(recorded, result, place.removals, place);
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
