import type { Removal } from '../index.ts';
import type { MetaLeaf, MetaNode } from './meta.ts';

// Previews are for reading on a terminal, not for reconstructing the value.
const PREVIEW_LENGTH = 80;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Lists what the meta this filter recorded says was removed, one entry per remark, with the
 * path in dot and bracket notation and a preview taken from the scrubbed value, so it never
 * shows what was removed.
 */
export function collectRemovals(
  meta: MetaNode | undefined,
  output: unknown,
  removals: Removal[],
  options: { readonly prefix?: string; readonly item?: number } = {},
): void {
  if (meta === undefined) {
    return;
  }
  visit(meta, output, options.prefix ?? '', (path, leaf, value) => {
    for (const remark of leaf.rem ?? []) {
      const removal: Removal = {
        path,
        rule: String(remark[0]),
        preview: previewOf(value),
        ...(options.item === undefined ? {} : { item: options.item }),
      };
      removals.push(removal);
    }
  });
}

function visit(
  meta: MetaNode,
  value: unknown,
  path: string,
  onLeaf: (path: string, leaf: MetaLeaf, value: unknown) => void,
): void {
  for (const [key, node] of Object.entries(meta)) {
    if (key === '') {
      onLeaf(path, node as MetaLeaf, value);
      continue;
    }
    const container = value as Record<string, unknown> | undefined;
    const child = typeof container === 'object' && container !== null ? container[key] : undefined;
    visit(node as MetaNode, child, joinPath(path, key, Array.isArray(value)), onLeaf);
  }
}

/** `request.headers["X-Api-Key"]`, `exception.values[0].value`. */
export function joinPath(path: string, key: string, inList: boolean): string {
  if (inList) {
    return `${path}[${key}]`;
  }
  if (IDENTIFIER.test(key)) {
    return path === '' ? key : `${path}.${key}`;
  }
  return `${path}[${JSON.stringify(key)}]`;
}

function previewOf(value: unknown): string {
  if (value === undefined) {
    return '(removed)';
  }
  // A replaced key's remark sits on its value, which can be an object, even one without a
  // prototype that `String()` cannot convert.
  if (typeof value === 'object' && value !== null) {
    return Array.isArray(value) ? '[Array]' : '[Object]';
  }
  const text = typeof value === 'string' ? value : String(value);
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 3)}...` : text;
}
