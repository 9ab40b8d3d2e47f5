import { KeyVerdict } from '../keys/classify.ts';
import { DETECTOR_RULES } from '../rules.ts';
import {
  CREDENTIAL,
  DIGIT,
  HEX,
  isIn,
  isWordAt,
  KEY,
  LETTER,
  skipBackward,
  skipForward,
} from './chars.ts';
import type { DetectContext, Findings } from './types.ts';

/** A key name in text is short; longer runs of name characters are not keys. */
export const MAX_KEY = 64;

// Values that hold no secret: parameters of prepared SQL statements and format strings
// (`?`, `$1`, `%s`, `%(name)s`, `:name`, `@p1`, `{}`), and empty markers. Parameterised SQL
// must pass untouched.
const PLACEHOLDER_SOURCE =
  '(?:\\?\\d*|\\$\\d+|%[sdifr]|%\\(\\w+\\)[sdifr]|:\\w+|@\\w+|\\{\\w*\\}' +
  '|null|undefined|none|nil|true|false)';
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
  if (separator === 61 && text.charCodeAt(at - 1) === 41 && text.charCodeAt(valueFrom) === 40) {
    return findKeyDetail(text, at, context, findings);
  }

  const keyEnd = nameEnd(text, at);
  const keyStart = nameStart(text, keyEnd);
  if (keyEnd - keyStart < 2 || keyEnd - keyStart > MAX_KEY || !hasStem(text, keyStart, keyEnd)) {
    return scanEncodedValue(text, at, valueFrom, keyStart, context, findings);
  }

  const key = decodeBrackets(text.slice(keyStart, keyEnd));
  if (!isSensitive(context.classify(key))) {
    return scanEncodedValue(text, at, valueFrom, keyStart, context, findings);
  }

  if (separator === 58 && isSourcePosition(text, keyStart, keyEnd, valueFrom)) {
    return valueFrom;
  }
  // `<auth:Password>`: a namespace prefix in an XML tag, not a pair.
  if (separator === 58 && isTagStart(text, keyStart)) {
    return valueFrom;
  }

  // A pair that starts the text may be a query string on its own or a message that starts
  // with a pair (`password=hunter2 rejected`): with URL parameters switched off, it is a pair.
  const inUrl =
    separator !== 58 &&
    isParameterStart(text, keyStart) &&
    (keyStart > 0 || context.enabled.urlParameters);
  const detector = inUrl ? 'urlParameters' : 'keyValuePairs';
  if (!context.enabled[detector]) {
    return valueFrom;
  }

  const toLineEnd = separator === 58 && isLineValued(key);
  const [start, spanEnd] = valueSpan(text, valueFrom, toLineEnd, inUrl);
  const end = toLineEnd
    ? quotedHeaderEnd(text, keyStart, start, spanEnd)
    : width === 3 && inUrl
      ? encodedValueEnd(text, start, spanEnd)
      : spanEnd;
  if (text.startsWith(context.replacement, start)) {
    return start + context.replacement.length;
  }
  if (end === start || isPlaceholder(text, start, end)) {
    return Math.max(end, valueFrom);
  }
  if (separator === 58 && !toLineEnd && isProse(text, valueFrom, start, end)) {
    return end;
  }
  findings.add(start, end, DETECTOR_RULES[detector]);
  // Other detectors go on inside the value: a secret that starts there may run past its end
  // (`password=-----BEGIN PRIVATE KEY-----...`). Pairs inside it are not read again.
  context.state.pairValueEnd = end;
  return Math.max(start, valueFrom);
}

/** The words between a field's name and its quoted value in a validation message. */
export const WITH_VALUE = ' with value ';

/**
 * Looks at ` with value ` (`at` is its `w`) as the middle of a validation message that names
 * a field and quotes its value, as Joi writes them: `"password" with value "hunter2" fails to
 * match the required pattern`, also escaped inside JSON (`\"password\" with value \"...\"`).
 * There is no separator to start at, so the candidate pattern asks for a quote right after
 * ` with value `. The name before it is judged like any key; when it is sensitive, only the
 * quoted value is replaced. Returns where scanning resumes.
 */
