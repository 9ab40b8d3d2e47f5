import type { Path } from '../patch.ts';
import type { ParameterSite, SiteParameter } from './apply.ts';
import { hasConsoleSuffix } from './template.ts';

// Where Sentry's SDKs keep a message's template apart from its parameters. Each finder reads a
// few fields and returns nothing for items without parameters, so those cost next to nothing.

// Log attributes, after `@sentry/conventions` and `_INTERNAL_captureLog` in `@sentry/core`:
// `logger.fmt` and the console integrations set them.
const TEMPLATE_ATTRIBUTE = 'sentry.message.template';
const PARAMETER_PREFIX = 'sentry.message.parameter.';
const POSITION = /^\d+$/;

/**
 * A log record's template and parameters: attributes as `beforeSendLog` sees them, or as
 * `{ value, type }` in a `log` envelope item (`serialized`). The body is the copy.
 */
export function logSite(log: unknown, serialized: boolean): ParameterSite | undefined {
  const attributes = recordAt(log, 'attributes');
  if (attributes === undefined || attributes[TEMPLATE_ATTRIBUTE] === undefined) {
    return undefined;
  }

  const parameters: SiteParameter[] = [];
  for (const key of Object.keys(attributes)) {
    if (!key.startsWith(PARAMETER_PREFIX)) {
      continue;
    }
    const name = key.slice(PARAMETER_PREFIX.length);
    const slot = POSITION.test(name) ? Number(name) : name;
    const path = ['attributes', key];
    parameters.push(
      serialized ? { slot, path: [...path, 'value'], typePath: [...path, 'type'] } : { slot, path },
    );
  }
  const templatePath = serialized
    ? ['attributes', TEMPLATE_ATTRIBUTE, 'value']
    : ['attributes', TEMPLATE_ATTRIBUTE];
  const template = serialized
    ? recordAt(attributes, TEMPLATE_ATTRIBUTE)?.value
    : attributes[TEMPLATE_ATTRIBUTE];
  if (parameters.length === 0 || typeof template !== 'string') {
    return undefined;
  }
  return {
    template: templatePath,
    syntax: hasConsoleSuffix(template, parameters.length) ? 'console-suffix' : 'auto',
    parameters,
    copies: [[serialized ? 'body' : 'message']],
  };
}

// Where an event keeps a message with parameters: `logentry` (also under its legacy name, and
// `message` given as an object), as `captureMessage(parameterize\`...\`)` and other SDKs'
// logging integrations send it.
const LOGENTRY_NAMES = ['logentry', 'sentry.interfaces.Message', 'message'];

/**
 * The sites of an event: each `logentry` with `params`, the arguments `captureConsoleIntegration`
 * keeps in `extra.arguments`, and the arguments of console breadcrumbs.
 */
export function eventSites(event: Record<string, unknown>): readonly ParameterSite[] {
  // Most events have no site: nothing is allocated until one is found.
  let sites: ParameterSite[] | undefined;
  for (let index = 0; index < LOGENTRY_NAMES.length; index++) {
    const name = LOGENTRY_NAMES[index] as string;
    // Built apart: a closure over `name` here would allocate for every name, site or not.
    const site = hasLogentryParams(event[name]) ? eventLogentrySite(event, name) : undefined;
    if (site !== undefined) {
      sites ??= [];
      sites.push(site);
    }
  }

  const extraArguments = recordAt(event, 'extra')?.arguments;
  if (isConsoleArguments(extraArguments)) {
    const site = consoleSite(extraArguments, ['extra', 'arguments'], () => [
      ...messageCopies(event),
      ['logentry', 'message'],
      ['logentry', 'formatted'],
    ]);
    if (site !== undefined) {
      sites ??= [];
      sites.push(site);
    }
  }

  const breadcrumbs = event.breadcrumbs;
  const values = Array.isArray(breadcrumbs) ? breadcrumbs : asRecord(breadcrumbs)?.values;
  if (Array.isArray(values)) {
    for (let index = 0; index < values.length; index++) {
      const breadcrumb: unknown = values[index];
      if (!isConsoleArguments(recordAt(breadcrumb, 'data')?.arguments)) {
        continue;
      }
      const base = Array.isArray(breadcrumbs) ? ['breadcrumbs'] : ['breadcrumbs', 'values'];
      const site = breadcrumbSite(breadcrumb, [...base, index]);
      if (site !== undefined) {
        sites ??= [];
        sites.push(site);
      }
    }
  }
  return sites ?? NO_SITES;
}

