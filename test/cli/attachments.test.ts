import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEnvelope, type Envelope } from '@sentry/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BINARY_ATTACHMENT, envelopeBytes, errorWithSecrets } from './fixtures.ts';
import { jsonRecords, run, temporaryDirectory } from './run.ts';

// What `check` says about attachments: the ones the filter read are scanned (or replaced
// whole when too large), only the others pass through unread.

let directory: { path: string; remove(): void };

beforeEach(() => {
  directory = temporaryDirectory();
});

afterEach(() => {
  directory.remove();
});

const LOG = new TextEncoder().encode('password=hunter2x token=abc123 from 203.0.113.9\n');

function attachmentEnvelope(): Envelope {
  const attachment = (filename: string, data: Uint8Array) =>
    [{ type: 'attachment', length: data.length, filename }, data] as const;
  return createEnvelope({ event_id: 'a'.repeat(32) }, [
    [{ type: 'event' }, errorWithSecrets()],
    attachment('app.log', LOG),
    attachment('notes', LOG),
    attachment('core.dump', BINARY_ATTACHMENT),
    attachment('huge.log', new TextEncoder().encode('x'.repeat(1_100_000))),
  ] as never);
}

async function check(...args: string[]) {
  writeFileSync(join(directory.path, 'a.envelope'), envelopeBytes(attachmentEnvelope()));
  return run(['check', 'a.envelope', ...args], { cwd: directory.path });
}

describe('check: attachments', () => {
  it('reports scanned text attachments as scanned, with what was removed', async () => {
    const result = await check();

    expect(result.code).toBe(0);
    const line = (item: number) =>
      result.stdout
        .split('\n')
        .find((text) => text.includes(`a.envelope:`) && text.includes(`#${item} `));
    expect(line(2)).toMatch(/^sent\s+attachment\s+a\.envelope:4#2\s+/);
    expect(line(2)).toMatch(/ {2}"app\.log", 48 bytes of text scanned, 3 values removed$/);
    expect(line(3)).toMatch(/ {2}"notes", 48 bytes of text scanned, 3 values removed$/);
    expect(line(4)).toMatch(
      / {2}"core\.dump", 9 bytes of binary at byte \d+ passed through unread$/,
    );
    expect(line(5)).toMatch(
      / {2}"huge\.log", 1100000 bytes of text replaced whole: too large to scrub$/,
    );
    expect(result.stdout).toMatch(/, 1 payload passed through unread,/);
  });

  it('calls bytes with NUL characters binary, even when they are valid UTF-8', async () => {
    // A core dump's first bytes: control characters and NULs, all valid UTF-8.
    const dump = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]);
    const envelope = createEnvelope({ event_id: 'a'.repeat(32) }, [
      [{ type: 'attachment', length: dump.length, filename: 'core' }, dump],
    ] as never);
    writeFileSync(join(directory.path, 'dump.envelope'), envelopeBytes(envelope));

    const result = await run(['check', 'dump.envelope'], { cwd: directory.path });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      / {2}"core", 9 bytes of binary at byte \d+ passed through unread$/m,
    );
  });

  it('lists scanned attachments apart from unread ones in JSON', async () => {
    const result = await check('--json');

    const units = jsonRecords(result.stdout).filter((record) => record.record === 'unit');
    expect(units[1]).toMatchObject({
      type: 'attachment',
      read: { filename: 'app.log', length: 48, replaced: false },
      removed: 3,
    });
    expect(units[1]).not.toHaveProperty('opaque');
    expect(units[3]).toMatchObject({ opaque: { filename: 'core.dump', binary: true } });
    expect(units[4]).toMatchObject({ read: { filename: 'huge.log', replaced: true } });
    const summary = jsonRecords(result.stdout).find((record) => record.record === 'summary');
    expect(summary).toMatchObject({ opaque: 1 });
  });
});
