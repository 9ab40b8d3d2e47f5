/** Formatting for the tables `npm run bench` prints: Markdown, aligned for the terminal. */

/** A limit a measurement is held to. */
export interface Target {
  readonly limit: number;
  /** How the limit reads in the table: `≤ 1.5×`, `< 1 KiB`. */
  readonly label: string;
  /** Whether the measurement must stay below (`<`) or at most at (`≤`) the limit. */
  readonly strict?: boolean;
}

export type Verdict = 'PASS' | 'FAIL' | '';

/** Judges a measured value against a target. */
export function judge(value: number, target: Target | undefined): Verdict {
  if (target === undefined || !Number.isFinite(value)) {
    return target === undefined ? '' : 'FAIL';
  }
  const holds = target.strict ? value < target.limit : value <= target.limit;
  return holds ? 'PASS' : 'FAIL';
}

/** Prints a Markdown table with columns padded to their widest cell. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => pad(cell, widths[column] ?? 0, column)).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

// The first column reads as text, the others as numbers.
function pad(cell: string, width: number, column: number): string {
  return column === 0 ? cell.padEnd(width) : cell.padStart(width);
}

export function microseconds(milliseconds: number): string {
  const value = milliseconds * 1000;
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}×` : 'n/a';
}

export function percent(value: number): string {
  return `${(value * 100).toFixed(value < 0.1 ? 2 : 1)} %`;
}

export function kilobytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MiB`
    : `${(bytes / 1024).toFixed(1)} KiB`;
}

export function bytesLabel(bytes: number): string {
  return `${Math.round(bytes).toLocaleString('en-US')} B`;
}

/** Least-squares slope of log(y) against log(x): the exponent of a power law y = c·x^k. */
export function powerLawExponent(points: readonly { x: number; y: number }[]): number {
  const logs = points.map((point) => ({ x: Math.log(point.x), y: Math.log(point.y) }));
  const meanX = logs.reduce((sum, point) => sum + point.x, 0) / logs.length;
  const meanY = logs.reduce((sum, point) => sum + point.y, 0) / logs.length;
  let covariance = 0;
  let variance = 0;
  for (const point of logs) {
    covariance += (point.x - meanX) * (point.y - meanY);
    variance += (point.x - meanX) ** 2;
  }
  return covariance / variance;
}
