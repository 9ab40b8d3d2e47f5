import { setOwn } from '../../copy-record.ts';
/**
 * A node of Sentry's `_meta` tree: the same keys as the data it describes (list positions as
 * strings), plus `""` for the value itself: `{ "": { rem: [[rule, "s", start, end]], len } }`.
 * `rem` lists the remarks (rule, type, and where the replacement is in the new value); `len`
 * is the length of the original value. Format: Relay's `relay-protocol` meta types, as in
 * https://develop.sentry.dev/sdk/data-model/event-payloads/ and Sentry's `_meta` samples.
 */
export type MetaNode = Record<string, unknown>;

/** The `""` entry of a meta node. */
export interface MetaLeaf {
  rem?: unknown[][];
  len?: number;
  [other: string]: unknown;
}

/**
 * Merges the meta this filter recorded into the meta an item already had (from the SDK or an
 * earlier Relay): remarks are appended, the original length is kept. Neither input is changed.
 */
export function mergeMeta(existing: unknown, added: MetaNode): MetaNode {
  if (!isRecord(existing)) {
    return added;
  }

  const merged: MetaNode = { ...existing };
  for (const [key, value] of Object.entries(added)) {
    const before = existing[key];
    if (key === '') {
      setOwn(merged, key, mergeLeaf(before, value as MetaLeaf));
    } else {
      setOwn(merged, key, isRecord(before) ? mergeMeta(before, value as MetaNode) : value);
    }
  }
  return merged;
}

function mergeLeaf(existing: unknown, added: MetaLeaf): MetaLeaf {
  if (!isRecord(existing)) {
    return added;
  }
  const before = existing as MetaLeaf;
  const rem = [...(Array.isArray(before.rem) ? before.rem : []), ...(added.rem ?? [])];
  const len = typeof before.len === 'number' ? before.len : added.len;
  return len === undefined ? { ...before, rem } : { ...before, rem, len };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a walk recorded, to be written into the `_meta` of the item it returned; `undefined`
 * when nothing. What the walk changed inside the item's own `_meta` (an original value Relay
 * kept) is left out: meta about meta has no place in Sentry's format, and the change itself is
 * in the item.
 */
export function recordedMeta(meta: MetaNode | undefined): MetaNode | undefined {
  if (meta === undefined) {
    return undefined;
  }
  const { _meta: _ofMeta, ...recorded } = meta;
  return Object.keys(recorded).length === 0 ? undefined : recorded;
}

/** Writes what a walk recorded into the `_meta` of the item it returned, and returns both. */
export function withRecordedMeta<T extends object>(
  value: T,
  meta: MetaNode | undefined,
): { readonly value: T; readonly recorded: MetaNode | undefined } {
  const recorded = recordedMeta(meta);
  if (recorded === undefined) {
    return { value, recorded };
  }
  const existing = (value as { _meta?: unknown })._meta;
  return { value: { ...value, _meta: mergeMeta(existing, recorded) }, recorded };
}
