import { type CommandDef, defineCommand, renderUsage } from 'citty';
import packageJson from '../../package.json' with { type: 'json' };
import { closest } from '../closest.ts';
import { isSentryEventFilterError } from '../errors.ts';
import { stripColors } from './commands/arguments.ts';
import {
  checkCommand,
  explainCommand,
  runCheckCommand,
  runExplainCommand,
} from './commands/check.ts';
import { initCommand, runInitCommand } from './commands/init.ts';
import { EXIT_CODES, type ExitCode } from './exit-codes.ts';
import { type CliIo, processIo, writeLine } from './io.ts';
import { printable } from './report/format.ts';
import { UsageError } from './usage-error.ts';

/** The command's name, as installed by the package's `bin`. */
export const COMMAND_NAME = 'sentry-event-filter';

interface Command {
  readonly definition: CommandDef;
  run(rawArgs: readonly string[], io: CliIo): Promise<ExitCode>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  check: { definition: checkCommand as unknown as CommandDef, run: runCheckCommand },
  explain: { definition: explainCommand as unknown as CommandDef, run: runExplainCommand },
  init: { definition: initCommand as unknown as CommandDef, run: runInitCommand },
};

const mainCommand = defineCommand({
  meta: {
    name: COMMAND_NAME,
    version: packageJson.version,
    description: 'Check what sentry-event-filter does to your Sentry events',
  },
  subCommands: Object.fromEntries(
    Object.entries(COMMANDS).map(([name, command]) => [name, command.definition]),
  ),
});

const EXIT_CODES_HELP = `EXIT CODES

  0  everything was read and checked
  1  invalid input or configuration (the file and place are named)
  2  usage error (unknown command or option, missing argument)
  3  unexpected error (a bug; the stack is printed)`;

/**
 * The one runner behind the command: dispatches to a command and turns every outcome into
 * an exit code. A user error prints a short message plus usage (2); invalid input or
 * configuration prints where (1); anything unexpected prints its stack (3).
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(['check', 'events/', '--config', 'filter.json']);
 * ```
 */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  try {
    return await dispatch(args, io);
  } catch (error) {
    return reportError(error, io);
  }
}

async function dispatch(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = args;
  if (name === undefined) {
    throw new UsageError('Name a command.');
  }
  if (name === '--help' || name === '-h') {
    return printUsage(io, undefined);
  }
  if (name === 'help') {
    return printUsage(io, rest[0]);
  }
  if (name === '--version' || name === '-v') {
    await writeLine(io.stdout, packageJson.version);
    return EXIT_CODES.ok;
  }

  const command = COMMANDS[name];
  if (command === undefined) {
    throw new UsageError(
      name.startsWith('-') ? `Unknown option \`${name}\`.` : unknownCommandMessage(name),
    );
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    return printUsage(io, name);
  }
  return command.run(rest, io);
}

function unknownCommandMessage(name: string): string {
  const suggestion = closest(name, Object.keys(COMMANDS));
  const hint = suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`;
  return `Unknown command \`${name}\`.${hint}`;
}

async function printUsage(io: CliIo, name: string | undefined): Promise<ExitCode> {
  if (name !== undefined && COMMANDS[name] === undefined) {
    throw new UsageError(unknownCommandMessage(name));
  }
  await writeLine(io.stdout, await usage(io, name));
  return EXIT_CODES.ok;
}

async function usage(io: CliIo, name: string | undefined): Promise<string> {
  const command = name === undefined ? undefined : COMMANDS[name];
  const text =
    command === undefined
      ? `${await renderUsage(mainCommand)}\n\n${EXIT_CODES_HELP}`
      : await renderUsage(command.definition, mainCommand);
  return io.stdout.isTTY ? text : stripColors(text);
}

async function reportError(error: unknown, io: CliIo): Promise<ExitCode> {
  const prefix = `${COMMAND_NAME}: `;

  if (error instanceof UsageError) {
    if (!error.showUsage) {
      await writeLine(io.stderr, `${prefix}${error.message}`);
      return EXIT_CODES.usage;
    }
    const text = await usage(io, error.command);
    await writeLine(
      io.stderr,
      `${prefix}${error.message}\n\n${io.stderr.isTTY ? text : stripColors(text)}`,
    );
    return EXIT_CODES.usage;
  }

  if (isSentryEventFilterError(error)) {
    // A configuration's syntax error can quote a control character from the file.
    const lines = error.message.split('\n').map(printable);
    await writeLine(io.stderr, `${prefix}${lines.join('\n')}`);
    return EXIT_CODES.invalid;
  }

  const { code, syscall, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (code === 'EPIPE') {
    // Whoever read the output stopped early (`| head`): nothing to report, nowhere to say it.
    return EXIT_CODES.ok;
  }
  if (typeof code === 'string' && typeof syscall === 'string') {
    await writeLine(
      io.stderr,
      `${prefix}cannot ${syscall}${path === undefined ? '' : ` ${path}`}: ${code}`,
    );
    return EXIT_CODES.invalid;
  }

  const stack = error instanceof Error ? (error.stack ?? String(error)) : String(error);
  await writeLine(io.stderr, `${prefix}unexpected error, please report it:\n${stack}`);
  return EXIT_CODES.unexpected;
}
