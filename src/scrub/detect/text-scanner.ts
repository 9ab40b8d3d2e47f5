import type { KeyClassifier } from '../keys/classify.ts';
import { TEXT_STEMS } from '../keys/default-keys.ts';
import type { DetectorName } from '../options.ts';
import { LIMIT_RULE } from '../rules.ts';
import { detectAtSign } from './at-sign.ts';
import { detectAuthorization } from './authorization.ts';
import { detectDigits } from './digits.ts';
import { detectIban } from './iban.ts';
import { detectJwt } from './jwt.ts';
import { detectPrivateKey } from './private-key.ts';
import { createSeparatorDetector } from './separator.ts';
import { detectServiceKey, SERVICE_KEYS } from './service-keys.ts';
import type { DetectContext, Detector, Findings } from './types.ts';

/** One removal inside a string, as Relay records it: `[rule, "s", start, end]`. */
export type Remark = [rule: string, type: 's', start?: number, end?: number];

/** Finds and replaces secrets inside strings. */
export interface TextScanner {
  /**
   * Returns `text` itself when nothing was found, else the text with each finding replaced.
   * After a change, `remarks` holds one remark per replacement. Text longer than `limit` is
   * cut there.
   */
  scan(text: string, limit?: number): string;
  readonly remarks: Remark[];
}

/** What the scanner is built from. */
export interface TextScannerConfig {
  readonly detectors: Readonly<Record<DetectorName, boolean>>;
  readonly replacement: string;
  readonly classifier: KeyClassifier;
  /** Called once per replaced span. */
  readonly onRemoved: (rule: string) => void;
}

// No detector finds anything in fewer characters than this (`pin=1` has five).
const MIN_LENGTH = 5;
/**
 * Longer strings are cut here, as Relay cuts long strings, so the work per string and the
 * size of what is sent stay bounded. A cut string ends with `...` and says so in `_meta`.
 */
export const MAX_TEXT_LENGTH = 16_384;
const CUT_OVERLAP = 4096;
const ELLIPSIS = '...';
// Beyond this many replacements in one string, `_meta` keeps one remark per rule without
// positions, so its size stays bounded.
const MAX_RANGED_REMARKS = 64;

interface Alternative {
  readonly detector: Detector;
  /** The pattern, without capture groups. */
  readonly source: string;
}

/**
 * Builds the scanner: one candidate pattern made of every enabled detector's cheap start
 * (`@`, `eyJ`, a sensitive word before `=`, four digits...), so a string with nothing to find
 * costs a single native regular expression pass and no allocation. Each candidate is then
 * confirmed by its detector, which also says where scanning resumes, so the whole scan stays
 * linear.
 */
export function createTextScanner(config: TextScannerConfig): TextScanner {
  const { detectors, replacement, classifier } = config;
  const alternatives = candidateAlternatives(detectors, classifier);
  // Each alternative is one capture group, so the group that matched names the detector.
  const dispatch = [undefined, ...alternatives.map((alternative) => alternative.detector)];
  const sources = alternatives.map((alternative) => `(${alternative.source})`);
  const candidates = sources.length === 0 ? undefined : new RegExp(sources.join('|'), 'g');

  const context: DetectContext = {
    replacement,
    classify: (key) => classifier.classify(key),
    enabled: detectors,
  };
  const findings = new FindingList();
  const remarks: Remark[] = [];

  const detect = (text: string, first: RegExpExecArray, pattern: RegExp): void => {
    let match: RegExpExecArray | null = first;
    while (match !== null) {
      const detector = detectorOf(match, dispatch);
      const resume = detector(text, match, context, findings);
      pattern.lastIndex = Math.max(resume, match.index + 1);
      match = pattern.exec(text);
    }
  };

  const scanWhole = (text: string): string => {
    if (candidates === undefined || text.length < MIN_LENGTH) {
      return text;
    }
    candidates.lastIndex = 0;
    const first = candidates.exec(text);
    if (first === null) {
      return text;
    }

    findings.clear();
    detect(text, first, candidates);
    if (findings.count === 0) {
      return text;
    }
    return applyFindings(text, findings, replacement, remarks, config.onRemoved);
  };

  return {
    remarks,
    scan(text, limit = MAX_TEXT_LENGTH) {
      if (text.length <= limit) {
        return scanWhole(text);
      }

      // Scan a little past the cut, so a secret that straddles it is removed whole.
      const window = text.slice(0, limit + CUT_OVERLAP);
      const scanned = scanWhole(window);
      const kept = scanned === window ? [] : remarks.filter(startsBefore(limit));
      remarks.length = 0;
      for (const remark of kept) {
        remarks.push(clampRemark(remark, limit));
      }
      remarks.push([LIMIT_RULE, 's', limit, limit + ELLIPSIS.length]);
      return scanned.slice(0, limit) + ELLIPSIS;
    },
  };
}

