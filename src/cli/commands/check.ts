import { relative } from 'node:path';
import { type ArgsDef, defineCommand } from 'citty';
import { runCheck } from '../check/run-check.ts';
import { loadFilter } from '../config/load-config.ts';
import type { ExitCode } from '../exit-codes.ts';
import type { FormatChoice } from '../input/read-input.ts';
import type { CliIo } from '../io.ts';
import { UsageError } from '../usage-error.ts';
import { parseCommandArgs } from './arguments.ts';

/** The arguments of `check`, also rendered as its usage. */
export const checkArgs = {
  paths: {
    type: 'positional',
    required: false,
    description: 'Files, directories (read recursively) or - for standard input',
  },
  config: {
    type: 'string',
    alias: 'c',
    valueHint: 'file',
    description: 'Configuration file (default: sentry-event-filter.config.* if present)',
  },
  json: {
    type: 'boolean',
    description: 'Print JSON lines: units, faults, then the summary',
  },
  explain: {
    type: 'boolean',
    alias: 'e',
    description: 'Show every change: path, rule and a masked preview',
  },
  out: {
    type: 'string',
    alias: 'o',
    valueHint: 'dir',
    description: 'Write the filtered events and envelopes under their input names',
  },
  format: {
    type: 'enum',
    options: ['auto', 'json', 'envelope', 'jsonl'],
    default: 'auto',
    description: 'How to read the inputs',
  },
  quiet: {
    type: 'boolean',
    alias: 'q',
    description: 'Print only faults and the summary',
  },
  debug: {
    type: 'boolean',
    description: "Print the filter's own diagnostics",
  },
} satisfies ArgsDef;

/** `check`, for usage rendering; the runner calls {@link runCheckCommand}. */
export const checkCommand = defineCommand({
  meta: {
    name: 'check',
    description: 'Show what the filter does to events, envelopes and JSON lines',
  },
  args: checkArgs,
});

const { explain: _explain, ...explainArgs } = checkArgs;

/** `explain`: `check --explain` under the name DESIGN.md and newcomers look for. */
export const explainCommand = defineCommand({
  meta: {
    name: 'explain',
    description: 'Show every change per event: path, rule and a masked preview (check --explain)',
  },
  args: explainArgs,
});

/** Runs `explain` as `check --explain`. */
export function runExplainCommand(rawArgs: readonly string[], io: CliIo): Promise<ExitCode> {
  return runCheckCommand([...rawArgs, '--explain'], io);
}

/** Parses `check`'s arguments, loads the configuration and runs the check. */
export async function runCheckCommand(rawArgs: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCommandArgs('check', rawArgs, checkArgs);
  const paths = args._;
  if (paths.length === 0) {
    throw new UsageError(
      'Name the files or directories to check, or - for standard input.',
      'check',
    );
  }
  if (paths.filter((path) => path === '-').length > 1) {
    throw new UsageError('Standard input (-) can be read only once.', 'check');
  }

  const { filter, file } = await loadFilter(args.config, io.cwd, { debug: args.debug === true });
  if (file === undefined && !args.json && !args.quiet) {
    io.stderr.write(
      'No configuration found: checking with the defaults (sensitive information is removed, ' +
        'nothing is dropped).\n',
    );
  } else if (file !== undefined && args.config === undefined && !args.json && !args.quiet) {
    // Found in the working directory: say which, since nothing on the command line did.
    io.stderr.write(`Using the configuration in ${relative(io.cwd, file) || file}.\n`);
  }

  return runCheck(
    filter,
    {
      paths,
      format: args.format as FormatChoice,
      json: args.json === true,
      explain: args.explain === true,
      quiet: args.quiet === true,
      out: args.out,
    },
    io,
  );
}
