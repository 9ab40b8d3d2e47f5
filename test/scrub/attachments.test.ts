/* biome-ignore-all lint/suspicious/noExplicitAny: tests read free-form payloads */
import { type Attachment, createEnvelope } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { type Removal, SentryEventFilter } from '../../src/index.ts';
import { isReadAttachment } from '../../src/scrub/index.ts';
import { makeScrubber } from './helpers.ts';

// Attachments are read as text unless they are binary: by their type (images, minidumps) or by
// their bytes (not UTF-8, or with NULs). JSON is walked, JSON lines line by line.

const F = '[Filtered]';
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function scrubPayload(header: Record<string, unknown>, payload: string | Uint8Array): unknown {
  const { scrubber } = makeScrubber();
  const [, [[, scrubbed]]] = scrubber.envelope(
    createEnvelope({}, [[{ type: 'attachment', ...header }, payload]] as any),
  ) as any;
  return scrubbed;
}

const SECRET_TEXT = 'user=jane password=PW-EXAMPLE-1 from 203.0.113.7';
const SCRUBBED_TEXT = `user=jane password=${F} from ${F}`;

describe('which attachments are read', () => {
  it.each([
    ['a string under any name', { filename: 'data.bin' }],
    ['a string of a binary type', { filename: 'x.png', content_type: 'image/png' }],
    ['text/*', { filename: 'x', content_type: 'text/plain; charset=utf-8' }],
    ['+xml', { filename: 'x', content_type: 'application/soap+xml' }],
    ['form data', { filename: 'x', content_type: 'application/x-www-form-urlencoded' }],
    ['.yaml', { filename: 'config.yaml' }],
    ['.yml', { filename: 'config.yml' }],
    ['.xml', { filename: 'request.xml' }],
    ['.env', { filename: '.env' }],
    ['.env.production', { filename: '.env.production' }],
    ['.ini', { filename: 'php.ini' }],
    ['.properties', { filename: 'application.properties' }],
    ['.log', { filename: 'APP.LOG' }],
    ['Unreal logs', { filename: 'x', attachment_type: 'unreal.logs' }],
  ])('scans %s', (_name, header) => {
    expect(scrubPayload(header, SECRET_TEXT)).toBe(SCRUBBED_TEXT);
  });

  it.each([
    ['text bytes of no type', { filename: 'notes' }],
    [
      'text bytes given as octet-stream',
      { filename: 'x', content_type: 'application/octet-stream' },
    ],
    ['text bytes of a text type', { filename: 'app.log' }],
  ])('scans %s and keeps them bytes', (_name, header) => {
    const scrubbed = scrubPayload(header, encode(SECRET_TEXT));
    expect(scrubbed).toBeInstanceOf(Uint8Array);
    expect(decode(scrubbed as Uint8Array)).toBe(SCRUBBED_TEXT);
  });

  it.each([
    ['bytes that are not UTF-8', { filename: 'app.log' }, new Uint8Array([0xff, 0x70, 0x3d, 0x31])],
    ['bytes with a NUL', { filename: 'app.log' }, encode(`${SECRET_TEXT}\u0000`)],
    ['an image', { filename: 'x.png', content_type: 'image/png' }, encode(SECRET_TEXT)],
    ['a minidump', { filename: 'x.dmp', attachment_type: 'event.minidump' }, encode(SECRET_TEXT)],
  ])('leaves %s alone', (_name, header, payload) => {
    expect(scrubPayload(header, payload)).toBe(payload);
  });

  it('tells the command line which ones it reads', () => {
    expect(isReadAttachment({ filename: 'a.log' }, encode('x'))).toBe(true);
    expect(isReadAttachment({ filename: 'a.png' }, 'text')).toBe(true);
    expect(isReadAttachment({ filename: 'core' }, new Uint8Array([0, 1]))).toBe(false);
    expect(isReadAttachment({ content_type: 'image/png' }, encode('x'))).toBe(false);
  });
});