const NO_SITES: readonly ParameterSite[] = Object.freeze([]);

function eventLogentrySite(
  event: Record<string, unknown>,
  name: string,
): ParameterSite | undefined {
  return logentrySite(event[name], [name], () => [[name, 'formatted'], ...messageCopies(event)]);
}

// The message filled in may also be the event's `message` and its exception's value.
function messageCopies(event: Record<string, unknown>): Path[] {
  return [['message'], ...exceptionValuePaths(event)];
}

// Cheap tests run before a site is built, so an event without sites allocates nothing.
function hasLogentryParams(logentry: unknown): boolean {
  const record = asRecord(logentry);
  return record !== undefined && typeof record.message === 'string' && hasEntries(record.params);
}

function isConsoleArguments(args: unknown): args is unknown[] {
  return Array.isArray(args) && args.length >= 2 && typeof args[0] === 'string';
}

/**
 * A console breadcrumb's arguments (`data.arguments`), with its message as the copy; `base`
 * is where the breadcrumb is.
 */
export function breadcrumbSite(breadcrumb: unknown, base: Path = []): ParameterSite | undefined {
  const data = recordAt(breadcrumb, 'data');
  return consoleSite(data?.arguments, [...base, 'data', 'arguments'], () => [[...base, 'message']]);
}

/** A `message` entry of an event from Sentry's web API: `data` is a `logentry`. */
export function messageEntrySite(entry: unknown): ParameterSite | undefined {
  return logentrySite(recordAt(entry, 'data'), ['data'], () => [['data', 'formatted']]);
}

function logentrySite(
  logentry: unknown,
  base: Path,
  copies: () => Path[],
): ParameterSite | undefined {
  const record = asRecord(logentry);
  const params = record?.params;
  if (record === undefined || typeof record.message !== 'string' || !hasEntries(params)) {
    return undefined;
  }
  const keys = Array.isArray(params) ? params.map((_, index) => index) : Object.keys(params);
  return {
    template: [...base, 'message'],
    syntax: 'auto',
    parameters: keys.map((key) => ({ slot: key, path: [...base, 'params', key] })),
    copies: copies(),
  };
}

// A console call with `('password=%s', pw)` becomes the message `password=%s <pw>` and
// `extra.arguments: ['password=%s', pw]`: the first argument is the template, as
// `util.format` reads it.
function consoleSite(args: unknown, base: Path, copies: () => Path[]): ParameterSite | undefined {
  if (!Array.isArray(args) || args.length < 2 || typeof args[0] !== 'string') {
    return undefined;
  }
  return {
    template: [...base, 0],
    syntax: 'console',
    parameters: args.slice(1).map((_, index) => ({ slot: index, path: [...base, index + 1] })),
    copies: copies(),
  };
}

function exceptionValuePaths(event: Record<string, unknown>): Path[] {
  const exception = event.exception;
  const values = Array.isArray(exception) ? exception : asRecord(exception)?.values;
  const base = Array.isArray(exception) ? ['exception'] : ['exception', 'values'];
  return Array.isArray(values) ? values.map((_, index) => [...base, index, 'value']) : [];
}

function hasEntries(value: unknown): value is unknown[] | Record<string, unknown> {
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  const record = asRecord(value);
  return record !== undefined && Object.keys(record).length > 0;
}

function recordAt(value: unknown, key: string): Record<string, unknown> | undefined {
  return asRecord(asRecord(value)?.[key]);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
