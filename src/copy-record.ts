/**
 * A shallow copy of a record's own enumerable properties, as `{ ...record }` makes it (symbol
 * keys too, `__proto__` as a plain key). Built key by key from an empty object: V8 then reuses
 * the shapes of earlier copies when keys are added to the copy, where adding a key to a spread
 * copy makes new shapes, some hundreds of bytes, every time.
 */
export function copyRecord(record: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in record) {
    if (Object.hasOwn(record, key)) {
      setOwn(copy, key, record[key]);
    }
  }
  for (const symbol of Object.getOwnPropertySymbols(record)) {
    if (Object.prototype.propertyIsEnumerable.call(record, symbol)) {
      (copy as Record<symbol, unknown>)[symbol] = (record as Record<symbol, unknown>)[symbol];
    }
  }
  return copy;
}

/**
 * Creates an own data property, as spreading and `Object.fromEntries` do: a key that
 * `Object.prototype` has (`__proto__`, a polluted one) is defined rather than assigned, so
 * that no inherited setter runs.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in Object.prototype) {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
