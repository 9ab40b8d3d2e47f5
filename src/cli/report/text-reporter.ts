import type { CheckSummary, TypeCounts } from '../check/tally.ts';
import type { HeaderResult, UnitResult } from '../check/units.ts';
import type { InputFault } from '../input/records.ts';
import { type CliIo, writeLine } from '../io.ts';
import { formatFault, formatLocation, formatPreview, plural, printable } from './format.ts';
import type { Reporter, ReportSettings } from './reporter.ts';

const OUTCOME_WIDTH = 9;
const TYPE_WIDTH = 13;

/**
 * Reports for people: one line per unit on stdout, faults on stderr, then a table. Control
 * characters from the input (in item types, file names) are shown escaped, never sent to
 * the terminal.
 */
export class TextReporter implements Reporter {
  readonly #io: CliIo;
  readonly #settings: ReportSettings;

  constructor(io: CliIo, settings: ReportSettings) {
    this.#io = io;
    this.#settings = settings;
  }

  async unit(unit: UnitResult): Promise<void> {
    if (this.#settings.quiet) {
      return;
    }
    const outcome = unit.outcome === 'sent' && hasTags(unit) ? 'tagged' : unit.outcome;
    const details = describeUnit(unit);
    const line =
      outcome.padEnd(OUTCOME_WIDTH) +
      unit.type.padEnd(TYPE_WIDTH) +
      formatLocation(unit.location) +
      (details === '' ? '' : `  ${details}`);
    await this.#out(line);

    if (!this.#settings.explain) {
      return;
    }
    for (const record of unit.droppedRecords ?? []) {
      await this.#out(`    log record ${record.index + 1} dropped by ${record.rule}`);
    }
    await this.#explain(unit.removals);
  }

  async header(header: HeaderResult): Promise<void> {
    if (this.#settings.quiet) {
      return;
    }
    await this.#out(
      ''.padEnd(OUTCOME_WIDTH) +
        'header'.padEnd(TYPE_WIDTH) +
        formatLocation(header.location) +
        `  ${plural(header.removals.length, 'value')} removed`,
    );
    if (this.#settings.explain) {
      await this.#explain(header.removals);
    }
  }

  async fault(fault: InputFault): Promise<void> {
    await writeLine(this.#io.stderr, printable(formatFault(fault)));
  }

  async faultsHidden(file: string, count: number): Promise<void> {
    await writeLine(
      this.#io.stderr,
      printable(`${file}: ${plural(count, 'more fault')} not shown.`),
    );
  }

  async summary(summary: CheckSummary): Promise<void> {
    const lines = summaryLines(summary);
    if (!this.#settings.quiet) {
      lines.unshift('');
      if (summary.out !== undefined) {
        lines.push('', outLine(summary.out));
      }
    }
    for (const line of lines) {
      await this.#out(line);
    }
  }

  async #explain(removals: UnitResult['removals']): Promise<void> {
    for (const removal of removals) {
      await this.#out(`    ${removal.path}  ${removal.rule}  ${formatPreview(removal)}`);
    }
  }

  #out(line: string): Promise<void> {
    return writeLine(this.#io.stdout, printable(line));
  }
}

/** `3 files written to out/, 1 input left out (nothing in it would be sent)`. */
function outLine(out: NonNullable<CheckSummary['out']>): string {
  const dir = /[/\\]$/.test(out.dir) ? out.dir : `${out.dir}/`;
  const written = `${plural(out.files, 'file')} written to ${dir}`;
  if (out.leftOut === 0) {
    return written;
  }
  const pronoun = out.leftOut === 1 ? 'it' : 'them';
  const leftOut = `${plural(out.leftOut, 'input')} left out`;
  return `${written}, ${leftOut} (nothing in ${pronoun} would be sent)`;
}

function hasTags(unit: UnitResult): boolean {
  return Object.keys(unit.tags).length > 0;
}

