import type { Envelope, Event } from '@sentry/core';
import type { ExceptionRuleMatch } from '../match/exception.ts';
import type { LoggerRuleMatch } from '../match/logger.ts';
import type { Removal } from '../scrub/index.ts';

/** Why an item was dropped: the option and entry that matched, or the filter's own line. */
export type DropRule = ExceptionRuleMatch | LoggerRuleMatch | { readonly option: 'ownLine' };

/** Names a rule the way counters, notices and the command line show it. */
export function ruleName(rule: DropRule | ExceptionRuleMatch): string {
  return rule.option === 'ownLine' ? 'ownLine' : `${rule.option}: ${rule.label}`;
}

/** Whether an item goes out, and which rule dropped it if not. */
export interface ItemOutcome {
  readonly outcome: 'sent' | 'dropped';
  /** The rule that dropped the item, written as in `filter.stats().rules`. */
  readonly droppedBy: string | undefined;
}

/** What the filter did to one event, as `filter.check()` reports it. */
export interface CheckResult extends ItemOutcome {
  /** Tags the filter added. */
  readonly tags: Readonly<Record<string, string>>;
  /** The event as it would be sent, or `null` when dropped. */
  readonly event: Event | null;
  /** Every value removed, with its path, rule and a masked preview. */
  readonly removals: readonly Removal[];
}

/** What the filter did to one log record, as `filter.checkLog()` reports it. */
export interface LogCheckResult<T> extends ItemOutcome {
  /** The record as it would be sent, or `null` when dropped. */
  readonly log: T | null;
  readonly removals: readonly Removal[];
}

/** What happened to one item of an envelope. */
export interface ItemCheckResult extends ItemOutcome {
  /** The item's position in the envelope as given. */
  readonly index: number;
  /** The item type from its header: `event`, `transaction`, `log`, `span`... */
  readonly type: string;
  /** Tags the filter added, for events. */
  readonly tags?: Readonly<Record<string, string>>;
  /** For log containers: the records dropped, by position and rule. */
  readonly droppedRecords?: readonly { readonly index: number; readonly rule: string }[];
  /** Values removed from this item; paths start inside the item's payload. */
  readonly removals: readonly Removal[];
}

/** What `filter.checkEnvelope()` returns. */
export interface EnvelopeCheckResult {
  /** The envelope to send, or `null` when every item was dropped. */
  readonly envelope: Envelope | null;
  readonly items: readonly ItemCheckResult[];
  /** Values removed from the envelope header. */
  readonly removals: readonly Removal[];
}
