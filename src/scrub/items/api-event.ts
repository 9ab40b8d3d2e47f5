import type { MetaNode } from '../meta/meta.ts';
import { entryMetaShape, entryShape, tagObjectShape, valueShapeFor } from '../shapes/api.ts';
import { ANY } from '../walk/shape.ts';
import { isPair } from '../walk/values.ts';
import type { ItemContext } from './context.ts';
import { messageEntrySite, scrubParameters } from './parameters/index.ts';
import { type Patched, valueAt, withMetaAt, withValueAt } from './patch.ts';

// The parts of an event exported from Sentry's web API that a shape cannot describe: each of
// its `entries` is `{ type, data }`, and `data` has the shape of the native part `type` names;
// its `tags` are `{ key, value }`, and the value is judged by the key. Events from the SDKs
// have neither, and cost one look at two fields.

/** Whether an event's `tags` are a list holding a `{ key, value }` tag. */
export function hasTagList(event: object): boolean {
  const tags = (event as { tags?: unknown }).tags;
  return Array.isArray(tags) && tags.some(isTagObject);
}

/**
 * Scrubs the `entries` of an event, their `_meta`, and its tag list when `tagList` says it has
 * one (the walk left it to this step), into the walk's result.
 */
export function scrubApiParts(
  context: ItemContext,
  event: object,
  walked: Patched,
  tagList: boolean,
): Patched {
  const { entries, tags } = event as { entries?: unknown; tags?: unknown };
  let patched = walked;
  if (Array.isArray(entries)) {
    patched = scrubEntries(context, entries, patched);
    patched = scrubEntriesMeta(context, entries, patched);
  }
  if (tagList && Array.isArray(tags)) {
    patched = scrubTagList(context, tags, patched);
  }
  return patched;
}

function scrubEntries(context: ItemContext, entries: unknown[], patched: Patched): Patched {
  return scrubList(patched, ['entries'], entries, (entry) => {
    const type = (entry as { type?: unknown } | null)?.type;
    const walked = context.runner.run(entry, entryShape(type));
    const site = type === 'message' ? messageEntrySite(walked.value) : undefined;
    return site === undefined ? walked : scrubParameters(context.parameters, entry, walked, site);
  });
}

// `_meta.entries` is keyed by the position of each entry.
function scrubEntriesMeta(context: ItemContext, entries: unknown[], patched: Patched): Patched {
  const path = ['_meta', 'entries'];
  const meta = valueAt(patched.value, path);
  if (typeof meta !== 'object' || meta === null) {
    return patched;
  }

  let result = patched;
  entries.forEach((entry, index) => {
    const node = (meta as Record<string, unknown>)[String(index)];
    if (typeof node !== 'object' || node === null) {
      return;
    }
    const type = (entry as { type?: unknown } | null)?.type;
    const scrubbed = context.runner.run(node, entryMetaShape(type));
    if (scrubbed.value !== node) {
      result = { ...result, value: withValueAt(result.value, [...path, index], scrubbed.value) };
    }
    if (scrubbed.meta !== undefined) {
      result = { ...result, meta: withMetaAt(result.meta, [...path, index], scrubbed.meta) };
    }
  });
  return result;
}

function scrubTagList(context: ItemContext, tags: unknown[], patched: Patched): Patched {
  return scrubList(patched, ['tags'], tags, (tag) => {
    if (isPair(tag)) {
      const [key, value] = tag;
      const scrubbed = context.runner.run(value, valueShapeFor(context.classifier.classify(key)));
      return {
        value: scrubbed.value === value ? tag : [key, scrubbed.value],
        meta: scrubbed.meta === undefined ? undefined : { '1': scrubbed.meta },
      };
    }
    if (isTagObject(tag)) {
      return context.runner.run(tag, tagObjectShape(context.classifier.classify(tag.key)));
    }
    return context.runner.run(tag, ANY);
  });
}

/** Scrubs each element of a list the walk left alone, and puts the changed ones in place. */
function scrubList(
  patched: Patched,
  path: readonly string[],
  list: readonly unknown[],
  scrub: (element: unknown) => Patched,
): Patched {
  let copy: unknown[] | undefined;
  let meta: MetaNode | undefined;
  list.forEach((element, index) => {
    const scrubbed = scrub(element);
    if (scrubbed.value !== element) {
      copy ??= list.slice();
      copy[index] = scrubbed.value;
    }
    if (scrubbed.meta !== undefined) {
      meta ??= {};
      meta[String(index)] = scrubbed.meta;
    }
  });
  return {
    value: copy === undefined ? patched.value : withValueAt(patched.value, path, copy),
    meta: meta === undefined ? patched.meta : withMetaAt(patched.meta, path, meta),
  };
}

function isTagObject(value: unknown): value is { key: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { key?: unknown }).key === 'string'
  );
}