describe('how they are read', () => {
  it('walks JSON of any JSON type, and of .har files', () => {
    for (const header of [
      { filename: 'x', content_type: 'application/vnd.api+json' },
      { filename: 'session.har' },
    ]) {
      const scrubbed = scrubPayload(header, '{"request":{"headers":{"Authorization":"Bearer x"}}}');
      expect(JSON.parse(scrubbed as string)).toEqual({
        request: { headers: { Authorization: F } },
      });
    }
  });

  it('walks JSON found in an attachment of no type', () => {
    const scrubbed = scrubPayload({ filename: 'state' }, '{"session":{"token":"T-1"}}');
    expect(JSON.parse(scrubbed as string)).toEqual({ session: { token: F } });
  });

  it('reads JSON lines line by line and keeps the lines that are not JSON', () => {
    const removals: Removal[] = [];
    const { scrubber } = makeScrubber();
    const text = ['{"password":"a"}', 'plain token=T-2', '', '{"n":1}'].join('\n');
    const [, [[, scrubbed]]] = scrubber.envelope(
      createEnvelope({}, [[{ type: 'attachment', filename: 'events.ndjson' }, text]] as any),
      removals,
    ) as any;
    expect(scrubbed).toBe([`{"password":"${F}"}`, `plain token=${F}`, '', '{"n":1}'].join('\n'));
    expect(removals.map((removal) => removal.path)).toEqual(['[0].password', '[1]']);
  });
});

describe('attachments as the SDK holds them', () => {
  it('returns a scrubbed copy and never writes to the given data', () => {
    const { scrubber } = makeScrubber();
    const data = encode(SECRET_TEXT);
    const attachment: Attachment = Object.freeze({ filename: 'app.log', data });
    const scrubbed = scrubber.attachment(attachment);
    expect(scrubbed).not.toBe(attachment);
    expect(decode(scrubbed.data as Uint8Array)).toBe(SCRUBBED_TEXT);
    expect(decode(data)).toBe(SECRET_TEXT);
    expect(scrubbed.filename).toBe('app.log');
  });

  it('reads the content type and attachment type the SDK uses', () => {
    const { scrubber } = makeScrubber();
    const json = scrubber.attachment({
      filename: 'x',
      contentType: 'application/json',
      data: '{"apiKey":"AK-1"}',
    });
    expect(json.data).toBe(`{"apiKey":"${F}"}`);
    const dump: Attachment = {
      filename: 'x',
      attachmentType: 'event.minidump',
      data: encode(SECRET_TEXT),
    };
    expect(scrubber.attachment(dump)).toBe(dump);
  });

  it('returns the attachment itself when nothing is found', () => {
    const { scrubber } = makeScrubber();
    const attachment: Attachment = { filename: 'a.txt', data: 'nothing to see' };
    expect(scrubber.attachment(attachment)).toBe(attachment);
  });
});

describe('attachments in the hint of the hand-wired hooks', () => {
  it.each([
    ['beforeSend', (filter: SentryEventFilter) => filter.beforeSend],
    ['beforeSendTransaction', (filter: SentryEventFilter) => filter.beforeSendTransaction],
  ] as const)('%s replaces the entries of the hint with scrubbed copies', (_name, hook) => {
    const data = encode(SECRET_TEXT);
    const log: Attachment = { filename: 'app.log', data };
    const image: Attachment = { filename: 'x.png', contentType: 'image/png', data };
    const attachments = [log, image];
    const hint = { attachments };

    hook(new SentryEventFilter())({ message: 'checkout failed' }, hint);

    expect(hint.attachments).toBe(attachments);
    expect(decode(attachments[0]?.data as Uint8Array)).toBe(SCRUBBED_TEXT);
    expect(attachments[1]).toBe(image);
    expect(log.data).toBe(data);
    expect(decode(data)).toBe(SECRET_TEXT);
  });

  it('leaves them alone when sensitive logging is enabled, and for dropped events', () => {
    const log: Attachment = { filename: 'app.log', data: SECRET_TEXT };
    const hint = { attachments: [log] };
    new SentryEventFilter({ sensitiveLoggingEnabled: true }).beforeSend({ message: 'x' }, hint);
    expect(hint.attachments[0]).toBe(log);

    class Cancelled extends Error {}
    const dropped = { attachments: [log], originalException: new Cancelled() };
    const filter = new SentryEventFilter({ filteredOutExceptions: [Cancelled] });
    expect(filter.beforeSend({ message: 'x' }, dropped)).toBeNull();
    expect(dropped.attachments[0]).toBe(log);
  });
});
