// The `source` getter reads a slot only regular expressions have, whatever realm made them.
const readSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source')?.get;

/**
 * Whether a value is a regular expression, also one made in another realm (`node:vm`, an
 * iframe), which `instanceof RegExp` refuses. A look-alike (a proxy, an object that only
 * claims the tag) is not one.
 */
export function isRegExp(value: unknown): value is RegExp {
  if (typeof value !== 'object' || value === null || value === RegExp.prototype) {
    return false;
  }
  try {
    readSource?.call(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * A regular expression of our own with the same pattern and flags: the application may have
 * frozen its own (a global or sticky one then cannot be run), or use it elsewhere, where the
 * position a global one keeps between calls must not move under it.
 */
export function copyRegExp(pattern: RegExp): RegExp {
  return new RegExp(pattern);
}
