import { KeyVerdict } from '../keys/classify.ts';
import { DETECTOR_RULES } from '../rules.ts';
import { CREDENTIAL, KEY, skipBackward, skipForward } from './chars.ts';
import type { DetectContext, Findings } from './types.ts';

// A key name in text is short; longer runs of name characters are not keys.
const MAX_KEY = 64;

// Values that hold no secret: parameters of prepared SQL statements and format strings
// (`?`, `$1`, `%s`, `%(name)s`, `:name`, `@p1`, `{}`), and empty markers. Parameterised SQL
// must pass untouched.
const PLACEHOLDER_SOURCE =
  '(?:\\?\\d*|\\$\\d+|%[sdifr]|%\\(\\w+\\)[sdifr]|:\\w+|@\\w+|\\{\\w*\\}|null|undefined|none|nil|true|false)';
const PLACEHOLDER = new RegExp(`^${PLACEHOLDER_SOURCE}$`, 'i');
// A placeholder at the start of an unquoted value, up to where the value would end.
const PLACEHOLDER_AT = new RegExp(`${PLACEHOLDER_SOURCE}(?=[\\s,;)&]|$)`, 'iy');

/**
 * Looks at the separator (`=`, `:`, `=>`, or a percent-encoded `=`) that starts at `at` as
 * the middle of a `name=value` pair: `password=hunter2`, `"api_key": "..."`,
 * `api_token = 'x'` in SQL, `?token=...` in a URL. The name is judged like any key; when it
 * is sensitive, only the value is replaced, so messages, SQL and URLs keep their shape.
 * `hasStem(text, start, end)` is a cheap first test on the name, so most separators cost no
 * allocation. Returns where scanning resumes.
 */
export function findPair(
  text: string,
  at: number,
  width: number,
  context: DetectContext,
  hasStem: (text: string, start: number, end: number) => boolean,
  findings: Findings,
): number {
  const separator = text.charCodeAt(at);
  let valueFrom = at + width;
  if (at < context.state.pairValueEnd) {
    return valueFrom;
  }
  if (separator === 61 && text.charCodeAt(valueFrom) === 62) {
    valueFrom++;
  }
  // `scheme://` is a URL, not a pair.
  if (separator === 58 && text.startsWith('//', valueFrom)) {
    return valueFrom + 2;
  }

  const keyEnd = nameEnd(text, at);
  const keyStart = skipBackward(text, keyEnd, KEY, MAX_KEY + 1);
  if (keyEnd - keyStart < 2 || keyEnd - keyStart > MAX_KEY || !hasStem(text, keyStart, keyEnd)) {
    return valueFrom;
  }

  const key = text.slice(keyStart, keyEnd);
  const verdict = context.classify(key);
  if (verdict !== KeyVerdict.Secret && verdict !== KeyVerdict.Custom) {
    return valueFrom;
  }

  const inUrl = separator !== 58 && isParameterStart(text, keyStart);
  const detector = inUrl ? 'urlParameters' : 'keyValuePairs';
  if (!context.enabled[detector]) {
    return valueFrom;
  }

  const [start, end] = valueSpan(text, valueFrom, separator === 58 && isLineValued(key), inUrl);
  if (text.startsWith(context.replacement, start)) {
    return start + context.replacement.length;
  }
  const value = text.slice(start, end);
  if (value.length === 0 || value === context.replacement || PLACEHOLDER.test(value)) {
    return Math.max(end, valueFrom);
  }
  findings.add(start, end, DETECTOR_RULES[detector]);
  // Other detectors go on inside the value: a secret that starts there may run past its end
  // (`password=-----BEGIN PRIVATE KEY-----...`). Pairs inside it are not read again.
  context.state.pairValueEnd = end;
  return Math.max(start, valueFrom);
}

