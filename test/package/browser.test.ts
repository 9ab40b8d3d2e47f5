import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { build } from 'tsdown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.ts';

// The core must run where there is no Node.js: browsers, edge runtimes, workers. Bundle it for
// the browser with every dependency inlined, then run the bundle in a bare context that has
// only what the web platform offers.

let outDir: string;
let bundle: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'sentry-event-filter-browser-'));
  await build({
    config: false,
    cwd: REPO_ROOT,
    entry: { filter: 'src/index.ts' },
    outDir,
    format: 'iife',
    globalName: 'SentryEventFilterBundle',
    platform: 'browser',
    noExternal: [/.*/],
    dts: false,
    logLevel: 'silent',
  });
  bundle = readFileSync(join(outDir, 'filter.iife.js'), 'utf8');
}, 60_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('the core in a browser-like runtime', () => {
  it('bundles without Node built-ins', () => {
    expect(bundle).not.toMatch(/require\(["']node:|from ["']node:/);
  });

  it('filters and tags events in a context without process, require or Buffer', () => {
    const context = vm.createContext({
      URL,
      URLSearchParams,
      TextEncoder,
      TextDecoder,
      setTimeout,
      clearTimeout,
    });
    vm.runInContext(bundle, context);

    const result = vm.runInContext(
      `
      const { SentryEventFilter } = SentryEventFilterBundle;
      class AuthCancelledError extends Error {}
      const filter = new SentryEventFilter({
        filteredOutExceptions: [AuthCancelledError],
        userCausedExceptions: ['ValidationError'],
      });
      const dropped = filter.beforeSend(
        { exception: { values: [{ type: 'AuthCancelledError', value: 'closed' }] } },
        { originalException: new AuthCancelledError('closed') },
      );
      const tagged = filter.beforeSend({
        exception: { values: [{ type: 'ValidationError', value: 'postcode is invalid' }] },
      });
      ({ dropped, tags: tagged.tags, hasProcess: typeof process !== 'undefined' });
      `,
      context,
    ) as { dropped: unknown; tags: Record<string, string>; hasProcess: boolean };

    expect(result.hasProcess).toBe(false);
    expect(result.dropped).toBeNull();
    expect(result.tags).toEqual({ user_caused: 'true' });
  });
});
