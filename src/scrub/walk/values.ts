/** What a class instance becomes before it is walked. */
export interface Converted {
  readonly value: unknown;
  /** Walk the instance's own enumerable properties (`value` is the instance itself). */
  readonly walk: boolean;
}

const OBJECT_PROTOTYPE = Object.prototype;
const toStringTag = (value: object): string => Object.prototype.toString.call(value);

/** Whether a value is a plain object: created by `{}`, `JSON.parse` or `Object.create(null)`. */
export function isPlainPrototype(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === OBJECT_PROTOTYPE || prototype === null;
}

/**
 * Turns an instance of a class into data the way it would be sent: a `Date` into its ISO
 * string, a `Map` into an object, a `Set` into a list, an `Error` into its name, message and
 * stack, binary data into a note of its size (bytes can hold anything and are not scanned),
 * boxed primitives into primitives. Other instances are walked by their own properties, like
 * `JSON.stringify` does, after `toJSON()` if they have one.
 */
export function convertInstance(value: object): Converted {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return data(`[Binary: ${value.byteLength} bytes]`);
  }

  switch (toStringTag(value)) {
    case '[object Date]': {
      const time = (value as Date).getTime();
      return data(Number.isNaN(time) ? null : new Date(time).toISOString());
    }
    case '[object Map]':
      return data(
        Object.fromEntries([...(value as Map<unknown, unknown>)].map(([k, v]) => [keyName(k), v])),
      );
    case '[object Set]':
      return data([...(value as Set<unknown>)]);
    case '[object Error]': {
      const error = value as Error;
      return data({ name: error.name, message: error.message, stack: error.stack });
    }
    case '[object RegExp]':
      return data(String(value));
    case '[object String]':
    case '[object Number]':
    case '[object Boolean]':
      return data((value as { valueOf(): unknown }).valueOf());
    case '[object Promise]':
    case '[object WeakMap]':
    case '[object WeakSet]':
    case '[object WeakRef]':
      return data(toStringTag(value));
    default:
      break;
  }

  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    return data(toJSON.call(value));
  }
  return { value, walk: true };
}

// A Map key as an object key: its string form, or its type when it has none
// (`Object.create(null)`).
function keyName(key: unknown): string {
  try {
    return String(key);
  } catch {
    return toStringTag(key as object);
  }
}

function data(value: unknown): Converted {
  return { value, walk: false };
}

/** Whether `Object.prototype` has enumerable properties (prototype pollution). */
export function hasEnumerableKeys(value: object): boolean {
  for (const _ in value) {
    return true;
  }
  return false;
}

/** A `[name, value]` element of a map given as a list. */
export function isPair(value: unknown): value is [string, unknown] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string';
}

/**
 * Whether a number may be a card number held as a number: 13 to 19 digits. Beyond 2^53 a
 * number has lost digits, but a BigInt has not.
 */
export function isCardSized(value: number | bigint): boolean {
  if (typeof value === 'bigint') {
    return value >= 1_000_000_000_000n && value < 10_000_000_000_000_000_000n;
  }
  return Number.isSafeInteger(value) && value >= 1_000_000_000_000;
}