export function findValueInWords(
  text: string,
  at: number,
  context: DetectContext,
  hasStem: (text: string, start: number, end: number) => boolean,
  findings: Findings,
): number {
  const valueFrom = at + WITH_VALUE.length - 1;
  if (at < context.state.pairValueEnd || !context.enabled.keyValuePairs) {
    return valueFrom;
  }
  if (text.charCodeAt(at - 1) !== 32) {
    return at + 1;
  }

  const keyEnd = nameEnd(text, at);
  const keyStart = nameStart(text, keyEnd);
  if (keyEnd - keyStart < 2 || keyEnd - keyStart > MAX_KEY || !hasStem(text, keyStart, keyEnd)) {
    return valueFrom;
  }
  if (!isSensitive(context.classify(text.slice(keyStart, keyEnd)))) {
    return valueFrom;
  }

  const [start, spanEnd] = valueSpan(text, valueFrom, false, false);
  if (spanEnd === start || text.startsWith(context.replacement, start)) {
    return Math.max(spanEnd, valueFrom);
  }
  const end = quotedValueEnd(text, start, spanEnd);
  findings.add(start, end, DETECTOR_RULES.keyValuePairs);
  context.state.pairValueEnd = end;
  return start;
}

// How Joi's messages go on after a quoted value, and how far ahead one is looked for.
const VALUE_TAILS = [' fails to match', ' matches the inverted'];
const MAX_TAIL_SEARCH = 512;

/**
 * Where the quoted value of a validation message ends. Joi quotes a value without escaping the
 * quotes inside it (`"pa"ss"`), so the first closing quote may be inside the value: when what
 * follows it is not how the message goes on, the value runs to the next quote that is followed
 * by it, within a bounded distance (so a text of many such messages stays linear).
 */
function quotedValueEnd(text: string, start: number, end: number): number {
  const quote = text.charCodeAt(start - 1);
  if (quote !== 34 && quote !== 39 && quote !== 96) {
    return end;
  }
  // Escaped inside JSON, the quotes are `\"`: the value ends at the backslash.
  const escaped = text.charCodeAt(start - 2) === 92;
  const closing = escaped ? `\\${String.fromCharCode(quote)}` : String.fromCharCode(quote);
  if (!text.startsWith(closing, end) || followsWithTail(text, end + closing.length)) {
    return end;
  }
  const limit = Math.min(text.length, end + MAX_TAIL_SEARCH);
  for (let index = text.indexOf(closing, end + 1); index !== -1 && index < limit; ) {
    if (followsWithTail(text, index + closing.length)) {
      return index;
    }
    index = text.indexOf(closing, index + 1);
  }
  return end;
}

function followsWithTail(text: string, at: number): boolean {
  return VALUE_TAILS.some((tail) => text.startsWith(tail, at));
}

// A line number has at most this many digits; a file extension at most this many characters.
const MAX_LINE_DIGITS = 7;
const MAX_EXTENSION = 6;

/**
 * Whether `name:` and what follows is a line in a source file named after what it handles, as
 * stack traces show it (`/app/src/auth/token.ts:42:13`, `(secrets.ts:12:3)`), rather than a
 * pair: the name ends in a file extension, digits follow the colon, and either a path leads
 * to the name or a column follows the line. `session.id:12345` is still a pair.
 */
function isSourcePosition(
  text: string,
  keyStart: number,
  keyEnd: number,
  valueFrom: number,
): boolean {
  const lineEnd = skipForward(text, valueFrom, DIGIT, valueFrom + MAX_LINE_DIGITS + 1);
  if (lineEnd === valueFrom || lineEnd > valueFrom + MAX_LINE_DIGITS || isWordAt(text, lineEnd)) {
    return false;
  }
  const before = text.charCodeAt(keyStart - 1);
  const inPath = before === 47 || before === 92;
  const column = text.charCodeAt(lineEnd) === 58 && isIn(text, lineEnd + 1, DIGIT);
  return (inPath || column) && hasFileExtension(text, keyStart, keyEnd);
}

