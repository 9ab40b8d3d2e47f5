import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { exceptionEvent, jsonLines, loggerEvent } from './fixtures.ts';
import { jsonRecords, run, temporaryDirectory } from './run.ts';

let directory: { path: string; remove(): void };

beforeEach(() => {
  directory = temporaryDirectory();
  write(
    'events.jsonl',
    jsonLines([
      exceptionEvent('AuthCancelledError', '1'),
      exceptionEvent('ValidationError', '2'),
      loggerEvent('worker.billing', '3'),
    ]),
  );
});

afterEach(() => {
  directory.remove();
});

function write(name: string, content: string): string {
  const path = join(directory.path, name);
  writeFileSync(path, content);
  return path;
}

async function check(...args: string[]) {
  return run(['check', 'events.jsonl', '--json', ...args], { cwd: directory.path });
}

/** The outcome of each event, in order, as `dropped`, `tagged` or `sent`. */
async function outcomes(...args: string[]): Promise<string[]> {
  const result = await check(...args);
  expect(result.stderr).toBe('');
  return jsonRecords(result.stdout)
    .filter((record) => record.record === 'unit')
    .map((record) =>
      record.outcome === 'sent' && Object.keys(record.tags as object).length > 0
        ? 'tagged'
        : String(record.outcome),
    );
}

