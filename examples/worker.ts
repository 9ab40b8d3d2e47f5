/**
 * The shop's background worker: takes jobs off the queue and runs each in its own Sentry
 * scope. Like the service, it loads the Sentry setup first (`node --import ./sentry.js`).
 */
import { runJob } from 'sentry-event-filter';
import { MailDeliveryError } from './errors.ts';
import { jobLog } from './logger.ts';
import { consumeJobs, type Job } from './support/job-queue.ts';

interface InvoiceJob {
  readonly invoiceId: string;
  readonly customerEmail: string;
}

/** E-mails an invoice. The mail server turns the address down. */
async function sendInvoice(job: Job): Promise<void> {
  const { invoiceId, customerEmail } = job.data as unknown as InvoiceJob;
  jobLog.info({ invoiceId }, 'sending invoice');
  throw new MailDeliveryError(
    `550 mailbox unavailable: ${customerEmail} rejected invoice ${invoiceId}`,
    'SMTP_550',
  );
}

const HANDLERS: Record<string, (job: Job) => Promise<void>> = {
  'send-invoice': sendInvoice,
};

/**
 * Runs one job in a scope of its own: its events carry the job's context (arguments
 * included, as queue integrations record them) and the `job.name` and `job.id` tags. A
 * failure is logged, which pino's Sentry integration turns into an issue, and rethrown so the
 * queue retries the job.
 */
function handleJob(job: Job): Promise<void> {
  const { id, name, attempt, data } = job;
  return runJob({ name, id, attempt, data }, async () => {
    const handler = HANDLERS[name];
    if (handler === undefined) {
      throw new Error(`No handler for job ${name}`);
    }
    try {
      await handler(job);
    } catch (error) {
      jobLog.error({ err: error, jobId: id }, `job ${name} failed`);
      throw error;
    }
  });
}

consumeJobs(handleJob);
