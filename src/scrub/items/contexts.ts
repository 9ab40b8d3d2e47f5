import { setOwn } from '../../copy-record.ts';
import { uniqueKey } from '../keys/addresses.ts';
import { KeyVerdict } from '../keys/classify.ts';
import { valueShapeFor } from '../shapes/api.ts';
import { CONTEXTS, KNOWN_CONTEXT, KNOWN_CONTEXT_TYPES } from '../shapes/contexts.ts';
import { keyRemarksMeta } from '../walk/remarks.ts';
import type { Shape } from '../walk/shape.ts';
import type { ItemContext } from './context.ts';
import { type Patched, withMetaAt, withValueAt } from './patch.ts';

// Contexts of a known type under another name (Electron's `chrome` and `node` runtimes,
// `server-os`): a shape finds contexts by name only, so an event that has one has its contexts
// scrubbed one by one, each known by its name or its `type`.

/** Whether an event has a context of a known type under a name that is not known. */
export function hasNamedContexts(event: object): boolean {
  const contexts = (event as { contexts?: unknown }).contexts;
  if (typeof contexts !== 'object' || contexts === null || Array.isArray(contexts)) {
    return false;
  }
  // A loop rather than `Object.keys(...).some(...)`: this runs for every event.
  for (const name in contexts) {
    if (
      Object.hasOwn(contexts, name) &&
      !CONTEXTS.fields?.has(name) &&
      isKnownType((contexts as Record<string, unknown>)[name])
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Scrubs `event.contexts`, which the walk left alone, into the walk's result. A context name
 * that holds an email or IP address is replaced as the walk replaces keys.
 */
export function scrubNamedContexts(context: ItemContext, event: object, walked: Patched): Patched {
  const contexts = (event as { contexts: Record<string, unknown> }).contexts;
  // Built whole, so that a replaced name keeps its place; used only if something changed.
  const copy: Record<string, unknown> = {};
  let changed = false;
  let meta: Record<string, unknown> | undefined;
  let numbers: Map<string, number> | undefined;
  for (const [name, value] of Object.entries(contexts)) {
    const scrubbed = context.runner.run(value, shapeOf(context, name, value));
    const renamed = CONTEXTS.fields?.has(name) === true ? undefined : context.keys?.scrub(name);
    let key = name;
    let valueMeta = scrubbed.meta;
    if (renamed !== undefined) {
      for (const rule of renamed.rules) {
        context.removed(rule);
      }
      numbers ??= new Map();
      key = uniqueKey(renamed.key, contexts, copy, numbers);
      valueMeta = keyRemarksMeta(valueMeta, renamed.distinctRules);
    }
    changed ||= key !== name || scrubbed.value !== value;
    setOwn(copy, key, scrubbed.value);
    if (valueMeta !== undefined) {
      meta ??= {};
      setOwn(meta, key, valueMeta);
    }
  }
  return {
    value: changed ? withValueAt(walked.value, ['contexts'], copy) : walked.value,
    meta: meta === undefined ? walked.meta : withMetaAt(walked.meta, ['contexts'], meta),
  };
}

function shapeOf(context: ItemContext, name: string, value: unknown): Shape {
  const known = CONTEXTS.fields?.get(name);
  if (known !== undefined) {
    return known;
  }
  // A sensitive name wins over a known type.
  const verdict = context.classifier.classify(name);
  const plain = verdict === KeyVerdict.Plain || verdict === KeyVerdict.Version;
  return plain && isKnownType(value) ? KNOWN_CONTEXT : valueShapeFor(verdict);
}

function isKnownType(value: unknown): boolean {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof value === 'object' && typeof type === 'string' && KNOWN_CONTEXT_TYPES.has(type);
}
