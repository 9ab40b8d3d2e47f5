/**
 * The demo: starts the shop's HTTP service and worker with the filter configured in
 * sentry.ts, sends them traffic that exercises every rule, and reports what reached Sentry.
 *
 *   npm run demo                      all scenarios, against a local receiver
 *   npm run demo -- secrets --json    one scenario, machine-readable
 *   SENTRY_DSN=... npm run demo       send to your own Sentry project instead
 *   npm run demo -- --spotlight       also show the events in the Spotlight UI
 */
import { SCENARIOS } from './scenarios/index.ts';
import { runFromCommandLine } from './support/command.ts';

await runFromCommandLine(SCENARIOS);
