import type { Breadcrumb, Event, Log } from '@sentry/core';
import { AnswerCache } from '../answer-cache.ts';
import { compileGlob } from './glob/index.ts';

/** What a logger name is looked up on. */
export type LoggerSource =
  | { readonly kind: 'event'; readonly event: Event }
  | { readonly kind: 'log'; readonly log: Log }
  | { readonly kind: 'breadcrumb'; readonly breadcrumb: Breadcrumb };

/**
 * Finds the logger name where the built-in lookup cannot. Return `undefined` to fall back
 * to it. A resolver that throws counts as `undefined` and is reported once.
 */
export type LoggerNameResolver = (source: LoggerSource) => string | undefined;

/** Which `ignoredLoggers` entry matched. */
export interface LoggerRuleMatch {
  readonly option: 'ignoredLoggers';
  readonly index: number;
  readonly label: string;
  /** The logger name that matched. */
  readonly logger: string;
}

/** A compiled `ignoredLoggers` list. */
export interface LoggerRule {
  readonly isEmpty: boolean;
  /** The first entry (in the option's order) that one of `names` matches, and that name. */
  match(names: readonly string[]): LoggerRuleMatch | undefined;
  /** The first entry that `name` matches; `undefined` for anything but a non-empty string. */
  matchName(name: unknown): LoggerRuleMatch | undefined;
  /**
   * Of a match found so far for earlier names and the match of `name`, the one `match()`
   * would return: the earlier entry, or on the same entry the earlier name. Lets callers
   * look at names one by one without building a list.
   */
  matchNext(found: LoggerRuleMatch | undefined, name: unknown): LoggerRuleMatch | undefined;
}

// Only these make a pattern a glob: `@`, `+`, `!` and parentheses are ordinary characters of
// logger names (`@acme/payments`, `app(1)`), so patterns holding them match exactly.
const GLOB_CHARACTERS = /[*?[\]{}]/;
// Logger names are few (one per module or category); a bound keeps generated names from
// growing the remembered answers without limit, and long names (no logger has one; input
// from outside may) from holding on to megabytes.
const CACHE_LIMIT = 1024;
const MAX_REMEMBERED_NAME_LENGTH = 256;

/** Tells whether an `ignoredLoggers` entry is a glob rather than a name. */
export function isLoggerGlob(pattern: string): boolean {
  return GLOB_CHARACTERS.test(pattern);
}

/**
 * Compiles `ignoredLoggers`; the entries were validated by the options schema. A name
 * matches an entry when it, or one of its ancestors (`http.security` for
 * `http.security.csrf`), is the entry or matches it as a glob (see `glob/`). Every name's
 * answer is remembered: it depends on nothing but the name.
 */
export function compileLoggerRule(patterns: readonly string[]): LoggerRule {
  const tests = patterns.map((pattern) => {
    const prefix = `${pattern}.`;
    if (!isLoggerGlob(pattern)) {
      return (name: string) => name === pattern || name.startsWith(prefix);
    }
    // An ignored logger takes its children with it, whether it was named or matched.
    const glob = compileGlob(pattern);
    return (name: string) =>
      name === pattern || name.startsWith(prefix) || glob.matchesSelfOrAncestor(name);
  });
  const answers = new AnswerCache<LoggerRuleMatch | null>(CACHE_LIMIT, MAX_REMEMBERED_NAME_LENGTH);

  const judge = (name: string): LoggerRuleMatch | null => {
    const index = tests.findIndex((test) => test(name));
    if (index === -1) {
      return null;
    }
    const label = patterns[index] as string;
    return Object.freeze({ option: 'ignoredLoggers', index, label, logger: name });
  };

  const matchName = (name: unknown): LoggerRuleMatch | undefined => {
    if (typeof name !== 'string' || name === '' || tests.length === 0) {
      return undefined;
    }
    return answers.answer(name, judge) ?? undefined;
  };

  const matchNext = (
    found: LoggerRuleMatch | undefined,
    name: unknown,
  ): LoggerRuleMatch | undefined => {
    const next = matchName(name);
    return next !== undefined && (found === undefined || next.index < found.index) ? next : found;
  };

  return {
    isEmpty: tests.length === 0,
    matchName,
    matchNext,
    match(names) {
      let found: LoggerRuleMatch | undefined;
      for (const name of names) {
        found = matchNext(found, name);
      }
      return found;
    },
  };
}

// Breadcrumb types the SDKs give to what their instrumentation records (requests, page
// changes, clicks, queries), as listed in Sentry's breadcrumb interface docs. Their category
// (`http`, `fetch`, `ui.click`, `query`) names the instrumentation, not a logger.
const INSTRUMENTATION_TYPES: ReadonlySet<string> = new Set([
  'http',
  'navigation',
  'query',
  'transaction',
  'ui',
  'user',
]);

const PINO_ORIGIN = 'auto.log.pino';
const CONSOLE_ORIGIN = 'auto.log.console';
const CONSOLA_ORIGIN = 'auto.log.consola';

/**
 * The logger names an event, log record or breadcrumb belongs to, most specific first.
 *
 * The SDK's pino integration stamps events `logger: "pino"` and keeps the pino logger's own
 * name only in `contexts.pino.name`; its log records carry the bindings as attributes. Both
 * names count, so `"pino"` ignores every pino record and `"http.security"` only that tree.
 */
export function loggerNames(source: LoggerSource, resolve?: LoggerNameResolver): string[] {
  const names: string[] = [];
  if (resolve !== undefined) {
    addName(names, resolve(source));
  }

  switch (source.kind) {
    case 'event':
      addEventNames(source.event, names);
      break;
    case 'log':
      addLogNames(source.log, names);
      break;
    case 'breadcrumb':
      addName(names, breadcrumbLoggerName(source.breadcrumb));
      break;
  }

  return names;
}

/** A breadcrumb's category, unless its type says instrumentation recorded it. */
export function breadcrumbLoggerName(breadcrumb: Breadcrumb): unknown {
  return INSTRUMENTATION_TYPES.has(String(breadcrumb.type)) ? undefined : breadcrumb.category;
}

function addEventNames(event: Event, names: string[]): void {
  const pino: unknown = event.contexts?.pino;
  if (typeof pino === 'object' && pino !== null) {
    addName(names, (pino as { name?: unknown }).name);
    addName(names, 'pino');
  }
  addName(names, event.logger);
}

function addLogNames(log: Log, names: string[]): void {
  const attributes = log.attributes ?? {};
  const origin = attributes['sentry.origin'];

  addName(names, attributes['logger.name']);
  addName(names, attributes['pino.logger.name']);
  if (origin === PINO_ORIGIN) {
    // pino's own `name` binding arrives as a plain attribute.
    addName(names, attributes.name);
    addName(names, 'pino');
  } else if (origin === CONSOLE_ORIGIN) {
    addName(names, 'console');
  } else if (origin === CONSOLA_ORIGIN) {
    addName(names, attributes['consola.tag']);
    addName(names, 'consola');
  }
}

function addName(names: string[], value: unknown): void {
  if (typeof value === 'string' && value !== '' && !names.includes(value)) {
    names.push(value);
  }
}
