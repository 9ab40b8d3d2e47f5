/**
 * Turns values read off an error into small, JSON-safe data, without running the
 * application's code: accessors are skipped, and only plain objects and arrays are walked.
 * Whatever cannot be read (a throwing proxy trap, a revoked proxy) is left out.
 */
import { SAFE_CUT_LENGTH } from '../scrub/index.ts';

/** Bounds for what one event may carry from the errors it was captured with. */
export const PLAIN_VALUE_LIMITS = {
  /** Levels of nesting kept inside one property; deeper objects become `[Object]`. */
  depth: 3,
  /** Properties kept per object. */
  keys: 50,
  /** Items kept per array. */
  items: 20,
  /**
   * Characters kept per string; longer ones end in `…`. Enrichment runs before scrubbing, so
   * a cut here could leave part of a secret the scrubber no longer recognises
   * (`postgres://app:Sup…`). Strings are cut no shorter than the scrubber's safe cut: the
   * scrubber cuts long strings itself, after reading past its cut, and what is cut here lies
   * beyond all it would read.
   */
  stringLength: SAFE_CUT_LENGTH,
  /** Values kept across one whole context, so that wide and deep data stay bounded together. */
  values: 500,
  /**
   * Characters kept across one whole context. A string that no longer fits is left out whole,
   * with a note of its length, never cut.
   */
  characters: 262_144,
} as const;

/** How many values and characters may still be added; shared by every call for one context. */
export interface ValueBudget {
  remaining: number;
  characters: number;
}

export function createBudget(): ValueBudget {
  return { remaining: PLAIN_VALUE_LIMITS.values, characters: PLAIN_VALUE_LIMITS.characters };
}

/** Returned by {@link ownEnumerableDataValue} for a property that is not one. */
export const NOT_DATA: unique symbol = Symbol('not data');

/**
 * The own keys of an object, or none when they cannot be read. Not `Object.keys`: on a proxy,
 * one throwing descriptor trap would lose every key.
 */
export function ownKeys(target: object): readonly (string | symbol)[] {
  try {
    return Reflect.ownKeys(target);
  } catch {
    return [];
  }
}

/**
 * Reads one own enumerable data property, or {@link NOT_DATA} when it is missing, not
 * enumerable, an accessor (whose getter is the application's code) or unreadable.
 */
export function ownEnumerableDataValue(target: object, key: string): unknown {
  try {
    if (!Object.prototype.propertyIsEnumerable.call(target, key) || isAccessor(target, key)) {
      return NOT_DATA;
    }
    return (target as Record<string, unknown>)[key];
  } catch {
    return NOT_DATA;
  }
}

/** Reads one own data property, or `undefined` when it is missing, an accessor or unreadable. */
export function ownDataValue(target: object, key: string): unknown {
  try {
    if (!Object.hasOwn(target, key) || isAccessor(target, key)) {
      return undefined;
    }
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

// Annex B's accessor lookups tell an accessor from a data property without making a
// descriptor object, which matters on a path that runs for every event. For an own property
// they look no further than the object itself.
const lookupGetter = (Object.prototype as unknown as LegacyAccessors).__lookupGetter__;
const lookupSetter = (Object.prototype as unknown as LegacyAccessors).__lookupSetter__;

interface LegacyAccessors {
  __lookupGetter__(this: object, key: string): unknown;
  __lookupSetter__(this: object, key: string): unknown;
}

/** Whether an own property is an accessor. */
export function isAccessor(target: object, key: string): boolean {
  return (
    lookupGetter.call(target, key) !== undefined || lookupSetter.call(target, key) !== undefined
  );
}

/**
 * A bounded, JSON-safe copy of `value`, or `undefined` when it adds nothing (empty, a
 * function, unreadable, or over budget).
 */
export function toPlainValue(value: unknown, budget: ValueBudget, depth = 0): unknown {
  if (budget.remaining <= 0) {
    return undefined;
  }

  // Taken before the children are converted, so a container cannot overdraw the budget.
  budget.remaining -= 1;
  let plain: unknown;
  try {
    plain = convert(value, budget, depth);
  } catch {
    plain = undefined;
  }
  if (plain === undefined) {
    budget.remaining += 1;
  }
  return plain;
}

function convert(value: unknown, budget: ValueBudget, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return value === '' ? undefined : withinBudget(truncate(value), budget);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return withinBudget(truncate(value.toString()), budget);
    case 'object':
      return value === null ? undefined : convertObject(value, budget, depth);
    default:
      // undefined and functions add nothing.
      return undefined;
  }
}

function convertObject(value: object, budget: ValueBudget, depth: number): unknown {
  if (Array.isArray(value)) {
    return depth >= PLAIN_VALUE_LIMITS.depth ? '[Array]' : convertArray(value, budget, depth);
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  }
  if (ArrayBuffer.isView(value)) {
    return `[${className(value)}(${value.byteLength} bytes)]`;
  }

  const name = className(value);
  if (name !== 'Object') {
    // Class instances (sockets, requests, errors, buffers...) are named, not walked: they
    // can be huge, and reading them may run the application's getters.
    return `[${name}]`;
  }
  if (depth >= PLAIN_VALUE_LIMITS.depth) {
    return '[Object]';
  }

  const copy: Record<string, unknown> = {};
  let found = 0;
  let copied = 0;
  for (const key of ownKeys(value)) {
    if (found >= PLAIN_VALUE_LIMITS.keys) {
      break;
    }
    const item = typeof key === 'string' ? ownEnumerableDataValue(value, key) : NOT_DATA;
    if (item === NOT_DATA) {
      continue;
    }
    found++;
    const plain = toPlainValue(item, budget, depth + 1);
    if (plain !== undefined) {
      copy[key as string] = plain;
      // A `__proto__` key sets the copy's prototype instead, and adds no key.
      copied += Object.hasOwn(copy, key) ? 1 : 0;
    }
  }
  return copied === 0 ? undefined : copy;
}

function convertArray(value: readonly unknown[], budget: ValueBudget, depth: number): unknown {
  const items: unknown[] = [];
  const length = Math.min(value.length, PLAIN_VALUE_LIMITS.items);
  for (let index = 0; index < length; index++) {
    const plain = toPlainValue(ownDataValue(value, String(index)), budget, depth + 1);
    if (plain !== undefined) {
      items.push(plain);
    }
  }
  return items.length === 0 ? undefined : items;
}

/**
 * The name of the class an object was made by, or `Object` for plain objects (also from
 * another realm, and with a null prototype). Read through descriptors, so no getter runs.
 */
function className(value: object): string {
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === null) {
    return 'Object';
  }

  const owner: unknown = Object.getOwnPropertyDescriptor(prototype, 'constructor')?.value;
  const name: unknown =
    typeof owner === 'function' ? Object.getOwnPropertyDescriptor(owner, 'name')?.value : undefined;
  if (typeof name !== 'string' || name === '') {
    return 'anonymous';
  }
  // A plain object's prototype is the root of its chain; a class merely named `Object` is not.
  const isRoot = Object.getPrototypeOf(prototype) === null;
  return name === 'Object' && !isRoot ? 'Object subclass' : name;
}

function withinBudget(text: string, budget: ValueBudget): string {
  if (text.length > budget.characters) {
    return `[${text.length} characters left out]`;
  }
  budget.characters -= text.length;
  return text;
}

function truncate(text: string): string {
  const limit = PLAIN_VALUE_LIMITS.stringLength;
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
