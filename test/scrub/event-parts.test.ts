/* biome-ignore-all lint/suspicious/noExplicitAny: tests read free-form event parts */
import type { Event } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { errorEvent, requestWithSecrets, transactionEvent } from './fixtures/events.ts';
import { scrubEvent, sent } from './helpers.ts';

// Every part of an event is covered, and structure is left alone.

const F = '[Filtered]';

describe('request', () => {
  const { event } = scrubEvent(requestWithSecrets());
  const request = event.request as any;

  it('keeps the URL and the query string, without the token', () => {
    expect(request.url).toBe(`https://app.example.com/reset?token=${F}&page=2`);
    expect(request.query_string).toBe(`token=${F}&page=2`);
  });

  it('replaces sensitive headers whole, forwarding headers too, and keeps the others', () => {
    expect(request.headers).toEqual({
      Authorization: F,
      Cookie: F,
      'X-Forwarded-For': F,
      Accept: 'text/html',
    });
  });

  it('keeps cookie names and replaces their values', () => {
    expect(request.cookies).toEqual({ sid: F, theme: F });
  });

  it('parses a JSON body held as a string, scrubs it and writes it back', () => {
    expect(JSON.parse(request.data)).toEqual({ user: 'jane', password: F, items: [1, 2] });
  });

  it('clears the client address from env and keeps the rest', () => {
    expect(request.env).toEqual({ REMOTE_ADDR: F, SERVER_NAME: 'web-1' });
  });

  it('leaves the method alone', () => {
    expect(request.method).toBe('POST');
  });

  it('reads query strings given as objects and as pairs', () => {
    const asObject = scrubEvent({ request: { query_string: { token: 'T-1', page: '2' } } });
    expect((asObject.event.request as any).query_string).toEqual({ token: F, page: '2' });

    const asPairs = scrubEvent({
      request: {
        query_string: [
          ['token', 'T-1'],
          ['page', '2'],
        ] as any,
      },
    });
    expect((asPairs.event.request as any).query_string).toEqual([
      ['token', F],
      ['page', '2'],
    ]);
  });

  it('reads headers and cookies given as pairs, as stored events have them', () => {
    const { event: stored } = scrubEvent({
      request: {
        headers: [
          ['Authorization', 'Basic YWRtaW46RVhBTVBMRQ=='],
          ['Accept', 'text/html'],
        ] as any,
        cookies: [['sid', 'SID-1']] as any,
      },
    });
    expect((stored.request as any).headers).toEqual([
      ['Authorization', F],
      ['Accept', 'text/html'],
    ]);
    expect((stored.request as any).cookies).toEqual([['sid', F]]);
  });

  it('replaces a cookie string whole', () => {
    const { event: withString } = scrubEvent({ request: { cookies: 'sid=SID-1; theme=dark' } });
    expect((withString.request as any).cookies).toBe(F);
  });

  it('scans a form body in place, pair by pair', () => {
    const { event: form } = scrubEvent({ request: { data: 'user=jane&password=pw-1&x=%40' } });
    expect((form.request as any).data).toBe(`user=jane&password=${F}&x=%40`);
  });

  it('judges the fields of a multipart form body by their names', () => {
    const part = (name: string, value: string, lineEnd = '\r\n') =>
      `--XyZ${lineEnd}Content-Disposition: form-data; name="${name}"${lineEnd}${lineEnd}` +
      `${value}${lineEnd}`;
    for (const lineEnd of ['\r\n', '\n']) {
      const body = (password: string, token: string, note: string) =>
        part('username', 'jane', lineEnd) +
        part('password', password, lineEnd) +
        part('user[api_token]', token, lineEnd) +
        part('note', note, lineEnd) +
        `--XyZ--${lineEnd}`;

      const raw = body('opaque-1', 'opaque-2', 'mail jane@example.com');
      // Also where the body is held in a variable or a context, not only as the request's.
      const { event } = scrubEvent({ request: { data: raw }, extra: { body: raw } });

      expect((event.request as any).data).toBe(body(F, F, `mail ${F}`));
      expect((event.extra as any).body).toBe(body(F, F, `mail ${F}`));
      expect((event as any)._meta.request.data['']).toMatchObject({
        rem: expect.arrayContaining([
          ['@password:filter', 's'],
          ['@email:filter', 's'],
        ]),
      });
    }
  });

  it('reads the values of a form body, a query string and a URL decoded', () => {
    const pem = '-----BEGIN+PRIVATE+KEY-----%0AMIIabc%0A-----END+PRIVATE+KEY-----';
    const { event } = scrubEvent({
      request: {
        url: 'https://x.example.com/a?note=Bearer+abcDEF123456ghiJKL789',
        query_string: 'note=Bearer+abcDEF123456ghiJKL789&page=2',
        data: `user=jane&key=${pem}&card=4111+1111+1111+1111`,
      },
    });
    const request = event.request as any;
    expect(request.url).toBe(`https://x.example.com/a?note=Bearer+${F}`);
    expect(request.query_string).toBe(`note=Bearer+${F}&page=2`);
    expect(request.data).toBe(
      `user=jane&key=-----BEGIN+PRIVATE+KEY-----${F}-----END+PRIVATE+KEY-----&card=${F}`,
    );
    expect(new URLSearchParams(request.data).get('user')).toBe('jane');
  });

  it('walks a body given as an object', () => {
    const { event: body } = scrubEvent({ request: { data: { card: { cvv: 123 }, note: 'ok' } } });
    expect((body.request as any).data).toEqual({ card: { cvv: F }, note: 'ok' });
  });

  it('scans a body that is not JSON after all as text', () => {
    const { event: broken } = scrubEvent({ request: { data: '{"password": "x", broken' } });
    expect((broken.request as any).data).toBe(`{"password": "${F}", broken`);
  });

  it('keeps a JSON body without secrets byte for byte', () => {
    const data = '{ "items": [1, 2],  "note": "ok" }';
    const { event: body } = scrubEvent({ request: { data } });
    expect((body.request as any).data).toBe(data);
  });
});

