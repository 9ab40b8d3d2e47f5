import type { Event } from '@sentry/core';
import type { Removal } from '../index.ts';
import { withRecordedMeta } from '../meta/meta.ts';
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
 * Scrubs an error or transaction event: walks it by its shape, then the parts a shape cannot
 * describe (the `entries` and tag list of events from Sentry's web API, contexts known by
 * their type, message parameters judged by their template). Records what was replaced in its
 * `_meta` (merged with any `_meta` it had), and turns off the server's IP inference when IPs
 * are removed.
 */
export function scrubEvent<T extends Event>(context: ItemContext, event: T, place: ItemPlace): T {
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

  const value = scrubbed.value as T;
  const { value: result, recorded } = withRecordedMeta(
    context.removeIps ? withoutIpInference(value) : value,
    scrubbed.meta,
  );
  if (place.removals !== undefined) {
    collectRemovals(recorded, result, place.removals, place);
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
