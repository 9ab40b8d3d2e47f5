import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope, Event } from '@sentry/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEnvelope } from '../../src/envelope/index.ts';
import { SentryEventFilter } from '../../src/index.ts';
import {
  BINARY_ATTACHMENT,
  envelopeBytes,
  envelopeWithEverything,
  errorWithSecrets,
  exceptionEvent,
  jsonLines,
  RULES,
  SECRETS,
  transaction,
} from './fixtures.ts';
import { jsonRecords, run, temporaryDirectory } from './run.ts';

let directory: { path: string; remove(): void };
let config: string;

beforeEach(() => {
  directory = temporaryDirectory();
  config = join(directory.path, 'rules.json');
  writeFileSync(config, JSON.stringify(RULES));
});

afterEach(() => {
  directory.remove();
});

function write(name: string, content: string | Uint8Array): void {
  const path = join(directory.path, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

function read(name: string): string {
  return readFileSync(join(directory.path, name), 'utf8');
}

async function check(...args: string[]) {
  return run(['check', '--config', config, ...args], { cwd: directory.path });
}

/** What the library itself makes of an event under the same rules. */
function expected(event: Event): Event | null {
  return new SentryEventFilter(RULES).check(event).event;
}

describe('check --json', () => {
  it('prints JSON lines: one unit per event, faults, then a summary that adds up', async () => {
    write(
      'archive.jsonl',
      jsonLines([errorWithSecrets(), exceptionEvent('AuthCancelledError', '2'), transaction('3')]) +
        'broken\n',
    );

    const result = await check('archive.jsonl', '--json');
    const records = jsonRecords(result.stdout);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(records.map((record) => record.record)).toEqual([
      'unit',
      'unit',
      'unit',
      'fault',
      'summary',
    ]);
    const summary = records.at(-1) as Record<string, Record<string, number>>;
    expect(summary.events).toEqual({ total: 3, sent: 2, dropped: 1, tagged: 0 });
    expect(summary.files).toEqual({ read: 1, invalid: 1 });
    expect(summary.faults).toBe(1);
    const types = summary.types as unknown as Record<string, Record<string, number>>;
    const total = Object.values(types).reduce((sum, counts) => sum + (counts.total ?? 0), 0);
    expect(total).toBe(3);
  });

  it('leaves removals out unless --explain is given', async () => {
    write('error.json', JSON.stringify(errorWithSecrets()));

    const plain = jsonRecords((await check('error.json', '--json')).stdout)[0];
    const explained = jsonRecords((await check('error.json', '--json', '--explain')).stdout)[0];

    expect(plain).not.toHaveProperty('removals');
    expect(explained).toHaveProperty('removals');
    expect(explained?.removed).toBe((explained?.removals as unknown[] | undefined)?.length);
  });
});

describe('explain', () => {
  it('prints what check --explain prints', async () => {
    write('error.json', JSON.stringify(errorWithSecrets()));

    const explained = await run(['explain', 'error.json', '--config', config], {
      cwd: directory.path,
    });
    const checked = await check('error.json', '--explain');

    expect(explained.code).toBe(0);
    expect(explained.stdout).toBe(checked.stdout);
    expect(explained.stdout).toContain('[Filtered]');
  });
});

describe('check --explain', () => {
  it('lists the log records dropped from a log container with their rule', async () => {
    write('everything.envelope', envelopeBytes(envelopeWithEverything()));

    const result = await check('everything.envelope', '--explain');

    expect(result.stdout).toContain('    log record 2 dropped by ignoredLoggers: http.security');
  });

  it('never prints a secret, in text or JSON', async () => {
    write('error.json', JSON.stringify(errorWithSecrets()));
    write('everything.envelope', envelopeBytes(envelopeWithEverything()));

    for (const flags of [['--explain'], ['--explain', '--json']]) {
      const result = await check('error.json', 'everything.envelope', ...flags);
      for (const secret of Object.values(SECRETS)) {
        expect(result.stdout).not.toContain(secret);
      }
    }
  });

  it('shows every removal as path, rule and masked preview', async () => {
    write('error.json', JSON.stringify(errorWithSecrets()));

    const result = await check('error.json', '--explain');
    const removals = new SentryEventFilter(RULES).check(errorWithSecrets() as Event).removals;

    expect(removals.length).toBeGreaterThanOrEqual(4);
    expect(result.stdout).toContain(`${removals.length} values removed`);
    for (const removal of removals) {
      expect(result.stdout).toContain(
        `    ${removal.path}  ${removal.rule}  ${JSON.stringify(removal.preview)}`,
      );
    }
    for (const path of ['request.headers', 'user.email', 'extra.password']) {
      expect(result.stdout).toContain(`    ${path}`);
    }
  });
});

describe('envelope headers', () => {
  it('reports a DSN secret removed from the header, apart from the items', async () => {
    const secret = '0f9e8d7c6b5a4938';
    write(
      'legacy.envelope',
      `{"event_id":"abc","dsn":"https://8d5e1c2b9a:${secret}@o1.ingest.sentry.io/42"}\n` +
        '{"type":"event"}\n{"message":"hi"}\n',
    );

    const text = await check('legacy.envelope', '--explain', '--out', 'filtered');
    const json = jsonRecords((await check('legacy.envelope', '--json', '--explain')).stdout);

    expect(text.stdout).toMatch(/^\s+header\s+legacy\.envelope\s+1 value removed$/m);
    expect(text.stdout).toMatch(/^ {4}header\.dsn {2}\S+ {2}"https:\/\/8d5e1c2b9a:/m);
    expect(text.stdout).toContain('1 value removed (1 from envelope headers)');
    expect(json).toContainEqual(
      expect.objectContaining({ record: 'header', file: 'legacy.envelope', removed: 1 }),
    );
    for (const output of [text.stdout, JSON.stringify(json), read('filtered/legacy.envelope')]) {
      expect(output).not.toContain(secret);
    }
  });
});

describe('check --out', () => {
  it('writes a filtered JSON event under its own name, as the library filters it', async () => {
    write('error.json', JSON.stringify(errorWithSecrets()));

    const result = await check('error.json', '--out', 'filtered');

    expect(result.code).toBe(0);
    const written = JSON.parse(read('filtered/error.json'));
    expect(written).toEqual(JSON.parse(JSON.stringify(expected(errorWithSecrets() as Event))));
    for (const secret of Object.values(SECRETS)) {
      expect(read('filtered/error.json')).not.toContain(secret);
    }
  });

  it('writes no file for a dropped event', async () => {
    write('cancelled.json', JSON.stringify(exceptionEvent('AuthCancelledError', '1')));

    await check('cancelled.json', '--out', 'filtered');

    expect(existsSync(join(directory.path, 'filtered/cancelled.json'))).toBe(false);
  });

  it('writes the JSON lines that remain, in order', async () => {
    write(
      'archive.jsonl',
      jsonLines([transaction('1'), exceptionEvent('AuthCancelledError', '2'), transaction('3')]),
    );

    await check('archive.jsonl', '--out', 'filtered');

    const lines = read('filtered/archive.jsonl').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).event_id)).toEqual(['1', '3']);
  });

  it('reports a line it cannot write, nested too deeply, and writes the others', async () => {
    // Too deep for JSON.stringify, and so written by hand; JSON.parse reads it.
    const deep = `{"event_id":"2","type":"transaction","sdk":{"packages":${nested(100_000)}}}`;
    const [first, , third] = jsonLines([transaction('1'), {}, transaction('3')]).split('\n');
    write('archive.jsonl', `${first}\n${deep}\n${third}\n`);

    const result = await check('archive.jsonl', '--out', 'filtered');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'archive.jsonl:2: cannot be written to --out: nested too deeply.',
    );
    const lines = read('filtered/archive.jsonl').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).event_id)).toEqual(['1', '3']);
  });

  it('writes an envelope that the strict reader reads back, with dropped records gone and the attachment intact', async () => {
    write('everything.envelope', envelopeBytes(envelopeWithEverything()));

    await check('everything.envelope', '--out', 'filtered');

    const bytes = readFileSync(join(directory.path, 'filtered/everything.envelope'));
    const result = readEnvelope(bytes);
    expect(result.faults).toEqual([]);
    const [, items] = result.envelope as Envelope;
    expect(items.map(([header]) => header.type)).toEqual(['event', 'attachment', 'log', 'span']);
    expect(items[1]?.[1]).toEqual(BINARY_ATTACHMENT);
    const logs = (items[2]?.[1] as { items: { body: string }[] } | undefined)?.items ?? [];
    expect(logs.map((log) => log.body)).toEqual(['order placed']);
  });

  it('mirrors the paths below a directory and names standard input by its format', async () => {
    write('events/a.json', JSON.stringify(transaction('1')));
    write('events/nested/b.jsonl', jsonLines([transaction('2')]));

    const result = await run(
      ['check', 'events', '-', '--config', config, '--out', 'filtered', '--quiet'],
      { cwd: directory.path, stdin: jsonLines([transaction('3'), transaction('4')]) },
    );

    expect(result.code).toBe(0);
    expect(JSON.parse(read('filtered/a.json')).event_id).toBe('1');
    expect(JSON.parse(read('filtered/nested/b.jsonl')).event_id).toBe('2');
    expect(read('filtered/stdin.jsonl').trim().split('\n')).toHaveLength(2);
  });

  it('writes a JSON array back as an array of what remains, in either JSON shape', async () => {
    write(
      'export.json',
      JSON.stringify([exceptionEvent('AuthCancelledError', '1'), transaction('2')]),
    );
    write(
      'envelope.json',
      JSON.stringify([{ event_id: 'x' }, [[{ type: 'event' }, transaction('3')]]]),
    );

    await check('export.json', 'envelope.json', '--out', 'filtered');

    const events = JSON.parse(read('filtered/export.json'));
    expect(events.map((event: Event) => event.event_id)).toEqual(['2']);
    const [header, items] = JSON.parse(read('filtered/envelope.json'));
    expect(header).toEqual({ event_id: 'x' });
    expect(items[0][1].event_id).toBe('3');
  });

  it('reports an output it cannot write as a fault of that input', async () => {
    write('a.json', JSON.stringify(transaction('1')));
    write('blocker', 'a file where a directory should be');

    const result = await check('a.json', '--out', 'blocker/filtered');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^a\.json: cannot mkdir .*blocker.*: (ENOTDIR|EEXIST)\.$/m);
  });

  it('ends by saying how many files it wrote where, and how many inputs it left out', async () => {
    write('error.json', JSON.stringify(errorWithSecrets()));
    write('cancelled.json', JSON.stringify(exceptionEvent('AuthCancelledError', '1')));
    write('archive.jsonl', jsonLines([transaction('2')]));

    const result = await check(
      'error.json',
      'cancelled.json',
      'archive.jsonl',
      '--out',
      'filtered',
    );
    const all = await check('error.json', 'archive.jsonl', '--out', 'filtered/');

    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      '',
      '2 files written to filtered/, 1 input left out (nothing in it would be sent)',
    ]);
    expect(all.stdout.trimEnd().split('\n').at(-1)).toBe('2 files written to filtered/');
  });

  it('says what it wrote in the JSON summary, and not with --quiet or without --out', async () => {
    write('error.json', JSON.stringify(errorWithSecrets()));
    write('cancelled.json', JSON.stringify(exceptionEvent('AuthCancelledError', '1')));

    const json = await check('error.json', 'cancelled.json', '--out', 'filtered', '--json');
    const quiet = await check('error.json', 'cancelled.json', '--out', 'filtered', '--quiet');
    const plain = await check('error.json', 'cancelled.json', '--json');

    const summary = jsonRecords(json.stdout).at(-1);
    expect(summary?.record).toBe('summary');
    expect(summary?.out).toEqual({ dir: 'filtered', files: 1, leftOut: 1 });
    expect(quiet.stdout).not.toContain('written to');
    expect(jsonRecords(plain.stdout).at(-1)).not.toHaveProperty('out');
  });

  it('refuses to overwrite its own inputs', async () => {
    write('a.json', JSON.stringify(transaction('1')));

    const result = await check('a.json', '--out', '.');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('would overwrite the input a.json');
    expect(JSON.parse(read('a.json'))).toEqual(transaction('1'));
  });
});

describe('check --quiet', () => {
  it('prints only faults and the summary', async () => {
    write('archive.jsonl', `${JSON.stringify(transaction('1'))}\nbroken\n`);

    const result = await check('archive.jsonl', '--quiet');

    expect(result.stdout.split('\n')[0]).toMatch(/^type\s+total/);
    expect(result.stderr).toMatch(/^archive\.jsonl:2:1: invalid JSON/);
  });
});

/** The JSON text of an array nested `depth` levels deep. */
function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

describe('the text summary', () => {
  it('names envelopes and log records only when the input had some', async () => {
    write('event.json', JSON.stringify(errorWithSecrets()));
    write('capture.envelope', envelopeBytes(envelopeWithEverything()));

    const events = await check('event.json');
    const both = await check('event.json', 'capture.envelope');

    expect(events.code).toBe(0);
    expect(events.stdout).toContain('1 input (0 invalid), 1 event\n');
    expect(events.stdout).not.toMatch(/envelope|log record/);
    expect(both.stdout).toMatch(/2 inputs \(0 invalid\), \d+ events?, 1 envelope with \d+ items/);
    expect(both.stdout).toMatch(/\d+ log records? \(\d+ dropped\)/);
  });
});
