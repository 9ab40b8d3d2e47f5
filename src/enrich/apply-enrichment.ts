import type { Event } from '@sentry/core';
import { copyRecord, setOwn } from '../copy-record.ts';
import { describeKind } from '../describe-kind.ts';
import { tagInList, withTagInList } from '../tag-list.ts';
import { CONTROL_CHARACTER, MAX_TAG_KEY_LENGTH, MAX_TAG_VALUE_LENGTH } from './tag-value.ts';
import type { Enrichment, EnrichmentTarget } from './types.ts';

// Enrichments are small by nature; below this depth empty values are no longer looked for.
const MAX_PRUNE_DEPTH = 6;

type Part = 'tags' | 'contexts' | 'extra' | 'user';

// One bit per part, for the parts a draft owns.
const PART_BITS: Readonly<Record<Part, number>> = { tags: 1, contexts: 2, extra: 4, user: 8 };

/**
 * Merges an enrichment into a copy of the event. Nothing the event already has is
 * overwritten (a value counts as set unless it is `undefined` or `null`), empty values are
 * skipped, and the event and its parts are never mutated: when nothing is added, the same
 * event comes back.
 */
export function applyEnrichment(event: Event, enrichment: Enrichment): Event {
  const draft = new EnrichedEvent(event);
  draft.apply(enrichment);
  return draft.event;
}

/**
 * An event with enrichments merged in, one after the other, exactly as `applyEnrichment` would
 * merge each into the result of the last, but copying the event and each part it adds to at
 * most once: the copies are the draft's own until `event` hands them out.
 */
export class EnrichedEvent implements EnrichmentTarget {
  #original: Event;
  #copy: Event | undefined;
  // The parts of `#copy` that are the draft's own copies, still free to add keys to.
  #ownParts = 0;
  // What was wrong with the first tag left out since `apply` last started.
  #rejected: string | undefined;

  constructor(event: Event) {
    this.#original = event;
  }

  /** The event with everything applied so far; the event given when nothing was added. */
  get event(): Event {
    // Whoever gets the event may keep it: later enrichments copy again.
    this.#ownParts = 0;
    const copy = this.#copy;
    this.#copy = undefined;
    if (copy === undefined) {
      return this.#original;
    }
    this.#original = copy;
    return copy;
  }

  /**
   * Merges one enrichment. If reading it (or the event) throws, an event not yet copied stays
   * as it was; what earlier enrichments added stays in any case. Returns what was wrong with
   * the first tag left out because Sentry would reject its value, if there was one.
   */
  apply(enrichment: Enrichment): string | undefined {
    const copied = this.#copy !== undefined;
    this.#rejected = undefined;
    try {
      this.#addTags(enrichment.tags);
      this.#addContexts(enrichment.contexts);
      this.#addFlat('extra', prune(enrichment.extra, 0));
      this.#addFlat('user', prune(enrichment.user, 0));

      const fingerprint = validFingerprint(enrichment.fingerprint);
      if (fingerprint !== undefined && !hasFingerprint(this.#current)) {
        this.#edit('fingerprint').fingerprint = fingerprint;
      }
      return this.#rejected;
    } catch (error) {
      if (!copied) {
        this.#copy = undefined;
        this.#ownParts = 0;
      }
      throw error;
    }
  }

  addTag(key: string, value: unknown): void {
    const tags: unknown = this.#current.tags;
    const list = Array.isArray(tags) ? tags : undefined;
    const present = list === undefined ? isSetIn(tags, key) : isSet(tagInList(list, key));
    if (key === '' || !isTagValue(value) || present) {
      return;
    }
    const problem = tagProblem(key, value);
    if (problem !== undefined) {
      this.#rejected ??= `tag "${key}" ${problem}`;
      return;
    }
    if (list !== undefined) {
      // Tags as a list, as stored and exported events hold them, stay a list.
      this.#edit('tags').tags = withTagInList(list, key, value) as never;
      return;
    }
    setOwn(this.#own('tags'), key, value);
  }

  addContext(name: string, context: unknown): void {
    // One level down, as a context inside `contexts` is pruned.
    const cleaned = prune(context, 1);
    if (cleaned !== undefined) {
      this.#mergeContext(name, cleaned);
    }
  }

  get #current(): Event {
    return this.#copy ?? this.#original;
  }

  /** The draft's copy of the event, made on the first change (to `key`). */
  #edit(key: string): Event {
    if (this.#copy === undefined) {
      // A spread copy is cheapest, unless it has to gain the key (see `copyRecord`).
      const original = this.#original as Record<string, unknown>;
      this.#copy = (Object.hasOwn(original, key) ? { ...original } : copyRecord(original)) as Event;
    }
    return this.#copy;
  }

  /** The part to add keys to: the draft's own copy of it (or a new object if it is none). */
  #own(part: Part): Record<string, unknown> {
    const event = this.#edit(part) as Record<Part, unknown>;
    const bit = PART_BITS[part];
    if ((this.#ownParts & bit) === 0) {
      const existing = event[part];
      event[part] = isRecord(existing) ? copyRecord(existing) : {};
      this.#ownParts |= bit;
    }
    return event[part] as Record<string, unknown>;
  }

