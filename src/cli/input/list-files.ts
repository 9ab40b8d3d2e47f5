import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';

/**
 * File name endings read when walking a directory. Files named on the command line are always
 * read, whatever their name.
 */
export const INPUT_EXTENSIONS: ReadonlySet<string> = new Set([
  '.json',
  '.jsonl',
  '.ndjson',
  '.envelope',
]);

/** One input: standard input, a file, or a path that could not be read. */
export type InputSource =
  | { readonly kind: 'stdin'; readonly display: string; readonly outName: string }
  | {
      readonly kind: 'file';
      readonly path: string;
      /** The path as the user would write it: the argument joined with the path below it. */
      readonly display: string;
      /** Where its output goes below `--out`: its name, or its path below a directory given. */
      readonly outName: string;
      readonly size: number;
    }
  | {
      readonly kind: 'unreadable';
      readonly display: string;
      /** What is wrong, as a sentence without its full stop: `cannot read: ...`. */
      readonly problem: string;
    };

/** The name standard input goes by in messages. */
export const STDIN_NAME = '<stdin>';

/**
 * Expands the paths given on the command line into inputs: `-` is standard input, a file is
 * itself, and a directory is every input file below it (sorted; hidden entries and
 * `node_modules` are skipped, and a directory reached twice through links is read once).
 */
export async function listSources(paths: readonly string[], cwd: string): Promise<InputSource[]> {
  const sources: InputSource[] = [];
  const visited = new Set<string>();
  for (const path of paths) {
    if (path === '-') {
      sources.push({ kind: 'stdin', display: STDIN_NAME, outName: 'stdin' });
      continue;
    }
    await addPath(path, resolve(cwd, path), sources, visited);
  }
  return sources;
}

async function addPath(
  display: string,
  absolute: string,
  sources: InputSource[],
  visited: Set<string>,
): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(absolute);
  } catch (error) {
    sources.push({ kind: 'unreadable', display, problem: describeFsError(error) });
    return;
  }

  if (info.isDirectory()) {
    const before = sources.length;
    const readBefore = visited.has(await realpath(absolute));
    await walkDirectory(absolute, display, absolute, sources, visited);
    if (!readBefore && sources.length === before) {
      // Checking nothing would look like a clean result: more likely a wrong directory.
      sources.push({ kind: 'unreadable', display, problem: NOTHING_TO_READ });
    }
    return;
  }
  sources.push({
    kind: 'file',
    path: absolute,
    display,
    outName: basename(absolute),
    size: info.size,
  });
}

async function walkDirectory(
  directory: string,
  display: string,
  root: string,
  sources: InputSource[],
  visited: Set<string>,
): Promise<void> {
  const real = await realpath(directory);
  if (visited.has(real)) {
    return;
  }
  visited.add(real);

  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    sources.push({ kind: 'unreadable', display, problem: describeFsError(error) });
    return;
  }

  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') {
      continue;
    }
    const path = join(directory, entry.name);
    const shown = join(display, entry.name);
    const isInput = INPUT_EXTENSIONS.has(extname(entry.name).toLowerCase());
    const kind = entry.isSymbolicLink() || isInput ? await statOf(path) : entry;
    if (kind instanceof Error) {
      // A link to nothing is reported where its name says it is an input, skipped elsewhere.
      if (isInput) {
        sources.push({ kind: 'unreadable', display: shown, problem: describeFsError(kind) });
      }
    } else if (kind.isDirectory()) {
      await walkDirectory(path, shown, root, sources, visited);
    } else if (kind.isFile() && isInput) {
      const size = (kind as Stats).size;
      sources.push({ kind: 'file', path, display: shown, outName: relative(root, path), size });
    }
  }
}

async function statOf(path: string): Promise<Stats | Error> {
  try {
    return await stat(path);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Tells whether a path exists, without throwing. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

const NOTHING_TO_READ =
  `no ${[...INPUT_EXTENSIONS].join(', ')} file below it; ` +
  'name a file to read it whatever its name';

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'cannot read: no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read: permission denied';
    default:
      return `cannot read: ${code ?? String(error)}`;
  }
}
