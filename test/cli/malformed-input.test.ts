import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  envelopeBytes,
  envelopeWithEverything,
  jsonLines,
  SECRETS,
  transaction,
} from './fixtures.ts';
import { jsonRecords, run, temporaryDirectory } from './run.ts';

let directory: { path: string; remove(): void };

beforeEach(() => {
  directory = temporaryDirectory();
});

afterEach(() => {
  directory.remove();
});

function write(name: string, content: string | Uint8Array): void {
  writeFileSync(join(directory.path, name), content);
}

async function check(...args: string[]) {
  return run(['check', ...args], { cwd: directory.path });
}

/** Units read from good files, to show they were processed despite the bad ones. */
function unitFiles(stdout: string): unknown[] {
  return jsonRecords(stdout)
    .filter((record) => record.record === 'unit')
    .map((record) => record.file);
}

describe('malformed input', () => {
  it('reports a malformed JSON line with file, line, column and byte, and reads the others', async () => {
    const good = JSON.stringify(transaction('1'));
    write('archive.jsonl', `${good}\n{"event_id": "2", oops}\n${good}\n`);

    const result = await check('archive.jsonl');

    expect(result.code).toBe(1);
    const offset = good.length + 1 + '{"event_id": "2", '.length;
    expect(result.stderr).toContain(
      `archive.jsonl:2:19: invalid JSON (Expected double-quoted property name); expected one ` +
        `event or envelope per line. [byte ${offset}]`,
    );
    expect(result.stdout).toMatch(/^sent\s+transaction\s+archive\.jsonl:1$/m);
    expect(result.stdout).toMatch(/^sent\s+transaction\s+archive\.jsonl:3$/m);
    expect(result.stdout).toContain('1 input (1 invalid), 2 events');
    expect(result.stdout).toContain('1 fault');
  });

  it('reports a truncated JSON event as truncated, at its end', async () => {
    const text = JSON.stringify(transaction('1'), null, 2);
    write('cut.json', text.slice(0, 80));
    write('good.json', text);

    const result = await check('cut.json', 'good.json', '--json');

    expect(result.code).toBe(1);
    const faults = jsonRecords(result.stdout).filter((record) => record.record === 'fault');
    expect(faults).toEqual([
      expect.objectContaining({
        file: 'cut.json',
        offset: 80,
        message: expect.stringContaining('the input ends inside a JSON value (truncated?)'),
      }),
    ]);
    expect(unitFiles(result.stdout)).toEqual(['good.json']);
  });

  it('reports a truncated last JSON line', async () => {
    write('archive.jsonl', `${JSON.stringify(transaction('1'))}\n{"event_id":"2","mess`);

    const result = await check('archive.jsonl');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^archive\.jsonl:2:\d+: the input ends inside a JSON value/m);
  });

  it('reports an envelope whose length header runs past the end', async () => {
    write(
      'overrun.envelope',
      '{}\n{"type":"event"}\n{"message":"kept"}\n{"type":"attachment","length":400}\nshort\n',
    );
    write('good.json', JSON.stringify(transaction('1')));

    const result = await check('overrun.envelope', 'good.json');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^overrun\.envelope:6: Item 2: `length` is 400 bytes but only 6 remain; the input is truncated or the length is wrong\. \[byte 80\]$/m,
    );
    // The item before the fault and the other file are still checked.
    expect(result.stdout).toMatch(/^sent\s+event\s+overrun\.envelope:2#1$/m);
    expect(result.stdout).toMatch(/^sent\s+transaction\s+good\.json$/m);
  });

  it('reports an envelope whose length header is too short, and reads the items after it', async () => {
    write(
      'short.envelope',
      '{}\n{"type":"attachment","length":3}\nhello\n{"type":"event"}\n{"user":{"email":"a@b.co"}}\n',
    );

    const result = await check('short.envelope');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^short\.envelope:3: Item 1: expected a newline after its 3-byte payload, found 0x6c \('l'\).* Reading went on at line 4, the next item header\. \[byte 39\]$/m,
    );
    expect(result.stdout).toMatch(/^sent\s+event\s+short\.envelope:4#2\s+1 value removed$/m);
  });

  it('reports an envelope item that is not JSON and reads the items after it', async () => {
    write(
      'bad-item.envelope',
      '{}\n{"type":"event"}\n<html>oops</html>\n{"type":"event"}\n{"message":"after"}\n',
    );

    const result = await check('bad-item.envelope', '--json');

    expect(result.code).toBe(1);
    expect(jsonRecords(result.stdout)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ record: 'fault', line: 3, column: 1, item: 1, offset: 20 }),
        expect.objectContaining({ record: 'unit', item: 2, outcome: 'sent' }),
      ]),
    );
  });

  it('reports a binary file by name and reads the other files', async () => {
    write(
      'image.json',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]),
    );
    write('events.jsonl', jsonLines([transaction('1')]));

    const result = await check('image.json', 'events.jsonl');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('image.json: not UTF-8 text (binary data?)');
    expect(result.stdout).toMatch(/^sent\s+transaction\s+events\.jsonl:1$/m);
  });

  it('reports a binary line inside JSON lines and reads the lines around it', async () => {
    const good = JSON.stringify(transaction('1'));
    write(
      'mixed.jsonl',
      Buffer.concat([
        Buffer.from(`${good}\n`),
        Buffer.from([0xff, 0xfe, 0x0a]),
        Buffer.from(`${good}\n`),
      ]),
    );

    const result = await check('mixed.jsonl');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^mixed\.jsonl:2: not UTF-8 text/m);
    expect(result.stdout).toContain('2 events');
  });

  it('passes a binary attachment through, naming it, without calling it invalid', async () => {
    write('with-attachment.envelope', envelopeBytes(envelopeWithEverything()));

    const result = await check('with-attachment.envelope');

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /"core\.dump", 9 bytes of binary at byte \d+ passed through unread/,
    );
  });

  it('reports an empty file, and keeps an empty JSON lines archive quiet', async () => {
    write('empty.json', '');
    write('blank', '\n\n');
    write('empty.jsonl', '');

    const result = await check('empty.json', 'blank', 'empty.jsonl');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('empty.json:1: the input is empty; expected a JSON event.');
    expect(result.stderr).toContain('blank:1: the input is empty; expected a JSON event.');
    expect(result.stderr).not.toContain('empty.jsonl');
  });

  it('reports a path that does not exist and checks the others', async () => {
    write('good.json', JSON.stringify(transaction('1')));

    const result = await check('missing.json', 'good.json');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.json: cannot read: no such file or directory.');
    expect(result.stdout).toContain('2 inputs (1 invalid), 1 event');
  });

  it.runIf(existsSync('/proc/self/mem'))(
    'reports a file that fails while it is read, with its name, and checks the others',
    async () => {
      write('good.json', JSON.stringify(transaction('1')));

      // Reading the start of a process's own memory fails with EIO once the file is open.
      const result = await check('/proc/self/mem', 'good.json');

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('/proc/self/mem: cannot read: EIO.');
      expect(result.stdout).toContain('2 inputs (1 invalid), 1 event');
    },
  );

  it('reports input files in a directory that are links to nothing, or to themselves', async () => {
    mkdirSync(join(directory.path, 'events'));
    write('events/good.json', JSON.stringify(transaction('1')));
    symlinkSync('missing.json', join(directory.path, 'events', 'broken.json'));
    symlinkSync('self.jsonl', join(directory.path, 'events', 'self.jsonl'));

    const result = await check('events');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${join('events', 'broken.json')}: cannot read: no such file or directory.`,
    );
    expect(result.stderr).toContain(`${join('events', 'self.jsonl')}: cannot read: ELOOP.`);
    expect(result.stdout).toContain('3 inputs (2 invalid), 1 event');
  });

  it('reports values that are not events', async () => {
    write('values.jsonl', '42\n"not an envelope"\nnull\n[1,2]\n');

    const result = await check('values.jsonl', '--json');

    const faults = jsonRecords(result.stdout).filter((record) => record.record === 'fault');
    expect(faults.map((fault) => fault.line)).toEqual([1, 2, 3, 4]);
    expect(faults[0]?.message).toContain(
      'expected an event (a JSON object) or an envelope, found a number',
    );
    expect(faults[1]?.message).toContain('in the envelope string');
  });

  it('shows the first hundred faults of a file and counts the rest', async () => {
    write('noise.jsonl', 'x\n'.repeat(150));

    const result = await check('noise.jsonl');

    expect(result.stderr.split('\n').filter((line) => /^noise\.jsonl:\d/.test(line))).toHaveLength(
      100,
    );
    expect(result.stderr).toContain('noise.jsonl: 50 more faults not shown.');
    expect(result.stdout).toContain('150 faults');
  });

  it('never sends control characters from the input to the terminal', async () => {
    const controls = '\u001b[2J\u009b';
    write('odd.envelope', `{}\n${JSON.stringify({ type: `ev${controls}` })}\n{}\n`);
    write(`cut${controls}.json`, '{"event_id":');

    const result = await check('odd.envelope', `cut${controls}.json`);

    expect(result.code).toBe(1);
    for (const text of [result.stdout, result.stderr]) {
      expect(text).not.toContain('\u001b');
      expect(text).not.toContain('\u009b');
    }
    expect(result.stdout).toMatch(/^sent\s+ev\\u001b\[2J\\u009b\s+odd\.envelope:2#1$/m);
    expect(result.stdout).toMatch(/^ev\\u001b\[2J\\u009b\s+1\s+1\s/m);
    expect(result.stderr).toMatch(/^cut\\u001b\[2J\\u009b\.json:1:\d+: the input ends/m);
  });

  it('never quotes the input in a fault', async () => {
    write('leaky.jsonl', `{"password": ${SECRETS.password}}\n"${SECRETS.email}"\n`);
    write('leaky.envelope', `{"dsn": "${SECRETS.sessionCookie}",}\n`);

    const result = await check('leaky.jsonl', 'leaky.envelope');

    expect(result.code).toBe(1);
    for (const secret of Object.values(SECRETS)) {
      expect(result.stderr).not.toContain(secret);
      expect(result.stdout).not.toContain(secret);
    }
  });
});
