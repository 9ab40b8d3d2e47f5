import type { Envelope } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';

class AuthCancelledError extends Error {
  override name = 'AuthCancelledError';
}

const filter = () =>
  new SentryEventFilter({
    filteredOutExceptions: [AuthCancelledError],
    ignoredLoggers: ['http.security'],
  });

function envelopeOf(...items: unknown[]): Envelope {
  return [{ event_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }, items] as unknown as Envelope;
}

function itemTypes(envelope: Envelope | null): string[] {
  return (envelope?.[1] ?? []).map((item) => String((item[0] as { type: string }).type));
}

describe('checkEnvelope', () => {
  it('drops the attachments of a dropped event, and only then', () => {
    const attachment = [{ type: 'attachment', filename: 'minidump.dmp' }, new Uint8Array([1, 2])];
    const cancelled = {
      exception: { values: [{ type: 'AuthCancelledError', value: 'closed' }] },
    };
    const failed = { exception: { values: [{ type: 'Error', value: 'database down' }] } };

    const dropped = filter().checkEnvelope(envelopeOf([{ type: 'event' }, cancelled], attachment));
    const kept = filter().checkEnvelope(envelopeOf([{ type: 'event' }, failed], attachment));

    expect(dropped.envelope).toBeNull();
    expect(dropped.items[1]).toMatchObject({
      type: 'attachment',
      outcome: 'dropped',
      droppedBy: 'with its event (filteredOutExceptions: AuthCancelledError)',
    });
    expect(itemTypes(kept.envelope)).toEqual(['event', 'attachment']);
  });

  it('leaves out what is not an item, and never throws on it', () => {
    const log = { timestamp: 1, level: 'info', body: 'kept', attributes: {} };
    const envelope = envelopeOf(
      null,
      42,
      [null, {}],
      [{ type: 'event' }, 'not an event'],
      [{ type: 'log', item_count: 3 }, { items: [null, 'text', log] }],
    );

    const result = filter().checkEnvelope(envelope);

    expect(result.items.map((item) => [item.type, item.outcome, item.droppedBy])).toEqual([
      ['unknown', 'dropped', 'malformed'],
      ['unknown', 'dropped', 'malformed'],
      ['unknown', 'dropped', 'malformed'],
      ['event', 'dropped', 'malformed'],
      ['log', 'sent', undefined],
    ]);
    expect(result.items[4]?.droppedRecords).toEqual([
      { index: 0, rule: 'malformed' },
      { index: 1, rule: 'malformed' },
    ]);
    const [[header, payload]] = (result.envelope as Envelope)[1] as unknown as [
      [{ item_count: number }, { items: unknown[] }],
    ];
    expect(header.item_count).toBe(1);
    expect(payload.items).toHaveLength(1);
  });

  it('reads an envelope without an item list as empty', () => {
    for (const broken of [[{}, null], [{}], [], 'text']) {
      const result = filter().checkEnvelope(broken as unknown as Envelope);

      expect(result).toEqual({ envelope: null, items: [], removals: [] });
    }
  });
});
