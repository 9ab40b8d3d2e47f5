/**
 * A scanner sends a request for a host name the shop does not serve. The host check logs it
 * at error level on `http.security.disallowed_host`, which pino's Sentry integration would
 * turn into an issue and a log record. The team ignores the `http.security` logger tree:
 * neither reaches Sentry.
 */
import { check, droppedBy, loggerOfLog, pinoLoggerOf } from '../support/checks.ts';
import { runIfMain } from '../support/command.ts';
import type { Scenario } from '../support/scenario.ts';

const IGNORED = 'http.security';

function isIgnored(logger: string | undefined): boolean {
  return logger === IGNORED || logger?.startsWith(`${IGNORED}.`) === true;
}

export const securityLogger: Scenario = {
  name: 'security-logger',
  title: 'A scanner probes the service with a foreign Host header',
  role: 'service',
  async run(apps) {
    const status = await apps.request({
      method: 'GET',
      path: '/health',
      headers: { host: 'scanner.invalid' },
    });
    return `GET /health, Host: scanner.invalid → ${status}, logged as an error`;
  },
  expect(observed) {
    const events = observed.events.filter((event) => isIgnored(pinoLoggerOf(event)));
    const logs = observed.logs.filter((log) => isIgnored(loggerOfLog(log)));
    return [
      check(
        `no event from ${IGNORED}.* reaches Sentry`,
        events.length === 0,
        `got ${events.length}`,
      ),
      check(
        `no log record from ${IGNORED}.* reaches Sentry`,
        logs.length === 0,
        `got ${logs.length}`,
      ),
      droppedBy(observed, `ignoredLoggers: ${IGNORED}`),
    ];
  },
};

await runIfMain(import.meta.url, [securityLogger]);
