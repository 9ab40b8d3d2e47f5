import { getClient, setNormalizationDepthOverrideHint } from '@sentry/core';
import type { ChainLink } from './error-chain.ts';
import {
  createBudget,
  ownDataEntries,
  PLAIN_VALUE_LIMITS,
  toPlainValue,
  type ValueBudget,
} from './plain-value.ts';
import type { EnrichInput, Enrichment } from './types.ts';

/** The context that carries the own properties of the captured error and its causes. */
export const ERROR_PROPERTIES_CONTEXT = 'error_properties';

// Left out because the event already shows them: `name`, `message` and `stack` are in
// `exception.values`, `cause` is followed as a link. The rest are the position fields WebKit
// (`line`, `column`, `sourceURL`) and Firefox (`fileName`, `lineNumber`, `columnNumber`) put
// on errors, which the stack trace carries too; the SDK's ExtraErrorData skips the same.
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
]);

// The SDK normalizes contexts to `normalizeDepth` (3 by default), which would flatten a
// cause's nested properties to `[Object]`. Our own limits already bound the context, so it
// asks for exactly the depth it has: the context, one entry per cause, then the values.
const CONTEXT_DEPTH = PLAIN_VALUE_LIMITS.depth + 2;

// The name the SDK's extraErrorDataIntegration registers under.
const EXTRA_ERROR_DATA = 'ExtraErrorData';

/**
 * Adds the `error_properties` context: the captured error's own properties at the top
 * (`code`, `errno`, `syscall`, `address`, `port`, `statusCode`...), and those of each cause
 * under its path (`cause`, `cause.cause`, `errors[0]`). Values are copied within
 * {@link PLAIN_VALUE_LIMITS}; functions, accessors and unreadable properties are left out.
 *
 * When the SDK's ExtraErrorData integration is installed it already puts the captured error
 * and its direct cause on the event, so only the deeper causes are added here.
 */
export function enrichErrorProperties(input: EnrichInput): Enrichment | undefined {
  const chain = input.chain();
  if (chain.length === 0) {
    return undefined;
  }

  const covered = hasExtraErrorData() ? new Set(['', 'cause']) : new Set<string>();
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

  if (Object.keys(context).length === 0) {
    return undefined;
  }
  setNormalizationDepthOverrideHint(context, CONTEXT_DEPTH);
  return { contexts: { [ERROR_PROPERTIES_CONTEXT]: context } };
}

function ownProperties(link: ChainLink, budget: ValueBudget): Record<string, unknown> | undefined {
  const properties: Record<string, unknown> = {};
  for (const [key, value] of ownDataEntries(link.value as object)) {
    if (SKIPPED_KEYS.has(key) || link.linkKeys.has(key)) {
      continue;
    }
    const plain = toPlainValue(value, budget);
    if (plain !== undefined) {
      properties[key] = plain;
    }
  }
  return Object.keys(properties).length === 0 ? undefined : properties;
}

function hasExtraErrorData(): boolean {
  return getClient()?.getIntegrationByName(EXTRA_ERROR_DATA) !== undefined;
}
