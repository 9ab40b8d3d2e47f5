import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { SentryEventFilterError } from '../../errors.ts';
import { SentryEventFilter } from '../../filter/index.ts';
import {
  formatProblems,
  type OptionProblem,
  optionProblems,
  type SentryEventFilterOptions,
} from '../../options/index.ts';
import { pathExists } from '../input/list-files.ts';
import { type JsonConfig, parseJsonConfig } from './json-config.ts';
import { loadModuleConfig } from './module-config.ts';

/** Names looked for in the working directory when `--config` is not given, in this order. */
export const CONFIG_FILE_NAMES = [
  'sentry-event-filter.config.mjs',
  'sentry-event-filter.config.js',
  'sentry-event-filter.config.cjs',
  'sentry-event-filter.config.ts',
  'sentry-event-filter.config.mts',
  'sentry-event-filter.config.json',
  'sentry-event-filter.config.jsonc',
];

const JSON_EXTENSIONS = new Set(['.json', '.jsonc']);
const MODULE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']);

/** The filter built from a configuration, and where the configuration came from. */
export interface LoadedFilter {
  readonly filter: SentryEventFilter;
  /** The configuration file, or `undefined` when the defaults apply. */
  readonly file: string | undefined;
}

/** Drop notices would only repeat what `check` prints for every event. */
const QUIET_LOGGER = { info() {} };

/**
 * Finds, loads and validates the configuration, and builds the filter the command runs.
 * Throws a {@link SentryEventFilterError} naming the file and, for JSON, the line and column.
 */
export async function loadFilter(
  configPath: string | undefined,
  cwd: string,
  settings: { debug: boolean },
): Promise<LoadedFilter> {
  const file = configPath === undefined ? await findConfig(cwd) : resolve(cwd, configPath);
  if (file === undefined) {
    return { filter: createFilter({}, settings), file };
  }

  const extension = extname(file).toLowerCase();
  if (JSON_EXTENSIONS.has(extension)) {
    const config = parseJsonConfig(file, await readConfigText(file));
    validate(config.value, file, config);
    return { filter: createFilter(config.value as SentryEventFilterOptions, settings), file };
  }

  if (MODULE_EXTENSIONS.has(extension)) {
    if (!(await pathExists(file))) {
      throw unreadable(file, 'no such file');
    }
    const options = await loadModuleConfig(file, extension);
    validate(options, file, undefined);
    return { filter: createFilter(options as SentryEventFilterOptions, settings), file };
  }

  throw new SentryEventFilterError(
    'INVALID_CONFIG_FILE',
    `${file}: unknown configuration format \`${extension || '(none)'}\`; expected .json, ` +
      '.jsonc, .js, .mjs, .cjs, .ts or .mts.',
    { where: file },
  );
}

async function findConfig(cwd: string): Promise<string | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = resolve(cwd, name);
    if (await pathExists(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

async function readConfigText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(
      file,
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error),
    );
  }
}

function unreadable(file: string, reason: string): SentryEventFilterError {
  return new SentryEventFilterError(
    'INVALID_CONFIG_FILE',
    `${file}: cannot read the configuration: ${reason}.`,
    {
      where: file,
    },
  );
}

/**
 * Validates exactly as the library does, and adds the file; for JSON, also the line and
 * column of each bad value, or of the key for an unknown option.
 */
function validate(options: unknown, file: string, json: JsonConfig | undefined): void {
  try {
    new SentryEventFilter(options as SentryEventFilterOptions);
  } catch (error) {
    if (!(error instanceof SentryEventFilterError)) {
      throw error;
    }
    const problems = json === undefined ? [] : optionProblems(json.value);
    const first = problems.find((problem) => problem.where === error.where);
    const place = first === undefined ? undefined : locate(first, json);
    const prefix = place === undefined ? file : `${file}:${place}`;
    throw new SentryEventFilterError(
      error.code,
      `${prefix}: ${placedMessage(error, problems, json)}`,
      { ...(error.where !== undefined && { where: error.where }), cause: error },
    );
  }
}

/** The library's message, with the line and column of every problem after the first. */
function placedMessage(
  error: SentryEventFilterError,
  problems: readonly OptionProblem[],
  json: JsonConfig | undefined,
): string {
  if (problems.length < 2 || problems[0]?.where !== error.where) {
    return error.message;
  }
  return formatProblems(problems, (problem) => {
    const place = problem === problems[0] ? undefined : locate(problem, json);
    return place === undefined ? '' : `${place}: `;
  });
}

/** Where a problem is in the JSON: its value, or its key when the key is what is wrong. */
function locate(problem: OptionProblem, json: JsonConfig | undefined): string | undefined {
  return json?.locate(problem.where, problem.unknownKey ? 'key' : 'value');
}

function createFilter(
  options: SentryEventFilterOptions,
  settings: { debug: boolean },
): SentryEventFilter {
  return new SentryEventFilter({
    ...options,
    logger: QUIET_LOGGER,
    debug: settings.debug || options.debug === true,
  });
}
