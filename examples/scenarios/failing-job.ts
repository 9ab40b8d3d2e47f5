/**
 * The worker fails to e-mail an invoice. `runJob` gives the job a scope of its own whose
 * context holds the job's arguments, customer address included, as queue integrations record
 * them. The failure reaches Sentry tagged with the job's name and id, as an ordinary (not
 * user-caused) error, and without the address.
 */
import {
  eventsOfType,
  exactlyOneEvent,
  notTagged,
  secretsAbsent,
  tagged,
} from '../support/checks.ts';
import { runIfMain } from '../support/command.ts';
import type { Scenario, Secret } from '../support/scenario.ts';

const CUSTOMER_EMAIL: Secret = {
  label: "the customer's e-mail address",
  value: 'jane.doe@example.com',
};

export const failingJob: Scenario = {
  name: 'failing-job',
  title: 'The worker cannot e-mail an invoice',
  role: 'worker',
  secrets: [CUSTOMER_EMAIL],
  async run(apps) {
    const outcome = await apps.enqueue({
      id: 'job_7f3a',
      name: 'send-invoice',
      attempt: 1,
      data: { invoiceId: 'inv_2041', customerEmail: CUSTOMER_EMAIL.value },
    });
    return `job send-invoice (job_7f3a) → ${outcome} (MailDeliveryError)`;
  },
  expect(observed) {
    const event = eventsOfType(observed, 'MailDeliveryError')[0];
    return [
      exactlyOneEvent(observed, 'MailDeliveryError'),
      tagged(event, 'job.name', 'send-invoice'),
      tagged(event, 'job.id', 'job_7f3a'),
      notTagged(event, 'user_caused'),
      secretsAbsent(observed, [CUSTOMER_EMAIL]),
    ];
  },
};

await runIfMain(import.meta.url, [failingJob]);
