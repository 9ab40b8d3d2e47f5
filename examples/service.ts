/**
 * The shop's HTTP API: a few Express routes, each failing the way real ones do. Start it with
 * the Sentry setup loaded first:
 *
 *   SENTRY_DSN=... npx tsx --import ./examples/sentry.ts examples/service.ts
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { AuthCancelledError, PaymentError, ValidationError } from './errors.ts';
import { disallowedHostLog, httpLog } from './logger.ts';

const ALLOWED_HOSTS = new Set(['127.0.0.1', 'localhost', 'shop.example.com']);
const INVENTORY_URL = process.env.INVENTORY_URL ?? 'http://127.0.0.1:4001';

/** Rejects requests for other host names, as scanners send them by the thousand. */
const checkHost: RequestHandler = (request, response, next) => {
  if (ALLOWED_HOSTS.has(request.hostname)) {
    next();
    return;
  }
  disallowedHostLog.error({ host: request.hostname }, 'Invalid Host header; request rejected');
  response.status(400).json({ error: 'bad_request' });
};

/** The identity provider redirects here; `error` is set when the user cancelled. */
const authCallback: RequestHandler = (request) => {
  if (request.query.error === 'access_denied') {
    throw new AuthCancelledError('The user cancelled sign-in at the identity provider');
  }
  throw new Error('Sign-in callback without a code');
};

const createOrder: RequestHandler = (request, response) => {
  const quantity = Number(request.body?.quantity);
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new ValidationError('quantity must be a whole number of at least 1', 'quantity');
  }
  response.status(201).json({ id: 'ord_1001' });
};

/** Saves a card with the payment provider, which declines it. */
const savePaymentMethod: RequestHandler = (request) => {
  const { email, cardNumber } = request.body ?? {};
  httpLog.info({ email }, 'saving payment method');
  throw new PaymentError(`Card ${cardNumber} declined for ${email}`, 'card_declined');
};

/** Loads an order with its stock level, which the inventory service knows. */
const getOrder: RequestHandler = async (request, response) => {
  // When the inventory service is down, this rejects with `TypeError: fetch failed`, whose
  // cause is Node's `ECONNREFUSED` error: the filter tags the event with the cause's code.
  const stock = await fetch(new URL(`/stock/${request.params.id}`, INVENTORY_URL));
  response.json({ id: request.params.id, stock: await stock.json() });
};

/** Maps errors to responses. Sentry has already seen the error by the time it gets here. */
const sendError: ErrorRequestHandler = (error, _request, response, _next) => {
  if (error instanceof AuthCancelledError) {
    response.status(401).json({ error: 'sign_in_cancelled' });
  } else if (error instanceof ValidationError) {
    response.status(422).json({ error: 'invalid', field: error.field });
  } else if (error instanceof PaymentError) {
    response.status(402).json({ error: error.code });
  } else {
    httpLog.warn({ err: error }, 'request failed');
    response.status(500).json({ error: 'internal' });
  }
};

export const app = express();
app.use(checkHost);
app.use(express.json());
app.get('/health', (_request, response) => {
  response.json({ ok: true });
});
app.get('/auth/callback', authCallback);
app.post('/orders', createOrder);
app.get('/orders/:id', getOrder);
app.post('/account/payment-method', savePaymentMethod);
app.use(sendError);

const port = Number(process.env.PORT ?? 3000);
app.listen(port, '127.0.0.1', () => {
  httpLog.info({ port }, 'shop API listening');
});
