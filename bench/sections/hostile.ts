import type { ErrorEvent } from '@sentry/core';
import { HOSTILE_STRINGS } from '../fixtures/hostile.ts';
import { eventWithExtra, eventWithMessage } from '../hostile/cases.ts';
import { probeHostile } from '../hostile/probe.ts';
import { Group, ratioBetween } from '../measure.ts';
import { judge, ratio, type Target, table } from '../report.ts';
import { runFilter } from '../team-filter.ts';
import type { Context, SectionReport, TargetRow } from './types.ts';

const TARGET: Target = { limit: 3, label: '≤ 3×' };
const PROBE_TIMEOUT_MS = 15_000;
// Scrubbers commonly cut long strings (Relay does); a prefix this short is scanned whole, so
// its row shows the detectors' cost per character even where the megabyte is cut.
const PREFIX_LENGTH = 16 * 1024;

/**
 * Times the filter on each 1 MB hostile string, alone (the message of an otherwise empty
 * event, against `JSON.stringify` of the string) and inside the typical event (as an `extra`
 * value, against `JSON.stringify` of that event). Each string is first run once in a worker
 * with a timeout, so a detector that never finishes is reported instead of hanging the run.
 */
export async function measureHostile(
  context: Context,
  typical: ErrorEvent,
): Promise<SectionReport> {
  const rows: string[][] = [];
  const targets: TargetRow[] = [];
  const notes: string[] = [];

  context.progress('hostile strings: one cold run each in a worker, with a timeout');
  const probes = await probeHostile(
    HOSTILE_STRINGS.map((hostile) => hostile.name),
    PROBE_TIMEOUT_MS,
  );
  for (const hostile of HOSTILE_STRINGS) {
    context.progress(`hostile string: ${hostile.name}`);
    const probe = probes.get(hostile.name) ?? { finished: false, reason: 'not probed' };
    if (!probe.finished) {
      for (const place of ['alone', 'in event']) {
        rows.push([hostile.name, place, 'did not finish', '', '', TARGET.label, 'FAIL']);
        targets.push({
          target: `1 MB ${hostile.name}, ${place}`,
          measured: probe.reason,
          limit: TARGET.label,
          verdict: 'FAIL',
        });
      }
      notes.push(`${hostile.name}: ${probe.reason}; aimed at ${hostile.aim}.`);
      continue;
    }

    const text = hostile.create();
    const prefix = text.slice(0, PREFIX_LENGTH);
    const prefixAlone = eventWithMessage(prefix);
    const alone = eventWithMessage(text);
    const inEvent = eventWithExtra(typical, text);
    const slowest = Math.max(probe.aloneMs, probe.inEventMs);
    const group = new Group(
      context.timing({
        time: 300,
        iterations: Math.max(3, Math.min(16, Math.floor(500 / slowest))),
        warmupTime: 50,
      }),
    )
      .add('alone/filter', () => runFilter(context.filter, alone, {}), 1)
      .add('alone/json', () => JSON.stringify(text), 1)
      .add('event/filter', () => runFilter(context.filter, inEvent, context.hint), 1)
      .add('event/json', () => JSON.stringify(inEvent), 1)
      .add('prefix/filter', () => runFilter(context.filter, prefixAlone, {}))
      .add('prefix/json', () => JSON.stringify(prefix));
    const timings = await group.run();

    for (const [place, key] of [
      ['alone', 'alone'],
      ['in event', 'event'],
    ] as const) {
      const filterMs = timings.get(`${key}/filter`)?.medianMs ?? Number.NaN;
      const jsonMs = timings.get(`${key}/json`)?.medianMs ?? Number.NaN;
      const value = ratioBetween(timings.get(`${key}/filter`), timings.get(`${key}/json`));
      const verdict = judge(value, TARGET);
      rows.push([
        hostile.name,
        place,
        milliseconds(filterMs),
        milliseconds(jsonMs),
        ratio(value),
        TARGET.label,
        verdict,
      ]);
      targets.push({
        target: `1 MB ${hostile.name}, ${place}: filter / JSON.stringify`,
        measured: ratio(value),
        limit: TARGET.label,
        verdict,
      });
    }

    // The prefix has no target of its own: the limit is for the whole megabyte.
    const prefixRatio = ratioBetween(timings.get('prefix/filter'), timings.get('prefix/json'));
    rows.push([
      hostile.name,
      'first 16 KiB',
      milliseconds(timings.get('prefix/filter')?.medianMs ?? Number.NaN),
      milliseconds(timings.get('prefix/json')?.medianMs ?? Number.NaN),
      ratio(prefixRatio),
      '(info)',
      '',
    ]);
  }

  return {
    title: 'Hostile 1 MB strings',
    description:
      '"alone": the string is the exception message of an otherwise empty event, compared ' +
      'with `JSON.stringify` of the string. "in event": the string is an `extra` value of the ' +
      'typical event, compared with `JSON.stringify` of that event. "first 16 KiB": the ' +
      "string's first 16 KiB alone, short enough to be scanned whole by a scrubber that cuts " +
      "long strings, so it shows the detectors' cost per character (no target).",
    table: table(
      ['string', 'placed', 'filter ms', 'JSON.stringify ms', 'ratio', 'target', 'verdict'],
      rows,
    ),
    notes,
    targets,
  };
}

function milliseconds(value: number): string {
  return value >= 10 ? value.toFixed(1) : value.toFixed(3);
}
