import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SentryEventFilterError } from '../../errors.ts';

const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);
const TSX_API = 'tsx/esm/api';

/**
 * Loads options from a JavaScript or TypeScript module: its default export, or a named
 * export `options` (which wins when both exist, as it does for CommonJS `exports.options`).
 *
 * TypeScript runs natively where Node.js strips types (22.18 and later); elsewhere through
 * tsx's `tsImport`, when tsx is installed where this package can find it.
 */
export async function loadModuleConfig(file: string, extension: string): Promise<unknown> {
  const url = pathToFileURL(file).href;
  let module: Record<string, unknown>;
  try {
    module = TYPESCRIPT_EXTENSIONS.has(extension) ? await importTypeScript(url) : await import(url);
  } catch (error) {
    if (error instanceof SentryEventFilterError) {
      throw error;
    }
    const line = (error as Error)?.name === 'SyntaxError' ? await syntaxErrorLine(file) : undefined;
    throw new SentryEventFilterError(
      'INVALID_CONFIG_FILE',
      `${file}${line === undefined ? '' : `:${line}`}: the module could not be loaded: ` +
        `${(error as Error)?.message ?? String(error)}`,
      { where: file, cause: error },
    );
  }

  const options = unwrapInterop(module.options ?? module.default);
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

/**
 * The line of a syntax error, which the error thrown by `import()` does not carry for ES
 * modules: `node --check` prints it as `file:line` first, without running the module.
 */
function syntaxErrorLine(file: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--check', file], { timeout: 10_000 }, (_error, _out, errors) => {
      const match = /^(.*):(\d+)\r?$/m.exec(String(errors));
      resolve(match?.[1] === file ? Number(match[2]) : undefined);
    });
  });
}

async function importTypeScript(url: string): Promise<Record<string, unknown>> {
  if ((process.features as { typescript?: unknown }).typescript) {
    return import(url);
  }

  let api: { tsImport: (specifier: string, parentURL: string) => Promise<Record<string, unknown>> };
  try {
    // A variable keeps bundlers from inlining tsx: it is found at run time, from this
    // package's place in node_modules (the project's own tsx, when it has one).
    api = await import(TSX_API);
  } catch {
    throw new SentryEventFilterError(
      'INVALID_CONFIG_FILE',
      `${fileURLToPath(url)}: loading a TypeScript configuration needs Node.js 22.18 or later, ` +
        'or tsx (`npm install --save-dev tsx`); a .mjs or .json configuration needs neither.',
      { where: fileURLToPath(url) },
    );
  }
  return api.tsImport(url, import.meta.url);
}

/**
 * A TypeScript or CommonJS module compiled with interop arrives as `{ default: options }`
 * (and `__esModule`); options themselves never have these keys, so unwrapping is safe.
 */
function unwrapInterop(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const keys = Object.keys(value);
  const isInterop =
    keys.length > 0 && keys.every((key) => ['default', 'options', '__esModule'].includes(key));
  if (!isInterop) {
    return value;
  }
  const wrapped = value as { options?: unknown; default?: unknown };
  return wrapped.options ?? wrapped.default;
}
