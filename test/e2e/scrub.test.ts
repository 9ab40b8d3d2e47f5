import type { AddressInfo } from 'node:net';
import * as Sentry from '@sentry/node';
import express from 'express';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import { flushAll, initSentry, receiverForTests } from '../helpers/sentry.ts';

// Secrets put everywhere an application puts them, sent by the real @sentry/node 11 over HTTP:
// none of them may be in the bytes the receiver gets, while what makes an event useful stays.

const SECRETS = {
  authorization: 'opaque-EXAMPLE-token-1',
  apiKey: 'AK-EXAMPLE-2',
  cookie: 'SID-EXAMPLE-3',
  bodyPassword: 'PW-EXAMPLE-4',
  queryToken: 'RST-EXAMPLE-5',
  email: 'jane.doe@example.com',
  ip: '203.0.113.7',
  extraSecret: 'XS-EXAMPLE-6',
  card: '4111 1111 1111 1111',
  breadcrumbToken: 'AT-EXAMPLE-7',
  messagePassword: 'MP-EXAMPLE-8',
  localPin: 'PIN-EXAMPLE-9',
  spanToken: 'SPAN-EXAMPLE-10',
  spanEmail: 'span.user@example.com',
  logPassword: 'LOG-EXAMPLE-11',
  pinoToken: 'PINO-EXAMPLE-12',
  seatOwner: 'seat.owner@example.com',
} as const;

function assertNoSecret(raw: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect(raw.includes(secret), `${name} (${secret}) was sent`).toBe(false);
  }
}

const receiver = await receiverForTests();

/** Reads the password the way a login handler does: a local variable when it throws. */
function verifyPin(pin: string, owner: string): never {
  const attempts = 3;
  throw new Error(
    `pin check failed for ${owner} after ${attempts} attempts (password=${SECRETS.messagePassword})`,
    { cause: pin.length },
  );
}

function checkout(url: string): Promise<Response> {
  return fetch(`${url}/checkout/1234?token=${SECRETS.queryToken}&step=2`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${SECRETS.authorization}`,
      'x-api-key': SECRETS.apiKey,
      cookie: `sid=${SECRETS.cookie}; theme=dark`,
      'x-forwarded-for': SECRETS.ip,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ user: 'jane', password: SECRETS.bodyPassword }),
  });
}

/**
 * Starts an Express 5 app under the SDK's HTTP, Express and request data integrations and the
 * filter's, whose POST `path` reads its body with `parser` and then fails, so the SDK records
 * the request with the error.
 */
async function startFailingRoute(path: string, parser: express.RequestHandler) {
  const filter = new SentryEventFilter();
  initSentry(receiver, {
    integrations: [
      Sentry.httpIntegration(),
      Sentry.expressIntegration(),
      Sentry.requestDataIntegration(),
      filter.integration(),
    ],
  });
  const app = express();
  app.use(parser);
  app.post(path, () => {
    throw new Error(`${path} failed`);
  });
  Sentry.setupExpressErrorHandler(app);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}${path}` };
}

function hasFrameVariables(): boolean {
  const frames = receiver.events().at(-1)?.payload.exception.values.at(-1).stacktrace.frames ?? [];
  return frames.some((frame: { vars?: unknown }) => frame.vars !== undefined);
}

