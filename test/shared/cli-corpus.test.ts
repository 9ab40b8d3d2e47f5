import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '@sentry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnvelope } from '../../src/envelope/index.ts';
import { jsonRecords, run, temporaryDirectory } from '../cli/run.ts';
import { CORPUS_DIR, corpusFiles, readCorpusFile } from '../helpers/shared.ts';

type JsonRecord = Record<string, unknown>;

let directory: { path: string; remove(): void };
let records: JsonRecord[];
let exitCode: number;

beforeAll(async () => {
  directory = temporaryDirectory();
  const result = await run(
    ['check', CORPUS_DIR, '--json', '--explain', '--out', join(directory.path, 'out')],
    { cwd: directory.path },
  );
  exitCode = result.code;
  records = jsonRecords(result.stdout);
});

afterAll(() => {
  directory.remove();
});

const units = () => records.filter((record) => record.record === 'unit');
const summary = () => records.find((record) => record.record === 'summary') as JsonRecord;
const fileName = (record: JsonRecord) => String(record.file).split(/[\\/]/).at(-1);

/** Envelope items of the corpus, read independently of the command. */
function corpusEnvelopeItems(): { file: string; type: string }[] {
  return corpusFiles()
    .filter((file) => file.kind === 'envelope')
    .flatMap((file) => {
      const [, items] = readEnvelope(readCorpusFile(file.name)).envelope as Envelope;
      return items.map(([header]) => ({ file: file.name, type: String(header.type) }));
    });
}

describe('check on the shared corpus', () => {
  it('reads every file without a fault', () => {
    const files = corpusFiles().map((file) => file.name);

    expect(exitCode).toBe(0);
    expect(records.filter((record) => record.record === 'fault')).toEqual([]);
    expect([...new Set(units().map(fileName))].sort()).toEqual(files);
    expect(summary().files).toEqual({ read: files.length, invalid: 0 });
  });

  it('adds up: files, events and envelope items', () => {
    const items = corpusEnvelopeItems();
    const standalone = corpusFiles().filter((file) => file.kind === 'event').length;
    const eventItems = items.filter((item) => ['event', 'transaction'].includes(item.type));
    const envelopes = corpusFiles().length - standalone;

    const result = summary() as Record<string, Record<string, number>>;
    expect(result.envelopes?.total).toBe(envelopes);
    expect(result.items?.total).toBe(items.length);
    expect(result.items?.total).toBe((result.items?.sent ?? 0) + (result.items?.dropped ?? 0));
    expect(result.events?.total).toBe(standalone + eventItems.length);
    expect(result.events?.total).toBe((result.events?.sent ?? 0) + (result.events?.dropped ?? 0));

    const types = Object.values(result.types ?? {}) as unknown as Record<string, number>[];
    const total = types.reduce((sum, counts) => sum + (counts.total ?? 0), 0);
    expect(total).toBe(units().length);
    expect(total).toBe(standalone + items.length);
    for (const counts of types) {
      expect(counts.total).toBe((counts.sent ?? 0) + (counts.dropped ?? 0));
    }
    const removed = units().reduce((sum, unit) => sum + Number(unit.removed), 0);
    expect(result.removed).toMatchObject({ units: removed });
  });
});

describe('check --out on the shared corpus', () => {
  it('writes envelopes that the strict reader reads back whole, with the same item types', () => {
    for (const file of corpusFiles().filter((entry) => entry.kind === 'envelope')) {
      const written = readEnvelope(readFileSync(join(directory.path, 'out', file.name)));
      const original = readEnvelope(readCorpusFile(file.name));

      expect(written.faults).toEqual([]);
      expect(written.items.map((item) => item.type)).toEqual(
        original.items.map((item) => item.type),
      );
    }
  });
});

/**
 * Secrets the corpus is known to hold (PROVENANCE.md, "Sensitive-looking content"), read
 * from the files themselves so the test follows the data.
 */
