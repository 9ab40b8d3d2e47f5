import type { FilterStats } from 'sentry-event-filter';
import type { DemoResult, FieldRow, ScenarioResult } from './runner.ts';
import type { Style } from './style.ts';

/** The report fits an 80-column terminal. */
const WIDTH = 80;
const LABEL = 9;
const MAX_LOGS = 3;

/** A line of text and how to style it once it has been wrapped. */
interface Text {
  readonly text: string;
  readonly style?: (text: string) => string;
}

/** Renders the demo's result as the text report. */
export function renderReport(result: DemoResult, style: Style): string {
  const lines: string[] = [...header(result, style), ''];
  result.scenarios.forEach((scenario, index) => {
    lines.push(...scenarioLines(scenario, index, style), '');
  });
  if (result.beforeAfter !== undefined) {
    lines.push(...fieldTable(result.beforeAfter.scenario, result.beforeAfter.rows, style), '');
  }
  lines.push(...counters(result.apps, style), '', summary(result, style));
  return `${lines.join('\n')}\n`;
}

function header(result: DemoResult, style: Style): string[] {
  const names = result.apps.map((app) => app.name).join(' and ');
  const one = result.apps.length === 1;
  const [run, subject, apps] = one ? ['runs', 'It sends', 'app'] : ['run', 'They send', 'apps'];
  const destination =
    result.destination.kind === 'local'
      ? `${subject} to a local receiver on ${new URL(result.destination.dsn).host}: ` +
        'no network, no account.'
      : `${subject} to your Sentry at ${result.destination.host} (SENTRY_DSN). This report ` +
        `shows what the ${apps} sent; what Sentry kept is in your project.`;
  return [
    style.bold('sentry-event-filter demo'),
    ...wrap(
      `${names} ${run} @sentry/node ${result.sdkVersion} with the filter set up in ` +
        `examples/sentry.ts (package loaded from ${result.packageEntry}). ${destination}`,
      WIDTH,
    ),
  ];
}

function scenarioLines(scenario: ScenarioResult, index: number, style: Style): string[] {
  const mark = scenario.passed ? style.good('✔') : style.bad('✘');
  const title = `${index + 1}. ${scenario.name}`;
  const checks = scenario.checks.map(
    (item): Text =>
      item.passed
        ? { text: `✔ ${item.text}` }
        : { text: `✘ ${item.text}: ${item.detail ?? 'failed'}`, style: style.bad },
  );
  return [
    `${mark} ${style.bold(title)}  ${scenario.title}`,
    ...labelled('app', [{ text: scenario.app }]),
    ...labelled('sent', sentLines(scenario, style)),
    ...labelled('dropped', droppedLines(scenario, style)),
    ...labelled('expect', checks),
  ];
}

function sentLines(scenario: ScenarioResult, style: Style): Text[] {
  const lines: Text[] = [];
  for (const event of scenario.sent.events) {
    lines.push({ text: `error ${event.summary}` });
    const tags = Object.entries(event.tags).map(([key, value]) => `${key}=${value}`);
    if (tags.length > 0) {
      lines.push({ text: `  tags ${tags.join(' ')}`, style: style.dim });
    }
    const properties = Object.entries(event.errorProperties ?? {});
    if (properties.length > 0) {
      const pairs = properties.map(([path, value]) => `${path}=${value}`);
      lines.push({ text: `  context error_properties ${pairs.join(' ')}`, style: style.dim });
    }
  }
  for (const log of scenario.sent.logs.slice(0, MAX_LOGS)) {
    lines.push({ text: `log   ${log.level} ${log.logger ?? '(no logger)'}: ${log.body}` });
  }
  if (scenario.sent.logs.length > MAX_LOGS) {
    lines.push({ text: `      and ${scenario.sent.logs.length - MAX_LOGS} more log records` });
  }
  return lines.length > 0 ? lines : [{ text: 'nothing' }];
}

const KIND_NAMES: Readonly<Record<string, string>> = {
  event: 'event',
  transaction: 'transaction',
  log: 'log record',
  breadcrumb: 'breadcrumb',
  span: 'span',
};

