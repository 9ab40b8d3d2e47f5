/**
 * A user closes the identity provider's sign-in page. The service throws AuthCancelledError,
 * which the team lists in `filteredOutExceptions`: nothing reaches Sentry, and the drop is
 * counted. Run alone: `npx tsx examples/scenarios/auth-cancelled.ts` (after `npm run build`).
 */
import { discarded, droppedBy, nothingReached } from '../support/checks.ts';
import { runIfMain } from '../support/command.ts';
import type { Scenario } from '../support/scenario.ts';

export const authCancelled: Scenario = {
  name: 'auth-cancelled',
  title: 'A user cancels sign-in at the identity provider',
  role: 'service',
  async run(apps) {
    const status = await apps.request({
      method: 'GET',
      path: '/auth/callback?error=access_denied',
    });
    return `GET /auth/callback?error=access_denied → ${status} (AuthCancelledError)`;
  },
  expect: (observed) => [
    nothingReached(observed),
    droppedBy(observed, 'filteredOutExceptions: AuthCancelledError'),
    discarded(observed, 'error', 'event_processor'),
  ],
};

await runIfMain(import.meta.url, [authCancelled]);
