import { readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { type ArgsDef, defineCommand } from 'citty';
import { type StarterKind, starterConfig } from '../config/starter.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { type CliIo, writeLine } from '../io.ts';
import { UsageError } from '../usage-error.ts';
import { parseCommandArgs } from './arguments.ts';

/** The file `init` writes when none is named. */
export const DEFAULT_CONFIG_FILE = 'sentry-event-filter.config.mjs';

const KIND_BY_EXTENSION: Readonly<Record<string, StarterKind | 'package'>> = {
  '.mjs': 'module',
  '.cjs': 'commonjs',
  // As Node.js reads it: an ES module in a `"type": "module"` package, else CommonJS.
  '.js': 'package',
  '.jsonc': 'jsonc',
};

export const initArgs = {
  file: {
    type: 'positional',
    required: false,
    description: `Where to write it: .mjs, .cjs, .js or .jsonc (default: ${DEFAULT_CONFIG_FILE})`,
  },
  force: {
    type: 'boolean',
    alias: 'f',
    description: 'Overwrite the file if it exists',
  },
} satisfies ArgsDef;

export const initCommand = defineCommand({
  meta: { name: 'init', description: 'Write a commented starter configuration' },
  args: initArgs,
});

/** Writes the starter configuration; refuses to overwrite without `--force`. */
export async function runInitCommand(rawArgs: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCommandArgs('init', rawArgs, initArgs);
  if (args._.length > 1) {
    throw new UsageError('Name one file to write.', 'init');
  }

  const name = args._[0] ?? DEFAULT_CONFIG_FILE;
  const extensionKind = KIND_BY_EXTENSION[extname(name).toLowerCase()];
  if (extensionKind === undefined) {
    throw new UsageError(
      `Cannot write a starter configuration to ${name}: init writes a JavaScript module ` +
        '(.mjs, .cjs or .js) or JSON with comments (.jsonc).',
      'init',
    );
  }

  const path = resolve(io.cwd, name);
  const kind =
    extensionKind === 'package'
      ? (await isModulePackage(dirname(path)))
        ? 'module'
        : 'commonjs'
      : extensionKind;
  try {
    await writeFile(path, starterConfig(kind, name), { flag: args.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${name} already exists; use --force to overwrite it.`, 'init', {
        usage: false,
      });
    }
    throw error;
  }

  const shown = relative(io.cwd, path) || name;
  await writeLine(
    io.stdout,
    `Wrote ${shown}. Try it: npx sentry-event-filter check --config ${shown} <files>`,
  );
  return EXIT_CODES.ok;
}

/** Tells whether the nearest package.json above `directory` says `"type": "module"`. */
async function isModulePackage(directory: string): Promise<boolean> {
  for (let current = directory; ; current = dirname(current)) {
    let text: string | undefined;
    try {
      text = await readFile(join(current, 'package.json'), 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      try {
        return (JSON.parse(text) as { type?: unknown }).type === 'module';
      } catch {
        return false;
      }
    }
    if (dirname(current) === current) {
      return false;
    }
  }
}
