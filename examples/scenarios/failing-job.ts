/**
 * The worker fails to e-mail an invoice. Its job scope carries the job's arguments, customer
 * address included, as most queue integrations do. The failure reaches Sentry with the job's
 * context, as an ordinary (not user-caused) error, and without the address.
 */
import type { Event } from '@sentry/core';
import {
  check,
  eventsOfType,
  exactlyOneEvent,
  notTagged,
  secretsAbsent,
} from '../support/checks.ts';
import { runIfMain } from '../support/command.ts';
import type { Scenario, Secret } from '../support/scenario.ts';

const CUSTOMER_EMAIL: Secret = {
  label: "the customer's e-mail address",
  value: 'jane.doe@example.com',
};

function jobName(event: Event | undefined): unknown {
  return (event?.contexts?.job as { name?: unknown } | undefined)?.name;
}

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
      check(
        'the event carries the job context',
        jobName(event) === 'send-invoice',
        `job ${String(jobName(event))}`,
      ),
      notTagged(event, 'user_caused'),
      secretsAbsent(observed, [CUSTOMER_EMAIL]),
    ];
  },
};

await runIfMain(import.meta.url, [failingJob]);
