import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SentryEventFilterError } from '../../errors.ts';

const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);

/**
 * Loads options from a JavaScript or TypeScript module: its default export, or a named
 * export `options` (which wins when both exist, as it does for CommonJS `exports.options`).
 *
 * TypeScript runs natively where Node.js strips types (22.18 and later); elsewhere through
 * tsx's `tsImport`, found from the working directory first, then beside this package.
 */
export async function loadModuleConfig(
  file: string,
  extension: string,
  cwd: string,
): Promise<unknown> {
  const url = pathToFileURL(file).href;
  let module: Record<string, unknown>;
  try {
    module = TYPESCRIPT_EXTENSIONS.has(extension)
      ? await importTypeScript(url, cwd)
      : await import(url);
  } catch (error) {
    if (error instanceof SentryEventFilterError) {
      throw error;
    }
    throw new SentryEventFilterError(
      'INVALID_CONFIG_FILE',
      `${file}: the module could not be loaded: ${(error as Error)?.message ?? String(error)}`,
      { where: file, cause: error },
    );
  }

  const options = module.options ?? module.default;
  if (options === undefined) {
    throw new SentryEventFilterError(
      'INVALID_CONFIG_FILE',
      `${file}: exports no options; expected \`export default { ... }\` or ` +
        '`export const options = { ... }`.',
      { where: file },
    );
  }
  return options;
}

async function importTypeScript(url: string, cwd: string): Promise<Record<string, unknown>> {
  if ((process.features as { typescript?: unknown }).typescript) {
    return import(url);
  }

  const api = resolveTsx(cwd);
  if (api === undefined) {
    throw new SentryEventFilterError(
      'INVALID_CONFIG_FILE',
      `${url}: loading a TypeScript configuration needs Node.js 22.18 or later, or tsx ` +
        '(`npm install --save-dev tsx`); a .mjs or .json configuration needs neither.',
      { where: url },
    );
  }
  const { tsImport } = (await import(pathToFileURL(api).href)) as {
    tsImport: (specifier: string, parentURL: string) => Promise<Record<string, unknown>>;
  };
  return tsImport(url, import.meta.url);
}

function resolveTsx(cwd: string): string | undefined {
  for (const base of [join(cwd, 'package.json'), import.meta.url]) {
    try {
      return createRequire(base).resolve('tsx/esm/api');
    } catch {
      // Not installed there; try the next place.
    }
  }
  return undefined;
}
