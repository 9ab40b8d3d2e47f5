import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The shared material CI places beside the clone: `../shared`, or the folder named by
 * `SENTRY_EVENT_FILTER_SHARED`.
 */
export const SHARED_DIR = resolve(
  process.env.SENTRY_EVENT_FILTER_SHARED ?? join(REPO_ROOT, '..', 'shared'),
);

export const CORPUS_DIR = join(SHARED_DIR, 'corpus', 'events');
export const CASES_DIR = join(SHARED_DIR, 'cases');

/** Fails loudly when the shared material is missing, so a shared suite never passes empty. */
export function requireShared(): void {
  if (!existsSync(CORPUS_DIR) || !existsSync(CASES_DIR)) {
    throw new Error(
      `The shared corpus and cases were not found at ${SHARED_DIR}. ` +
        'Place them at ../shared or set SENTRY_EVENT_FILTER_SHARED.',
    );
  }
}

/** Every corpus file (events as .json, envelopes as .envelope), sorted by name. */
export function corpusFiles(): { name: string; path: string; kind: 'event' | 'envelope' }[] {
  requireShared();
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.json') || name.endsWith('.envelope'))
    .sort()
    .map((name) => ({
      name,
      path: join(CORPUS_DIR, name),
      kind: name.endsWith('.envelope') ? ('envelope' as const) : ('event' as const),
    }));
}

/** Reads a corpus file as bytes. */
export function readCorpusFile(name: string): Buffer {
  return readFileSync(join(CORPUS_DIR, name));
}