// `name.ts`, `bundle.3f7a.js`: a dot, then a letter and up to a few word characters.
function hasFileExtension(text: string, start: number, end: number): boolean {
  let extension = end;
  while (extension > end - MAX_EXTENSION - 1 && isWordAt(text, extension - 1)) {
    extension--;
  }
  return (
    extension > start + 1 &&
    end - extension <= MAX_EXTENSION &&
    text.charCodeAt(extension - 1) === 46 &&
    isIn(text, extension, LETTER)
  );
}

// The names of a key in parentheses are a short list.
const MAX_KEY_LIST = 4 * MAX_KEY;

/**
 * PostgreSQL names the values of a violated unique or foreign key in parentheses, in the
 * `detail` of its errors: `Key (api_token)=(abc) already exists.`, `Key (user_id, token)=(42,
 * abc)`. When one of the names is sensitive, the whole list of values is replaced, since its
 * values are not told apart. `at` is the `=` between `)` and `(`. Returns where scanning
 * resumes.
 */
function findKeyDetail(
  text: string,
  at: number,
  context: DetectContext,
  findings: Findings,
): number {
  const valueFrom = at + 2;
  let open = at - 2;
  while (open > at - MAX_KEY_LIST && open >= 0 && text.charCodeAt(open) !== 40) {
    open--;
  }
  if (text.charCodeAt(open) !== 40 || !context.enabled.keyValuePairs) {
    return valueFrom;
  }
  const names = text.slice(open + 1, at - 1).split(',');
  if (!names.some((name) => isSensitive(context.classify(name.trim())))) {
    return valueFrom;
  }
  const close = text.indexOf(')', valueFrom);
  const end = close === -1 ? lineEnd(text, valueFrom) : close;
  if (end > valueFrom && !text.startsWith(context.replacement, valueFrom)) {
    findings.add(valueFrom, end, DETECTOR_RULES.keyValuePairs);
  }
  return Math.max(end, valueFrom);
}

/** Whether a name makes its value a secret, by the built-in list or the `keys` option. */
export function isSensitive(verdict: KeyVerdict): boolean {
  return verdict === KeyVerdict.Secret || verdict === KeyVerdict.Custom;
}

/**
 * The value of a URL or form parameter whose name says nothing may still hold a secret,
 * percent-encoded, which the detectors cannot read as it is: `note=Bearer+abc...`,
 * `hook=https%3A%2F%2Fhooks.slack.com%2Fservices%2F...`, `key=-----BEGIN+PRIVATE+KEY-----...`.
 * Such a value is decoded and read by every detector; what they find is replaced in place.
 * Returns where scanning resumes: after the value when something was found in it.
 */
function scanEncodedValue(
  text: string,
  at: number,
  valueFrom: number,
  keyStart: number,
  context: DetectContext,
  findings: Findings,
): number {
  const { scanEncoded } = context;
  if (scanEncoded === undefined || text.charCodeAt(at) !== 61 || valueFrom !== at + 1) {
    return valueFrom;
  }
  if (!isParameterStart(text, keyStart) && !isListMemberStart(text, keyStart)) {
    return valueFrom;
  }
  // Most values hold no `+` and no `%`: they are read once, natively, and left.
  UNENCODED_URL_VALUE.lastIndex = valueFrom;
  UNENCODED_URL_VALUE.test(text);
  const code = text.charCodeAt(UNENCODED_URL_VALUE.lastIndex);
  if (code !== 43 && code !== 37) {
    return valueFrom;
  }
  URL_VALUE.lastIndex = UNENCODED_URL_VALUE.lastIndex;
  URL_VALUE.test(text);
  const end = URL_VALUE.lastIndex;
  return scanEncoded(text, valueFrom, end, findings) ? end : valueFrom;
}

