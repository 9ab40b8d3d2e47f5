/** A parameter's text as it is written into a message; `undefined` for objects and lists. */
export function textOf(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'object':
      return value === null ? 'null' : stringOf(value);
    default:
      return undefined;
  }
}

/** A string, or the text of a `String` object (Sentry's `parameterize` returns one). */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return value instanceof String ? value.valueOf() : undefined;
}
