/**
 * The shop's background worker: takes jobs off the queue and runs each in its own Sentry
 * scope. Start it with the Sentry setup loaded first:
 *
 *   SENTRY_DSN=... npx tsx --import ./examples/sentry.ts examples/worker.ts
 */
import * as Sentry from '@sentry/node';
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
 * Runs one job. Its own scope keeps the job's context off every other job's events; a failure
 * is logged (pino's Sentry integration turns error records into issues) and rethrown so the
 * queue retries it.
 */
async function runJob(job: Job): Promise<void> {
  await Sentry.withIsolationScope(async (scope) => {
    scope.setContext('job', { id: job.id, name: job.name, attempt: job.attempt, data: job.data });
    scope.setTag('job.name', job.name);

    const handler = HANDLERS[job.name];
    if (handler === undefined) {
      throw new Error(`No handler for job ${job.name}`);
    }
    try {
      await handler(job);
    } catch (error) {
      jobLog.error({ err: error, jobId: job.id }, `job ${job.name} failed`);
      throw error;
    }
  });
}

consumeJobs(runJob);
