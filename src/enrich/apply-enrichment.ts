import type { Event } from '@sentry/core';
import type { Enrichment } from './types.ts';

// Enrichments are small by nature; below this depth empty values are no longer looked for.
const MAX_PRUNE_DEPTH = 6;

/**
 * Merges an enrichment into a copy of the event. Nothing the event already has is
 * overwritten (a value counts as set unless it is `undefined` or `null`), empty values are
 * skipped, and the event and its parts are never mutated: when nothing is added, the same
 * event comes back.
 */
export function applyEnrichment(event: Event, enrichment: Enrichment): Event {
  let next: Event | undefined;
  const edit = (): Event => {
    next ??= { ...event };
    return next;
  };

  const tags = mergeFlat(event.tags, validTags(enrichment.tags));
  if (tags !== undefined) {
    edit().tags = tags;
  }

  const contexts = mergeContexts(event.contexts, enrichment.contexts);
  if (contexts !== undefined) {
    edit().contexts = contexts;
  }

  const extra = mergeFlat(event.extra, prune(enrichment.extra, 0));
  if (extra !== undefined) {
    edit().extra = extra;
  }

  const user = mergeFlat(event.user, prune(enrichment.user, 0));
  if (user !== undefined) {
    edit().user = user;
  }

  const fingerprint = validFingerprint(enrichment.fingerprint);
  if (fingerprint !== undefined && !hasFingerprint(event)) {
    edit().fingerprint = fingerprint;
  }

  return next ?? event;
}

/** Tells whether a value adds nothing: `undefined`, `null`, `''`, or an empty array or object. */
export function isEmptyValue(value: unknown): boolean {
  return prune(value, 0) === undefined;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The keys of `additions` the target lacks, merged into a copy; `undefined` if none. */
function mergeFlat<T extends object>(
  target: T | undefined,
  additions: Record<string, unknown> | undefined,
): T | undefined {
  if (additions === undefined) {
    return undefined;
  }

  const existing = (isRecord(target) ? target : {}) as Record<string, unknown>;
  const missing = Object.entries(additions).filter(([key]) => !isSet(existing[key]));
  if (missing.length === 0) {
    return undefined;
  }
  return { ...existing, ...Object.fromEntries(missing) } as T;
}

/** New contexts are added whole; into an existing one, only the keys it lacks. */
function mergeContexts(
  target: Event['contexts'],
  additions: Enrichment['contexts'],
): Event['contexts'] {
  const cleaned = prune(additions, 0);
  if (cleaned === undefined) {
    return undefined;
  }

  const existing = (isRecord(target) ? target : {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const [name, context] of Object.entries(cleaned)) {
    const current = existing[name];
    if (!isSet(current)) {
      merged[name] = context;
      continue;
    }
    if (!isRecord(current) || !isRecord(context)) {
      continue;
    }
    const keys = mergeFlat(current, context);
    if (keys !== undefined) {
      merged[name] = keys;
    }
  }

  if (Object.keys(merged).length === 0) {
    return undefined;
  }
  return { ...existing, ...merged } as Event['contexts'];
}

/** Tag values Sentry accepts: non-empty strings, finite numbers and booleans. */
function validTags(tags: Enrichment['tags']): Record<string, unknown> | undefined {
  if (!isRecord(tags)) {
    return undefined;
  }

  const valid = Object.entries(tags).filter(([key, value]) => key !== '' && isTagValue(value));
  return valid.length === 0 ? undefined : Object.fromEntries(valid);
}

function isTagValue(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return value.trim() !== '';
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
      return true;
    default:
      return false;
  }
}

function validFingerprint(fingerprint: unknown): string[] | undefined {
  if (!Array.isArray(fingerprint)) {
    return undefined;
  }
  const parts = fingerprint.filter(
    (part): part is string => typeof part === 'string' && part !== '',
  );
  return parts.length === 0 ? undefined : parts;
}

function hasFingerprint(event: Event): boolean {
  return Array.isArray(event.fingerprint) && event.fingerprint.length > 0;
}

/**
 * The value without its empty parts, or `undefined` when nothing is left. Plain objects and
 * arrays are copied only when something is removed, so objects that carry hints for the SDK
 * (such as a normalization depth) reach it unchanged.
 */
function prune<T>(value: T, depth: number): T | undefined;
function prune(value: unknown, depth: number): unknown {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value !== 'object' || depth >= MAX_PRUNE_DEPTH) {
    return value;
  }

  if (Array.isArray(value)) {
    const items = value.map((item) => prune(item, depth + 1)).filter((item) => item !== undefined);
    if (items.length === 0) {
      return undefined;
    }
    return items.length === value.length && items.every((item, i) => item === value[i])
      ? value
      : items;
  }

  if (!isPlainRecord(value)) {
    return value;
  }

  let changed = false;
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const pruned = prune(item, depth + 1);
    if (pruned === undefined) {
      changed = true;
    } else {
      kept[key] = pruned;
      changed ||= pruned !== item;
    }
  }
  if (Object.keys(kept).length === 0) {
    return undefined;
  }
  return changed ? kept : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPlainRecord(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}
