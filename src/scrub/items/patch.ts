import { setOwn } from '../../copy-record.ts';
import type { MetaNode } from '../meta/meta.ts';

// Changes made after a walk, at known places in its result: the walked value shares whatever
// did not change with the application's objects, so every container on the way to a change is
// copied, never written to.

/** Where a value is in an item: property names and list positions. */
export type Path = readonly (string | number)[];

/** A walked item and the `_meta` of what was replaced in it. */
export interface Patched {
  readonly value: unknown;
  readonly meta: MetaNode | undefined;
}

/** The value at `path`, or `undefined` when something on the way is not a container. */
export function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A copy of `root` with `value` at `path`; containers on the way are copied, or created. */
export function withValueAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) {
    return value;
  }
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const container = typeof root === 'object' && root !== null ? root : {};
  const child = (container as Record<string | number, unknown>)[key];
  const copy: Record<string | number, unknown> = Array.isArray(container)
    ? (container.slice() as unknown as Record<number, unknown>)
    : { ...container };
  copy[key] = withValueAt(child, rest, value);
  return copy;
}

/** The meta node at `path` (list positions are keyed as strings, as Relay keys them). */
export function metaAt(meta: MetaNode | undefined, path: Path): MetaNode | undefined {
  return valueAt(meta, path.map(String)) as MetaNode | undefined;
}

/** A copy of `meta` with `node` at `path`, replacing what was there. */
export function withMetaAt(meta: MetaNode | undefined, path: Path, node: MetaNode): MetaNode {
  return withValueAt(meta ?? {}, path.map(String), node) as MetaNode;
}

/**
 * `meta` with its top-level keys in the order of `value`'s keys, so that removals are listed
 * in the item's order also where meta was added after the walk.
 */
export function metaInOrderOf(value: object, meta: MetaNode | undefined): MetaNode | undefined {
  if (meta === undefined) {
    return meta;
  }
  const ordered: MetaNode = {};
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(meta, key)) {
      setOwn(ordered, key, meta[key]);
    }
  }
  return { ...ordered, ...meta };
}