  // Tag values Sentry accepts: non-empty strings, finite numbers and booleans.
  #addTags(tags: Enrichment['tags']): void {
    if (!isRecord(tags)) {
      return;
    }
    for (const key in tags) {
      if (Object.hasOwn(tags, key)) {
        this.addTag(key, tags[key]);
      }
    }
  }

  /** New contexts are added whole; into an existing one, only the keys it lacks. */
  #addContexts(additions: Enrichment['contexts']): void {
    const cleaned = prune(additions, 0);
    if (cleaned === undefined) {
      return;
    }

    for (const name in cleaned) {
      if (Object.hasOwn(cleaned, name)) {
        this.#mergeContext(name, (cleaned as Record<string, unknown>)[name]);
      }
    }
  }

  #mergeContext(name: string, context: unknown): void {
    const contexts: unknown = this.#current.contexts;
    const current = isRecord(contexts) ? contexts[name] : undefined;
    let merged: unknown;
    if (!isSet(current)) {
      merged = context;
    } else if (isRecord(current) && isRecord(context)) {
      merged = mergeFlat(current, context);
    }
    if (merged !== undefined) {
      setOwn(this.#own('contexts'), name, merged);
    }
  }

  #addFlat(part: 'extra' | 'user', additions: Record<string, unknown> | undefined): void {
    if (additions === undefined) {
      return;
    }
    if (!isRecord(additions)) {
      // Its keys would be a string's characters or an array's indices.
      this.#rejected ??= `\`${part}\` is ${describeKind(additions)}, not an object`;
      return;
    }
    let target: Record<string, unknown> | undefined;
    for (const key in additions) {
      if (!Object.hasOwn(additions, key) || isSetIn(this.#current[part], key)) {
        continue;
      }
      target ??= this.#own(part);
      setOwn(target, key, additions[key]);
    }
  }
}

/** Tells whether a value adds nothing: `undefined`, `null`, `''`, or an empty array or object. */
export function isEmptyValue(value: unknown): boolean {
  return prune(value, 0) === undefined;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

// Whether `key` is set on a part of the event; a part that is not an object has no keys.
function isSetIn(part: unknown, key: string): boolean {
  return isRecord(part) && isSet(part[key]);
}

/** The keys of `additions` the target lacks, merged into a copy; `undefined` if none. */
function mergeFlat(
  target: Record<string, unknown>,
  additions: Record<string, unknown>,
): Record<string, unknown> | undefined {
  let merged: Record<string, unknown> | undefined;
  for (const key in additions) {
    if (Object.hasOwn(additions, key) && !isSet(target[key])) {
      merged ??= copyRecord(target);
      setOwn(merged, key, additions[key]);
    }
  }
  return merged;
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

// Sentry drops a tag whose key is too long, or whose value is too long or holds a line break,
// so it is left out here, where the enricher that added it can be named.
function tagProblem(key: string, value: unknown): string | undefined {
  if (key.length > MAX_TAG_KEY_LENGTH) {
    return `has a name of ${key.length} characters, over Sentry's ${MAX_TAG_KEY_LENGTH}`;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  if (value.length > MAX_TAG_VALUE_LENGTH) {
    return `is ${value.length} characters long, over Sentry's ${MAX_TAG_VALUE_LENGTH}`;
  }
  return CONTROL_CHARACTER.test(value) ? 'holds a line break or control character' : undefined;
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
    return pruneArray(value, depth);
  }
  if (!isPlainRecord(value)) {
    return value;
  }
  return pruneRecord(value, depth);
}

// Copied only from the first item that changes or goes, as `map` and `filter` would copy.
function pruneArray(value: readonly unknown[], depth: number): unknown {
  let kept: unknown[] | undefined;
  for (let index = 0; index < value.length; index++) {
    // A hole goes, as `map` and `filter` leave it out.
    const isHole = !(index in value);
    const item = isHole ? undefined : value[index];
    const pruned = isHole ? undefined : prune(item, depth + 1);
    if (kept === undefined && (pruned === undefined || pruned !== item)) {
      kept = value.slice(0, index);
    }
    if (kept !== undefined && pruned !== undefined) {
      kept.push(pruned);
    }
  }
  const result = kept ?? value;
  return result.length === 0 ? undefined : result;
}

// The keys and values of the records being pruned, read once each and kept here until the
// first change shows that a copy is needed: a stack shared by nested calls, so that nothing is
// allocated while nothing changes.
const PENDING_CAPACITY = 512;
const pending: unknown[] = new Array(PENDING_CAPACITY).fill(undefined);
let pendingTop = 0;

// Copied only from the first property that changes or goes, in `Object.entries` order.
function pruneRecord(value: Record<string, unknown>, depth: number): unknown {
  const base = pendingTop;
  try {
    let kept: Record<string, unknown> | undefined;
    let held = true;
    let count = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) {
        continue;
      }
      const item = value[key];
      const pruned = prune(item, depth + 1);
      if (kept === undefined && (pruned === undefined || pruned !== item)) {
        kept = held ? keptFrom(base) : keptBefore(value, key);
      }
      if (pruned === undefined) {
        continue;
      }
      count++;
      if (kept !== undefined) {
        kept[key] = pruned;
      } else {
        held &&= hold(key, item);
      }
    }
    if (count === 0) {
      return undefined;
    }
    return kept ?? value;
  } finally {
    release(base);
  }
}

function hold(key: string, item: unknown): boolean {
  if (pendingTop + 2 > PENDING_CAPACITY) {
    return false;
  }
  pending[pendingTop++] = key;
  pending[pendingTop++] = item;
  return true;
}

function release(base: number): void {
  for (let index = base; index < pendingTop; index++) {
    pending[index] = undefined;
  }
  pendingTop = base;
}

// The properties held so far, all kept as they were.
function keptFrom(base: number): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (let index = base; index < pendingTop; index += 2) {
    kept[pending[index] as string] = pending[index + 1];
  }
  return kept;
}

// For a record too large to hold: the properties before `key`, read again.
function keptBefore(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const earlier in value) {
    if (earlier === key) {
      break;
    }
    if (Object.hasOwn(value, earlier)) {
      kept[earlier] = value[earlier];
    }
  }
  return kept;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPlainRecord(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}
