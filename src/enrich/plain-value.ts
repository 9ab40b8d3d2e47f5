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

/**
 * The own enumerable data properties of an object, in order, up to the key limit. A
 * property whose descriptor cannot be read is skipped; so are accessors, whose getters are
 * the application's code.
 */
export function ownDataEntries(target: object): [string, unknown][] {
  let keys: (string | symbol)[];
  try {
    // Not `Object.keys`: on a proxy, one throwing descriptor trap would lose every key.
    keys = Reflect.ownKeys(target);
  } catch {
    return [];
  }

  const entries: [string, unknown][] = [];
  for (const key of keys) {
    if (entries.length >= PLAIN_VALUE_LIMITS.keys) {
      break;
    }
    if (typeof key !== 'string') {
      continue;
    }
    const descriptor = readDescriptor(target, key);
    if (descriptor?.enumerable === true && 'value' in descriptor) {
      entries.push([key, descriptor.value]);
    }
  }
  return entries;
}

/** Reads one own data property, or `undefined` when it is missing, an accessor or unreadable. */
export function ownDataValue(target: object, key: string): unknown {
  const descriptor = readDescriptor(target, key);
  return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
}

function readDescriptor(target: object, key: string): PropertyDescriptor | undefined {
  try {
    return Object.getOwnPropertyDescriptor(target, key);
  } catch {
    return undefined;
  }
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
  for (const [key, item] of ownDataEntries(value)) {
    const plain = toPlainValue(item, budget, depth + 1);
    if (plain !== undefined) {
      copy[key] = plain;
    }
  }
  return Object.keys(copy).length === 0 ? undefined : copy;
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
