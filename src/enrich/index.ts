/**
 * Enrichment: the filter's step that adds what an engineer triaging an event needs and the
 * SDK leaves out. Built-in enrichers run first, then the custom ones, all before scrubbing,
 * so what they add is scrubbed too. Nothing already on the event is overwritten, and nothing
 * empty is added.
 */
import type { Event, EventHint } from '@sentry/core';
import { EnrichedEvent } from './apply-enrichment.ts';
import { type ChainLink, errorChain } from './error-chain.ts';
import { enrichErrorCode } from './error-code.ts';
import { enrichErrorProperties } from './error-properties.ts';
import { enrichHttpStatus } from './http-status.ts';
import { enrichJob } from './job.ts';
import { enrichRequestId } from './request-id.ts';
import type {
  BuiltInEnricher,
  EnrichEvent,
  Enricher,
  EnrichInput,
  Enrichment,
  EnrichmentOptions,
  EnrichReporter,
} from './types.ts';

export { applyEnrichment, isEmptyValue } from './apply-enrichment.ts';
export { ERROR_CODE_TAG } from './error-code.ts';
export { ERROR_PROPERTIES_CONTEXT } from './error-properties.ts';
export { HTTP_STATUS_TAG } from './http-status.ts';
export { JOB_CONTEXT, JOB_ID_TAG, JOB_NAME_TAG } from './job.ts';
export { PLAIN_VALUE_LIMITS } from './plain-value.ts';
export { REQUEST_ID_TAG } from './request-id.ts';
export { type JobDetails, runJob } from './run-job.ts';
export type {
  EnrichContext,
  EnrichEvent,
  Enricher,
  Enrichment,
  EnrichmentOptions,
  EnrichReporter,
} from './types.ts';

// The built-ins in the order they run, each under the switch that turns it off.
const BUILT_INS: readonly [keyof EnrichmentOptions, BuiltInEnricher][] = [
  ['errorProperties', enrichErrorProperties],
  ['errorCodeTag', enrichErrorCode],
  ['httpStatusTag', enrichHttpStatus],
  ['requestId', enrichRequestId],
  ['job', enrichJob],
];

interface Step {
  readonly label: string;
  /** Custom enrichers see the event with what the steps before them added. */
  readonly custom: boolean;
  /** Adds to the draft (built-ins), or returns an enrichment (custom enrichers). */
  run(event: Event, input: EnrichInput, draft: EnrichedEvent): unknown;
}

/**
 * Builds the enrichment step from the built-in switches and the custom enrichers. Each
 * enricher that throws, or returns something other than an enrichment, is reported once
 * (through `reporter`) and skipped for that event; the others still apply.
 */
export function createEnrichment(
  options: EnrichmentOptions | false,
  custom: readonly Enricher[],
  reporter: EnrichReporter,
): EnrichEvent {
  const steps: Step[] = [
    ...selectBuiltIns(options).map(([name, enrich]) => ({
      label: `built-in ${name}`,
      custom: false,
      run: (_event: Event, input: EnrichInput, draft: EnrichedEvent) => enrich(input, draft),
    })),
    ...custom.map((enricher, index) => ({
      label: enricher.name || `enrich[${index}]`,
      custom: true,
      run: (event: Event, input: EnrichInput) => enricher(event, input.hint),
    })),
  ];

  if (steps.length === 0) {
    return function enrichNothing(event, _hint, context) {
      context.fresh = false;
      return event;
    };
  }

  const reported = new Set<Step>();
  const report = (step: Step, failure: unknown, applied = false): void => {
    if (reported.has(step)) {
      return;
    }
    reported.add(step);
    if (failure instanceof ReturnProblem) {
      const outcome = applied ? 'was applied without it' : 'was skipped';
      reporter.enricherFailed(`${step.label} (${failure.message})`, failure, outcome);
    } else {
      reporter.enricherFailed(step.label, failure, 'threw and was skipped');
    }
  };

  // Custom enrichers under way: an event one of them captures through Sentry comes back here
  // before it returned, and goes on without custom enrichers, or it would never end. One flag
  // for them all, and merging what one returned runs under it too: so not `guardCallback`,
  // whose guard is per callback.
  let customRunning = false;

  return function enrichEvent(event, hint, context) {
    const input = new Input(event, hint, context.userCaused);
    // Every enrichment goes into one draft, copied once rather than once per enricher.
    const draft = new EnrichedEvent(event);
    const skipCustom = customRunning;
    let shown: Event = event;
    for (const step of steps) {
      if (step.custom && skipCustom) {
        continue;
      }
      try {
        if (step.custom) {
          shown = draft.event;
          customRunning = true;
        }
        const returned = step.run(shown, input, draft);
        const problem = returnProblem(returned);
        if (problem !== undefined) {
          report(step, problem);
        } else if (returned !== undefined && returned !== null) {
          const rejected = draft.apply(returned as Enrichment);
          if (rejected !== undefined) {
            report(step, new ReturnProblem(rejected), true);
          }
        }
      } catch (error) {
        report(step, error);
      } finally {
        customRunning = skipCustom;
      }
    }
    const result = draft.event;
    context.fresh = result !== shown;
    return result;
  };
}

function selectBuiltIns(options: EnrichmentOptions | false): (typeof BUILT_INS)[number][] {
  if (options === false) {
    return [];
  }
  return BUILT_INS.filter(([name]) => options[name] !== false);
}

/** What built-in enrichers read; the error chain is followed on first use. */
class Input implements EnrichInput {
  readonly event: Event;
  readonly hint: EventHint;
  readonly userCaused: boolean;
  #chain: readonly ChainLink[] | undefined;

  constructor(event: Event, hint: EventHint, userCaused: boolean) {
    this.event = event;
    this.hint = hint;
    this.userCaused = userCaused;
  }

  chain(): readonly ChainLink[] {
    this.#chain ??= errorChain(this.hint.originalException);
    return this.#chain;
  }
}

/** An enricher's return value that is not an enrichment; reported like a throw. */
class ReturnProblem extends TypeError {
  override readonly name = 'EnricherReturnError';
}

/** Says what is wrong with an enricher's return value, or `undefined` when nothing is. */
function returnProblem(returned: unknown): ReturnProblem | undefined {
  if (returned === undefined || returned === null) {
    return undefined;
  }
  if (isThenable(returned)) {
    // The event cannot wait; keep a later rejection from surfacing as unhandled in the app.
    returned.then(undefined, () => {});
    return new ReturnProblem('returned a promise; enrichers must return synchronously');
  }
  if (typeof returned !== 'object' || Array.isArray(returned)) {
    return new ReturnProblem(`returned ${typeof returned}, not an enrichment object`);
  }
  return undefined;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
