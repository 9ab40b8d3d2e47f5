import * as v from 'valibot';
import { closest } from '../closest.ts';
import { SentryEventFilterError } from '../errors.ts';
import { globProblem } from '../match/glob/index.ts';
import { isLoggerGlob } from '../match/logger.ts';
import { isRegExp } from '../reg-exp.ts';
import { DETECTOR_NAMES } from '../scrub/options.ts';
import { describeValue } from './describe.ts';
import type { SentryEventFilterOptions } from './types.ts';

// Each message below is the "expected ..." half of an error; `formatIssue` adds the option
// path and the value that was given.

const EXCEPTION_ENTRY =
  'an exception class (such as `AuthCancelledError`), a class name string, or a predicate ' +
  '`(error, event) => boolean`';

const flag = v.optional(v.boolean('`true` or `false`'));

const exceptionEntry = v.custom<unknown>(isValidExceptionEntry, (issue) =>
  exceptionEntryMessage(issue.input),
);

const exceptionList = v.optional(
  v.array(exceptionEntry, `an array of entries, each ${EXCEPTION_ENTRY}`),
);

const loggerPattern = v.custom<string>(
  (input) => typeof input === 'string' && loggerPatternProblem(input) === undefined,
  (issue) =>
    typeof issue.input === 'string'
      ? `a logger name, dot hierarchy or glob; ${loggerPatternProblem(issue.input)}`
      : 'a logger name, dot hierarchy or glob (a string)',
);

const nonEmptyString = (what: string) =>
  v.pipe(v.string(`${what} (a string)`), v.minLength(1, `${what}, not an empty string`));

const functionOf = (what: string) =>
  v.custom<(...args: never[]) => unknown>(
    (input) => typeof input === 'function' && !isAsyncFunction(input) && !isClass(input),
    (issue) => {
      if (isAsyncFunction(issue.input)) {
        return `${what}, not an async function; ${SYNC_ONLY}`;
      }
      return isClass(issue.input) ? `${what}, not a class; ${NOT_CALLABLE}` : what;
    },
  );

// The filter calls these functions; calling a class throws, at every event.
const NOT_CALLABLE = 'a class cannot be called without `new`';

function isClass(input: unknown): boolean {
  return typeof input === 'function' && Function.prototype.toString.call(input).startsWith('class');
}

// The SDK runs every hook synchronously and sends the event right after: a promise would
// decide too late, and its rejection would go unhandled in the application.
const SYNC_ONLY = 'the filter decides before the event is sent, so it cannot await';

function isAsyncFunction(input: unknown): boolean {
  return (
    typeof input === 'function' &&
    /^Async(Generator)?Function$/.test(Object.getPrototypeOf(input)?.constructor?.name ?? '')
  );
}

/** Whether a value can be looked at: a revoked proxy throws whatever it is asked. */
function isReadable(input: unknown): boolean {
  try {
    Object.getPrototypeOf(input);
    return true;
  } catch {
    return false;
  }
}

/**
 * An object of options, checked by `schema`. Anything else that is an object (an array, a
 * `Map`, a `Date`) is refused as a whole: `strictObject` alone would take it for an empty
 * object, or read an array's `keys` method as the `keys` option. Objects made by a class are
 * taken, as are plain objects from another realm.
 */
function optionsObject<const TSchema extends v.GenericSchema>(schema: TSchema, expected: string) {
  const refused = v.custom<v.InferOutput<TSchema>>(() => false, expected);
  return v.lazy((input) => (isOptionsRecord(input) ? schema : refused));
}

/** Whether a value is an object whose own properties can be options. */
function isOptionsRecord(input: unknown): boolean {
  if (typeof input !== 'object' || input === null || !isReadable(input)) {
    return false;
  }
  try {
    return Object.prototype.toString.call(input) === '[object Object]';
  } catch {
    // A proxy whose trap refused to tell its tag: read it as options, key by key.
    return !Array.isArray(input);
  }
}

