// Tags given as a list rather than an object: `[name, value]` pairs, as stored events hold
// them, or `{ key, value }` objects, as Sentry's web API exports them.

/** The value of tag `key` in a tag list, or `undefined` when the list does not have it. */
export function tagInList(list: readonly unknown[], key: string): unknown {
  for (const entry of list) {
    const name = tagName(entry);
    if (name === key) {
      return tagValue(entry);
    }
  }
  return undefined;
}

/**
 * A copy of a tag list with tag `key` set to `value`: its entry replaced, or one appended in
 * the form of the list's first entry (a pair when the list is empty).
 */
export function withTagInList(list: readonly unknown[], key: string, value: unknown): unknown[] {
  const objects = isKeyedTag(list[0]);
  const entry = objects ? { key, value } : [key, value];
  const index = list.findIndex((existing) => tagName(existing) === key);
  const copy = list.slice();
  if (index === -1) {
    copy.push(entry);
  } else {
    copy[index] = isKeyedTag(list[index]) ? { ...(list[index] as object), value } : entry;
  }
  return copy;
}

function isKeyedTag(entry: unknown): entry is { key: unknown; value: unknown } {
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry);
}

function tagName(entry: unknown): unknown {
  if (Array.isArray(entry)) {
    return entry[0];
  }
  return isKeyedTag(entry) ? entry.key : undefined;
}

function tagValue(entry: unknown): unknown {
  if (Array.isArray(entry)) {
    return entry[1];
  }
  return isKeyedTag(entry) ? entry.value : undefined;
}
