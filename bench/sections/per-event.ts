import { naiveScrub } from '../baselines/naive-scrubber.ts';
import { cloneForSdk, createPrepareAndSerialize } from '../baselines/sdk.ts';
import { Group, ratioOf, type Timing } from '../measure.ts';
import { judge, kilobytes, microseconds, percent, ratio, type Target, table } from '../report.ts';
import { runFilter } from '../team-filter.ts';
import type { CaptureTimings } from './capture.ts';
import type { Context, NamedEvent, SectionReport, TargetRow } from './types.ts';

/** The four timings of one fixture event. */
export interface PerEventTimings {
  readonly event: NamedEvent;
  readonly filter: Timing;
  readonly json: Timing;
  readonly prepare: Timing;
  readonly naive: Timing;
}

/** Targets against `JSON.stringify` of the same event, by fixture name. */
const JSON_TARGETS: Readonly<Record<string, Target>> = {
  typical: { limit: 1.5, label: '≤ 1.5×' },
  large: { limit: 2, label: '≤ 2×' },
};

const CAPTURE_TARGET: Target = { limit: 0.1, label: '≤ 10 %' };

/** Times the filter and the three baselines on each fixture event. */
export async function measurePerEvent(
  context: Context,
  events: readonly NamedEvent[],
): Promise<PerEventTimings[]> {
  const prepare = createPrepareAndSerialize();
  const group = new Group(
    context.timing({ time: 1200, iterations: 60, warmupTime: 200, rounds: 15 }),
  );
  for (const { name, event } of events) {
    const sdkEvent = cloneForSdk(event);
    group
      .add(`${name}/filter`, () => runFilter(context.filter, event, context.hint))
      .add(`${name}/json`, () => JSON.stringify(event))
      .add(`${name}/prepare`, () => prepare(sdkEvent, context.hint))
      .add(`${name}/naive`, () => naiveScrub(event));
  }
  context.progress(`per-event cost: ${events.length} events × 4 tasks`);
  const timings = await group.run();

  const get = (key: string): Timing => {
    const timing = timings.get(key);
    if (timing === undefined) {
      throw new Error(`No timing for ${key}`);
    }
    return timing;
  };
  return events.map((event) => ({
    event,
    filter: get(`${event.name}/filter`),
    json: get(`${event.name}/json`),
    prepare: get(`${event.name}/prepare`),
    naive: get(`${event.name}/naive`),
  }));
}

/** The per-event table, with the capture rows under the typical event. */
export function reportPerEvent(
  timings: readonly PerEventTimings[],
  capture: CaptureTimings,
): SectionReport {
  const rows: string[][] = [];
  const targets: TargetRow[] = [];

  for (const { event, filter, json, prepare, naive } of timings) {
    const floor = json.medianMs;
    const jsonTarget = JSON_TARGETS[event.name];
    const filterRatio = ratioOf(filter, json);
    const verdict = judge(filterRatio, jsonTarget);
    rows.push([
      `**${event.name}** (${kilobytes(event.bytes)}): filter`,
      microseconds(filter.medianMs),
      spread(filter),
      ratio(filterRatio),
      'JSON.stringify',
      jsonTarget?.label ?? '',
      verdict,
    ]);
    if (jsonTarget !== undefined) {
      targets.push({
        target: `${event.name} event: filter / JSON.stringify`,
        measured: ratio(filterRatio),
        limit: jsonTarget.label,
        verdict,
      });
    }

    if (event.name === 'typical') {
      // Timed again in the capture rounds, so the share is a ratio within rounds too.
      const share = ratioOf(capture.filter, capture.capture);
      const shareVerdict = judge(share, CAPTURE_TARGET);
      rows.push([
        '· filter, as share of full capture',
        '',
        '',
        percent(share),
        'full capture',
        CAPTURE_TARGET.label,
        shareVerdict,
      ]);
      targets.push({
        target: 'typical event: filter / full captureException',
        measured: percent(share),
        limit: CAPTURE_TARGET.label,
        verdict: shareVerdict,
      });
    }

    rows.push([
      '· JSON.stringify',
      microseconds(floor),
      spread(json),
      '1.00×',
      '(the floor)',
      '',
      '',
    ]);
    rows.push([
      '· SDK prepare + serialise',
      microseconds(prepare.medianMs),
      spread(prepare),
      ratio(ratioOf(prepare, json)),
      'JSON.stringify',
      '',
      '',
    ]);
    rows.push([
      '· naive scrubber',
      microseconds(naive.medianMs),
      spread(naive),
      ratio(ratioOf(naive, json)),
      'JSON.stringify',
      '',
      '',
    ]);

    if (event.name === 'typical') {
      const { capture: full, withFilter } = capture;
      rows.push([
        '· full captureException',
        microseconds(full.medianMs),
        spread(full),
        ratio(full.medianMs / floor),
        'JSON.stringify',
        '',
        '',
      ]);
      rows.push([
        '· full capture + filter integration',
        microseconds(withFilter.medianMs),
        spread(withFilter),
        signedPercent(ratioOf(withFilter, full) - 1),
        'full capture',
        '',
        '',
      ]);
    }
  }

  return {
    title: 'Per-event cost',
    description:
      'CPU time per call: the median over 15 rounds (6 for the capture rows) of each ' +
      "round's median; ± is half the interquartile range of the rounds. Ratios are medians " +
      'of per-round ratios, against `JSON.stringify` of the same event unless the baseline ' +
      'column says otherwise.',
    table: table(['case', 'µs/op', '±', 'ratio', 'baseline', 'target', 'verdict'], rows),
    notes: [
      `Planted secrets in the captured envelope: ${capture.secretsSent.without} of ${capture.secretsSent.planted} without the filter, ${capture.secretsSent.withFilter} with its integration.`,
      `The full capture sent a ${kilobytes(capture.envelopeBytes)} envelope per event (typical fixture: ${kilobytes(timings[0]?.event.bytes ?? 0)}).`,
    ],
    targets,
  };
}

function spread(timing: Timing): string {
  return `${timing.spread.toFixed(1)} %`;
}

function signedPercent(value: number): string {
  return value < 0 ? `−${percent(-value)}` : `+${percent(value)}`;
}
