import type { KeyClassifier } from '../keys/classify.ts';
import type { DetectorName } from '../options.ts';
import { LIMIT_RULE } from '../rules.ts';
import { detectAtSign } from './at-sign.ts';
import { detectDigits } from './digits.ts';
import { detectJwt } from './jwt.ts';
import { findValueInWords, WITH_VALUE } from './key-value.ts';
import { detectAtLetter, IBAN_AFTER_FIRST, SCHEME_AFTER_UPPER, SCHEME_LOWER } from './letters.ts';
import { decodeParameter, positionMap } from './percent-encoded.ts';
import { detectPrivateKey } from './private-key.ts';
import { createSeparatorDetector } from './separator.ts';
import { detectServiceKeyAtSeparator, detectWebhook, SERVICE_KEY_ANCHORS } from './service-keys.ts';
import { createStemTest } from './stem-test.ts';
import type { DetectContext, Findings, ScanState } from './types.ts';
import { createXmlElementDetector } from './xml-element.ts';

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
  /**
   * After a change, one remark per replacement: a new list at every change, which the caller
   * may keep.
   */
  readonly remarks: Remark[];
  /**
   * After a change, the rule of each replacement, in order (what `onRemoved` was told): a new
   * list at every change, which the caller may keep.
   */
  readonly rules: string[];
  /**
   * What `scan` would replace in `text`, without replacing it or calling `onRemoved`, or
   * `undefined` when nothing. Valid until the next call.
   */
  find(text: string): Spans | undefined;
}

/** Spans of a text, in order: `starts[i]` to `ends[i]`, found by `rules[i]`. */
export interface Spans {
  readonly count: number;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly rules: readonly string[];
}

/** What the scanner is built from. */
export interface TextScannerConfig {
  readonly detectors: Readonly<Record<DetectorName, boolean>>;
  readonly replacement: string;
  readonly classifier: KeyClassifier;
  /** Called once per replaced span. */
  readonly onRemoved: (rule: string) => void;
  /** For the scanner of decoded parameter values: it decodes nothing itself. */
  readonly decoded?: boolean;
}

/** No detector finds anything in fewer characters than this (`a@b.co` has six). */
export const MIN_SCANNED = 6;
/**
 * Longer strings are cut here, as Relay cuts long strings, so the work per string and the
 * size of what is sent stay bounded. A cut string ends with `...` and says so in `_meta`.
 */
export const MAX_TEXT_LENGTH = 16_384;
const CUT_OVERLAP = 4096;
const ELLIPSIS = '...';
const PEM_BEGIN = '-----BEGIN ';
// Beyond this many replacements in one string, `_meta` keeps one remark per rule without
// positions, so its size stays bounded.
const MAX_RANGED_REMARKS = 64;

/**
 * Builds the scanner: one candidate pattern made of every enabled detector's cheap start
 * (`@`, `eyJ`, `=` or `:`, four digits, a service key prefix...), so a string with nothing to
 * find costs a single native regular expression pass. Every alternative matches one
 * character and checks the rest by lookahead, so candidates are found with `test()` and cost
 * no allocation; the character says which detector confirms it. Each detector also says where
 * scanning resumes, so the whole scan stays linear.
 */
