import { type ArgsDef, parseArgs } from 'citty';
import { closest } from '../../closest.ts';
import { printable } from '../report/format.ts';
import { UsageError } from '../usage-error.ts';

/**
 * Parses a command's arguments with citty and rejects what citty lets through: options it
 * does not know and options that need a value but got none. Choices (`--format`) are checked
 * here too, so their message reads like the tool's others rather than citty's.
 */
export function parseCommandArgs<T extends ArgsDef>(
  command: string,
  rawArgs: readonly string[],
  definitions: T,
): ReturnType<typeof parseArgs<T>> {
  rejectUnknownOptions(command, rawArgs, definitions);

  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs<T>([...rawArgs], withChoicesAsStrings(definitions));
  } catch (error) {
    throw new UsageError(stripColors((error as Error).message), command);
  }

  for (const [name, definition] of Object.entries(definitions)) {
    const value: unknown = parsed[name];
    if ((definition.type === 'string' || definition.type === 'enum') && value === '') {
      throw new UsageError(`The option \`--${name}\` needs a value.`, command);
    }
    if (definition.type === 'enum' && typeof value === 'string') {
      rejectUnknownChoice(command, name, value, definition.options ?? []);
    }
  }
  return parsed;
}

/** The definitions with each `enum` read as a plain string, checked afterwards by us. */
function withChoicesAsStrings<T extends ArgsDef>(definitions: T): T {
  return Object.fromEntries(
    Object.entries(definitions).map(([name, definition]) => {
      if (definition.type !== 'enum') {
        return [name, definition];
      }
      const { options: _options, ...rest } = definition;
      return [name, { ...rest, type: 'string' }];
    }),
  ) as T;
}

function rejectUnknownChoice(
  command: string,
  name: string,
  value: string,
  choices: readonly string[],
): void {
  if (choices.length === 0 || choices.includes(value)) {
    return;
  }
  const listed = choices.map((choice) => `\`${choice}\``);
  const expected = `${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}`;
  const suggestion = closest(value, choices);
  const hint = suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`;
  throw new UsageError(
    `The option \`--${name}\` takes ${expected}, not \`${printable(value)}\`.${hint}`,
    command,
  );
}

function rejectUnknownOptions(
  command: string,
  rawArgs: readonly string[],
  definitions: ArgsDef,
): void {
  const long = new Set<string>();
  const short = new Set<string>();
  for (const [name, definition] of Object.entries(definitions)) {
    if (definition.type === 'positional') {
      continue;
    }
    long.add(name);
    if (definition.type === 'boolean') {
      long.add(`no-${name}`);
    }
    const aliases = 'alias' in definition ? definition.alias : undefined;
    for (const alias of typeof aliases === 'string' ? [aliases] : (aliases ?? [])) {
      (alias.length === 1 ? short : long).add(alias);
    }
  }

  for (const argument of rawArgs) {
    if (argument === '--') {
      return;
    }
    if (argument === '-' || !argument.startsWith('-')) {
      continue;
    }
    const known = argument.startsWith('--')
      ? long.has(argument.slice(2).split('=')[0] ?? '')
      : [...(argument.slice(1).split('=')[0] ?? '')].every((letter) => short.has(letter));
    if (!known) {
      const name = argument.split('=')[0] ?? argument;
      const suggestion = name.startsWith('--') ? closest(name.slice(2), [...long]) : undefined;
      const hint = suggestion === undefined ? '' : ` Did you mean \`--${suggestion}\`?`;
      throw new UsageError(`Unknown option \`${name}\`.${hint}`, command);
    }
  }
}

/** Removes terminal color codes, which citty adds to some messages. */
export function stripColors(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
