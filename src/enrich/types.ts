import type { Contexts, Event, EventHint, Extras, Primitive, User } from '@sentry/core';
import type { ChainLink } from './error-chain.ts';

/**
 * What an enricher adds to an event. Empty values (`undefined`, `null`, `''`, `[]`, `{}`) are
 * skipped, and nothing the event already has is overwritten.
 */
export interface Enrichment {
  /**
   * Searchable tags: names of at most 32 characters, values that are strings, numbers or
   * booleans of at most 200 characters.
   */
  tags?: Record<string, Primitive>;
  /** Contexts by name; keys are added into an existing context of the same name. */
  contexts?: Contexts;
  extra?: Extras;
  user?: User;
  /** Used only when the event has no fingerprint yet. */
  fingerprint?: string[];
}

/**
 * A custom enricher: reads the event and the hint, returns what to add. It runs after the
 * built-in enrichers and before scrubbing, so what it adds is scrubbed too. It must return
 * synchronously. One that throws is reported once and skipped; the event still goes out.
 *
 * @example
 * ```ts
 * const tenant: Enricher = (_event, hint) => {
 *   const error = hint.originalException;
 *   return error instanceof TenantError ? { tags: { tenant: error.tenantId } } : undefined;
 * };
 * ```
 */
export type Enricher = (event: Readonly<Event>, hint: EventHint) => Enrichment | undefined | null;

/** Switches for the built-in enrichers. Each is on unless set to `false`. */
export interface EnrichmentOptions {
  /**
   * The captured error's own properties (`code`, `statusCode`, `errno`, `syscall`, ...) and
   * those of its causes, as the `error_properties` context.
   * @default true
   */
  errorProperties?: boolean;
  /**
   * The error code (`ECONNREFUSED`, `P2002`, ...) of the captured error, or else of its nearest
   * cause that has one, as the `error.code` tag.
   * @default true
   */
  errorCodeTag?: boolean;
  /**
   * The HTTP status of user-caused errors, from the error or the response, as the
   * `http.status_code` tag.
   * @default true
   */
  httpStatusTag?: boolean;
  /**
   * In HTTP handlers, the request id from the `x-request-id` header, or else the trace id, as
   * the `request_id` tag.
   * @default true
   */
  requestId?: boolean;
  /**
   * In background jobs, the job's name and id from the `job` context (see `runJob`), as the
   * `job.name` and `job.id` tags.
   * @default true
   */
  job?: boolean;
}

/** What the pipeline knows when enrichment runs, and what enrichment tells it back. */
export interface EnrichContext {
  readonly userCaused: boolean;
  /**
   * Set by the enrichment: whether the event it returns is a copy it made that no custom
   * enricher has been shown, so the pipeline may set fields on it instead of copying it again.
   */
  fresh?: boolean;
}

/** What became of a failing enricher's enrichment. */
export type EnricherOutcome = 'threw and was skipped' | 'was skipped' | 'was applied without it';

/** Hooks enrichment reports through. */
export interface EnrichReporter {
  /**
   * Called once per failing enricher: `label` names it (and the problem with what it
   * returned), `outcome` says what became of its enrichment.
   */
  enricherFailed(label: string, error: unknown, outcome: EnricherOutcome): void;
}

/** Runs the built-in and custom enrichers over an event; returns a copy when it adds anything. */
export type EnrichEvent = (event: Event, hint: EventHint, context: EnrichContext) => Event;

/** What a built-in enricher reads. */
export interface EnrichInput {
  readonly event: Event;
  readonly hint: EventHint;
  readonly userCaused: boolean;
  /** The captured error and its causes, read once per event on first use. */
  chain(): readonly ChainLink[];
}

/**
 * Where a built-in enricher adds what it found, with the same rules as an {@link Enrichment}:
 * nothing already set is overwritten, nothing empty is added.
 */
export interface EnrichmentTarget {
  /** As `{ tags: { [key]: value } }`. */
  addTag(key: string, value: unknown): void;
  /** As `{ contexts: { [name]: context } }`. */
  addContext(name: string, context: unknown): void;
}

/**
 * A built-in enricher: reads the input and adds to the target once it has read everything,
 * so that a failure adds nothing. It never needs to throw, but is guarded like a custom one.
 */
export type BuiltInEnricher = (input: EnrichInput, target: EnrichmentTarget) => void;
