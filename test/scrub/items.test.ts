/* biome-ignore-all lint/suspicious/noExplicitAny: tests read free-form payloads */
import {
  createEnvelope,
  type Envelope,
  type Log,
  parseEnvelope,
  type StreamedSpanJSON,
  serializeEnvelope,
} from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { type Removal, SentryEventFilter } from '../../src/index.ts';
import { errorEvent } from './fixtures/events.ts';
import { makeScrubber, sent } from './helpers.ts';

// Log records, breadcrumbs, streamed spans and every kind of envelope item.

const F = '[Filtered]';

describe('log records as beforeSendLog sees them', () => {
  it('scans the message and judges attribute names', () => {
    const { scrubber } = makeScrubber();
    const log: Log = {
      level: 'info',
      message: 'login for jane@example.com',
      attributes: {
        'user.email': 'jane@example.com',
        password: 'pw',
        count: 3,
        'sentry.release': 'r@1.0',
      },
    };
    expect(scrubber.log(log)).toEqual({
      level: 'info',
      message: `login for ${F}`,
      attributes: { 'user.email': F, password: F, count: 3, 'sentry.release': 'r@1.0' },
    });
  });

  it('turns a parameterized message (a String object) into plain text', () => {
    const { scrubber } = makeScrubber();
    const message = Object.assign(new String('token=abc'), {
      __sentry_template_string__: 'token=%s',
    });
    const scrubbed = scrubber.log({ level: 'info', message: message as any });
    expect(scrubbed.message).toBe(`token=${F}`);
  });

  it('returns the same record when there is nothing to remove', () => {
    const { scrubber } = makeScrubber();
    const log: Log = { level: 'info', message: 'all good', attributes: { count: 3 } };
    expect(scrubber.log(log)).toBe(log);
  });
});

describe('breadcrumbs as beforeBreadcrumb sees them', () => {
  it('scans the message and data, and keeps category and level', () => {
    const { scrubber } = makeScrubber();
    const removals: Removal[] = [];
    const breadcrumb = scrubber.breadcrumb(
      { category: 'http', level: 'info', data: { url: 'https://x.example.com/?token=T-1' } },
      removals,
    );
    expect(breadcrumb).toEqual({
      category: 'http',
      level: 'info',
      data: { url: `https://x.example.com/?token=${F}` },
    });
    expect(removals).toEqual([
      { path: 'data.url', rule: '@urlparam:filter', preview: `https://x.example.com/?token=${F}` },
    ]);
  });
});

describe('streamed spans as beforeSendSpan sees them', () => {
  const span: StreamedSpanJSON = {
    trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    span_id: '00f067aa0ba902b7',
    name: 'GET /reset?token=RST-1',
    start_timestamp: 1,
    end_timestamp: 2,
    status: 'ok',
    is_segment: true,
    attributes: {
      'http.request.header.authorization': 'Bearer abc',
      'client.address': '203.0.113.7',
      'sentry.origin': 'auto.http',
      timing: { value: 12, unit: 'millisecond' },
      'db.password': { value: 'pw' },
    },
    links: [{ trace_id: 't', span_id: 's', attributes: { secret: 's' } }],
  };

  it('scans the name, judges attributes raw and wrapped, and keeps ids', () => {
    const { scrubber } = makeScrubber();
    const scrubbed = scrubber.span(span);
    expect(scrubbed.name).toBe(`GET /reset?token=${F}`);
    expect(scrubbed.attributes).toEqual({
      'http.request.header.authorization': F,
      'client.address': F,
      'sentry.origin': 'auto.http',
      timing: { value: 12, unit: 'millisecond' },
      'db.password': { value: F },
    });
    expect(scrubbed.links?.[0]?.attributes).toEqual({ secret: F });
    expect(scrubbed.trace_id).toBe(span.trace_id);
  });
});

function envelopeOf(...items: unknown[]): Envelope {
  return createEnvelope({ event_id: 'e', sent_at: 'now' } as any, items as any) as Envelope;
}

