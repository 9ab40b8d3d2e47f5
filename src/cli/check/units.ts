import type { Event } from '@sentry/core';
import type { CheckResult, EnvelopeCheckResult } from '../../filter/index.ts';
import { attachmentText, isReadAttachment, type Removal } from '../../scrub/index.ts';
import { LIMIT_RULE } from '../../scrub/rules.ts';
import type { InputRecord, Location } from '../input/records.ts';

/** A payload the filter passed through without looking inside: kept as bytes. */
export interface OpaquePayload {
  readonly length: number;
  readonly filename: string | undefined;
  /** Whether the bytes are binary: not UTF-8, or holding NUL characters, as in a core dump. */
  readonly binary: boolean;
  /** Byte offset of the item in the file, when known. */
  readonly offset: number | undefined;
}

/** An attachment the filter read: scanned, or replaced whole as too large to scrub. */
export interface ReadPayload {
  readonly length: number;
  readonly filename: string | undefined;
  /** Whether it was replaced by a note because it was too large to scrub. */
  readonly replaced: boolean;
}

/**
 * What the filter did to one unit of input: an event, or one item of an envelope. The
 * command prints one line per unit and adds them up in the summary.
 */
export interface UnitResult {
  readonly location: Location;
  /** `event`, `transaction`, or the envelope item type. */
  readonly type: string;
  readonly eventId: string | undefined;
  readonly outcome: 'sent' | 'dropped';
  readonly droppedBy: string | undefined;
  readonly tags: Readonly<Record<string, string>>;
  readonly removals: readonly Removal[];
  /** For log containers: how many records it held. */
  readonly records?: number;
  /** For log containers: the records dropped, by position and rule. */
  readonly droppedRecords?: readonly { readonly index: number; readonly rule: string }[];
  /** For payloads kept as bytes: what was passed through unread. */
  readonly opaque?: OpaquePayload;
  /** For attachments kept as bytes that the filter read as text. */
  readonly read?: ReadPayload;
}

/** Values removed from an envelope header, reported apart from its items. */
export interface HeaderResult {
  readonly location: Location;
  readonly removals: readonly Removal[];
}

/** The unit for a standalone event. */
export function eventUnit(location: Location, event: Event, result: CheckResult): UnitResult {
  return {
    location,
    type: event.type === 'transaction' ? 'transaction' : 'event',
    eventId: typeof event.event_id === 'string' ? event.event_id : undefined,
    outcome: result.outcome,
    droppedBy: result.droppedBy,
    tags: result.tags,
    removals: result.removals,
  };
}

/** The units for every item of an envelope. */
export function envelopeUnits(
  record: Extract<InputRecord, { kind: 'envelope' }>,
  result: EnvelopeCheckResult,
): UnitResult[] {
  const [header, items] = record.envelope as unknown as [
    Record<string, unknown>,
    [Record<string, unknown>, unknown][],
  ];

  return result.items.map((itemResult) => {
    const source = record.items[itemResult.index];
    const [itemHeader, payload] = items[itemResult.index] ?? [{}, undefined];
    const location: Location = {
      ...record.location,
      ...(source !== undefined && record.form === 'text' && { line: source.line }),
      item: (source?.index ?? itemResult.index) + 1,
    };

    const unit: UnitResult = {
      location,
      type: itemResult.type,
      eventId: eventIdOf(itemResult.type, payload, header),
      outcome: itemResult.outcome,
      droppedBy: itemResult.droppedBy,
      tags: itemResult.tags ?? {},
      removals: itemResult.removals,
      ...(itemResult.droppedRecords !== undefined && {
        droppedRecords: itemResult.droppedRecords,
      }),
      ...(itemResult.type === 'log' && { records: countRecords(payload) }),
    };
    if (!(payload instanceof Uint8Array)) {
      return unit;
    }
    const filename = typeof itemHeader.filename === 'string' ? itemHeader.filename : undefined;
    if (itemResult.type === 'attachment' && isReadAttachment(itemHeader, payload)) {
      // A text attachment too large to scrub is replaced whole, with a removal at its root.
      const replaced = unit.removals.some(
        (removal) => removal.rule === LIMIT_RULE && removal.path === '',
      );
      return { ...unit, read: { length: payload.length, filename, replaced } };
    }
    return {
      ...unit,
      opaque: {
        length: payload.length,
        filename,
        binary: attachmentText(payload) === undefined,
        offset: record.form === 'text' ? source?.offset : undefined,
      },
    };
  });
}

/** The header's removals, when there were any. */
export function headerResult(
  record: Extract<InputRecord, { kind: 'envelope' }>,
  result: EnvelopeCheckResult,
): HeaderResult | undefined {
  return result.removals.length === 0
    ? undefined
    : { location: record.location, removals: result.removals };
}

function eventIdOf(
  type: string,
  payload: unknown,
  header: Record<string, unknown>,
): string | undefined {
  if (type !== 'event' && type !== 'transaction') {
    return undefined;
  }
  const id = (payload as { event_id?: unknown } | undefined)?.event_id ?? header.event_id;
  return typeof id === 'string' ? id : undefined;
}

function countRecords(payload: unknown): number {
  const items = (payload as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) ? items.length : 0;
}
