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