describe('user', () => {
  it('removes the IP address and scans the rest', () => {
    const { event } = scrubEvent({
      user: { id: 'user-42', email: 'jane@example.com', ip_address: '203.0.113.7' },
    });
    expect(event.user).toEqual({ id: 'user-42', email: F });
  });

  it('removes {{auto}} without counting it as a removal', () => {
    const { event, removed } = scrubEvent({ user: { id: 'u', ip_address: '{{auto}}' } });
    expect(event.user).toEqual({ id: 'u' });
    expect(removed).toEqual([]);
  });

  it('turns off the server inference of IP addresses', () => {
    const { event } = scrubEvent({
      sdk: { name: 'x', version: '1', settings: { infer_ip: 'auto' } },
    });
    expect(event.sdk?.settings).toEqual({ infer_ip: 'never' });
    const withoutSettings = scrubEvent({ sdk: { name: 'x', version: '1' } });
    expect(withoutSettings.event.sdk).toEqual({
      name: 'x',
      version: '1',
      settings: { infer_ip: 'never' },
    });
    expect(scrubEvent({ message: 'no sdk' }).event.sdk).toBeUndefined();
  });
});

describe('extra, contexts and tags', () => {
  it('judges keys and scans values at any depth', () => {
    const { event } = scrubEvent({
      extra: { config: { db: { password: 'pw', host: 'db.example.com' } }, note: 'ip 203.0.113.1' },
      contexts: { payment: { card: '4111 1111 1111 1111', provider: 'stripe' } },
      tags: { customer: 'jane@example.com', route: '/orders' },
    });
    expect(event.extra).toEqual({
      config: { db: { password: F, host: 'db.example.com' } },
      note: `ip ${F}`,
    });
    expect(event.contexts).toEqual({ payment: { card: F, provider: 'stripe' } });
    expect(event.tags).toEqual({ customer: F, route: '/orders' });
  });

  it('leaves trace ids and context versions alone', () => {
    const { event } = scrubEvent({
      contexts: {
        trace: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7' },
        os: { name: 'Android', kernel_version: '5.5.5.5', version: '10.0.0.1' },
      },
    });
    expect(event.contexts).toEqual({
      trace: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7' },
      os: { name: 'Android', kernel_version: '5.5.5.5', version: '10.0.0.1' },
    });
  });

  it('scans the data of the trace context', () => {
    const { event } = scrubEvent({
      contexts: {
        trace: { trace_id: 't', data: { 'url.full': 'https://x.example.com/?token=T' } },
      },
    });
    expect((event.contexts as any).trace.data['url.full']).toBe(
      `https://x.example.com/?token=${F}`,
    );
  });

  it('judges a value by the name given beside it, as HAR and validation errors hold them', () => {
    const { event } = scrubEvent({
      extra: {
        headers: [
          { name: 'Authorization', value: 'opaque-1' },
          { name: 'Accept', value: 'text/html' },
        ],
        env: [{ name: 'DB_PASSWORD', value: 'opaque-2' }],
        // express-validator and Sequelize name the field in `path`, Joi in `key`.
        invalid: [{ type: 'field', path: 'password', value: 'opaque-3', msg: 'too short' }],
        context: { key: 'api_key', label: 'api_key', value: 'opaque-4', limit: 8 },
        query: [{ name: 'page', value: '2' }],
      },
    });
    expect(sent(event)).not.toMatch(/opaque-/);
    expect(event.extra).toEqual({
      headers: [
        { name: 'Authorization', value: F },
        { name: 'Accept', value: 'text/html' },
      ],
      env: [{ name: 'DB_PASSWORD', value: F }],
      invalid: [{ type: 'field', path: 'password', value: F, msg: 'too short' }],
      context: { key: 'api_key', label: 'api_key', value: F, limit: 8 },
      query: [{ name: 'page', value: '2' }],
    });
    expect((event as any)._meta.extra.headers[0].value['']).toEqual({
      rem: [['@password:filter', 's', 0, 10]],
      len: 8,
    });
  });

  it('reads tags given as pairs, as stored events have them', () => {
    const { event } = scrubEvent({
      tags: [
        ['server_ip', '203.0.113.9'],
        ['level', 'error'],
      ] as any,
    });
    expect(event.tags).toEqual([
      ['server_ip', F],
      ['level', 'error'],
    ]);
  });
});

