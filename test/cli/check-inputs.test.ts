import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '@sentry/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  envelopeBytes,
  envelopeWithEverything,
  errorWithSecrets,
  exceptionEvent,
  jsonLines,
  loggerEvent,
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

function write(name: string, content: string | Uint8Array): string {
  const path = join(directory.path, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function check(...args: string[]) {
  return run(['check', '--config', config, ...args], { cwd: directory.path });
}

function units(stdout: string) {
  return jsonRecords(stdout).filter((record) => record.record === 'unit');
}

function summary(stdout: string) {
  return jsonRecords(stdout).find((record) => record.record === 'summary') as Record<string, never>;
}

describe('check: a JSON event', () => {
  it('prints one line for the event and a summary table', async () => {
    write('error.json', JSON.stringify(errorWithSecrets()));

    const result = await check('error.json');

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^sent\s+event\s+error\.json/);
    expect(result.stdout).toMatch(/^type\s+total\s+sent\s+dropped\s+tagged\s+removed$/m);
    expect(result.stdout).toMatch(/^all\s+1\s+1\s+0\s+0\s+\d+$/m);
    expect(result.stdout).toContain('1 input (0 invalid), 1 event');
  });

  it('reads a pretty-printed event spread over many lines', async () => {
    write('pretty.json', JSON.stringify(exceptionEvent('AuthCancelledError', '1'), null, 2));

    const result = await check('pretty.json', '--json');

    expect(units(result.stdout)).toEqual([
      expect.objectContaining({
        file: 'pretty.json',
        type: 'event',
        eventId: '1',
        outcome: 'dropped',
        droppedBy: 'filteredOutExceptions: AuthCancelledError',
      }),
    ]);
  });

  it('reads a JSON array of events, naming each by its position', async () => {
    write(
      'export.json',
      JSON.stringify([exceptionEvent('ValidationError', '1'), transaction('2')]),
    );

    const result = await check('export.json', '--json');

    expect(units(result.stdout)).toEqual([
      expect.objectContaining({ index: 0, outcome: 'sent', tags: { user_caused: 'true' } }),
      expect.objectContaining({ index: 1, type: 'transaction', outcome: 'sent' }),
    ]);
    const text = await check('export.json');
    expect(text.stdout).toMatch(/^tagged\s+event\s+export\.json\[0\]\s+user_caused=true/m);
  });
});

describe('check: envelopes', () => {
  it('reports every item type: event, binary attachment, log records and span', async () => {
    write('everything.envelope', envelopeBytes(envelopeWithEverything()));

    const result = await check('everything.envelope', '--json');

    expect(result.code).toBe(0);
    expect(units(result.stdout)).toEqual([
      expect.objectContaining({ item: 1, line: 2, type: 'event', outcome: 'sent' }),
      expect.objectContaining({
        item: 2,
        type: 'attachment',
        outcome: 'sent',
        opaque: expect.objectContaining({ filename: 'core.dump', binary: true, length: 9 }),
      }),
      expect.objectContaining({
        item: 3,
        type: 'log',
        outcome: 'sent',
        records: 2,
        droppedRecords: [{ index: 1, rule: 'ignoredLoggers: http.security' }],
      }),
      expect.objectContaining({ item: 4, type: 'span', outcome: 'sent' }),
    ]);
    expect(summary(result.stdout)).toMatchObject({
      envelopes: { total: 1, dropped: 0 },
      items: { total: 4, sent: 4, dropped: 0 },
      logRecords: { total: 2, dropped: 1 },
      events: { total: 1 },
      opaque: 1,
    });
  });

  it('names a binary attachment with its position in the text report', async () => {
    write('everything.envelope', envelopeBytes(envelopeWithEverything()));

    const result = await check('everything.envelope');

    expect(result.stdout).toMatch(
      /^sent\s+attachment\s+everything\.envelope:4#2\s+"core\.dump", 9 bytes of binary at byte \d+ passed through unread$/m,
    );
    expect(result.stdout).toMatch(
      /^sent\s+log\s+everything\.envelope:8#3\s+2 records, 1 dropped by ignoredLoggers: http\.security/m,
    );
  });

  it('drops an envelope item by the rules and counts the envelope as dropped when none is left', async () => {
    const envelope = `{}\n{"type":"event"}\n${JSON.stringify(exceptionEvent('AuthCancelledError', '9'))}\n`;
    write('dropped.envelope', envelope);

    const result = await check('dropped.envelope', '--json');

    expect(units(result.stdout)).toEqual([
      expect.objectContaining({ outcome: 'dropped', eventId: '9' }),
    ]);
    expect(summary(result.stdout)).toMatchObject({ envelopes: { total: 1, dropped: 1 } });
  });

  it('reads envelopes given per JSON line, as arrays or as strings', async () => {
    const asArray = [
      { event_id: 'x' },
      [[{ type: 'event' }, exceptionEvent('ValidationError', '1')]],
    ];
    // Text attachments only: binary bytes cannot travel inside a JSON string.
    const [header, items] = envelopeWithEverything() as unknown as [object, [object, unknown][]];
    const textOnly = [header, items.filter(([itemHeader]) => !('filename' in itemHeader))];
    const asString = new TextDecoder().decode(envelopeBytes(textOnly as unknown as Envelope));
    write('envelopes.jsonl', jsonLines([asArray, asString]));

    const result = await check('envelopes.jsonl', '--json');

    expect(result.code).toBe(0);
    expect(units(result.stdout).map((unit) => [unit.line, unit.item, unit.type])).toEqual([
      [1, 1, 'event'],
      [2, 1, 'event'],
      [2, 2, 'log'],
      [2, 3, 'span'],
    ]);
  });
});

describe('check: JSON lines', () => {
  it('reports one line per event with the rule that matched', async () => {
    write(
      'archive.jsonl',
      jsonLines([
        errorWithSecrets(),
        exceptionEvent('AuthCancelledError', '2'),
        exceptionEvent('ValidationError', '3'),
        loggerEvent('http.security.csrf', '4'),
        loggerEvent('audit', '5'),
        transaction('6'),
      ]),
    );

    const result = await check('archive.jsonl');

    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').slice(0, 6);
    expect(lines).toEqual([
      expect.stringMatching(/^sent\s+event\s+archive\.jsonl:1/),
      expect.stringMatching(
        /^dropped\s+event\s+archive\.jsonl:2\s+by filteredOutExceptions: AuthCancelledError$/,
      ),
      expect.stringMatching(/^tagged\s+event\s+archive\.jsonl:3\s+user_caused=true$/),
      expect.stringMatching(
        /^dropped\s+event\s+archive\.jsonl:4\s+by ignoredLoggers: http\.security$/,
      ),
      expect.stringMatching(/^dropped\s+event\s+archive\.jsonl:5\s+by ignoredLoggers: audit$/),
      expect.stringMatching(/^sent\s+transaction\s+archive\.jsonl:6$/),
    ]);
    expect(result.stdout).toMatch(/^event\s+5\s+2\s+3\s+1\s+\d+$/m);
    expect(result.stdout).toMatch(/^transaction\s+1\s+1\s+0\s+0\s+0$/m);
    expect(result.stdout).toMatch(/^all\s+6\s+3\s+3\s+1\s+\d+$/m);
    expect(result.stdout).toContain('filteredOutExceptions: AuthCancelledError: dropped 1');
    expect(result.stdout).toContain('userCausedExceptions: ValidationError: tagged 1');
  });

  it('skips blank lines and accepts CRLF line ends and a last line without newline', async () => {
    write(
      'crlf.jsonl',
      `${JSON.stringify(transaction('1'))}\r\n\r\n${JSON.stringify(transaction('2'))}`,
    );

    const result = await check('crlf.jsonl', '--json');

    expect(units(result.stdout).map((unit) => unit.line)).toEqual([1, 3]);
  });

  it('reads a file named .json that holds JSON lines', async () => {
    write('lines.json', jsonLines([transaction('1'), transaction('2'), transaction('3')]));

    const result = await check('lines.json', '--json');

    expect(units(result.stdout)).toHaveLength(3);
  });
});

describe('check: directories and standard input', () => {
  it('reads directories recursively, in order, skipping hidden entries and other files', async () => {
    write('events/a.json', JSON.stringify(transaction('1')));
    write('events/nested/b.jsonl', jsonLines([transaction('2')]));
    write('events/nested/deeper/c.envelope', envelopeBytes(envelopeWithEverything()));
    write('events/nested/d.ndjson', jsonLines([transaction('3')]));
    write('events/README.md', '# not an event');
    write('events/.hidden/e.json', JSON.stringify(transaction('4')));

    const result = await check('events', '--json');

    expect(result.code).toBe(0);
    expect([...new Set(units(result.stdout).map((unit) => unit.file))]).toEqual([
      join('events', 'a.json'),
      join('events', 'nested', 'b.jsonl'),
      join('events', 'nested', 'd.ndjson'),
      join('events', 'nested', 'deeper', 'c.envelope'),
    ]);
    expect(summary(result.stdout)).toMatchObject({ files: { read: 4, invalid: 0 } });
  });

  it('reports a directory that holds no input file, and reads a directory given twice once', async () => {
    write('exports/events.txt', JSON.stringify(transaction('1')));
    write('events/a.json', JSON.stringify(transaction('2')));

    const result = await check('exports', 'events', 'events');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'exports: no .json, .jsonl, .ndjson, .envelope file below it; name a file to read it ' +
        'whatever its name.',
    );
    expect(result.stderr).not.toMatch(/^events:/m);
    expect(result.stdout).toContain('2 inputs (1 invalid), 1 event');
  });

  it('reads JSON lines from standard input given as -', async () => {
    const stdin = jsonLines([exceptionEvent('AuthCancelledError', '1'), transaction('2')]);

    const result = await run(['check', '-', '--config', config, '--json'], {
      cwd: directory.path,
      stdin,
    });

    expect(units(result.stdout)).toEqual([
      expect.objectContaining({ file: '<stdin>', line: 1, outcome: 'dropped' }),
      expect.objectContaining({ file: '<stdin>', line: 2, outcome: 'sent' }),
    ]);
  });

  it('recognises an envelope on standard input', async () => {
    const result = await run(['check', '-', '--config', config, '--json'], {
      cwd: directory.path,
      stdin: envelopeBytes(envelopeWithEverything()),
    });

    expect(units(result.stdout).map((unit) => unit.type)).toEqual([
      'event',
      'attachment',
      'log',
      'span',
    ]);
  });

  it('reads standard input alongside files', async () => {
    write('a.json', JSON.stringify(transaction('1')));

    const result = await run(['check', 'a.json', '-', '--config', config, '--json'], {
      cwd: directory.path,
      stdin: JSON.stringify(transaction('2')),
    });

    expect(units(result.stdout).map((unit) => unit.file)).toEqual(['a.json', '<stdin>']);
  });
});

describe('check --format', () => {
  it('reads a file as the format given, whatever its name', async () => {
    write('capture.txt', envelopeBytes(envelopeWithEverything()));

    const result = await check('capture.txt', '--format', 'envelope', '--json');

    expect(units(result.stdout)).toHaveLength(4);
  });

  it('reports a JSON lines file read as one document where it stops being one', async () => {
    write('lines.txt', jsonLines([transaction('1'), transaction('2')]));

    const result = await check('lines.txt', '--format', 'json');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^lines\.txt:2:1: invalid JSON/m);
  });
});

describe('check without secrets in the output', () => {
  it('never prints an event value in the per-event lines or the summary', async () => {
    write('error.json', JSON.stringify(errorWithSecrets()));
    write('archive.jsonl', jsonLines([errorWithSecrets(), errorWithSecrets()]));

    for (const flags of [[], ['--json']]) {
      const result = await check('error.json', 'archive.jsonl', ...flags);
      for (const secret of Object.values(SECRETS)) {
        expect(result.stdout).not.toContain(secret);
        expect(result.stderr).not.toContain(secret);
      }
    }
  });
});
