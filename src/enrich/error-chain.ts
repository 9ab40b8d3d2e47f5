import { isError } from '@sentry/core';
import { ownDataValue } from './plain-value.ts';

/** One error of the chain the event was captured with, or a non-error value given as cause. */
export interface ChainLink {
  /** Where it hangs from the captured error: `''` for that error, `cause`, `errors[1].cause`. */
  readonly path: string;
  readonly value: unknown;
  readonly isError: boolean;
  /** Own properties of this error that link to further errors, so they are not listed twice. */
  readonly linkKeys: ReadonlySet<string>;
}

/** Errors followed from one captured error; long chains are cut here. */
export const MAX_CHAIN_LENGTH = 10;

/**
 * The captured error and its causes, breadth first, nearest first: `cause`, GraphQL's
 * `originalError` and `AggregateError.errors` (any error whose `errors` holds errors, as
 * Node's `net` module throws for failed connection attempts). Each error appears once, so
 * cycles end. Non-error causes are listed but not followed. Nothing when the captured value
 * is not an error: the SDK already serializes thrown plain objects into `extra`.
 */
export function errorChain(captured: unknown): ChainLink[] {
  if (!isErrorValue(captured)) {
    return [];
  }

  const chain: ChainLink[] = [];
  // Paths and values still to read, two slots each, in the order they were found.
  const queue: unknown[] = ['', captured];
  let head = 0;

  while (head < queue.length && chain.length < MAX_CHAIN_LENGTH) {
    const path = queue[head] as string;
    const value = queue[head + 1];
    head += 2;
    if (!isErrorValue(value)) {
      chain.push({ path, value, isError: false, linkKeys: LINK_KEYS[0] as ReadonlySet<string> });
      continue;
    }
    const linkKeys = followLinks(value, path, queue);
    chain.push({
      path,
      value,
      isError: true,
      linkKeys: LINK_KEYS[linkKeys] as ReadonlySet<string>,
    });
  }

  return chain;
}

// The own properties that link to further errors, one bit each, and the sets of their names.
const CAUSE = 1;
const ORIGINAL_ERROR = 2;
const ERRORS = 4;
const LINK_KEYS: readonly ReadonlySet<string>[] = Array.from(
  { length: 8 },
  (_, bits) =>
    new Set(
      [
        bits & CAUSE ? 'cause' : '',
        bits & ORIGINAL_ERROR ? 'originalError' : '',
        bits & ERRORS ? 'errors' : '',
      ].filter((key) => key !== ''),
    ),
);

/**
 * Reads the links of one error through own data properties only, as the SDK's own `cause`
 * handling does in effect for errors built with `new Error(message, { cause })`; no getter
 * runs. Queues each linked value not found before, and returns which properties link.
 */
function followLinks(error: object, path: string, queue: unknown[]): number {
  let keys = 0;

  const cause = ownDataValue(error, 'cause');
  if (cause !== undefined && cause !== null) {
    keys |= CAUSE;
    enqueue(queue, path, 'cause', cause);
  }

  const originalError = ownDataValue(error, 'originalError');
  if (isErrorValue(originalError)) {
    keys |= ORIGINAL_ERROR;
    enqueue(queue, path, 'originalError', originalError);
  }

  const errors = aggregatedErrors(ownDataValue(error, 'errors'));
  for (let index = 0; index < errors.length; index++) {
    keys |= ERRORS;
    enqueue(queue, path, `errors[${index}]`, errors[index]);
  }

  return keys;
}

// Each value is queued once, so cycles end; the queue is short (see MAX_CHAIN_LENGTH).
function enqueue(queue: unknown[], path: string, suffix: string, value: unknown): void {
  for (let index = 1; index < queue.length; index += 2) {
    if (queue[index] === value) {
      return;
    }
  }
  queue.push(joinPath(path, suffix), value);
}

/** Tells whether a value is an error, also from another realm; hostile proxies are not. */
export function isErrorValue(value: unknown): value is object {
  try {
    return typeof value === 'object' && value !== null && isError(value);
  } catch {
    return false;
  }
}

/**
 * The items of an `errors` array when they are errors. Validation libraries also use
 * `errors` for lists of messages or field problems; those stay ordinary properties.
 */
function aggregatedErrors(value: unknown): readonly unknown[] {
  if (!isArray(value)) {
    return NO_ERRORS;
  }

  const items: unknown[] = [];
  const length = Math.min(value.length, MAX_CHAIN_LENGTH);
  for (let index = 0; index < length; index++) {
    items.push(ownDataValue(value, String(index)));
  }
  return items.length > 0 && items.every(isErrorValue) ? items : NO_ERRORS;
}

const NO_ERRORS: readonly unknown[] = Object.freeze([]);

function joinPath(path: string, suffix: string): string {
  return path === '' ? suffix : `${path}.${suffix}`;
}

/** `Array.isArray` throws for a revoked proxy; such a value is no list. */
function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}