/** The message the library itself gives for these options. */
function libraryMessage(options: unknown): string {
  try {
    new SentryEventFilter(options as never);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the options were valid');
}

const RULES_JSON = {
  filteredOutExceptions: ['AuthCancelledError'],
  userCausedExceptions: ['ValidationError'],
  ignoredLoggers: ['worker.*'],
};

describe('configuration files', () => {
  it('reads JSON, with exception classes given by name', async () => {
    write('rules.json', JSON.stringify(RULES_JSON));

    expect(await outcomes('--config', 'rules.json')).toEqual(['dropped', 'tagged', 'dropped']);
  });

  it('reads JSON with comments', async () => {
    write(
      'rules.jsonc',
      `// team policy\n{\n  /* drop */ "filteredOutExceptions": ["AuthCancelledError"]\n}\n`,
    );

    expect(await outcomes('-c', 'rules.jsonc')).toEqual(['dropped', 'sent', 'sent']);
  });

  it('reads the default export of a JavaScript module, classes included', async () => {
    write(
      'rules.mjs',
      `class AuthCancelledError extends Error {}\n` +
        `export default { filteredOutExceptions: [AuthCancelledError], ` +
        `ignoredLoggers: ['worker'] };\n`,
    );

    expect(await outcomes('--config', 'rules.mjs')).toEqual(['dropped', 'sent', 'dropped']);
  });

  it('reads a named `options` export and a CommonJS module', async () => {
    write('named.mjs', `export const options = { userCausedExceptions: ['ValidationError'] };\n`);
    write('common.cjs', `module.exports = { userCausedExceptions: ['ValidationError'] };\n`);

    expect(await outcomes('--config', 'named.mjs')).toEqual(['sent', 'tagged', 'sent']);
    expect(await outcomes('--config', 'common.cjs')).toEqual(['sent', 'tagged', 'sent']);
  });

  it('reads a TypeScript module', async () => {
    write(
      'rules.ts',
      `class AuthCancelledError extends Error {}\n` +
        `const loggers: readonly string[] = ['worker.billing'];\n` +
        `export default { filteredOutExceptions: [AuthCancelledError], ignoredLoggers: loggers };\n`,
    );

    expect(await outcomes('--config', 'rules.ts')).toEqual(['dropped', 'sent', 'dropped']);
  });

  it('finds sentry-event-filter.config.mjs in the working directory', async () => {
    write(
      'sentry-event-filter.config.mjs',
      `export default { filteredOutExceptions: ['AuthCancelledError'] };\n`,
    );

    expect(await outcomes()).toEqual(['dropped', 'sent', 'sent']);
  });

  it('says which configuration it found, and nothing when it was named', async () => {
    write(
      'sentry-event-filter.config.mjs',
      `export default { filteredOutExceptions: ['AuthCancelledError'] };\n`,
    );

    const found = await run(['check', 'events.jsonl'], { cwd: directory.path });
    const named = await run(
      ['check', 'events.jsonl', '--config', 'sentry-event-filter.config.mjs'],
      { cwd: directory.path },
    );

    expect(found.code).toBe(0);
    expect(found.stderr).toContain('Using the configuration in sentry-event-filter.config.mjs.');
    expect(named.stderr).not.toContain('Using the configuration');
  });

  it('checks with the defaults when there is no configuration, and says so', async () => {
    const result = await run(['check', 'events.jsonl'], { cwd: directory.path });

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('No configuration found: checking with the defaults');
  });
});

describe('configuration errors', () => {
  it.each([
    ['an unknown option', { ignoredLogers: ['x'] }, '2:3'],
    ['a bad logger pattern', { ignoredLoggers: ['ok', 'has space'] }, '2:26'],
    ['a bad detector switch (at the value)', { scrub: { detectors: { email: 'no' } } }, '2:33'],
    ['a switch given as a string (at the value)', { matchCauses: 'yes' }, '2:17'],
    ['an empty replacement (at the value)', { scrub: { replacement: '' } }, '2:26'],
    ['an unknown detector (at the key)', { scrub: { detectors: { phone: false } } }, '2:25'],
    ['a blank class name', { filteredOutExceptions: [' Spaced '] }, '2:28'],
  ])(
    'reports %s in JSON with the library message, the file, line and column',
    async (_name, options, place) => {
      const path = write('bad.json', `{\n  ${JSON.stringify(options).slice(1, -1)}\n}\n`);

      const result = await check('--config', 'bad.json');

      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `sentry-event-filter: ${path}:${place}: ${libraryMessage(options)}\n`,
      );
    },
  );

  it('gives the line and column of every bad option in JSON, each with the library message', async () => {
    const text = [
      '{',
      '  "filteredOutExceptions": ["AuthCancelledError", 42],',
      '  "ignoredLoggers": ["has space"],',
      '  "bogusOption": 1',
      '}',
    ].join('\n');
    const path = write('bad.json', text);
    const [first, ...more] = libraryMessage(JSON.parse(text)).split('\n');

    const result = await check('--config', 'bad.json');

    expect(result.code).toBe(1);
    expect(more).toHaveLength(3);
    expect(result.stderr).toBe(
      [
        `sentry-event-filter: ${path}:2:51: ${first}`,
        more[0],
        more[1]?.replace('  - ', '  - 3:22: '),
        more[2]?.replace('  - ', '  - 4:3: '),
        '',
      ].join('\n'),
    );
  });

  it('reports a JSON syntax error with its place', async () => {
    const path = write('broken.json', '{\n  "ignoredLoggers": ["a" "b"]\n}\n');

    const result = await check('--config', 'broken.json');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${path}:2:26: Unexpected string; expected a JSON object of options.`,
    );
  });

  it.each([
    ['after a comma', '{\n  "ignoredLoggers": ["a", // more to come\n', '3:1'],
    ['after a value', '{\n  "ignoredLoggers": ["a"', '2:25'],
    ['after a key', '{ "ignoredLoggers"', '1:19'],
  ])('reports a JSON configuration cut off %s where it ends', async (_name, text, place) => {
    const path = write('cut.json', text);

    const result = await check('--config', 'cut.json');

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `sentry-event-filter: ${path}:${place}: the file ends inside a value; ` +
        'expected a JSON object of options.\n',
    );
  });

  it('accepts comments and trailing commas, as JSON with comments allows', async () => {
    write('rules.jsonc', '{\n  // noisy\n  "ignoredLoggers": ["a",],\n}\n');

    const result = await check('--config', 'rules.jsonc');

    expect(result.code).toBe(0);
  });

  it('reports an option given twice in JSON, which would silently drop the first', async () => {
    const path = write(
      'twice.json',
      '{\n  "filteredOutExceptions": ["AuthCancelledError"],\n' +
        '  "scrub": { "keys": ["pin"], "keys": [] },\n' +
        '  "filteredOutExceptions": []\n}\n',
    );

    const result = await check('--config', 'twice.json');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${path}:3:31: \`scrub.keys\` is given twice (first at 3:14); keep one.`,
    );
    expect(result.stderr).toContain(
      `${path}:4:3: \`filteredOutExceptions\` is given twice (first at 2:3); keep one.`,
    );
    expect(result.stdout).toBe('');
  });

  it('never sends control characters from the configuration to the terminal', async () => {
    write('odd.json', '{ "ignoredLoggers": ["a"] }\u001b[2J');

    const result = await check('--config', 'odd.json');

    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr).toContain("odd.json:1:28: Unexpected character '\\u001b'");
  });

  it('reports a JSON configuration that is not an object', async () => {
    const path = write('list.json', '["AuthCancelledError"]');

    const result = await check('--config', 'list.json');

    expect(result.stderr).toContain(
      `${path}:1:1: expected a JSON object of options, found an array`,
    );
  });

  it('reports an invalid option in a JavaScript module with the library message', async () => {
    const options = { userCausedTag: 'has spaces in it' };
    const path = write('bad.mjs', `export default ${JSON.stringify(options)};\n`);

    const result = await check('--config', 'bad.mjs');

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`sentry-event-filter: ${path}: ${libraryMessage(options)}\n`);
  });

  it('reports a module that fails to load or exports nothing', async () => {
    const throwing = write('throwing.mjs', `throw new Error('no database here');\n`);
    const empty = write('empty.mjs', 'export const unrelated = 1;\n');

    const failed = await check('--config', 'throwing.mjs');
    const nothing = await check('--config', 'empty.mjs');

    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      `${throwing}: the module could not be loaded: no database here`,
    );
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain(`${empty}: exports no options`);
  });

  it('reports a missing file and an unknown format', async () => {
    write('rules.yaml', 'filteredOutExceptions: []\n');

    const missing = await check('--config', 'nope.json');
    const yaml = await check('--config', 'rules.yaml');

    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json: cannot read the configuration: no such file\./);
    expect(yaml.code).toBe(1);
    expect(yaml.stderr).toMatch(/rules\.yaml: unknown configuration format `\.yaml`/);
  });
});