function describeUnit(unit: UnitResult): string {
  const parts: string[] = [];
  if (unit.outcome === 'dropped' && unit.droppedBy !== undefined) {
    parts.push(`by ${unit.droppedBy}`);
  }
  for (const [tag, value] of Object.entries(unit.tags)) {
    parts.push(`${tag}=${value}`);
  }
  if (unit.records !== undefined) {
    const dropped = unit.droppedRecords ?? [];
    const rules = [...new Set(dropped.map((record) => record.rule))].join(', ');
    parts.push(
      dropped.length === 0 || unit.outcome === 'dropped'
        ? plural(unit.records, 'record')
        : `${plural(unit.records, 'record')}, ${dropped.length} dropped by ${rules}`,
    );
  }
  if (unit.opaque !== undefined) {
    const name =
      unit.opaque.filename === undefined ? '' : `${JSON.stringify(unit.opaque.filename)}, `;
    const kind = unit.opaque.binary ? 'binary' : 'text';
    const at = unit.opaque.offset === undefined ? '' : ` at byte ${unit.opaque.offset}`;
    parts.push(
      `${name}${plural(unit.opaque.length, 'byte')} of ${kind}${at} passed through unread`,
    );
  }
  if (unit.read !== undefined) {
    const name = unit.read.filename === undefined ? '' : `${JSON.stringify(unit.read.filename)}, `;
    const how = unit.read.replaced ? 'replaced whole: too large to scrub' : 'scanned';
    parts.push(`${name}${plural(unit.read.length, 'byte')} of text ${how}`);
  }
  // An attachment replaced whole says so; its one removal would only repeat it.
  if (unit.removals.length > 0 && unit.read?.replaced !== true) {
    parts.push(`${plural(unit.removals.length, 'value')} removed`);
  }
  return parts.join(', ');
}

const COLUMNS: readonly (keyof TypeCounts)[] = ['total', 'sent', 'dropped', 'tagged', 'removed'];

/** The summary as a table per type plus totals; the rows add up to the last one. */
export function summaryLines(summary: CheckSummary): string[] {
  const rows: [string, TypeCounts][] = Object.entries(summary.types);
  const all = rows.reduce<TypeCounts>(
    (total, [, counts]) => ({
      total: total.total + counts.total,
      sent: total.sent + counts.sent,
      dropped: total.dropped + counts.dropped,
      tagged: total.tagged + counts.tagged,
      removed: total.removed + counts.removed,
    }),
    { total: 0, sent: 0, dropped: 0, tagged: 0, removed: 0 },
  );

  const table = [
    ['type', ...COLUMNS],
    ...[...rows, ['all', all] as const].map(([type, counts]) => [
      type,
      ...COLUMNS.map((column) => String(counts[column])),
    ]),
  ];
  const widths = (table[0] ?? []).map((_, column) =>
    Math.max(...table.map((row) => (row[column] ?? '').length)),
  );
  const lines = table.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  '),
  );

  lines.push('');
  lines.push(
    [
      `${plural(summary.files.read, 'input')} (${summary.files.invalid} invalid)`,
      plural(summary.events.total, 'event'),
      // Envelopes and log records only when the input had some.
      summary.envelopes.total > 0
        ? `${plural(summary.envelopes.total, 'envelope')} with ` +
          plural(summary.items.total, 'item')
        : '',
      summary.logRecords.total > 0
        ? `${plural(summary.logRecords.total, 'log record')} ` +
          `(${summary.logRecords.dropped} dropped)`
        : '',
    ]
      .filter((part) => part !== '')
      .join(', '),
  );
  lines.push(
    `${plural(summary.removed.total, 'value')} removed` +
      (summary.removed.headers > 0 ? ` (${summary.removed.headers} from envelope headers)` : '') +
      `, ${plural(summary.opaque, 'payload')} passed through unread` +
      `, ${plural(summary.faults, 'fault')}`,
  );

  const rules = Object.entries(summary.rules);
  if (rules.length > 0) {
    lines.push('');
    for (const [rule, counts] of rules) {
      const outcomes = Object.entries(counts).map(([outcome, count]) => `${outcome} ${count}`);
      lines.push(`${rule}: ${outcomes.join(', ')}`);
    }
  }
  if (summary.failures > 0) {
    lines.push(
      `${plural(summary.failures, 'failure')} caught inside the filter; ` +
        'run with --debug to see them.',
    );
  }
  return lines;
}