function startsBefore(limit: number): (remark: Remark) => boolean {
  return (remark) => remark[2] === undefined || remark[2] < limit;
}

function clampRemark(remark: Remark, limit: number): Remark {
  const [rule, type, start, end] = remark;
  return start === undefined || end === undefined
    ? remark
    : [rule, type, start, Math.min(end, limit)];
}

function detectorOf(match: RegExpExecArray, dispatch: readonly (Detector | undefined)[]): Detector {
  for (let group = 1; group < dispatch.length; group++) {
    const detector = dispatch[group];
    if (detector !== undefined && match[group] !== undefined) {
      return detector;
    }
  }
  throw new Error('a candidate matched no detector');
}

function applyFindings(
  text: string,
  findings: FindingList,
  replacement: string,
  remarks: Remark[],
  onRemoved: (rule: string) => void,
): string {
  remarks.length = 0;
  let output = '';
  let copied = 0;
  const unranged = new Set<string>();
  for (let index = 0; index < findings.count; index++) {
    const start = findings.starts[index] as number;
    const end = findings.ends[index] as number;
    const rule = findings.rules[index] as string;
    output += text.slice(copied, start);
    if (remarks.length < MAX_RANGED_REMARKS) {
      remarks.push([rule, 's', output.length, output.length + replacement.length]);
    } else if (!unranged.has(rule)) {
      unranged.add(rule);
      remarks.push([rule, 's']);
    }
    output += replacement;
    copied = end;
    onRemoved(rule);
  }
  return output + text.slice(copied);
}

/** Findings in text order, kept in reusable arrays. */
class FindingList implements Findings {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly rules: string[] = [];
  count = 0;

  clear(): void {
    this.count = 0;
  }

  add(start: number, end: number, rule: string): void {
    const previousEnd = this.count === 0 ? 0 : (this.ends[this.count - 1] as number);
    const from = Math.max(start, previousEnd);
    if (from >= end) {
      return;
    }
    this.starts[this.count] = from;
    this.ends[this.count] = end;
    this.rules[this.count] = rule;
    this.count++;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * A sticky test for a sensitive fragment inside a key name found in text, run before the
 * name is cut out and judged, so that most separators cost no allocation.
 */
function createStemTest(
  classifier: KeyClassifier,
): (text: string, start: number, end: number) => boolean {
  if (classifier.hasPatterns) {
    // A pattern in `keys` can match any name.
    return () => true;
  }
  const stems = [...TEXT_STEMS, ...classifier.customWords].map(escapeRegExp).join('|');
  const stem = new RegExp(`[\\w.\\-\\[\\]]{0,64}?(?:${stems})`, 'iy');
  return (text, start, end) => {
    stem.lastIndex = start;
    return stem.test(text) && stem.lastIndex <= end;
  };
}

// The digits detectors share one alternative that starts with a digit, so text without
// digits is passed over quickly: eight digits maybe split (a card number's start), a US
// social security number, or a dotted quad.
const DIGITS =
  '\\d(?:\\d{3}[ -]?\\d{4}|\\d{2}[ -]\\d{2}[ -]\\d{4}|\\d{0,2}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})';

// Authentication schemes, in the spellings seen in headers and logs.
const SCHEMES = '(?:[Bb]earer|BEARER|[Bb]asic|BASIC|Negotiate|NEGOTIATE|NTLM)[ \\t]+';

function candidateAlternatives(
  detectors: Readonly<Record<DetectorName, boolean>>,
  classifier: KeyClassifier,
): Alternative[] {
  const alternatives: Alternative[] = [];
  const add = (enabled: boolean, detector: Detector, source: string): void => {
    if (enabled) {
      alternatives.push({ detector, source });
    }
  };

  add(detectors.privateKey, detectPrivateKey, '-----BEGIN ');
  add(detectors.jwt, detectJwt, 'eyJ');
  add(detectors.email || detectors.urlCredentials, detectAtSign, '@|%40');
  add(
    detectors.keyValuePairs || detectors.urlParameters || detectors.ipAddress,
    createSeparatorDetector(createStemTest(classifier)),
    '[=:]|%3[Dd]',
  );
  add(
    detectors.ipAddress || detectors.usSocialSecurityNumber || detectors.creditCard,
    detectDigits,
    DIGITS,
  );
  add(detectors.iban, detectIban, '[A-Z]{2}\\d{2} ?[A-Z0-9]{4}');
  add(
    detectors.serviceKeys,
    detectServiceKey,
    [...new Set(SERVICE_KEYS.map((key) => key.prefix))].map(escapeRegExp).join('|'),
  );
  add(detectors.authorizationCredentials, detectAuthorization, SCHEMES);
  return alternatives;
}
