/**
 * A customer updates their card and the payment provider declines it. The request carries
 * what real ones do: a bearer token, a session cookie, the client's IP address, an API key
 * and an e-mail address in the query, a password, card number and IBAN in the JSON body; the
 * error message and a log line repeat some of it. The SDK filters a few header, cookie and
 * query names by itself; the filter must remove the rest, wherever it ends up, and keep what
 * is harmless.
 */
import type { Event } from '@sentry/core';
import { check, eventsOfType, exactlyOneEvent, secretsAbsent } from '../support/checks.ts';
import { runIfMain } from '../support/command.ts';
import type { Field, Scenario, Secret } from '../support/scenario.ts';

// Made-up values in real shapes: a signed JWT, a Luhn-valid test card, a valid IBAN and an
// address from a documentation range (RFC 5737), so the detectors have the real thing to find.
const CUSTOMER = {
  email: 'jane.doe@example.com',
  password: 'correct-horse-battery-staple',
  cardNumber: '4242424242424242',
  iban: 'DE89370400440532013000',
  ipAddress: '203.0.113.7',
  sessionId: 'sess_8c1f4e2a9b7d6053',
  apiKey: 'ak_demo_7Qm2x9Lp4Rt8Vw3',
  resetToken: 'rst_93b1c7e45f20a8d6',
  jwt:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjdXNfMTAyNCIsImV4cCI6MTg5MzQ1NjAwMH0.' +
    'Qm9uZCBKYW1lcyBCb25kIGphbWVzIGJvbmQgMDA3',
};

const SECRETS: readonly Secret[] = [
  { label: 'e-mail address', value: CUSTOMER.email, variants: ['jane.doe%40example.com'] },
  { label: 'password', value: CUSTOMER.password },
  { label: 'card number', value: CUSTOMER.cardNumber },
  { label: 'IBAN', value: CUSTOMER.iban },
  { label: 'client IP address', value: CUSTOMER.ipAddress },
  { label: 'session id', value: CUSTOMER.sessionId },
  { label: 'API key', value: CUSTOMER.apiKey },
  { label: 'password-reset token', value: CUSTOMER.resetToken },
  { label: 'JWT', value: CUSTOMER.jwt },
];

// A browser's user agent: a version number that looks like an IP address and must stay.
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0.0.0 Safari/537.36';
const PATH = `/account/payment-method?api_key=${CUSTOMER.apiKey}&email=jane.doe%40example.com`;
const REFERER_PATH = `/reset?token=${CUSTOMER.resetToken}`;

function header(name: string) {
  return (event: Event) => event.request?.headers?.[name];
}

function cookie(name: string) {
  return (event: Event) => (event.request?.cookies as Record<string, unknown> | undefined)?.[name];
}

/** A query parameter, whichever shape the SDK kept the query string in. */
function query(name: string) {
  return (event: Event): unknown => {
    const queryString: unknown = event.request?.query_string;
    if (typeof queryString === 'string') {
      return new URLSearchParams(queryString).get(name) ?? undefined;
    }
    if (Array.isArray(queryString)) {
      return (queryString as [string, string][]).find(([key]) => key === name)?.[1];
    }
    return (queryString as Record<string, unknown> | undefined)?.[name];
  };
}

/** A field of the JSON body, which the SDK keeps as a string. */
function body(name: string) {
  return (event: Event): unknown => {
    const data: unknown = event.request?.data;
    if (typeof data !== 'string') {
      return (data as Record<string, unknown> | undefined)?.[name];
    }
    try {
      return (JSON.parse(data) as Record<string, unknown>)[name];
    } catch {
      return data;
    }
  };
}

const FIELDS: readonly Field[] = [
  {
    label: 'header authorization',
    before: `Bearer ${CUSTOMER.jwt}`,
    read: header('authorization'),
    expect: 'removed',
  },
  {
    label: 'header x-forwarded-for',
    before: CUSTOMER.ipAddress,
    read: header('x-forwarded-for'),
    expect: 'removed',
  },
  {
    label: 'header referer',
    before: REFERER_PATH,
    read: (event) => String(header('referer')(event)).replace('https://shop.example.com', ''),
    expect: 'removed',
  },
  {
    // Only the part that looks like an IP address, to fit the table.
    label: 'header user-agent',
    before: 'Chrome/124.0.0.0',
    read: (event) => {
      const userAgent = String(header('user-agent')(event));
      return /Chrome\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent;
    },
    expect: 'kept',
  },
  {
    label: 'cookie session',
    before: CUSTOMER.sessionId,
    read: cookie('session'),
    expect: 'removed',
  },
  { label: 'query api_key', before: CUSTOMER.apiKey, read: query('api_key'), expect: 'removed' },
  { label: 'query email', before: CUSTOMER.email, read: query('email'), expect: 'removed' },
  { label: 'body password', before: CUSTOMER.password, read: body('password'), expect: 'removed' },
  {
    label: 'body cardNumber',
    before: CUSTOMER.cardNumber,
    read: body('cardNumber'),
    expect: 'removed',
  },
  {
    label: 'body billingIban',
    before: CUSTOMER.iban,
    read: body('billingIban'),
    expect: 'removed',
  },
  { label: 'body plan', before: 'pro', read: body('plan'), expect: 'kept' },
  {
    label: 'exception message',
    before: `Card ${CUSTOMER.cardNumber} declined for ${CUSTOMER.email}`,
    read: (event) => event.exception?.values?.at(-1)?.value,
    expect: 'removed',
  },
  {
    label: 'user ip_address',
    before: CUSTOMER.ipAddress,
    read: (event) => event.user?.ip_address,
    expect: 'removed',
  },
];

export const secrets: Scenario = {
  name: 'secrets',
  title: 'A card update full of secrets fails at the payment provider',
  role: 'service',
  secrets: SECRETS,
  async run(apps) {
    const status = await apps.request({
      method: 'POST',
      path: PATH,
      headers: {
        authorization: `Bearer ${CUSTOMER.jwt}`,
        cookie: `session=${CUSTOMER.sessionId}; theme=dark`,
        'x-forwarded-for': CUSTOMER.ipAddress,
        referer: `https://shop.example.com${REFERER_PATH}`,
        'user-agent': USER_AGENT,
      },
      body: {
        email: CUSTOMER.email,
        password: CUSTOMER.password,
        cardNumber: CUSTOMER.cardNumber,
        billingIban: CUSTOMER.iban,
        plan: 'pro',
      },
    });
    return `POST /account/payment-method, ${SECRETS.length} secrets → ${status} (PaymentError)`;
  },
  expect(observed) {
    const event = eventsOfType(observed, 'PaymentError')[0];
    const url = event?.request?.url ?? '';
    const userAgent = header('user-agent')(event ?? {});
    const plan = body('plan')(event ?? {});
    return [
      exactlyOneEvent(observed, 'PaymentError'),
      secretsAbsent(observed, SECRETS),
      check(
        'the request keeps its path and harmless values (user agent, plan)',
        url.includes('/account/payment-method') && userAgent === USER_AGENT && plan === 'pro',
        `url ${url}, user agent ${String(userAgent)}, plan ${String(plan)}`,
      ),
    ];
  },
  beforeAfter: {
    event: (observed) => eventsOfType(observed, 'PaymentError')[0],
    fields: FIELDS,
  },
};

await runIfMain(import.meta.url, [secrets]);
