/** Tells whether a parsed value is a JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Describes a parsed value by its kind, never by its content. */
export function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) && Math.abs(value) < 1e15 ? String(value) : 'a number';
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Describes an item header's `type` that is not a non-empty string. */
export function describeType(type: unknown): string {
  return type === undefined ? 'none' : type === '' ? 'an empty string' : describeValue(type);
}

/** A byte as hex, with the character when it is printable ASCII. */
export function describeByte(byte: number): string {
  const hex = `0x${byte.toString(16).padStart(2, '0')}`;
  return byte > 0x20 && byte < 0x7f ? `${hex} ('${String.fromCharCode(byte)}')` : hex;
}
