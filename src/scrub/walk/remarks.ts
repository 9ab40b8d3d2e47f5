import type { MetaNode } from '../meta/meta.ts';
import { LIMIT_RULE } from '../rules.ts';

// Meta nodes for values replaced, removed or cut as a whole, in Relay's remark format.

/** A value replaced whole by `replacement` (`s`: substituted). */
export function replacedMeta(rule: string, replacementLength: number, length?: number): MetaNode {
  const remark = [rule, 's', 0, replacementLength];
  return { '': length === undefined ? { rem: [remark] } : { rem: [remark], len: length } };
}

/** A field removed (`x`). */
export function removedMeta(rule: string, length?: number): MetaNode {
  return {
    '': length === undefined ? { rem: [[rule, 'x']] } : { rem: [[rule, 'x']], len: length },
  };
}

/** A value cut because of the depth or size limits. */
export function limitMeta(): MetaNode {
  return { '': { rem: [[LIMIT_RULE, 'x']] } };
}

/**
 * The rules named anywhere in a meta tree, each once, in the order they are first met, for a
 * body whose positions cannot be given.
 */
export function rulesOf(meta: MetaNode, rules: string[] = []): string[] {
  for (const key in meta) {
    if (!Object.hasOwn(meta, key)) {
      continue;
    }
    const node = meta[key];
    if (key !== '') {
      rulesOf(node as MetaNode, rules);
      continue;
    }
    for (const remark of (node as { rem?: unknown[][] }).rem ?? []) {
      const rule = String(remark[0]);
      if (!rules.includes(rule)) {
        rules.push(rule);
      }
    }
  }
  return rules;
}

/**
 * The meta of a value whose key was replaced (an email or IP address used as a key), with a
 * remark per rule added to the value's own. Sentry's `_meta` is keyed by the field name and
 * has no place for a change to the name itself: Relay does not scrub object keys, so there is
 * no convention to follow. The remark goes on the value under the new key, without positions
 * (they would be positions in the key, not in the value), so that Sentry marks the entry and
 * `--explain` lists it under its new name.
 */
export function keyRemarksMeta(meta: MetaNode | undefined, rules: readonly string[]): MetaNode {
  const added = rules.map((rule) => [rule, 's']);
  const leaf = meta?.[''] as { rem?: unknown[][] } | undefined;
  const node: MetaNode = { ...meta };
  node[''] =
    leaf === undefined ? { rem: added } : { ...leaf, rem: [...(leaf.rem ?? []), ...added] };
  return node;
}