const DETECTOR_SWITCHES = 'an object of detector switches, such as `{ ipAddress: false }`';

const detectorSwitches = v.strictObject(
  Object.fromEntries(DETECTOR_NAMES.map((name) => [name, flag])),
  DETECTOR_SWITCHES,
);

const SCRUB_OPTIONS = 'an object of scrubbing options';

const scrubSchema = v.strictObject(
  {
    keys: v.optional(
      v.array(
        v.union(
          [
            v.pipe(
              nonEmptyString('a key name'),
              v.regex(/[\p{L}\p{N}]/u, 'a key name with at least one letter or digit'),
            ),
            v.custom<RegExp>(isRegExp),
          ],
          'a key name (a non-empty string) or a regular expression',
        ),
        'an array of key names or regular expressions',
      ),
    ),
    exemptKeys: v.optional(v.array(nonEmptyString('a key name'), 'an array of key names')),
    detectors: v.optional(optionsObject(detectorSwitches, DETECTOR_SWITCHES)),
    // Every text starts with '': it would count as already replaced, and nothing would go.
    replacement: v.optional(
      v.pipe(
        v.string('a replacement text (a string)'),
        v.minLength(
          1,
          'a replacement text that is not empty, such as "[Filtered]"; every value would ' +
            'count as already replaced by an empty one',
        ),
      ),
    ),
    defaults: flag,
  },
  SCRUB_OPTIONS,
);

const ENRICHMENT = '`false` or an object of built-in enricher switches, such as `{ job: false }`';

const enrichmentSchema = v.union(
  [
    v.literal(false),
    optionsObject(
      v.strictObject({
        errorProperties: flag,
        errorCodeTag: flag,
        httpStatusTag: flag,
        requestId: flag,
        job: flag,
      }),
      ENRICHMENT,
    ),
  ],
  ENRICHMENT,
);

const optionsSchema = v.strictObject(
  {
    sensitiveLoggingEnabled: flag,
    filteredOutExceptions: exceptionList,
    userCausedExceptions: exceptionList,
    ignoredLoggers: v.optional(
      v.array(loggerPattern, 'an array of logger names, dot hierarchies or globs'),
    ),
    matchCauses: flag,
    userCausedTag: v.optional(
      v.pipe(
        v.string('a tag name (a string)'),
        v.regex(
          /^[A-Za-z0-9_.:-]{1,32}$/,
          'a tag name of 1 to 32 letters, digits, `_`, `.`, `:` or `-`',
        ),
      ),
    ),
    loggerName: v.optional(functionOf('a function `(source) => string | undefined`')),
    logger: v.optional(
      v.custom<unknown>(
        (input) =>
          typeof input === 'object' &&
          input !== null &&
          typeof (input as { info?: unknown }).info === 'function',
        'a logger with an `info` method, such as `console` or a pino logger',
      ),
    ),
    dropLogIntervalMs: v.optional(
      v.pipe(
        v.number('a number of milliseconds'),
        v.finite('a finite number of milliseconds'),
        v.minValue(0, 'a number of milliseconds, zero or more'),
      ),
    ),
    debug: flag,
    scrub: v.optional(optionsObject(scrubSchema, SCRUB_OPTIONS)),
    enrich: v.optional(
      v.array(
        functionOf('an enricher function `(event, hint) => enrichment`'),
        'an array of enricher functions',
      ),
    ),
    enrichment: v.optional(enrichmentSchema),
  },
  'an options object',
);

const KNOWN_OPTIONS = Object.keys(optionsSchema.entries);

/** One thing wrong with user options: the option path and what is wrong with it. */
export interface OptionProblem {
  /** The option path, such as `scrub.detectors.email`; empty for the options as a whole. */
  readonly where: string;
  readonly message: string;
  /** Whether the key is what is wrong (an unknown option), rather than its value. */
  readonly unknownKey: boolean;
}

