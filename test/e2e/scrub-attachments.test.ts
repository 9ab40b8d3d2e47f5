import * as Sentry from '@sentry/node';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { flushAll, initSentry, receiverForTests } from '../helpers/sentry.ts';

// Attachments added with `scope.addAttachment` go out in the event's envelope. Sent by the real
// @sentry/node 11 over HTTP, with the hooks wired by hand or through the integration, the
// secrets in them never reach the receiver, and the application's buffers stay as they were.

const SECRETS = {
  logPassword: 'ATT-EXAMPLE-1',
  stateToken: 'ATT-EXAMPLE-2',
  notesKey: 'ATT-EXAMPLE-3',
} as const;

const receiver = await receiverForTests();

const LOG = `GET /login user=jane password=${SECRETS.logPassword}\n`;
// Binary by its NUL byte, and still UTF-8, which the test receiver needs to read envelopes.
const BINARY = new TextEncoder().encode('PNG\u0000password=ATT-BINARY\n');

function captureWithAttachments(notes: Uint8Array): void {
  Sentry.withScope((scope) => {
    scope.addAttachment({ filename: 'request.log', data: LOG });
    scope.addAttachment({
      filename: 'state.json',
      contentType: 'application/json',
      data: JSON.stringify({ session: { token: SECRETS.stateToken }, step: 2 }),
    });
    scope.addAttachment({ filename: 'notes', data: notes });
    scope.addAttachment({ filename: 'shot.png', contentType: 'image/png', data: BINARY });
    scope.addAttachment({ filename: 'core', data: BINARY });
    Sentry.captureException(new Error('checkout failed'));
  });
}

describe.each([
  [
    'hooks wired by hand',
    (filter: SentryEventFilter): Partial<Sentry.NodeOptions> => ({
      beforeSend: filter.beforeSend,
    }),
  ],
  [
    'the integration',
    (filter: SentryEventFilter): Partial<Sentry.NodeOptions> => ({
      integrations: [filter.integration()],
    }),
  ],
] as const)('attachments through %s', (_name, wiring) => {
  it('sends them scrubbed, binary ones unchanged, and leaves the given data alone', async () => {
    const filter = new SentryEventFilter();
    initSentry(receiver, wiring(filter));
    const notes = new TextEncoder().encode(`api_key=${SECRETS.notesKey} for the retry job`);

    captureWithAttachments(notes);
    await flushAll();

    const raw = receiver.rawText();
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(raw.includes(secret), `${name} (${secret}) was sent`).toBe(false);
    }

    const attachments = receiver.items('attachment');
    const byName = new Map(
      attachments.map((item) => [item.header.filename as string, item.payload as unknown]),
    );
    expect(text(byName.get('request.log'))).toBe('GET /login user=jane password=[Filtered]\n');
    expect(JSON.parse(text(byName.get('state.json')))).toEqual({
      session: { token: '[Filtered]' },
      step: 2,
    });
    expect(text(byName.get('notes'))).toBe('api_key=[Filtered] for the retry job');
    // Binary data is sent as it is: bytes cannot be scanned reliably.
    expect([...bytes(byName.get('shot.png'))]).toEqual([...BINARY]);
    expect([...bytes(byName.get('core'))]).toEqual([...BINARY]);
    expect(new TextDecoder().decode(notes)).toContain(SECRETS.notesKey);
    expect(receiver.events()).toHaveLength(1);
  });
});

describe('a HAR attachment', () => {
  it('sends it without the headers, cookies and parameters it names as secrets', async () => {
    const filter = new SentryEventFilter();
    initSentry(receiver, { integrations: [filter.integration()] });
    // A browser recording of the failed request: every header, cookie and parameter is a
    // `{ name, value }` object.
    const request = {
      method: 'POST',
      url: 'https://shop.example.com/login',
      headers: [
        { name: 'Authorization', value: 'HAR-EXAMPLE-1' },
        { name: 'Accept', value: 'application/json' },
      ],
      cookies: [{ name: 'sid', value: 'HAR-EXAMPLE-2' }],
      queryString: [{ name: 'access_token', value: 'HAR-EXAMPLE-3' }],
      postData: { params: [{ name: 'password', value: 'HAR-EXAMPLE-4' }] },
    };
    const har = { log: { version: '1.2', entries: [{ request, response: { status: 401 } }] } };

    Sentry.withScope((scope) => {
      scope.addAttachment({ filename: 'login.har', data: JSON.stringify(har) });
      Sentry.captureException(new Error('login failed'));
    });
    await flushAll();

    expect(receiver.rawText()).not.toMatch(/HAR-EXAMPLE/);
    const [attachment] = receiver.items('attachment');
    const sentRequest = JSON.parse(text(attachment?.payload)).log.entries[0].request;
    expect(sentRequest.headers).toEqual([
      { name: 'Authorization', value: '[Filtered]' },
      { name: 'Accept', value: 'application/json' },
    ]);
    expect(sentRequest.url).toBe('https://shop.example.com/login');
  });
});

function bytes(payload: unknown): Uint8Array {
  if (payload instanceof Uint8Array) {
    return payload;
  }
  return new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload));
}

function text(payload: unknown): string {
  return new TextDecoder().decode(bytes(payload));
}
