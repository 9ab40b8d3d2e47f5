import type { Event } from '@sentry/core';
import type { ItemKind } from 'sentry-event-filter';
import type { Role } from './apps.ts';
import type { DemoRequest } from './http-client.ts';
import type { Job } from './protocol.ts';
import type { DiscardedEvent } from './receiver.ts';

/** The shop's two apps, as a scenario drives them. */
export interface Apps {
  /** Sends a request to the HTTP service; resolves with the status code. */
  request(demoRequest: DemoRequest): Promise<number>;
  /** Puts a job on the worker's queue; resolves when the worker is done with it. */
  enqueue(job: Job): Promise<'completed' | 'failed'>;
}

/** A log record as it reached Sentry: attributes are `{ value, type }` pairs. */
export interface SentLog {
  readonly level: string;
  readonly body: string;
  readonly attributes?: Record<string, { readonly value: unknown }>;
}

/** What reached Sentry and what the filters counted while one scenario ran. */
export interface Observed {
  /** Error and message events that reached Sentry. */
  readonly events: readonly Event[];
  /** Log records that reached Sentry. */
  readonly logs: readonly SentLog[];
  /** Drops per rule, from `filter.stats()` in every app. */
  readonly dropped: Readonly<Record<string, number>>;
  /** Drops per kind of item, from `filter.stats()`. */
  readonly droppedKinds: Readonly<Partial<Record<ItemKind, number>>>;
  /** Tags per rule, from `filter.stats()`. */
  readonly tagged: Readonly<Record<string, number>>;
  /** Discarded items as Sentry's client reports count them. */
  readonly discarded: readonly DiscardedEvent[];
  /** Every byte that reached Sentry, for "this secret appears nowhere" checks. */
  readonly raw: string;
}

/** One expectation and whether it held. */
export interface Check {
  readonly text: string;
  readonly passed: boolean;
  /** What was found instead, when it failed. */
  readonly detail?: string;
}

/** A secret a scenario plants; it must never reach Sentry, and the report never prints it. */
export interface Secret {
  readonly label: string;
  readonly value: string;
  /** Other spellings of the same value, such as its URL encoding. */
  readonly variants?: readonly string[];
}

/** One field of an event, shown before and after the filter. */
export interface Field {
  readonly label: string;
  /** The value as the app had it. */
  readonly before: string;
  /** Reads the value from the event that reached Sentry. */
  read(event: Event): unknown;
  /** Whether a team wants this value gone, or kept as it was. */
  readonly expect: 'removed' | 'kept';
}

/** One thing that happens in the shop, and what the team expects Sentry to get from it. */
export interface Scenario {
  /** Short name, used on the command line: `npm run demo -- secrets`. */
  readonly name: string;
  readonly title: string;
  readonly role: Role;
  /** Drives the app; resolves with one line saying what the app did. */
  run(apps: Apps): Promise<string>;
  /** The team's expectations, checked against what reached Sentry. */
  expect(observed: Observed): Check[];
  /** Secrets the scenario plants. */
  readonly secrets?: readonly Secret[];
  /** Fields to show before and after the filter, read from the event `event` picks. */
  readonly beforeAfter?: {
    readonly event: (observed: Observed) => Event | undefined;
    readonly fields: readonly Field[];
  };
}
