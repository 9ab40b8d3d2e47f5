/**
 * The shop's Sentry setup, shared by the HTTP service and the worker. Load it before anything
 * else so the SDK can instrument Express as it is imported:
 *
 *   node --import ./sentry.js service.js
 *
 * Every event, log record and span leaves the process through `filter`, which holds the
 * team's policy: what is never worth reporting, what users caused, and which loggers are noise.
 * Secrets and personal data are removed by default.
 */
import * as Sentry from '@sentry/node';
import { SentryEventFilter } from 'sentry-event-filter';
import { AuthCancelledError, ValidationError } from './errors.ts';
import { logger } from './logger.ts';

export const filter = new SentryEventFilter({
  // A user closing the sign-in page is not a bug.
  filteredOutExceptions: [AuthCancelledError],
  // Bad input is reported, tagged `user_caused: "true"` and alerted on in a separate channel.
  userCausedExceptions: [ValidationError],
  // Host-header and CSRF noise from scanners, including child loggers such as
  // `http.security.disallowed_host`.
  ignoredLoggers: ['http.security'],
  // One line in the app's own logs per drop (at most one per rule per minute).
  logger: logger.child({ name: 'sentry' }),
});

Sentry.init({
  // Unset, the SDK stays quiet; the demo points it at its local receiver.
  dsn: process.env.SENTRY_DSN,
  environment: process.env.NODE_ENV ?? 'development',
  release: 'shop@1.4.2',
  initialScope: { tags: { service: process.env.SERVICE_NAME ?? 'shop' } },
  // The filter goes first, so it decides before the default Dedupe integration remembers an
  // event (see the README, "Where to place the integration").
  integrations: (defaults) => [
    filter.integration(),
    ...defaults,
    // pino records go to Sentry Logs; error-level records also become issues.
    Sentry.pinoIntegration({ error: { levels: ['error', 'fatal'] } }),
    // The filter decides what is worth reporting, so Express hands over every error.
    Sentry.expressIntegration({ shouldHandleError: () => true }),
  ],
});
