import type { Event } from '@sentry/core';
import type { Check, Observed, Secret, SentLog } from './scenario.ts';

/** Builds a check. */
export function check(text: string, passed: boolean, detail?: string): Check {
  return detail === undefined || passed ? { text, passed } : { text, passed, detail };
}

/** The captured exception of an event: the last entry, as Sentry lists causes first. */
export function exceptionOf(event: Event): { type: string; value: string } | undefined {
  const exception = event.exception?.values?.at(-1);
  if (exception === undefined) {
    return undefined;
  }
  return { type: exception.type ?? 'Error', value: exception.value ?? '' };
}

/** One line naming an event: its exception or message. */
export function describeEvent(event: Event): string {
  const exception = exceptionOf(event);
  if (exception !== undefined) {
    return `${exception.type}: ${exception.value}`;
  }
  return event.message ?? event.logentry?.message ?? '(no message)';
}

/** The name of the pino logger an event came from, as pino's Sentry integration keeps it. */
export function pinoLoggerOf(event: Event): string | undefined {
  const name = (event.contexts?.pino as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : undefined;
}

/** The name of the logger a log record came from. */
export function loggerOfLog(log: SentLog): string | undefined {
  const name = log.attributes?.name?.value;
  return typeof name === 'string' ? name : undefined;
}

/** Events whose captured exception has the given class name. */
export function eventsOfType(observed: Observed, type: string): Event[] {
  return observed.events.filter((event) => exceptionOf(event)?.type === type);
}

export function nothingReached(observed: Observed): Check {
  return check(
    'no error event reaches Sentry',
    observed.events.length === 0,
    `got ${observed.events.map(describeEvent).join('; ')}`,
  );
}

export function exactlyOneEvent(observed: Observed, type: string): Check {
  const count = eventsOfType(observed, type).length;
  return check(`one ${type} event reaches Sentry`, count === 1, `got ${count}`);
}

export function droppedBy(observed: Observed, rule: string): Check {
  const count = observed.dropped[rule] ?? 0;
  return check(`counted as dropped by ${rule}`, count > 0, 'not counted');
}

export function discarded(observed: Observed, category: string, reason: string): Check {
  const entry = observed.discarded.find(
    (item) => item.category === category && item.reason === reason,
  );
  const reported = observed.discarded.map((item) => `${item.category}/${item.reason}`);
  return check(
    `Sentry's client report counts a discarded ${category} (${reason})`,
    entry !== undefined,
    `client reports: ${reported.join(', ') || 'none'}`,
  );
}

export function tagged(event: Event | undefined, key: string, value: string): Check {
  const actual = event?.tags?.[key];
  return check(
    `tagged ${key}=${value}`,
    actual === value,
    actual === undefined ? 'tag missing' : `${key}=${String(actual)}`,
  );
}

export function notTagged(event: Event | undefined, key: string): Check {
  const actual = event?.tags?.[key];
  return check(
    `not tagged ${key}`,
    event !== undefined && actual === undefined,
    event === undefined ? 'no event' : `${key}=${String(actual)}`,
  );
}

/** Every spelling of a secret. */
export function spellings(secret: Secret): string[] {
  return [secret.value, ...(secret.variants ?? [])];
}

export function secretsAbsent(observed: Observed, secrets: readonly Secret[]): Check {
  const found = secrets.filter((secret) =>
    spellings(secret).some((spelling) => observed.raw.includes(spelling)),
  );
  const what = secrets.length === 1 ? secrets[0]?.label : `${secrets.length} planted secrets`;
  return check(
    `${what} appear${secrets.length === 1 ? 's' : ''} nowhere in what reached Sentry`,
    found.length === 0,
    `sent as is: ${found.map((secret) => secret.label).join(', ')}`,
  );
}