describe('envelopes', () => {
  it('scrubs an event item and records _meta in it', () => {
    const { scrubber } = makeScrubber();
    const event = { ...errorEvent(), extra: { password: 'pw' } };
    const removals: Removal[] = [];
    const [, [[, payload]]] = scrubber.envelope(
      envelopeOf([{ type: 'event' }, event]),
      removals,
    ) as any;
    expect(payload.extra).toEqual({ password: F });
    expect(payload._meta).toEqual({
      extra: { password: { '': { rem: [['@password:filter', 's', 0, 10]], len: 2 } } },
    });
    expect(removals).toEqual([
      { path: 'extra.password', rule: '@password:filter', preview: F, item: 0 },
    ]);
  });

  it('removes the DSN secret and the user fields of the trace header', () => {
    const { scrubber } = makeScrubber();
    const envelope = createEnvelope(
      {
        dsn: 'https://public:SECRET-KEY@o1.ingest.sentry.io/1',
        trace: {
          trace_id: 't',
          public_key: 'public',
          user_id: 'u-1',
          user_segment: 'vip',
          transaction: '/reset?token=T',
        },
      } as any,
      [],
    ) as Envelope;
    const [header] = scrubber.envelope(envelope) as any;
    expect(header.dsn).toBe(`https://public:${F}@o1.ingest.sentry.io/1`);
    expect(header.trace).toEqual({
      trace_id: 't',
      public_key: 'public',
      transaction: `/reset?token=${F}`,
    });
  });

  it('scrubs log containers record by record, fixes attribute types and turns off IP inference', () => {
    const { scrubber } = makeScrubber();
    const container = {
      version: 2,
      ingest_settings: { infer_ip: 'auto', infer_user_agent: 'auto' },
      items: [
        {
          timestamp: 1,
          level: 'info',
          body: 'user jane@example.com signed in',
          trace_id: 't',
          attributes: {
            pin: { value: 4821, type: 'integer' },
            'sentry.message.template': { value: 'user %s signed in', type: 'string' },
            note: { value: 'ok', type: 'string' },
          },
        },
        { timestamp: 2, level: 'info', body: 'nothing here', attributes: {} },
      ],
    };
    const envelope = envelopeOf([{ type: 'log', item_count: 2 }, container]);
    const [, [[, payload]]] = scrubber.envelope(envelope) as any;
    expect(payload.ingest_settings).toEqual({ infer_ip: 'never', infer_user_agent: 'auto' });
    expect(payload.items[0].body).toBe(`user ${F} signed in`);
    expect(payload.items[0].attributes.pin).toEqual({ value: F, type: 'string' });
    expect(payload.items[0]._meta.attributes.pin.value['']).toEqual({
      rem: [['@password:filter', 's', 0, 10]],
    });
    expect(payload.items[1]).toBe(container.items[1]);
  });

  it('scrubs span containers and metric containers', () => {
    const { scrubber } = makeScrubber();
    const spans = {
      version: 2,
      items: [{ span_id: 's', name: 'x', attributes: { token: { value: 't', type: 'string' } } }],
    };
    const metrics = {
      version: 2,
      items: [
        {
          name: 'm',
          value: 1,
          attributes: { 'client.address': { value: '203.0.113.7', type: 'string' } },
        },
      ],
    };
    const [, items] = scrubber.envelope(
      envelopeOf([{ type: 'span' }, spans], [{ type: 'trace_metric' }, metrics]),
    ) as any;
    expect(items[0][1].items[0].attributes.token.value).toBe(F);
    expect(items[0][1].ingest_settings).toEqual({ infer_ip: 'never' });
    expect(items[1][1].items[0].attributes['client.address'].value).toBe(F);
  });

  it('scrubs a v1 span item', () => {
    const { scrubber } = makeScrubber();
    const [, [[, span]]] = scrubber.envelope(
      envelopeOf([{ type: 'span' }, { span_id: 's', description: 'GET /?token=T', op: 'http' }]),
    ) as any;
    expect(span).toEqual({ span_id: 's', description: `GET /?token=${F}`, op: 'http' });
  });

  it('removes the IP of sessions and scans the device id', () => {
    const { scrubber } = makeScrubber();
    const [, items] = scrubber.envelope(
      envelopeOf(
        [
          { type: 'session' },
          { sid: 's', did: 'jane@example.com', attrs: { ip_address: '{{auto}}', release: 'r' } },
        ],
        [
          { type: 'sessions' },
          { aggregates: [{ started: 'x', exited: 1 }], attrs: { ip_address: '203.0.113.7' } },
        ],
      ),
    ) as any;
    expect(items[0][1]).toEqual({ sid: 's', did: F, attrs: { release: 'r' } });
    expect(items[1][1]).toEqual({ aggregates: [{ started: 'x', exited: 1 }], attrs: {} });
  });

  it('leaves client reports, profile chunks and replay recordings untouched', () => {
    const { scrubber } = makeScrubber();
    const envelope = envelopeOf(
      [
        { type: 'client_report' },
        { discarded_events: [{ reason: 'x', category: 'password=pw', quantity: 1 }] },
      ],
      [{ type: 'profile_chunk' }, { profile: { frames: [{ function: 'password=pw' }] } }],
      [{ type: 'replay_recording', length: 3 }, new Uint8Array([1, 2, 3])],
    );
    expect(scrubber.envelope(envelope)).toBe(envelope);
  });

  it('scans the names of the transactions a profile holds, and leaves the rest of it', () => {
    const { scrubber } = makeScrubber();
    const samples = { frames: [{ function: 'resetPassword', abs_path: '/app/reset.ts' }] };
    const profile = {
      event_id: 'e'.repeat(32),
      release: 'shop@1.0.0',
      profile: samples,
      transaction: { name: 'GET /reset?token=T-1', id: 'f'.repeat(32), trace_id: 't' },
      transactions: [{ name: 'GET /reset?token=T-1', id: 'f'.repeat(32) }],
    };
    const envelope = envelopeOf([{ type: 'profile' }, profile]);

    const [, [[, scrubbed]]] = scrubber.envelope(envelope) as any;
    const written = JSON.parse(typeof scrubbed === 'string' ? scrubbed : JSON.stringify(scrubbed));

    expect(written.transaction).toEqual({ ...profile.transaction, name: `GET /reset?token=${F}` });
    expect(written.transactions[0].name).toBe(`GET /reset?token=${F}`);
    expect(written.profile).toEqual(samples);
    expect(written.release).toBe('shop@1.0.0');
  });

  it('scrubs user reports, check-ins and unknown JSON items like extra', () => {
    const { scrubber } = makeScrubber();
    const [, items] = scrubber.envelope(
      envelopeOf(
        [{ type: 'user_report' }, { email: 'jane@example.com', comments: 'hi' }],
        [{ type: 'new_kind' }, { token: 't' }],
        [{ type: 'new_kind' }, 'not json'],
        [{ type: 'event' }, 'null'],
      ),
    ) as any;
    expect(items[0][1]).toEqual({ email: F, comments: 'hi' });
    expect(items[1][1]).toEqual({ token: F });
    expect(items[2][1]).toBe('not json');
    expect(items[3][1]).toBe('null');
  });

  it('reads payloads kept as bytes or strings and fixes their length', () => {
    const { scrubber } = makeScrubber();
    const event = JSON.stringify({ message: 'password=pw' });
    const bytes = new TextEncoder().encode(event);
    const [, items] = scrubber.envelope(
      envelopeOf(
        [{ type: 'event', length: bytes.length }, bytes],
        [{ type: 'event', length: event.length }, event],
      ),
    ) as any;
    const fromBytes = JSON.parse(new TextDecoder().decode(items[0][1]));
    expect(fromBytes.message).toBe(`password=${F}`);
    expect(items[0][0].length).toBe(items[0][1].length);
    expect(JSON.parse(items[1][1]).message).toBe(`password=${F}`);
    expect(items[1][0].length).toBe(new TextEncoder().encode(items[1][1]).length);
  });

  it('drops a stale length from an item whose payload is an object', () => {
    const { scrubber } = makeScrubber();
    const [, [[header]]] = scrubber.envelope(
      envelopeOf([{ type: 'event', length: 10 }, { message: 'password=pw' }]),
    ) as any;
    expect(header).toEqual({ type: 'event' });
  });

  it('writes an envelope that serializes and parses back', () => {
    const { scrubber } = makeScrubber();
    const scrubbed = scrubber.envelope(
      envelopeOf(
        [{ type: 'event' }, { message: 'password=pw' }],
        [
          { type: 'attachment', filename: 'a.txt', content_type: 'text/plain', length: 11 },
          'password=pw',
        ],
      ),
    );
    const [, items] = parseEnvelope(serializeEnvelope(scrubbed)) as any;
    expect(new TextDecoder().decode(items[1][1])).toBe(`password=${F}`);
  });
});

