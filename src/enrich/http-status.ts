import { ownDataValue } from './plain-value.ts';
import type { EnrichInput, EnrichmentTarget } from './types.ts';

/** The tag that carries the HTTP status of a user-caused error; Sentry uses the same name. */
export const HTTP_STATUS_TAG = 'http.status_code';

/**
 * Tags a user-caused event with its HTTP status, so alerts can tell a 404 from a 422. The
 * status is looked for on the captured error (`status`, `statusCode`, as set by http-errors,
 * Fastify, NestJS and most frameworks' HTTP errors), on its `response` (axios, got, ky),
 * and last in the `response` context the SDK's HTTP integration records.
 *
 * Causes are not searched: a cause's status is usually an upstream service's answer, not
 * the one the user got.
 */
export function enrichHttpStatus(input: EnrichInput, target: EnrichmentTarget): void {
  if (!input.userCaused) {
    return;
  }

  const status = statusOfError(input.hint.originalException) ?? statusOfEvent(input);
  if (status !== undefined) {
    target.addTag(HTTP_STATUS_TAG, String(status));
  }
}

function statusOfError(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }

  const own =
    httpStatus(ownDataValue(error, 'status')) ?? httpStatus(ownDataValue(error, 'statusCode'));
  if (own !== undefined) {
    return own;
  }

  // A fetch `Response` keeps `status` behind a getter on its prototype, so the response is
  // read with ordinary property access, guarded.
  const response = ownDataValue(error, 'response');
  return (
    httpStatus(readProperty(response, 'status')) ?? httpStatus(readProperty(response, 'statusCode'))
  );
}

function statusOfEvent(input: EnrichInput): number | undefined {
  const response: unknown = input.event.contexts?.response;
  return httpStatus(readProperty(response, 'status_code'));
}

/** A status code from 100 to 599, also when written as a string such as `"404"`. */
function httpStatus(value: unknown): number | undefined {
  const status = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
  if (typeof status !== 'number' || !Number.isInteger(status)) {
    return undefined;
  }
  return status >= 100 && status <= 599 ? status : undefined;
}

function readProperty(target: unknown, key: string): unknown {
  if (typeof target !== 'object' || target === null) {
    return undefined;
  }
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}