describe('an Express 5 service', () => {
  async function startService() {
    const app = express();
    app.use(express.json());
    app.post('/checkout/:orderId', (request, _response) => {
      Sentry.setUser({ id: 'user-42', email: SECRETS.email, ip_address: SECRETS.ip });
      Sentry.setExtra('gateway', { merchant: 'acme', secret: SECRETS.extraSecret });
      // A map keyed by email address: the key itself is personal data.
      Sentry.setExtra('seats', { [SECRETS.seatOwner]: 'admin', 'team-7': 'viewer' });
      Sentry.setContext('payment', { card: SECRETS.card, provider: 'stripe' });
      Sentry.addBreadcrumb({
        category: 'http',
        data: { url: `https://api.example.com/v1/cards?access_token=${SECRETS.breadcrumbToken}` },
      });
      verifyPin(SECRETS.localPin, String(request.params.orderId));
    });
    Sentry.setupExpressErrorHandler(app);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    return { server, url: `http://127.0.0.1:${port}` };
  }

  it('sends the error without any secret, with its shape, path, stack and _meta', async () => {
    const filter = new SentryEventFilter();
    initSentry(receiver, {
      includeLocalVariables: true,
      integrations: [
        Sentry.httpIntegration(),
        Sentry.expressIntegration(),
        Sentry.requestDataIntegration(),
        Sentry.localVariablesIntegration({ captureAllExceptions: true }),
        filter.integration(),
      ],
    });
    const { server, url } = await startService();

    // The local variables worker attaches to the inspector in the background: repeat the
    // request until an event carries the frame's variables.
    let response: Response | undefined;
    for (let attempt = 0; attempt < 20 && !hasFrameVariables(); attempt++) {
      response = await checkout(url);
      await receiver.waitFor(() => receiver.events().length > attempt);
    }
    await flushAll();
    server.close();

    expect(response?.status).toBe(500);
    assertNoSecret(receiver.rawText());

    const payload = receiver.events().at(-1)?.payload;
    const exception = payload.exception.values.at(-1);
    expect(exception.value).toBe(
      'pin check failed for 1234 after 3 attempts (password=[Filtered])',
    );
    expect(
      exception.stacktrace.frames.some(
        (frame: { function?: string }) => frame.function === 'verifyPin',
      ),
    ).toBe(true);
    expect(new URL(payload.request.url).pathname).toBe('/checkout/1234');
    expect(payload.request.query_string).toBe('token=[Filtered]&step=2');
    expect(payload.request.headers).toMatchObject({
      authorization: '[Filtered]',
      'x-api-key': '[Filtered]',
      'content-type': 'application/json',
    });
    expect(payload.request.cookies).toEqual({ sid: '[Filtered]', theme: '[Filtered]' });
    expect(JSON.parse(payload.request.data)).toEqual({ user: 'jane', password: '[Filtered]' });
    expect(payload.breadcrumbs.at(-1).data.url).toBe(
      'https://api.example.com/v1/cards?access_token=[Filtered]',
    );
    expect(payload.user.id).toBe('user-42');
    expect(payload.user.ip_address).toBeUndefined();
    expect(payload.sdk.settings).toEqual({ infer_ip: 'never' });
    expect(payload.contexts.payment).toEqual({ card: '[Filtered]', provider: 'stripe' });
    expect(payload.extra.gateway.merchant).toBe('acme');
    expect(payload.extra.seats).toEqual({ '[Filtered]': 'admin', 'team-7': 'viewer' });
    expect(payload._meta.extra.seats['[Filtered]']).toEqual({
      '': { rem: [['@email:filter', 's']] },
    });
    expect(payload._meta).toBeDefined();
    expect(payload._meta.exception.values).toBeDefined();

    const frame = exception.stacktrace.frames.find(
      (candidate: { function?: string }) => candidate.function === 'verifyPin',
    );
    // Local variables were captured: the pin is replaced, the counter stays.
    expect(frame.vars.pin).toBe('[Filtered]');
    expect(frame.vars.attempts).toBe(3);
    expect(frame.vars.owner).toBe('1234');
    expect(filter.stats().scrubbed.values).toBeGreaterThan(5);
  });
});

describe('a form post', () => {
  // Percent-encoded values under innocent names: a private key, a Bearer token and a webhook URL.
  const ENCODED = {
    keyBody: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-EXAMPLE',
    bearer: 'opaque-EXAMPLE-token-13',
    hook: 'T0000EXAMPLE/B0000EXAMPLE/XXXXXXXXXXXXXXXXEXAMPLE',
  } as const;

  it('sends no secret that is percent-encoded in the body or the query string', async () => {
    const { server, url } = await startFailingRoute(
      '/import',
      express.urlencoded({ extended: false }),
    );

    const key = `-----BEGIN PRIVATE KEY-----\n${ENCODED.keyBody}\n-----END PRIVATE KEY-----`;
    const next = `https://hooks.slack.com/services/${ENCODED.hook}`;
    const response = await fetch(`${url}?next=${encodeURIComponent(next)}&page=2`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        user: 'jane',
        key,
        note: `Bearer ${ENCODED.bearer}`,
      }).toString(),
    });
    await receiver.waitFor(() => receiver.events().length > 0);
    await flushAll();
    server.close();

    expect(response.status).toBe(500);
    const raw = receiver.rawText();
    for (const [name, secret] of Object.entries(ENCODED)) {
      expect(raw.includes(secret), `${name} (${secret}) was sent`).toBe(false);
    }
    const request = receiver.events().at(-1)?.payload.request;
    const body = new URLSearchParams(request.data);
    expect(body.get('user')).toBe('jane');
    expect(body.get('note')).toBe('Bearer [Filtered]');
    expect(body.get('key')).toBe('-----BEGIN PRIVATE KEY-----[Filtered]-----END PRIVATE KEY-----');
    expect(new URLSearchParams(request.query_string).get('next')).toBe(
      'https://hooks.slack.com/services/[Filtered]',
    );
    expect(new URL(request.url).pathname).toBe('/import');
  });
});