/**
 * Checks user options and throws a {@link SentryEventFilterError} naming each bad option, the
 * value given and what was expected; `where` is the first one's path.
 */
export function validateOptions(options: unknown): SentryEventFilterOptions {
  const checked = checkOptions(options);
  const [first] = checked.problems;
  if (first === undefined) {
    return checked.options;
  }
  throw new SentryEventFilterError('INVALID_OPTION', formatProblems(checked.problems), {
    where: first.where,
  });
}

/** Every problem with user options, in the order they are reported; none when valid. */
export function optionProblems(options: unknown): OptionProblem[] {
  return checkOptions(options).problems;
}

interface CheckedOptions {
  readonly problems: OptionProblem[];
  /**
   * The options as they were read while checked: each getter ran once, so a getter that
   * answers differently the next time cannot slip past the check.
   */
  readonly options: SentryEventFilterOptions;
}

function checkOptions(options: unknown): CheckedOptions {
  if (options === undefined) {
    return { problems: [], options: {} };
  }
  if (!isOptionsRecord(options)) {
    const message = `Invalid options: got ${describeValue(options)}; expected an options object.`;
    return { problems: [{ where: '', message, unknownKey: false }], options: {} };
  }

  const result = v.safeParse(optionsSchema, options);
  if (result.success) {
    return { problems: [], options: result.output as unknown as SentryEventFilterOptions };
  }
  const problems = distinctByPath(result.issues.map(deepestIssue)).map((issue) => ({
    where: issuePath(issue),
    message: formatIssue(issue),
    unknownKey: isUnknownKey(issue),
  }));
  return { problems, options: {} };
}

/**
 * Every problem in one message, so fixing a configuration takes one run, not one per
 * mistake: the first, then the others as a list. `place` can put each where it is found.
 */
export function formatProblems(
  problems: readonly OptionProblem[],
  place: (problem: OptionProblem) => string = () => '',
): string {
  const [first, ...more] = problems;
  if (first === undefined) {
    return '';
  }
  const lines = [`${place(first)}${first.message}`];
  if (more.length > 0) {
    lines.push(`${more.length === 1 ? 'One more problem' : `${more.length} more problems`}:`);
    for (const problem of more) {
      lines.push(`  - ${place(problem)}${problem.message}`);
    }
  }
  return lines.join('\n');
}

// One issue per option path: a value that fails several checks is reported once.
function distinctByPath(issues: readonly v.BaseIssue<unknown>[]): v.BaseIssue<unknown>[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const path = issuePath(issue);
    if (seen.has(path)) {
      return false;
    }
    seen.add(path);
    return true;
  });
}

function formatIssue(issue: v.BaseIssue<unknown>): string {
  const path = issuePath(issue);

  if (isUnknownKey(issue)) {
    const hint = unknownKeyHint(issue);
    const known = knownKeysAt(issue).join(', ');
    return `Unknown option \`${path}\`.${hint} Known options here: ${known}.`;
  }

  const subject = path === '' ? 'Invalid options' : `Invalid option \`${path}\``;
  return `${subject}: got ${describeValue(issue.input)}; expected ${issue.message}.`;
}

// Options of `Sentry.init` that people pass to the filter, taking it for the same place.
const BELONGS_TO_SENTRY_INIT = 'It is an option of `Sentry.init`, not of the filter.';
const SENTRY_INIT_HINTS = new Map<string, string>([
  // Sentry's `ignoreErrors` matches message text; the nearest rule here matches classes.
  [
    'ignoreErrors',
    'Did you mean `filteredOutExceptions`? It matches exception classes and class names, ' +
      'not message text as `ignoreErrors` of `Sentry.init` does.',
  ],
  ...['denyUrls', 'allowUrls', 'ignoreTransactions', 'beforeSend', 'beforeSendTransaction'].map(
    (name) => [name, BELONGS_TO_SENTRY_INIT] as const,
  ),
]);

