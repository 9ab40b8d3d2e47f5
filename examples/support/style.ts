import { styleText } from 'node:util';

/** Terminal styles for the report; plain text when the output is not a terminal. */
export interface Style {
  good(text: string): string;
  bad(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const PLAIN: Style = {
  good: (text) => text,
  bad: (text) => text,
  dim: (text) => text,
  bold: (text) => text,
};

/** Colours only for a terminal, and never when `NO_COLOR` is set (https://no-color.org). */
export function usesColor(stream: { isTTY?: boolean }): boolean {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return stream.isTTY === true && !noColor;
}

/** The report's colours, where `usesColor` allows them. */
export function createStyle(stream: { isTTY?: boolean }): Style {
  if (!usesColor(stream)) {
    return PLAIN;
  }
  return {
    good: (text) => styleText('green', text),
    bad: (text) => styleText('red', text),
    dim: (text) => styleText('dim', text),
    bold: (text) => styleText('bold', text),
  };
}