describe('a SOAP request', () => {
  const SOAP_PASSWORD = 'SOAP-EXAMPLE-14';
  const envelope =
    '<?xml version="1.0"?>\n' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">\n' +
    '  <soap:Header><wsse:Security><wsse:UsernameToken>\n' +
    '    <wsse:Username>jane</wsse:Username>\n' +
    `    <wsse:Password Type="#PasswordText">${SOAP_PASSWORD}</wsse:Password>\n` +
    '  </wsse:UsernameToken></wsse:Security></soap:Header>\n' +
    '  <soap:Body><GetOrder><OrderId>1234</OrderId></GetOrder></soap:Body>\n' +
    '</soap:Envelope>';

  it('sends the body with its elements and without the password element text', async () => {
    const { server, url } = await startFailingRoute('/soap', express.text({ type: 'text/xml' }));

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body: envelope,
    });
    await receiver.waitFor(() => receiver.events().length > 0);
    await flushAll();
    server.close();

    expect(response.status).toBe(500);
    expect(receiver.rawText()).not.toContain(SOAP_PASSWORD);
    const data = receiver.events().at(-1)?.payload.request.data;
    expect(data).toBe(envelope.replace(SOAP_PASSWORD, '[Filtered]'));
  });
});

describe('a multipart form post', () => {
  it('sends the fields it names as secrets without their values', async () => {
    // Whatever reads the body (multer, busboy, a text parser) lets the SDK record it.
    const { server, url } = await startFailingRoute(
      '/signup',
      express.text({ type: 'multipart/form-data' }),
    );

    const form = new FormData();
    form.set('username', 'jane');
    form.set('password', 'FORM-EXAMPLE-1');
    form.set('invite_token', 'FORM-EXAMPLE-2');
    const response = await fetch(url, { method: 'POST', body: form });
    await receiver.waitFor(() => receiver.events().length > 0);
    await flushAll();
    server.close();

    expect(response.status).toBe(500);
    expect(receiver.rawText()).not.toMatch(/FORM-EXAMPLE/);
    const data = String(receiver.events().at(-1)?.payload.request.data);
    expect(data).toMatch(/name="username"\r\n\r\njane\r\n/);
    expect(data).toMatch(/name="password"\r\n\r\n\[Filtered\]\r\n/);
  });
});

describe('a GraphQL post', () => {
  it('sends a variable passed to a password argument without its value', async () => {
    const { server, url } = await startFailingRoute('/graphql', express.json());

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($p: String!, $u: String!) { login(user: $u, password: $p) { token } }',
        variables: { p: 'GQL-EXAMPLE-1', u: 'jane' },
      }),
    });
    await receiver.waitFor(() => receiver.events().length > 0);
    await flushAll();
    server.close();

    expect(response.status).toBe(500);
    expect(receiver.rawText()).not.toContain('GQL-EXAMPLE-1');
    const data = receiver.events().at(-1)?.payload.request.data;
    const body = typeof data === 'string' ? JSON.parse(data) : data;
    expect(body.variables).toEqual({ p: '[Filtered]', u: 'jane' });
  });
});