function droppedLines(scenario: ScenarioResult, style: Style): Text[] {
  const { rules, kinds, clientReports } = scenario.dropped;
  const items = Object.entries(kinds).map(([kind, count]) =>
    plural(count, KIND_NAMES[kind] ?? kind),
  );
  if (items.length === 0) {
    return [{ text: 'nothing' }];
  }

  const lines: Text[] = [{ text: items.join(', ') }];
  for (const [rule, count] of Object.entries(rules)) {
    const why = rule === 'ownLine' ? "ownLine (the filter's own drop notice)" : rule;
    lines.push({ text: `  ${count} by ${why}`, style: style.dim });
  }
  if (clientReports.length > 0) {
    const reported = clientReports.map(
      (entry) => `${entry.quantity} ${entry.category} (${entry.reason})`,
    );
    lines.push({ text: `  client report: ${reported.join(', ')}`, style: style.dim });
  }
  return lines;
}

function fieldTable(scenario: string, rows: readonly FieldRow[], style: Style): string[] {
  const widths = [22, 22, 29];
  const row = (cells: readonly string[]): string =>
    `  ${cells.map((cell, index) => fitCell(cell, widths[index] ?? 10)).join(' ')}`;
  const lines = [
    style.bold(`Before and after: the event of "${scenario}"`),
    style.dim(row(['field', 'the app had (masked)', 'what reached Sentry'])),
  ];
  for (const field of rows) {
    const verdict = field.passed ? style.good('✔') : style.bad('✘');
    lines.push(`${row([field.field, field.before, field.after])} ${verdict}`);
  }
  return lines;
}

function counters(apps: DemoResult['apps'], style: Style): string[] {
  const lines = [style.bold('Filter counters, from filter.stats() in each app')];
  for (const { name, stats } of apps) {
    lines.push(...counterLines(name, stats));
  }
  return lines;
}

function counterLines(name: string, stats: FilterStats): string[] {
  return [
    `  ${name.padEnd(12)} events: ${stats.seen.event} seen, ${stats.dropped.event} dropped, ` +
      `${stats.tagged} tagged; logs: ${stats.seen.log} seen, ${stats.dropped.log} dropped`,
    `  ${''.padEnd(12)} values scrubbed: ${stats.scrubbed.values}; ` +
      `failures caught: ${stats.failures}`,
  ];
}

function summary(result: DemoResult, style: Style): string {
  const total = result.scenarios.length;
  const failed = result.scenarios.filter((scenario) => !scenario.passed);
  const seconds = (result.durationMs / 1000).toFixed(1);
  if (failed.length === 0) {
    const verdict = total === 1 ? 'The scenario' : `All ${total} scenarios`;
    return style.good(`✔ ${verdict} behaved as configured (${seconds} s).`);
  }
  const names = failed.map((scenario) => scenario.name).join(', ');
  return style.bad(
    `✘ ${failed.length} of ${total} scenarios did not behave as configured: ${names}.`,
  );
}

/** Lines under a label in the left column, wrapped to the width, then styled. */
function labelled(label: string, texts: readonly Text[]): string[] {
  const indent = 2 + LABEL;
  return texts.flatMap((item, index) => {
    const hanging = item.text.match(/^ */)?.[0].length ?? 0;
    const lines = wrap(item.text, WIDTH - indent, hanging + 2);
    return lines.map((line, lineIndex) => {
      const prefix =
        index === 0 && lineIndex === 0 ? `  ${label.padEnd(LABEL)}` : ' '.repeat(indent);
      return `${prefix}${item.style === undefined ? line : item.style(line)}`;
    });
  });
}

/**
 * Breaks a text into lines of at most `width` columns, at spaces where it can; lines after
 * the first are indented by `hanging` columns.
 */
function wrap(text: string, width: number, hanging = 0): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > width / 2 ? space : width;
    lines.push(rest.slice(0, cut));
    rest = ' '.repeat(hanging) + rest.slice(cut).trimStart();
  }
  lines.push(rest);
  return lines;
}

/** Pads or shortens a cell to exactly `width` columns. */
function fitCell(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
