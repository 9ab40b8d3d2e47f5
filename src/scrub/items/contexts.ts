import { setOwn } from '../../copy-record.ts';
import { KeyVerdict } from '../keys/classify.ts';
import { valueShapeFor } from '../shapes/api.ts';
import { CONTEXTS, KNOWN_CONTEXT, KNOWN_CONTEXT_TYPES } from '../shapes/contexts.ts';
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

/** Scrubs `event.contexts`, which the walk left alone, into the walk's result. */
export function scrubNamedContexts(context: ItemContext, event: object, walked: Patched): Patched {
  const contexts = (event as { contexts: Record<string, unknown> }).contexts;
  let copy: Record<string, unknown> | undefined;
  let meta: Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(contexts)) {
    const scrubbed = context.runner.run(value, shapeOf(context, name, value));
    if (scrubbed.value !== value) {
      copy ??= { ...contexts };
      setOwn(copy, name, scrubbed.value);
    }
    if (scrubbed.meta !== undefined) {
      meta ??= {};
      setOwn(meta, name, scrubbed.meta);
    }
  }
  return {
    value: copy === undefined ? walked.value : withValueAt(walked.value, ['contexts'], copy),
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
