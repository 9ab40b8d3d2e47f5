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
export function eventSites(event: Record<string, unknown>): ParameterSite[] {
  const sites: ParameterSite[] = [];
  let copies: Path[] | undefined;
  // The message filled in may also be the event's `message` and its exception's value.
  const messageCopies = (): Path[] => {
    copies ??= [['message'], ...exceptionValuePaths(event)];
    return copies;
  };

  for (const name of LOGENTRY_NAMES) {
    const site = logentrySite(event[name], [name], () => [[name, 'formatted'], ...messageCopies()]);
    if (site !== undefined) {
      sites.push(site);
    }
  }

  const consoleArguments = consoleSite(
    recordAt(event, 'extra')?.arguments,
    ['extra', 'arguments'],
    () => [...messageCopies(), ['logentry', 'message'], ['logentry', 'formatted']],
  );
  if (consoleArguments !== undefined) {
    sites.push(consoleArguments);
  }

  for (const [path, breadcrumb] of breadcrumbsOf(event)) {
    const site = breadcrumbSite(breadcrumb, path);
    if (site !== undefined) {
      sites.push(site);
    }
  }
  return sites;
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

// `console.error('password=%s', pw)` becomes the message `password=%s <pw>` and
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

function breadcrumbsOf(event: Record<string, unknown>): [Path, unknown][] {
  const breadcrumbs = event.breadcrumbs;
  const values = Array.isArray(breadcrumbs) ? breadcrumbs : asRecord(breadcrumbs)?.values;
  if (!Array.isArray(values)) {
    return [];
  }
  const base = Array.isArray(breadcrumbs) ? ['breadcrumbs'] : ['breadcrumbs', 'values'];
  const found: [Path, unknown][] = [];
  values.forEach((breadcrumb: unknown, index) => {
    if (Array.isArray(recordAt(breadcrumb, 'data')?.arguments)) {
      found.push([[...base, index], breadcrumb]);
    }
  });
  return found;
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