describe('breadcrumbs', () => {
  it('scans messages and data, including navigation targets and http.query', () => {
    const { event } = scrubEvent({
      breadcrumbs: [
        { category: 'console', message: 'login for jane@example.com' },
        { category: 'navigation', data: { from: '/login', to: '/reset?token=RST-1' } },
        {
          category: 'http',
          data: { url: 'https://x.example.com/v1', 'http.query': 'api_key=K&f=csv' },
        },
      ],
    });
    expect(event.breadcrumbs).toEqual([
      { category: 'console', message: `login for ${F}` },
      { category: 'navigation', data: { from: '/login', to: `/reset?token=${F}` } },
      {
        category: 'http',
        data: { url: 'https://x.example.com/v1', 'http.query': `api_key=${F}&f=csv` },
      },
    ]);
  });

  it('reads breadcrumbs given as { values }', () => {
    const { event } = scrubEvent({
      breadcrumbs: { values: [{ message: 'password=pw' }] } as any,
    });
    expect(event.breadcrumbs).toEqual({ values: [{ message: `password=${F}` }] });
  });
});

describe('exceptions, messages and frames', () => {
  it('scans exception values and leaves type, module, file and function names', () => {
    const original = errorEvent();
    (original.exception as any).values[0].value = 'no such user jane@example.com';
    (original.exception as any).values[0].stacktrace.frames[0].vars = {
      password: 'pw',
      t: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln',
      attempts: 2,
    };
    const { event } = scrubEvent(original);
    const value = (event.exception as any).values[0];
    expect(value.value).toBe(`no such user ${F}`);
    expect(value.type).toBe('TypeError');
    const frame = value.stacktrace.frames[0];
    expect(frame.vars).toEqual({ password: F, t: F, attempts: 2 });
    expect(frame.filename).toBe('/srv/app/src/routes/orders.js');
    expect(frame.function).toBe('loadOrder');
    // Source lines are the application's code, not its data.
    expect(frame.context_line).toBe("  const token = 'hardcoded-EXAMPLE';");
  });

  it('scans frame variables under threads too, and legacy exception lists', () => {
    const { event } = scrubEvent({
      threads: { values: [{ id: 1, stacktrace: { frames: [{ vars: { apiKey: 'K' } }] } }] },
      exception: [{ type: 'Error', value: 'token=abc' }] as any,
    });
    expect((event.threads as any).values[0].stacktrace.frames[0].vars).toEqual({ apiKey: F });
    expect(event.exception).toEqual([{ type: 'Error', value: `token=${F}` }]);
  });

  it('scans mechanism data and leaves its type', () => {
    const { event } = scrubEvent({
      exception: {
        values: [{ type: 'E', mechanism: { type: 'generic', data: { secret: 's' } } }],
      },
    });
    expect((event.exception as any).values[0].mechanism).toEqual({
      type: 'generic',
      data: { secret: F },
    });
  });

  it('scans message, logentry and its params, and keeps the template', () => {
    const { event } = scrubEvent({
      message: 'refresh failed: Bearer opaque-EXAMPLE-token-1',
      logentry: { message: 'refresh failed: %s', params: ['Bearer opaque-EXAMPLE-token-1'] },
    });
    expect(event.message).toBe(`refresh failed: Bearer ${F}`);
    expect(event.logentry).toEqual({ message: 'refresh failed: %s', params: [`Bearer ${F}`] });
  });

  it('scans fingerprint entries and keeps the grouping placeholders', () => {
    const { event } = scrubEvent({
      fingerprint: [
        '{{ default }}',
        'checkout',
        'jane@example.com',
        'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
      ],
    });
    expect(event.fingerprint).toEqual(['{{ default }}', 'checkout', F, F]);
  });

  it('reads legacy interface names', () => {
    const { event } = scrubEvent({
      'sentry.interfaces.User': { ip_address: '203.0.113.7', id: 'u' },
      'sentry.interfaces.Http': { url: 'https://x.example.com/?token=T' },
    } as Event);
    expect(sent(event)).not.toContain('203.0.113.7');
    expect((event as any)['sentry.interfaces.Http'].url).toBe(`https://x.example.com/?token=${F}`);
  });
});