// A URL value (see `URL_VALUE`) up to its first `+` or `%`.
const UNENCODED_URL_VALUE = /[^\t\n\r "&'),;<>\]`}#+%]*/y;

/**
 * Whether `text.slice(start, end)` holds no secret: a placeholder or the replacement. Most
 * values are neither by their first character, and are not cut out of the text.
 */
export function isPlaceholder(text: string, start: number, end: number): boolean {
  if (!PLACEHOLDER_FIRST.has(text.charCodeAt(start))) {
    return false;
  }
  return PLACEHOLDER.test(text.slice(start, end));
}

// A word after `name: ` is longer than this only in odd text, which is then not prose.
const MAX_WORD = 32;

/**
 * Whether the unquoted value `text.slice(start, end)` after `name: ` starts a sentence rather
 * than holds a secret: it is a word of letters, and one space and another word of letters
 * follow, which is not itself a name (`Password: too short`, `Session: user logged out`, but
 * not `password: letmein user: bob`). A password of letters only that runs on into prose is
 * missed; one with a digit or a symbol, or alone at the end of its line, is not.
 */
function isProse(text: string, valueFrom: number, start: number, end: number): boolean {
  if (text.charCodeAt(valueFrom) !== 32 || text.charCodeAt(end) !== 32) {
    return false;
  }
  // Only spaces between the separator and the value: no quote, no `Bearer ` before it.
  let index = valueFrom;
  while (index < start && text.charCodeAt(index) === 32) {
    index++;
  }
  if (index !== start || end - start > MAX_WORD || skipForward(text, start, LETTER, end) !== end) {
    return false;
  }

  const wordEnd = skipForward(text, end + 1, LETTER, end + 2 + MAX_WORD);
  if (wordEnd === end + 1 || wordEnd > end + 1 + MAX_WORD) {
    return false;
  }
  const after = text.charCodeAt(skipForward(text, wordEnd, KEY, wordEnd + MAX_KEY));
  return after !== 58 && after !== 61;
}

// The first characters a placeholder can have (see PLACEHOLDER_SOURCE).
const PLACEHOLDER_FIRST = new Set(
  [...'?$%:@{nNuUtTfF'].map((character) => character.charCodeAt(0)),
);

// Spaces and tabs that may stand between a name, its separator and its value, as in aligned
// configuration (`password    = x`).
const MAX_GAP = 16;

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

// The name ends before the separator, after a few spaces or tabs, a closing bracket
// (`$config['password'] =>`) and a closing quote, which may be escaped (`\"password\":`).
function nameEnd(text: string, separator: number): number {
  let end = separator;
  while (end > separator - MAX_GAP && isBlank(text.charCodeAt(end - 1))) {
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

// The name starts where key characters end, counting percent-encoded brackets as key
// characters: a form field `user[password]` is sent as `user%5Bpassword%5D`. Any other
// percent-encoded character ends it: in a URL inside a parameter,
// `%3Fapi_key%3D` names `api_key`, not `3Fapi_key`.
function nameStart(text: string, end: number): number {
  let start = skipBackward(text, end, KEY, MAX_KEY + 1);
  while (start > 0 && end - start <= MAX_KEY && isEncodedBracket(text, start - 1)) {
    start = skipBackward(text, start - 1, KEY, MAX_KEY - (end - start));
  }
  if (isEncodedAt(text, start - 1) && end - start > 2) {
    start += 2;
  }
  return start;
}

// The name starts an XML tag: `<auth:Password>`, `</auth:Password>`.
function isTagStart(text: string, keyStart: number): boolean {
  const before = text.charCodeAt(keyStart - 1);
  return before === 60 || (before === 47 && text.charCodeAt(keyStart - 2) === 60);
}

// The `\"` that closes a value opened by `\"`, in a JSON string that holds quoted text: one
// after an even number of escaped backslashes (`\\`), so a quote escaped inside the value
// (`\"hun\\\"ter2\"`, the text `"hun\"ter2"`) does not end it. The backslashes counted
// before each candidate lie between it and the one before, so the search stays linear.
function escapedQuoteClose(text: string, from: number, quote: number): number {
  const pair = `\\${String.fromCharCode(quote)}`;
  let close = text.indexOf(pair, from);
  while (close !== -1) {
    let run = 0;
    while (close - run - 1 >= from && text.charCodeAt(close - run - 1) === 92) {
      run++;
    }
    if (run % 4 === 0) {
      return close;
    }
    close = text.indexOf(pair, close + 2);
  }
  return -1;
}

// `%` and two hexadecimal digits at `at`.
function isEncodedAt(text: string, at: number): boolean {
  return text.charCodeAt(at) === 37 && isIn(text, at + 1, HEX) && isIn(text, at + 2, HEX);
}

// `%5B` or `%5D`, in either case, at `at`.
function isEncodedBracket(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 37 || text.charCodeAt(at + 1) !== 53) {
    return false;
  }
  const letter = text.charCodeAt(at + 2) | 32;
  return letter === 98 || letter === 100;
}

function decodeBrackets(key: string): string {
  return key.includes('%') ? key.replace(/%5b/gi, '[').replace(/%5d/gi, ']') : key;
}

// `?token=`, `&token=`, `#access_token=` (OAuth implicit grant), `;jsessionid=`, or a query
// string on its own; also percent-encoded, in a URL inside a parameter (`%3Ftoken%3D`).
function isParameterStart(text: string, keyStart: number): boolean {
  if (keyStart === 0) {
    return true;
  }
  const before = text.charCodeAt(keyStart - 1);
  if (before === 63 || before === 38 || before === 35 || before === 59) {
    return true;
  }
  return (
    isEncodedAt(text, keyStart - 3) &&
    ENCODED_STARTS.has(text.slice(keyStart - 2, keyStart).toUpperCase())
  );
}

// A list member after `,`, maybe with a space: the `baggage` header's values are
// percent-encoded (`sentry-environment=prod, note=Bearer%20...`), so an innocent member's value
// is read decoded. A sensitive name there stays a `keyValuePairs` pair, as in a message
// (`user=bob, password=...`), so that switching `urlParameters` off does not let it through.
function isListMemberStart(text: string, keyStart: number): boolean {
  const before = text.charCodeAt(keyStart - 1);
  return before === 44 || (before === 32 && text.charCodeAt(keyStart - 2) === 44);
}

// `?`, `&`, `#` and `;`, percent-encoded.
const ENCODED_STARTS = new Set(['3F', '26', '23', '3B']);

// After an encoded `=`, the value ends at an encoded `&` or `#`: the next parameter of the
// URL inside a parameter.
function encodedValueEnd(text: string, start: number, end: number): number {
  for (let index = text.indexOf('%', start); index !== -1 && index < end - 2; ) {
    const second = text.charCodeAt(index + 2);
    if (text.charCodeAt(index + 1) === 50 && (second === 54 || second === 51)) {
      return index;
    }
    index = text.indexOf('%', index + 1);
  }
  return end;
}

// Header-style values run to the end of the line: `Cookie: a=1; b=2`,
// `Authorization: Digest username="x", response="..."`.
function isLineValued(key: string): boolean {
  const lower = key.toLowerCase();
  return lower.includes('cookie') || lower.includes('authorization');
}

/**
 * Where the value of a header quoted whole in text ends: at the quote that closes it
 * (`-H 'Cookie: a=1'`, `"Authorization: Bearer x", "next": 1`), found before `end`, the end of
 * its line; at `end` when the name does not follow a quote. A name after an escaped quote
 * (`\"Cookie: a=1\"`, JSON in a JSON string) may end at an escaped one.
 */
function quotedHeaderEnd(text: string, keyStart: number, start: number, end: number): number {
  const quote = text.charCodeAt(keyStart - 1);
  if (!isQuote(quote)) {
    return end;
  }
  const escaped = text.charCodeAt(keyStart - 2) === 92;
  for (let index = start; index < end; index++) {
    if (text.charCodeAt(index) !== quote) {
      continue;
    }
    const isEscaped = text.charCodeAt(index - 1) === 92;
    if (escaped || !isEscaped) {
      return isEscaped ? index - 1 : index;
    }
  }
  return end;
}

/** The span of the value that starts at `from` (after optional spaces). */
function valueSpan(
  text: string,
  from: number,
  toLineEnd: boolean,
  inUrl: boolean,
): [number, number] {
  let start = from;
  while (start < from + MAX_GAP && isBlank(text.charCodeAt(start))) {
    start++;
  }

  const code = text.charCodeAt(start);
  if (code === 92 && isQuote(text.charCodeAt(start + 1))) {
    // An escaped quote: JSON inside a JSON string, `\"secret\"`.
    const close = escapedQuoteClose(text, start + 2, text.charCodeAt(start + 1));
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

// Runs up to the closing quote, skipping escaped characters; read natively rather than one
// character at a time. A backslash at the very end escapes nothing and stops the run.
const QUOTED_RUNS: Readonly<Record<number, RegExp>> = {
  34: /(?:[^"\\]|\\[\s\S])*/y,
  39: /(?:[^'\\]|\\[\s\S])*/y,
  96: /(?:[^`\\]|\\[\s\S])*/y,
};
const LINE = /[^\n\r]*/y;

function closingQuote(text: string, from: number, quote: number): number {
  const run = QUOTED_RUNS[quote] as RegExp;
  run.lastIndex = from;
  run.test(text);
  const end = run.lastIndex;
  return text.charCodeAt(end) === quote ? end : -1;
}

function lineEnd(text: string, from: number): number {
  LINE.lastIndex = from;
  LINE.test(text);
  return LINE.lastIndex;
}

// An unquoted value ends at whitespace or punctuation that separates values; in a URL also
// at the fragment. An authentication scheme (`Bearer abc`) stays, and its credential after the
// space is the value.
function bareValue(text: string, from: number, inUrl: boolean): [number, number] {
  const schemeEnd = skipForward(text, from, CREDENTIAL, from + 16);
  const start =
    text.charCodeAt(schemeEnd) === 32 && isSchemeAt(text, from, schemeEnd) ? schemeEnd + 1 : from;

  const run = inUrl ? URL_VALUE : BARE_VALUE;
  run.lastIndex = start;
  run.test(text);
  return [start, run.lastIndex];
}

const SCHEMES = ['bearer', 'basic', 'token', 'digest', 'negotiate'];

// Whether `text.slice(start, end)` is a scheme, in any case. The word is made of credential
// characters, all ASCII.
function isSchemeAt(text: string, start: number, end: number): boolean {
  for (const scheme of SCHEMES) {
    if (scheme.length === end - start && equalsIgnoringAsciiCase(text, start, scheme)) {
      return true;
    }
  }
  return false;
}

function equalsIgnoringAsciiCase(text: string, start: number, lower: string): boolean {
  for (let index = 0; index < lower.length; index++) {
    const code = text.charCodeAt(start + index);
    const folded = code >= 65 && code <= 90 ? code + 32 : code;
    if (folded !== lower.charCodeAt(index)) {
      return false;
    }
  }
  return true;
}

// An unquoted value runs until whitespace or punctuation that separates values: tab,
// newline, carriage return, space, `"`, `&`, `'`, `)`, `,`, `;`, `<`, `>`, `]`, backtick, `}`;
// in a URL also `#`, the fragment.
const BARE_VALUE = /[^\t\n\r "&'),;<>\]`}]*/y;
const URL_VALUE = /[^\t\n\r "&'),;<>\]`}#]*/y;
