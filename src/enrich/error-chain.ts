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

  const seen = new Set<unknown>([captured]);
  const chain: ChainLink[] = [];
  const queue: { path: string; value: unknown }[] = [{ path: '', value: captured }];

  while (queue.length > 0 && chain.length < MAX_CHAIN_LENGTH) {
    const { path, value } = queue.shift() as { path: string; value: unknown };
    if (!isErrorValue(value)) {
      chain.push({ path, value, isError: false, linkKeys: new Set() });
      continue;
    }

    const links = linkedValues(value as object);
    chain.push({ path, value, isError: true, linkKeys: new Set(links.map((link) => link.key)) });
    for (const link of links) {
      if (seen.has(link.value)) {
        continue;
      }
      seen.add(link.value);
      queue.push({ path: joinPath(path, link.suffix), value: link.value });
    }
  }

  return chain;
}

/** Tells whether a value is an error, also from another realm; hostile proxies are not. */
export function isErrorValue(value: unknown): value is object {
  try {
    return typeof value === 'object' && value !== null && isError(value);
  } catch {
    return false;
  }
}

interface Link {
  /** The own property it was read from. */
  readonly key: string;
  /** How it is written in a path: `cause`, `errors[0]`. */
  readonly suffix: string;
  readonly value: unknown;
}

/**
 * Reads links through own data properties only, as the SDK's own `cause` handling does in
 * effect for errors built with `new Error(message, { cause })`; no getter runs.
 */
function linkedValues(error: object): Link[] {
  const links: Link[] = [];

  const cause = ownDataValue(error, 'cause');
  if (cause !== undefined && cause !== null) {
    links.push({ key: 'cause', suffix: 'cause', value: cause });
  }

  const originalError = ownDataValue(error, 'originalError');
  if (isErrorValue(originalError)) {
    links.push({ key: 'originalError', suffix: 'originalError', value: originalError });
  }

  const errors = aggregatedErrors(ownDataValue(error, 'errors'));
  errors.forEach((value, index) => {
    links.push({ key: 'errors', suffix: `errors[${index}]`, value });
  });

  return links;
}

/**
 * The items of an `errors` array when they are errors. Validation libraries also use
 * `errors` for lists of messages or field problems; those stay ordinary properties.
 */
function aggregatedErrors(value: unknown): unknown[] {
  if (!isArray(value)) {
    return [];
  }

  const items: unknown[] = [];
  const length = Math.min(value.length, MAX_CHAIN_LENGTH);
  for (let index = 0; index < length; index++) {
    items.push(ownDataValue(value, String(index)));
  }
  return items.length > 0 && items.every(isErrorValue) ? items : [];
}

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
