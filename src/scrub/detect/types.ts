import type { KeyVerdict } from '../keys/classify.ts';
import type { DetectorName } from '../options.ts';

/** Where detectors record the spans they found. */
export interface Findings {
  /** Records that `text.slice(start, end)` is to be replaced, because of `rule`. */
  add(start: number, end: number, rule: string): void;
  /**
   * Records a span found after the spans inside it were recorded (an XML element's text,
   * judged at its closing tag): those spans are dropped, and this one runs at least to where
   * they ended, so no part of them is left in the text.
   */
  addCovering(start: number, end: number, rule: string): void;
}

/**
 * How far some detectors have read in the text being scanned, so that what they read is not
 * read again. The scanner resets it before each text.
 */
export interface ScanState {
  /** The end of the last run of base64url read by the JWT detector. */
  jwtRunEnd: number;
  /** The end of the last run of hex digits and colons read by the IPv6 detector. */
  ipv6RunEnd: number;
  /** The end of the last value replaced after `name=`: pairs inside it are not read again. */
  pairValueEnd: number;
  /** The end of the last CDATA section read by the XML detector: the next one starts after. */
  cdataEnd: number;
}

/** What detectors need to know besides the text. */
export interface DetectContext {
  readonly state: ScanState;
  /** The replacement text: a value that already equals it is left alone. */
  readonly replacement: string;
  /** Judges a key name found in text (`password=...`). */
  readonly classify: (key: string) => KeyVerdict;
  readonly enabled: Readonly<Record<DetectorName, boolean>>;
  /**
   * Runs every detector on the percent-encoded parameter value `text.slice(start, end)`,
   * decoded, and records what they find at its place in `text`. Returns whether anything was
   * found. Absent in the scanner that reads decoded values.
   */
  readonly scanEncoded:
    | ((text: string, start: number, end: number, findings: Findings) => boolean)
    | undefined;
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
