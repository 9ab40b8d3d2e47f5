import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exceptionEvent, jsonLines } from './fixtures.ts';
import { run, temporaryDirectory } from './run.ts';

let directory: { path: string; remove(): void };

beforeEach(() => {
  directory = temporaryDirectory();
});

afterEach(() => {
  directory.remove();
});

async function cli(...args: string[]) {
  return run(args, { cwd: directory.path });
}

describe('init', () => {
  it('writes a commented JavaScript configuration that check then finds and loads', async () => {
    const result = await cli('init');

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote sentry-event-filter.config.mjs.');
    const written = readFileSync(join(directory.path, 'sentry-event-filter.config.mjs'), 'utf8');
    expect(written).toMatch(/^\/\/ /m);
    expect(written).toContain('export default {');
    for (const option of ['filteredOutExceptions', 'userCausedExceptions', 'ignoredLoggers']) {
      expect(written).toContain(`  ${option}: [`);
    }

    writeFileSync(join(directory.path, 'events.jsonl'), jsonLines([exceptionEvent('X', '1')]));
    const check = await cli('check', 'events.jsonl');
    expect(check.code).toBe(0);
    expect(check.stderr).toBe('Using the configuration in sentry-event-filter.config.mjs.\n');
  });

  it('writes JSON with comments when asked for a .jsonc file, and that loads too', async () => {
    const result = await cli('init', 'policy.jsonc');

    expect(result.code).toBe(0);
    const written = readFileSync(join(directory.path, 'policy.jsonc'), 'utf8');
    expect(written).toContain('// ');
    expect(written).toContain('"ignoredLoggers": []');

    writeFileSync(join(directory.path, 'events.jsonl'), jsonLines([exceptionEvent('X', '1')]));
    const check = await cli('check', 'events.jsonl', '--config', 'policy.jsonc');
    expect(check.code).toBe(0);
    expect(check.stderr).toBe('');
  });

  it('refuses to overwrite a file unless --force is given', async () => {
    writeFileSync(join(directory.path, 'sentry-event-filter.config.mjs'), '// mine\n');

    const refused = await cli('init');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists; use --force to overwrite it.');
    expect(refused.stderr).not.toContain('USAGE');
    expect(readFileSync(join(directory.path, 'sentry-event-filter.config.mjs'), 'utf8')).toBe(
      '// mine\n',
    );

    const forced = await cli('init', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(directory.path, 'sentry-event-filter.config.mjs'), 'utf8')).toContain(
      'export default',
    );
  });

  it.each([
    ['policy.js', 'commonjs', 'module.exports = {'],
    ['policy.js', undefined, 'module.exports = {'],
    ['policy.js', 'module', 'export default {'],
    ['policy.cjs', 'module', 'module.exports = {'],
    ['policy.mjs', 'commonjs', 'export default {'],
  ])('writes %s in a package of type %s as `%s`, which check loads', async (name, type, start) => {
    writeFileSync(join(directory.path, 'package.json'), JSON.stringify({ name: 'app', type }));
    writeFileSync(join(directory.path, 'events.jsonl'), jsonLines([exceptionEvent('X', '1')]));

    const result = await cli('init', name);

    expect(result.code).toBe(0);
    const written = readFileSync(join(directory.path, name), 'utf8');
    expect(written).toContain(`\n${start}\n`);
    const check = await cli('check', 'events.jsonl', '--config', name);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('refuses a format that cannot hold comments', async () => {
    const result = await cli('init', 'policy.json');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'init writes a JavaScript module (.mjs, .cjs or .js) or JSON with comments (.jsonc).',
    );
  });
});