function knownSecrets(): { file: string; what: string; secret: string }[] {
  const read = (name: string) => readFileSync(join(CORPUS_DIR, name), 'utf8');
  const envelopePayload = (name: string) => {
    const [, items] = readEnvelope(readCorpusFile(name)).envelope as Envelope;
    return items[0]?.[1] as JsonRecord;
  };
  const secrets: { file: string; what: string; secret: string }[] = [];

  // "Authorization header": HTTP Basic credentials in a Spring transaction's request.
  const spring = envelopePayload('spotlight-java-spring-transaction.envelope');
  const authorization = (spring.request as { headers: Record<string, string> }).headers
    .authorization as string;
  secrets.push({
    file: 'spotlight-java-spring-transaction.envelope',
    what: 'Basic authorization header',
    secret: authorization.replace(/^Basic /, ''),
  });

  // "raw Cookie header (session cookies)" in a Django transaction, and the cookies string
  // of a response context.
  const django = envelopePayload('spotlight-python-django-transaction-2.envelope');
  const cookie = (django.request as { headers: Record<string, string> }).headers.Cookie as string;
  for (const pair of cookie.split(/;\s*/)) {
    secrets.push({
      file: 'spotlight-python-django-transaction-2.envelope',
      what: 'session cookie',
      secret: pair.split('=').slice(1).join('='),
    });
  }
  const java = JSON.parse(read('sentry-java-serializer-full-event.json'));
  for (const pair of String(java.contexts.response.cookies).split(/;\s*/).filter(Boolean)) {
    const value = pair.split('=').slice(1).join('=');
    if (value.length > 3) {
      secrets.push({
        file: 'sentry-java-serializer-full-event.json',
        what: 'cookie',
        secret: value,
      });
    }
  }

  // "email address": user emails in events and in an envelope.
  for (const file of [
    'bugsink-python-rich-checkout-error.json',
    'sentry-sample-javascript-legacy.json',
  ]) {
    const event = JSON.parse(read(file));
    const email = event.user?.email ?? event['sentry.interfaces.User']?.email;
    secrets.push({ file, what: 'email', secret: String(email) });
  }
  secrets.push({
    file: 'spotlight-python-django-transaction-2.envelope',
    what: 'email',
    secret: String((django.user as JsonRecord).email),
  });

  // A DSN's secret part (`https://public:secret@host/project`), wherever a header has one.
  for (const file of corpusFiles().filter((entry) => entry.kind === 'envelope')) {
    const [header] = readEnvelope(readCorpusFile(file.name)).envelope as Envelope;
    const dsn = typeof header.dsn === 'string' ? header.dsn.replaceAll('\\/', '/') : '';
    const secret = /^[a-z]+:\/\/[^:@/]+:([^@/]+)@/.exec(dsn)?.[1];
    if (secret !== undefined) {
      secrets.push({ file: file.name, what: 'DSN secret', secret });
    }
  }
  return secrets;
}

describe('check on the shared corpus: known secrets', () => {
  it.each(knownSecrets())('removes the $what in $file', ({ file, secret }) => {
    const removals = units()
      .filter((unit) => fileName(unit) === file)
      .flatMap((unit) => unit.removals as JsonRecord[]);
    const headers = records
      .filter((record) => record.record === 'header' && fileName(record) === file)
      .flatMap((record) => record.removals as JsonRecord[]);

    expect(removals.length + headers.length).toBeGreaterThan(0);
    const written = readFileSync(join(directory.path, 'out', file), 'utf8');
    expect(written).not.toContain(secret);
    expect(JSON.stringify(records)).not.toContain(secret);
  });
});

describe('check --out on the shared corpus: DSNs', () => {
  // The corpus's DSNs are modern ones, `https://public_key@host/project`: the public key is
  // what the SDK sends in every request and is not a secret, so it stays.
  it('keeps a DSN without a secret part as it is', () => {
    const kept = corpusFiles()
      .filter((file) => file.kind === 'envelope')
      .flatMap((file) => {
        const [header] = readEnvelope(readCorpusFile(file.name)).envelope as Envelope;
        return typeof header.dsn === 'string' ? [{ file: file.name, dsn: header.dsn }] : [];
      });

    expect(kept.length).toBeGreaterThan(0);
    for (const { file, dsn } of kept) {
      expect(dsn).not.toMatch(/^[a-z]+:\/\/[^:@/]+:[^@/]+@/);
      const [header] = readEnvelope(readFileSync(join(directory.path, 'out', file)))
        .envelope as Envelope;
      expect(header.dsn).toBe(dsn);
    }
  });
});