export function createTextScanner(config: TextScannerConfig): TextScanner {
  const { detectors, replacement, classifier } = config;
  const source = candidateSource(detectors);
  const candidates = source === '' ? undefined : new RegExp(source, 'g');
  const hasStem = createStemTest(classifier);
  const detectSeparator = createSeparatorDetector(hasStem);
  const detectXmlElement = createXmlElementDetector(hasStem);

  const state: ScanState = { jwtRunEnd: 0, ipv6RunEnd: 0, pairValueEnd: 0, cdataEnd: 0 };
  // Reads percent-encoded parameter values decoded; made at the first one.
  let decodedScanner: TextScanner | undefined;
  const scanEncoded = (text: string, start: number, end: number, found: Findings): boolean => {
    // Decoding never makes a value longer.
    if (end - start < MIN_SCANNED) {
      return false;
    }
    const decoded = decodeParameter(text, start, end);
    if (decoded === undefined) {
      return false;
    }
    decodedScanner ??= createTextScanner({ ...config, onRemoved: () => {}, decoded: true });
    const spans = decodedScanner.find(decoded.text);
    if (spans === undefined) {
      return false;
    }
    const encoded = positionMap(decoded);
    for (let index = 0; index < spans.count; index++) {
      const from = encoded(spans.starts[index] as number);
      found.add(from, encoded(spans.ends[index] as number), spans.rules[index] as string);
    }
    return true;
  };
  const context: DetectContext = {
    state,
    replacement,
    classify: (key) => classifier.classify(key),
    enabled: detectors,
    scanEncoded: config.decoded === true ? undefined : scanEncoded,
  };
  const findings = new FindingList();

  const detectAt = (text: string, start: number): number => {
    const code = text.charCodeAt(start);
    switch (code) {
      case 64: // @
        return detectAtSign(text, start, context, findings);
      case 37: // %40 or %3D
        return text.charCodeAt(start + 1) === 52
          ? detectAtSign(text, start, context, findings)
          : detectSeparator(text, start, context, findings);
      case 61: // =
      case 58: // :
        return detectSeparator(text, start, context, findings);
      case 45: // -----BEGIN, or the `-` of a service key prefix
        return text.startsWith(PEM_BEGIN, start)
          ? detectPrivateKey(text, start, context, findings)
          : detectServiceKeyAtSeparator(text, start, context, findings);
      case 95: // the `_` of a service key prefix
        return detectServiceKeyAtSeparator(text, start, context, findings);
      case 47: // the `/` after the host of a webhook URL
        return detectWebhook(text, start, context, findings);
      case 60: // `</`, a closing tag
        return detectXmlElement(text, start, context, findings);
      case 119: // the w of ` with value "`
        return findValueInWords(text, start, context, hasStem, findings);
      case 74: // the J of eyJ, or an upper-case letter
        return text.startsWith('ey', start - 2)
          ? detectJwt(text, start - 2, context, findings)
          : detectAtLetter(text, start, context, findings);
      default:
        return code >= 48 && code <= 57
          ? detectDigits(text, start, context, findings)
          : detectAtLetter(text, start, context, findings);
    }
  };

  // Fills `findings` with what `text` holds; whether it holds anything.
  const collect = (text: string): boolean => {
    if (candidates === undefined || text.length < MIN_SCANNED) {
      return false;
    }
    candidates.lastIndex = 0;
    if (!candidates.test(text)) {
      return false;
    }

    findings.clear();
    state.jwtRunEnd = 0;
    state.ipv6RunEnd = 0;
    state.pairValueEnd = 0;
    state.cdataEnd = 0;
    do {
      const start = candidates.lastIndex - 1;
      candidates.lastIndex = Math.max(detectAt(text, start), start + 1);
    } while (candidates.test(text));
    return findings.count > 0;
  };

  // `remarks` and `rules` are replaced at every change, so that callers may keep them.
  const scanner = {
    remarks: [] as Remark[],
    rules: [] as string[],
    find: (text: string): Spans | undefined => (collect(text) ? findings : undefined),
    scan(text: string, limit = MAX_TEXT_LENGTH): string {
      if (text.length <= limit) {
        return scanWhole(text);
      }

      // Scan a little past the cut, so a secret that straddles it is removed whole.
      const window = text.slice(0, limit + CUT_OVERLAP);
      const scanned = scanWhole(window);
      if (scanned === window) {
        scanner.remarks = [];
        scanner.rules = [];
      } else {
        const kept = scanner.remarks.filter(startsBefore(limit));
        scanner.remarks = kept.map((remark) => clampRemark(remark, limit));
      }
      scanner.remarks.push([LIMIT_RULE, 's', limit, limit + ELLIPSIS.length]);
      return scanned.slice(0, limit) + ELLIPSIS;
    },
  };

  const scanWhole = (text: string): string => {
    if (!collect(text)) {
      return text;
    }
    return applyFindings(text, findings, replacement, scanner, config.onRemoved);
  };

  return scanner;
}

