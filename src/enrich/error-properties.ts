import { getClient, setNormalizationDepthOverrideHint } from '@sentry/core';
import type { ChainLink } from './error-chain.ts';
import {
  createBudget,
  NOT_DATA,
  ownEnumerableDataValue,
  ownKeys,
  PLAIN_VALUE_LIMITS,
  toPlainValue,
  type ValueBudget,
} from './plain-value.ts';
import type { EnrichInput, EnrichmentTarget } from './types.ts';

/** The context that carries the own properties of the captured error and its causes. */
export const ERROR_PROPERTIES_CONTEXT = 'error_properties';

// Left out because the event already shows them: `name`, `message` and `stack` are in
// `exception.values`, `cause` is followed as a link. The rest are the position fields WebKit
// (`line`, `column`, `sourceURL`) and Firefox (`fileName`, `lineNumber`, `columnNumber`) put
// on errors, which the stack trace carries too; the SDK's ExtraErrorData skips the same.
// Also left out: what the SDK itself puts on an error, such as the frames' variables its local
// variables integration hands over there (and takes off when its processor runs, after ours):
// the stack trace shows them.
const SKIPPED_KEYS = new Set([
  'name',
  'message',
  'stack',
  'cause',
  'line',
  'column',
  'sourceURL',
  'fileName',
  'lineNumber',
  'columnNumber',
  '__SENTRY_ERROR_LOCAL_VARIABLES__',
]);

// The SDK normalizes contexts to `normalizeDepth` (3 by default), which would flatten a
// cause's nested properties to `[Object]`. Our own limits already bound the context, so it
// asks for exactly the depth it has: the context, one entry per cause, then the values.
const CONTEXT_DEPTH = PLAIN_VALUE_LIMITS.depth + 2;

// The name the SDK's extraErrorDataIntegration registers under.
const EXTRA_ERROR_DATA = 'ExtraErrorData';
// The links that integration already puts on the event: the captured error and its cause.
const COVERED_BY_EXTRA_ERROR_DATA: ReadonlySet<string> = new Set(['', 'cause']);
const NOTHING_COVERED: ReadonlySet<string> = new Set();

/**
 * Adds the `error_properties` context: the captured error's own properties at the top
 * (`code`, `errno`, `syscall`, `address`, `port`, `statusCode`...), and those of each cause
 * under its path (`cause`, `cause.cause`, `errors[0]`). Values are copied within
 * {@link PLAIN_VALUE_LIMITS}; functions, accessors and unreadable properties are left out.
 *
 * When the SDK's ExtraErrorData integration is installed it already puts the captured error
 * and its direct cause on the event, so only the deeper causes are added here.
 */
export function enrichErrorProperties(input: EnrichInput, target: EnrichmentTarget): void {
  const chain = input.chain();
  if (chain.length === 0) {
    return;
  }

  const covered = hasExtraErrorData() ? COVERED_BY_EXTRA_ERROR_DATA : NOTHING_COVERED;
  const budget = createBudget();
  const context: Record<string, unknown> = {};

  for (const link of chain) {
    if (covered.has(link.path)) {
      continue;
    }
    if (link.path === '') {
      Object.assign(context, ownProperties(link, budget));
      continue;
    }
    const value = link.isError ? ownProperties(link, budget) : toPlainValue(link.value, budget);
    if (value !== undefined && !(link.path in context)) {
      context[link.path] = value;
    }
  }

  if (isEmptyRecord(context)) {
    return;
  }
  setNormalizationDepthOverrideHint(context, CONTEXT_DEPTH);
  target.addContext(ERROR_PROPERTIES_CONTEXT, context);
}

function ownProperties(link: ChainLink, budget: ValueBudget): Record<string, unknown> | undefined {
  const error = link.value as object;
  const remaining = budget.remaining;
  try {
    return enumerableProperties(error, link, budget);
  } catch {
    // A proxy whose traps throw: its keys one by one, each on its own.
    budget.remaining = remaining;
    return keyedProperties(error, link, budget);
  }
}

/** The first own enumerable data properties, found with `for...in`; may throw on a proxy. */
function enumerableProperties(
  error: object,
  link: ChainLink,
  budget: ValueBudget,
): Record<string, unknown> | undefined {
  const properties: Collected = { found: 0, properties: undefined };
  for (const key in error) {
    if (properties.found >= PLAIN_VALUE_LIMITS.keys) {
      break;
    }
    if (Object.hasOwn(error, key)) {
      collect(properties, error, key, link, budget);
    }
  }
  return finished(properties);
}

/** The same, from every own key, read one at a time: nothing a trap throws escapes. */
function keyedProperties(
  error: object,
  link: ChainLink,
  budget: ValueBudget,
): Record<string, unknown> | undefined {
  const properties: Collected = { found: 0, properties: undefined };
  for (const key of ownKeys(error)) {
    if (properties.found >= PLAIN_VALUE_LIMITS.keys) {
      break;
    }
    if (typeof key === 'string') {
      collect(properties, error, key, link, budget);
    }
  }
  return finished(properties);
}

interface Collected {
  /** Own enumerable data properties seen, kept or not. */
  found: number;
  properties: Record<string, unknown> | undefined;
}

function collect(
  into: Collected,
  error: object,
  key: string,
  link: ChainLink,
  budget: ValueBudget,
): void {
  const value = ownEnumerableDataValue(error, key);
  if (value === NOT_DATA) {
    return;
  }
  into.found++;
  if (SKIPPED_KEYS.has(key) || link.linkKeys.has(key)) {
    return;
  }
  const plain = toPlainValue(value, budget);
  if (plain !== undefined) {
    into.properties ??= {};
    into.properties[key] = plain;
  }
}

function finished(collected: Collected): Record<string, unknown> | undefined {
  const { properties } = collected;
  return properties === undefined || isEmptyRecord(properties) ? undefined : properties;
}

// A `__proto__` key sets an object's prototype instead of adding a key.
function isEmptyRecord(record: Record<string, unknown>): boolean {
  for (const key in record) {
    if (Object.hasOwn(record, key)) {
      return false;
    }
  }
  return true;
}

function hasExtraErrorData(): boolean {
  return getClient()?.getIntegrationByName(EXTRA_ERROR_DATA) !== undefined;
}