describe('spans of a transaction', () => {
  it('scans descriptions and data, and keeps op, ids and the statement shape', () => {
    const { event } = scrubEvent(transactionEvent());
    const [db, http] = (event as any).spans;
    expect(db.description).toBe(`SELECT * FROM users WHERE email = '${F}'`);
    expect(db.op).toBe('db.query');
    expect(db.span_id).toBe('a1a1a1a1a1a1a1a1');
    expect(http.description).toBe(`GET https://api.example.com/v1/users?api_key=${F}&fields=id`);
    expect(http.data).toEqual({
      'http.query': `api_key=${F}&fields=id`,
      'http.response.status_code': 200,
    });
  });
});

describe('structure', () => {
  it('leaves ids, release, timestamps, sdk and modules exactly as they were', () => {
    const original = {
      ...errorEvent(),
      dist: '203.0.113.7',
      modules: { 'secret-lib': '1.2.3.4' },
      debug_meta: { images: [{ code_file: '/home/jane/app.js', debug_id: 'x' }] },
    };
    const { event } = scrubEvent(original);
    for (const key of [
      'event_id',
      'timestamp',
      'release',
      'environment',
      'dist',
      'modules',
      'debug_meta',
      'sdk',
      'platform',
      'level',
    ] as const) {
      expect((event as any)[key], key).toBe((original as any)[key]);
    }
  });

  it('never walks or changes sdkProcessingMetadata', () => {
    const metadata = {
      normalizedRequest: { headers: { cookie: 'sid=SID-1' } },
      capturedSpanIsolationScope: {},
    };
    const { event } = scrubEvent({ message: 'password=pw', sdkProcessingMetadata: metadata });
    expect(event.sdkProcessingMetadata).toBe(metadata);
    expect(metadata.normalizedRequest.headers.cookie).toBe('sid=SID-1');
  });

  it('leaves values the SDK already filtered, and counts nothing for them', () => {
    const { event, removed } = scrubEvent({ extra: { password: '[Filtered]', token: '' } });
    expect(event.extra).toEqual({ password: '[Filtered]', token: '' });
    expect(removed).toEqual([]);
  });

  it('keeps booleans and null under sensitive keys', () => {
    const { event } = scrubEvent({ extra: { password: null, token: true, secret: [false, 1] } });
    expect(event.extra).toEqual({ password: null, token: true, secret: [false, F] });
  });
});
