import { authCancelled } from './auth-cancelled.ts';
import { enrichment } from './enrichment.ts';
import { failingJob } from './failing-job.ts';
import { secrets } from './secrets.ts';
import { securityLogger } from './security-logger.ts';
import { validationError } from './validation-error.ts';

/** Every scenario, in the order the demo runs them: one per rule, then the rest. */
export const SCENARIOS = [
  authCancelled,
  validationError,
  securityLogger,
  secrets,
  failingJob,
  enrichment,
] as const;