function unknownKeyHint(issue: v.BaseIssue<unknown>): string {
  const key = String(issue.input);
  const initHint = issue.path?.length === 1 ? SENTRY_INIT_HINTS.get(key) : undefined;
  if (initHint !== undefined) {
    return ` ${initHint}`;
  }

  const suggestion = closest(key, knownKeysAt(issue));
  return suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`;
}

function isUnknownKey(issue: v.BaseIssue<unknown>): boolean {
  return issue.type === 'strict_object' && issue.expected === 'never';
}

/**
 * For a value that matched no branch of a union, the issue from the branch that got furthest,
 * so `{ enrichment: { jobs: false } }` reports the unknown key rather than the whole union.
 */
function deepestIssue(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown> {
  let deepest = issue;
  for (const nested of issue.issues ?? []) {
    const inner = deepestIssue(nested);
    if (inner.path === undefined) {
      continue;
    }
    // Issues inside a union carry paths relative to the union's own value.
    const path = [...(issue.path ?? []), ...inner.path] as NonNullable<
      v.BaseIssue<unknown>['path']
    >;
    if (path.length > (deepest.path?.length ?? 0)) {
      deepest = { ...inner, path };
    }
  }
  return deepest;
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    path += typeof key === 'number' ? `[${key}]` : path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

function knownKeysAt(issue: v.BaseIssue<unknown>): string[] {
  const parent = issue.path?.at(-2)?.key;
  if (parent === 'scrub') {
    return Object.keys(scrubSchema.entries);
  }
  if (parent === 'detectors') {
    return [...DETECTOR_NAMES];
  }
  if (parent === 'enrichment') {
    return ['errorProperties', 'errorCodeTag', 'httpStatusTag', 'requestId', 'job'];
  }
  return KNOWN_OPTIONS;
}

function isValidExceptionEntry(input: unknown): boolean {
  if (typeof input === 'string') {
    return input.trim() !== '' && input === input.trim() && input !== 'Object';
  }
  if (typeof input !== 'function' || isAsyncFunction(input)) {
    return false;
  }
  // `Object` would match every thrown object, which is never what a list means.
  return input !== Object;
}

function exceptionEntryMessage(input: unknown): string {
  if (input === Object || input === 'Object') {
    return `${EXCEPTION_ENTRY}; \`Object\` would match every thrown object`;
  }
  if (typeof input === 'string') {
    return 'a class name without surrounding spaces, not an empty string';
  }
  if (isAsyncFunction(input)) {
    return `a predicate that returns a boolean, not an async function; ${SYNC_ONLY}`;
  }
  if (isRegExp(input)) {
    // What Sentry's own `ignoreErrors` takes: it matches messages, which a predicate can do.
    return (
      `${EXCEPTION_ENTRY}; to match messages, write a predicate such as ` +
      `\`(error) => ${truncatedSource(input)}.test(String(error?.message))\``
    );
  }
  if (typeof input === 'object' && input !== null) {
    return `${EXCEPTION_ENTRY}; pass the class itself, not an instance or a plain object`;
  }
  return EXCEPTION_ENTRY;
}

function truncatedSource(pattern: RegExp): string {
  const source = String(pattern);
  return source.length > 40 ? '/.../' : source;
}

/** Says what is wrong with a logger pattern, or `undefined` when nothing is. */
export function loggerPatternProblem(pattern: string): string | undefined {
  if (pattern === '') {
    return 'an empty name matches nothing';
  }
  if (/\s/.test(pattern)) {
    return 'logger names contain no whitespace';
  }
  if (pattern.startsWith('!')) {
    return 'negation is not supported: list the loggers to ignore';
  }
  if (pattern.startsWith('.') || pattern.endsWith('.') || pattern.includes('..')) {
    return 'dots only separate name parts, as in `http.security`';
  }
  if (isLoggerGlob(pattern)) {
    const problem = globProblem(pattern);
    return problem === undefined ? undefined : `the glob is malformed: ${problem}`;
  }
  return undefined;
}
