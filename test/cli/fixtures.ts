import { type Envelope, serializeEnvelope } from '@sentry/core';

/**
 * Secrets planted in the fixtures. Output must never contain them, and each is reported as
 * removed.
 */
export const SECRETS = {
  basicCredentials: 'dXNlcjpodW50ZXIy',
  sessionCookie: 's3ss10n-t0k3n-4f9a2c',
  email: 'jane.doe@example.com',
  password: 'correct-horse-battery-staple',
} as const;

/** A configuration that exercises every rule. */
export const RULES = {
  filteredOutExceptions: ['AuthCancelledError'],
  userCausedExceptions: ['ValidationError'],
  ignoredLoggers: ['http.security', 'audit'],
};

export function errorWithSecrets(eventId = 'a'.repeat(32)): Record<string, unknown> {
  return {
    event_id: eventId,
    platform: 'node',
    level: 'error',
    exception: { values: [{ type: 'TypeError', value: 'Cannot read properties of undefined' }] },
    request: {
      url: 'https://shop.example.com/checkout',
      method: 'POST',
      headers: {
        Authorization: `Basic ${SECRETS.basicCredentials}`,
        Cookie: `sessionid=${SECRETS.sessionCookie}; theme=dark`,
      },
    },
    user: { id: '42', email: SECRETS.email },
    extra: { password: SECRETS.password },
  };
}

export function exceptionEvent(type: string, eventId: string): Record<string, unknown> {
  return {
    event_id: eventId,
    platform: 'node',
    exception: { values: [{ type, value: `${type} happened` }] },
  };
}

export function loggerEvent(logger: string, eventId: string): Record<string, unknown> {
  return { event_id: eventId, platform: 'python', logger, message: `from ${logger}` };
}

export function transaction(eventId: string): Record<string, unknown> {
  return {
    event_id: eventId,
    type: 'transaction',
    transaction: 'GET /health',
    start_timestamp: 1_700_000_000,
    timestamp: 1_700_000_001,
    contexts: { trace: { trace_id: 'b'.repeat(32), span_id: 'c'.repeat(16) } },
    spans: [],
  };
}

/** Bytes that are not UTF-8 text, with line feeds inside to test framing. */
export const BINARY_ATTACHMENT = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0a, 0x00, 0xff, 0x0a, 0xfe,
]);

/**
 * An envelope with an error event, a binary attachment, a log container with one record
 * from an ignored logger, and a span.
 */
export function envelopeWithEverything(): Envelope {
  return [
    {
      event_id: 'e'.repeat(32),
      sent_at: '2024-05-01T10:00:00.000Z',
      sdk: { name: 'sentry.javascript.node', version: '11.12.0' },
    },
    [
      [{ type: 'event' }, errorWithSecrets('e'.repeat(32))],
      [
        { type: 'attachment', length: BINARY_ATTACHMENT.length, filename: 'core.dump' },
        BINARY_ATTACHMENT,
      ],
      [
        { type: 'log', item_count: 2, content_type: 'application/vnd.sentry.items.log+json' },
        {
          items: [
            {
              timestamp: 1_700_000_000,
              level: 'info',
              body: 'order placed',
              attributes: { 'logger.name': { value: 'shop.orders', type: 'string' } },
            },
            {
              timestamp: 1_700_000_001,
              level: 'warn',
              body: 'csrf token mismatch',
              attributes: { 'logger.name': { value: 'http.security.csrf', type: 'string' } },
            },
          ],
        },
      ],
      [
        { type: 'span' },
        { span_id: 'd'.repeat(16), trace_id: 'b'.repeat(32), description: 'GET /health' },
      ],
    ],
  ] as unknown as Envelope;
}

/** The envelope format, as bytes. */
export function envelopeBytes(envelope: Envelope): Uint8Array {
  const serialized = serializeEnvelope(envelope);
  return typeof serialized === 'string' ? new TextEncoder().encode(serialized) : serialized;
}

/** Events as JSON lines. */
export function jsonLines(values: readonly unknown[]): string {
  return `${values.map((value) => JSON.stringify(value)).join('\n')}\n`;
}