describe('spans and log records', () => {
  it('sends streamed span attributes and log records without any secret', async () => {
    const filter = new SentryEventFilter();
    const logger = pino({ name: 'billing' }, pino.destination('/dev/null'));
    initSentry(receiver, {
      tracesSampleRate: 1,
      integrations: [Sentry.pinoIntegration(), filter.integration()],
    });

    Sentry.startSpan(
      {
        name: `POST /charge?token=${SECRETS.spanToken}`,
        attributes: {
          'http.request.header.authorization': `Bearer ${SECRETS.spanToken}`,
          'user.email': SECRETS.spanEmail,
          'payment.card': SECRETS.card,
          'payment.amount': 42,
        },
      },
      () => {
        Sentry.logger.info('charge retried', { password: SECRETS.logPassword, attempt: 2 });
        logger.info({ token: SECRETS.pinoToken, order: 1234 }, `charging ${SECRETS.email}`);
      },
    );
    await flushAll();

    assertNoSecret(receiver.rawText());

    const spans = receiver.items('span').flatMap((item) => item.payload.items);
    const charge = spans.find((span: { name: string }) => span.name.startsWith('POST /charge'));
    expect(charge.name).toBe('POST /charge?token=[Filtered]');
    expect(charge.attributes['payment.amount']).toEqual({ value: 42, type: 'integer' });
    expect(charge.attributes['user.email'].value).toBe('[Filtered]');
    expect(charge._meta).toBeDefined();

    const bodies = receiver.logs().map((log) => log.body);
    expect(bodies).toEqual(expect.arrayContaining(['charge retried', 'charging [Filtered]']));
    const retried = receiver.logs().find((log) => log.body === 'charge retried') as {
      attributes: Record<string, { value: unknown }>;
    };
    expect(retried.attributes.password?.value).toBe('[Filtered]');
    expect(retried.attributes.attempt?.value).toBe(2);
  });
});

describe('a database error', () => {
  // The shape of the `pg` driver's error for a unique key violation: its own properties go to
  // the `error_properties` context, `detail` with the value of the key.
  class DatabaseError extends Error {
    override name = 'DatabaseError';
    readonly code = '23505';
    readonly constraint = 'users_api_token_key';
    readonly detail = 'Key (api_token)=(PG-EXAMPLE-1) already exists.';
  }

  it('sends the key that was violated without its value', async () => {
    const filter = new SentryEventFilter();
    initSentry(receiver, { integrations: [filter.integration()] });

    Sentry.captureException(
      new DatabaseError('duplicate key value violates unique constraint "users_api_token_key"'),
    );
    await flushAll();

    expect(receiver.rawText()).not.toContain('PG-EXAMPLE-1');
    const payload = receiver.events().at(-1)?.payload;
    expect(payload.contexts.error_properties).toMatchObject({
      code: '23505',
      constraint: 'users_api_token_key',
      detail: 'Key (api_token)=([Filtered]) already exists.',
    });
    expect(payload.tags['error.code']).toBe('23505');
  });
});

describe('stack traces and connection errors in text', () => {
  it('keeps the file positions and loopback addresses they name', async () => {
    const filter = new SentryEventFilter();
    initSentry(receiver, {
      integrations: [Sentry.consoleLoggingIntegration({ levels: ['error'] }), filter.integration()],
    });
    const refresh = new Error(`refresh failed for password=${SECRETS.logPassword}`);
    refresh.stack = [
      `Error: ${refresh.message}`,
      '    at verifyToken (/app/src/auth/token.ts:42:13)',
      '    at Object.<anonymous> (/app/src/auth/session.mjs:7:1)',
    ].join('\n');

    console.error(refresh);
    Sentry.captureException(new Error('connect ECONNREFUSED ::1:6379'));
    await flushAll();

    assertNoSecret(receiver.rawText());
    const body = String(receiver.logs().at(-1)?.body);
    expect(body).toContain('password=[Filtered]');
    expect(body).toContain('(/app/src/auth/token.ts:42:13)');
    expect(body).toContain('(/app/src/auth/session.mjs:7:1)');
    const exception = receiver.events().at(-1)?.payload.exception.values.at(-1);
    expect(exception.value).toBe('connect ECONNREFUSED ::1:6379');
  });
});

describe('versions under their keys', () => {
  it('keeps a four-part version under a key that names one, and no address elsewhere', async () => {
    const filter = new SentryEventFilter();
    initSentry(receiver, { integrations: [filter.integration()] });

    Sentry.logger.info('installed', { 'app.version': '2.14.0.1', 'peer.host': SECRETS.ip });
    Sentry.captureException(new Error('update failed'), {
      extra: { app_version: '2.14.0.1', upstream: SECRETS.ip, version: `built on ${SECRETS.ip}` },
    });
    await flushAll();

    assertNoSecret(receiver.rawText());
    expect(receiver.events().at(-1)?.payload.extra).toEqual({
      app_version: '2.14.0.1',
      upstream: '[Filtered]',
      version: 'built on [Filtered]',
    });
    const installed = receiver.logs().find((log) => log.body === 'installed') as {
      attributes: Record<string, { value: unknown }>;
    };
    expect(installed.attributes['app.version']?.value).toBe('2.14.0.1');
  });
});
