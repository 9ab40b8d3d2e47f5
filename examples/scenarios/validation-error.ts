/**
 * A customer orders zero items. The service throws ValidationError, which the team lists in
 * `userCausedExceptions`: the event reaches Sentry tagged `user_caused: "true"`, so an alert
 * rule can send it to the product team instead of waking the on-call engineer.
 */
import { eventsOfType, exactlyOneEvent, tagged } from '../support/checks.ts';
import { runIfMain } from '../support/command.ts';
import type { Scenario } from '../support/scenario.ts';

export const validationError: Scenario = {
  name: 'validation-error',
  title: 'A customer sends an order the service cannot accept',
  role: 'service',
  async run(apps) {
    const status = await apps.request({ method: 'POST', path: '/orders', body: { quantity: 0 } });
    return `POST /orders {"quantity":0} → ${status} (ValidationError)`;
  },
  expect: (observed) => [
    exactlyOneEvent(observed, 'ValidationError'),
    tagged(eventsOfType(observed, 'ValidationError')[0], 'user_caused', 'true'),
  ],
};

await runIfMain(import.meta.url, [validationError]);