/** The remarks and rules of the last change a scanner made. */
interface ChangeRecord {
  remarks: Remark[];
  rules: string[];
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

function applyFindings(
  text: string,
  findings: FindingList,
  replacement: string,
  record: ChangeRecord,
  onRemoved: (rule: string) => void,
): string {
  const remarks: Remark[] = [];
  const rules: string[] = [];
  let output = '';
  let copied = 0;
  for (let index = 0; index < findings.count; index++) {
    const start = findings.starts[index] as number;
    const end = findings.ends[index] as number;
    const rule = findings.rules[index] as string;
    output += text.slice(copied, start);
    if (index < MAX_RANGED_REMARKS) {
      remarks.push([rule, 's', output.length, output.length + replacement.length]);
    } else if (!hasUnrangedRemark(remarks, rule)) {
      remarks.push([rule, 's']);
    }
    output += replacement;
    copied = end;
    rules.push(rule);
    onRemoved(rule);
  }
  record.remarks = remarks;
  record.rules = rules;
  return output + text.slice(copied);
}

// Past the ranged remarks, one remark per rule; there are only a dozen rules.
function hasUnrangedRemark(remarks: readonly Remark[], rule: string): boolean {
  for (let index = MAX_RANGED_REMARKS; index < remarks.length; index++) {
    if ((remarks[index] as Remark)[0] === rule) {
      return true;
    }
  }
  return false;
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

  addCovering(start: number, end: number, rule: string): void {
    let coveredEnd = end;
    while (this.count > 0 && (this.starts[this.count - 1] as number) >= start) {
      this.count--;
      coveredEnd = Math.max(coveredEnd, this.ends[this.count] as number);
    }
    this.add(start, coveredEnd, rule);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

// At a digit: eight digits maybe split (a card number's start), a US social security
// number, or a dotted quad.
const DIGITS =
  '\\d(?=\\d{3}[ -]?\\d{4}|\\d{2}[ -]\\d{2}[ -]\\d{4}|\\d{0,2}\\.\\d{1,3}\\.\\d{1,3}\\.\\d)';

function candidateSource(detectors: Readonly<Record<DetectorName, boolean>>): string {
  const alternatives: string[] = [];
  const add = (enabled: boolean, ...sources: string[]): void => {
    if (enabled) {
      alternatives.push(...sources);
    }
  };

  add(detectors.privateKey, `-(?=${escapeRegExp(PEM_BEGIN.slice(1))})`);
  // The J of `eyJ`: a rare letter, where `e` would make every other letter a candidate. Only
  // where `eyJ` starts a run of base64url: inside one, the JWT detector finds nothing and
  // resumes after the `J` (a run of `eyJ` would otherwise restart the pattern at every `J`).
  add(detectors.jwt, 'J(?<=(?<![A-Za-z0-9_-])eyJ)');
  add(detectors.email || detectors.urlCredentials, '@', '%(?=40)');
  const separators = detectors.keyValuePairs || detectors.urlParameters || detectors.ipAddress;
  // Not the colon of `scheme://`: it separates no pair and starts no address.
  add(separators, '=|:(?!\\/\\/)');
  // The `/` after the host of a webhook URL.
  const hosts = SERVICE_KEY_ANCHORS.url.map((prefix) => prefix.slice(0, prefix.indexOf('/') + 1));
  add(detectors.serviceKeys, `\\/(?<=${[...new Set(hosts)].map(escapeRegExp).join('|')})`);
  add(detectors.keyValuePairs || detectors.urlParameters, '%(?=3[Dd])');
  // A closing XML tag (`</password>`), and a value quoted after its field's name in words
  // (`"password" with value "hunter2"`): neither has a separator to start at.
  add(detectors.keyValuePairs, '<(?=\\/[A-Za-z_])');
  add(detectors.keyValuePairs, `w(?=${WITH_VALUE.slice(2)}\\\\?["'\`])`);
  add(detectors.ipAddress || detectors.usSocialSecurityNumber || detectors.creditCard, DIGITS);

  // Upper-case letters start IBANs, some service keys and the authentication schemes.
  const upper = [
    ...(detectors.iban ? [IBAN_AFTER_FIRST] : []),
    ...(detectors.serviceKeys ? SERVICE_KEY_ANCHORS.upper.map(escapeRegExp) : []),
    ...(detectors.authorizationCredentials ? [SCHEME_AFTER_UPPER] : []),
  ];
  add(upper.length > 0, `[A-Z](?=${upper.join('|')})`);
  add(detectors.authorizationCredentials, SCHEME_LOWER);
  add(
    detectors.serviceKeys,
    `[_-](?<=${[...new Set(SERVICE_KEY_ANCHORS.separated)].map(escapeRegExp).join('|')})`,
  );
  return alternatives.join('|');
}