describe('attachments', () => {
  const attachment = (header: Record<string, unknown>, payload: unknown) =>
    makeScrubber().scrubber.envelope(
      envelopeOf([{ type: 'attachment', ...header }, payload]),
    ) as any;

  it('parses JSON attachments, scrubs them and writes them back with their length', () => {
    const json = new TextEncoder().encode('{"user":{"password":"pw"},"n":1}');
    const [, [[header, payload]]] = attachment(
      { filename: 'state.json', content_type: 'application/json', length: json.length },
      json,
    );
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ user: { password: F }, n: 1 });
    expect(header.length).toBe(payload.length);
  });

  it('scans text attachments', () => {
    const [, [[, payload]]] = attachment(
      { filename: 'app.log' },
      'GET /?token=T-1 from 203.0.113.7',
    );
    expect(payload).toBe(`GET /?token=${F} from ${F}`);
  });

  it('scrubs view hierarchies and leaves binary attachments alone', () => {
    const hierarchy = attachment(
      { attachment_type: 'event.view_hierarchy' },
      '{"text":"jane@example.com"}',
    );
    expect(hierarchy[1][0][1]).toBe(`{"text":"${F}"}`);
    const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const binary = attachment({ filename: 'shot.png', content_type: 'image/png' }, image);
    expect(binary[1][0][1]).toBe(image);
  });

  it('leaves unchanged and unparseable attachments as they are', () => {
    const plain = attachment({ filename: 'a.txt' }, 'nothing to see');
    expect(plain[1][0][1]).toBe('nothing to see');
    const broken = attachment({ filename: 'a.json' }, '{"token": "x", broken');
    expect(broken[1][0][1]).toBe(`{"token": "${F}", broken`);
  });

  it('replaces a text attachment too large to scan', () => {
    const removals: Removal[] = [];
    const { scrubber } = makeScrubber();
    const [, [[, payload]]] = scrubber.envelope(
      envelopeOf([{ type: 'attachment', filename: 'big.log' }, 'x'.repeat(1_100_000)]),
      removals,
    ) as any;
    expect(payload).toBe('[Filtered: attachment too large to scrub]');
    expect(removals).toEqual([
      { path: '', rule: '!limit', preview: '[Filtered: attachment too large to scrub]', item: 0 },
    ]);
  });
});