// The name ends before the separator, after up to three spaces, a closing bracket
// (`$config['password'] =>`) and a closing quote, which may be escaped (`\"password\":`).
function nameEnd(text: string, separator: number): number {
  let end = separator;
  while (end > separator - 3 && text.charCodeAt(end - 1) === 32) {
    end--;
  }
  if (text.charCodeAt(end - 1) === 93 && isQuote(text.charCodeAt(end - 2))) {
    end--;
  }
  if (isQuote(text.charCodeAt(end - 1))) {
    end--;
    if (text.charCodeAt(end - 1) === 92) {
      end--;
    }
  }
  return end;
}

// `?token=`, `&token=`, `#access_token=` (OAuth implicit grant), `;jsessionid=`, or a query
// string on its own.
function isParameterStart(text: string, keyStart: number): boolean {
  if (keyStart === 0) {
    return true;
  }
  const before = text.charCodeAt(keyStart - 1);
  return before === 63 || before === 38 || before === 35 || before === 59;
}

// Header-style values run to the end of the line: `Cookie: a=1; b=2`,
// `Authorization: Digest username="x", response="..."`.
function isLineValued(key: string): boolean {
  const lower = key.toLowerCase();
  return lower.includes('cookie') || lower.includes('authorization');
}

/** The span of the value that starts at `from` (after optional spaces). */
function valueSpan(
  text: string,
  from: number,
  toLineEnd: boolean,
  inUrl: boolean,
): [number, number] {
  let start = from;
  while (start < from + 3 && text.charCodeAt(start) === 32) {
    start++;
  }

  const code = text.charCodeAt(start);
  if (code === 92 && isQuote(text.charCodeAt(start + 1))) {
    // An escaped quote: JSON inside a JSON string, `\"secret\"`.
    const close = text.indexOf(text.slice(start, start + 2), start + 2);
    return [start + 2, close === -1 ? lineEnd(text, start) : close];
  }
  if (isQuote(code)) {
    const close = closingQuote(text, start + 1, code);
    return [start + 1, close === -1 ? lineEnd(text, start) : close];
  }
  // A nested object or list: its own keys are judged one by one.
  if (code === 123 || code === 91) {
    return [start, start];
  }
  if (toLineEnd) {
    return [start, lineEnd(text, start)];
  }
  PLACEHOLDER_AT.lastIndex = start;
  if (PLACEHOLDER_AT.test(text)) {
    return [start, start];
  }
  return bareValue(text, start, inUrl);
}

function isQuote(code: number): boolean {
  return code === 34 || code === 39 || code === 96;
}

function closingQuote(text: string, from: number, quote: number): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === quote) {
      return index;
    }
    index += code === 92 ? 2 : 1;
  }
  return -1;
}

function lineEnd(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) {
      break;
    }
    index++;
  }
  return index;
}

// An unquoted value ends at whitespace or punctuation that separates values; in a URL also
// at the fragment. An authentication scheme (`Bearer abc`) stays, and its credential after the
// space is the value.
function bareValue(text: string, from: number, inUrl: boolean): [number, number] {
  const schemeEnd = skipForward(text, from, CREDENTIAL, from + 16);
  const start =
    text.charCodeAt(schemeEnd) === 32 && isScheme(text.slice(from, schemeEnd))
      ? schemeEnd + 1
      : from;

  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (endsBareValue(code) || (inUrl && code === 35)) {
      break;
    }
    index++;
  }
  return [start, index];
}

function isScheme(word: string): boolean {
  switch (word.toLowerCase()) {
    case 'bearer':
    case 'basic':
    case 'token':
    case 'digest':
    case 'negotiate':
      return true;
    default:
      return false;
  }
}

function endsBareValue(code: number): boolean {
  switch (code) {
    case 9: // tab
    case 10: // newline
    case 13: // carriage return
    case 32: // space
    case 34: // "
    case 38: // &
    case 39: // '
    case 41: // )
    case 44: // ,
    case 59: // ;
    case 60: // <
    case 62: // >
    case 93: // ]
    case 96: // `
    case 125: // }
      return true;
    default:
      return false;
  }
}
