export { SentryEventFilter } from './event-filter.ts';
export {
  type CheckResult,
  type DropRule,
  type EnvelopeCheckResult,
  type ItemCheckResult,
  type ItemOutcome,
  type LogCheckResult,
  ruleName,
} from './types.ts';