describe('the filter pipeline', () => {
  it('beforeSend returns the event decided, enriched and scrubbed', () => {
    const filter = new SentryEventFilter();
    const event = filter.beforeSend({ ...errorEvent(), extra: { password: 'pw' } } as any);
    expect(event?.extra).toEqual({ password: F });
    expect(filter.stats().scrubbed).toEqual({ values: 1, byRule: { '@password:filter': 1 } });
  });

  it('check() lists removals with paths, rules and masked previews', () => {
    const filter = new SentryEventFilter();
    const result = filter.check({ message: 'mail jane@example.com', extra: { token: 'T-1' } });
    expect(result.removals).toEqual([
      { path: 'message', rule: '@email:filter', preview: `mail ${F}` },
      { path: 'extra.token', rule: '@password:filter', preview: F },
    ]);
    expect(sent(result)).not.toContain('jane@example.com');
  });

  it('checkEnvelope() reports removals per kept item', () => {
    const filter = new SentryEventFilter({ ignoredLoggers: ['noisy'] });
    const result = filter.checkEnvelope(
      envelopeOf(
        [{ type: 'event' }, { message: 'dropped', logger: 'noisy' }],
        [{ type: 'event' }, { message: 'password=pw' }],
      ),
    );
    expect(result.items[1]?.removals).toEqual([
      { path: 'message', rule: '@urlparam:filter', preview: `password=${F}`, item: 0 },
    ]);
  });

  it('beforeSendLog, beforeBreadcrumb and beforeSendSpan scrub their items', () => {
    const filter = new SentryEventFilter();
    expect(filter.beforeSendLog({ level: 'info', message: 'password=pw' })?.message).toBe(
      `password=${F}`,
    );
    expect(filter.beforeBreadcrumb({ message: 'password=pw' })?.message).toBe(`password=${F}`);
    expect(filter.beforeSendSpan({ name: 'password=pw', attributes: {} } as any).name).toBe(
      `password=${F}`,
    );
  });

  it('checkLog() scrubs log records in both shapes', () => {
    const filter = new SentryEventFilter();
    const plain = filter.checkLog({ level: 'info', message: 'password=pw' });
    expect(plain.log?.message).toBe(`password=${F}`);
    const serialized = filter.checkLog({
      timestamp: 1,
      level: 'info',
      body: 'mail jane@example.com',
      trace_id: 't',
      attributes: { token: { value: 't', type: 'string' }, n: { value: 1, type: 'integer' } },
    });
    expect(serialized.log).toEqual({
      timestamp: 1,
      level: 'info',
      body: `mail ${F}`,
      trace_id: 't',
      attributes: { token: { value: F, type: 'string' }, n: { value: 1, type: 'integer' } },
    });
    expect(serialized.removals.map((removal) => removal.path)).toEqual([
      'body',
      'attributes.token.value',
    ]);
  });

  it('sends everything unchanged with sensitiveLoggingEnabled', () => {
    const filter = new SentryEventFilter({ sensitiveLoggingEnabled: true });
    const event = { message: 'password=pw', user: { ip_address: '203.0.113.7' } };
    expect(filter.beforeSend(event as any)).toBe(event);
  });
});
