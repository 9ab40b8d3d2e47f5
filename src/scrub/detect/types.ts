import type { KeyVerdict } from '../keys/classify.ts';
import type { DetectorName } from '../options.ts';

/** Where detectors record the spans they found. */
export interface Findings {
  /** Records that `text.slice(start, end)` is to be replaced, because of `rule`. */
  add(start: number, end: number, rule: string): void;
}

/** What detectors need to know besides the text. */
export interface DetectContext {
  /** The replacement text: a value that already equals it is left alone. */
  readonly replacement: string;
  /** Judges a key name found in text (`password=...`). */
  readonly classify: (key: string) => KeyVerdict;
  readonly enabled: Readonly<Record<DetectorName, boolean>>;
}

/**
 * A detector, run at `start`, where the text scanner's candidate pattern matched. It records
 * what it finds and returns the index where scanning resumes; it never looks at more than it
 * skips, plus a constant, so a whole scan stays linear in the length of the text.
 */
export type Detector = (
  text: string,
  start: number,
  context: DetectContext,
  findings: Findings,
) => number;
