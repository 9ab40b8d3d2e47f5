import { DETECTOR_RULES } from '../rules.ts';
import { isWordAt } from './chars.ts';
import type { Detector } from './types.ts';

// Runs of digits, spaces and dashes: a card number is at most 19 digits and 4 separators.
// Longer runs (tables of numbers, hostile input) are skipped whole.
const MAX_RUN = 64;
const DIGIT_RUN = /[0-9 -]*/y;

// The groups of digits of the run being read: start, end, and the separator after each (space
// or dash, or 0 at a gap). Detectors run one at a time and call no other code, so one table
// serves every run without allocating; a run of at most 64 characters has at most 33 groups.
const MAX_GROUPS = MAX_RUN / 2 + 1;
const GROUPS = new Int32Array(3 * MAX_GROUPS);

/**
 * Payment card numbers (ISO/IEC 7812): 13 to 19 digits, written in one piece or in the groups
 * cards print (4-4-4-4, 4-4-4-4-3, Amex 4-6-5, Diners 4-6-4), starting with a prefix a card
 * network issues, and passing the Luhn check. Order numbers and timestamps fail one of those.
 */
export const detectCard: Detector = (text, start, _context, findings) => {
  const runStart = digitRunStart(text, start);
  const runEnd = digitRunEnd(text, start);
  if (runEnd - runStart > MAX_RUN) {
    return runEnd;
  }

  // A group joined to a word or a decimal point belongs to it (`A1`, `3rd`, the fraction of
  // `0.5497...`), not to a card; the groups next to it may still be one (`x1 4111 1111 ...`).
  const from = firstFreeGroup(text, runStart, runEnd);
  const to = isJoinedAfter(text, runEnd) ? beforeLastGroup(text, from, runEnd) : runEnd;
  if (to <= from) {
    return runEnd;
  }

  const count = splitGroups(text, from, to);
  let first = 0;
  while (first < count) {
    const last = cardEndingAt(text, count, first);
    if (last === -1) {
      first++;
      continue;
    }
    findings.add(groupStart(first), groupEnd(last), DETECTOR_RULES.creditCard);
    first = last + 1;
  }
  return runEnd;
};

function groupStart(group: number): number {
  return GROUPS[3 * group] as number;
}

function groupEnd(group: number): number {
  return GROUPS[3 * group + 1] as number;
}

function groupLength(group: number): number {
  return groupEnd(group) - groupStart(group);
}

function separatorAfter(group: number): number {
  return GROUPS[3 * group + 2] as number;
}

function digitRunStart(text: string, from: number): number {
  let index = from;
  const stop = Math.max(0, from - MAX_RUN - 1);
  while (index > stop && isRunCharacter(text.charCodeAt(index - 1))) {
    index--;
  }
  while (index < from && !isDigit(text.charCodeAt(index))) {
    index++;
  }
  return index;
}

function digitRunEnd(text: string, from: number): number {
  DIGIT_RUN.lastIndex = from;
  DIGIT_RUN.test(text);
  let end = DIGIT_RUN.lastIndex;
  while (end > from && !isDigit(text.charCodeAt(end - 1))) {
    end--;
  }
  return end;
}

// A code grouped in fours that starts with letters (`DE89 3704 0044 ...`, an IBAN that failed
// its checksum) is one number, not a word and a card.
const GROUPED_CODE_HEAD = 4;

/** Where the groups that can start a card begin: after a group joined to what precedes it. */
function firstFreeGroup(text: string, runStart: number, runEnd: number): number {
  const before = text.charCodeAt(runStart - 1);
  if (before === 46 && isDigit(text.charCodeAt(runStart - 2))) {
    return afterFirstGroup(text, runStart, runEnd);
  }
  if (!isWordAt(text, runStart - 1)) {
    return runStart;
  }

  let wordStart = runStart - 1;
  while (
    wordStart > 0 &&
    runStart - wordStart < GROUPED_CODE_HEAD &&
    isWordAt(text, wordStart - 1)
  ) {
    wordStart--;
  }
  let groupEnd = runStart;
  while (groupEnd < runEnd && isDigit(text.charCodeAt(groupEnd))) {
    groupEnd++;
  }
  const isCodeHead = groupEnd - wordStart === GROUPED_CODE_HEAD && !isWordAt(text, wordStart - 1);
  return isCodeHead ? runEnd : afterFirstGroup(text, runStart, runEnd);
}

function isJoinedAfter(text: string, runEnd: number): boolean {
  return (
    isWordAt(text, runEnd) ||
    (text.charCodeAt(runEnd) === 46 && isDigit(text.charCodeAt(runEnd + 1)))
  );
}

// Where the second group of the run starts (`end` when there is none).
function afterFirstGroup(text: string, start: number, end: number): number {
  let index = start;
  while (index < end && isDigit(text.charCodeAt(index))) {
    index++;
  }
  while (index < end && !isDigit(text.charCodeAt(index))) {
    index++;
  }
  return index;
}

// Where the group before the last one ends (`start` when there is none).
function beforeLastGroup(text: string, start: number, end: number): number {
  let index = end;
  while (index > start && isDigit(text.charCodeAt(index - 1))) {
    index--;
  }
  while (index > start && !isDigit(text.charCodeAt(index - 1))) {
    index--;
  }
  return index;
}

/** Fills the table with the groups of `text.slice(start, end)`; returns how many there are. */
function splitGroups(text: string, start: number, end: number): number {
  let count = 0;
  let index = start;
  while (index < end && count < MAX_GROUPS) {
    while (index < end && !isDigit(text.charCodeAt(index))) {
      index++;
    }
    const groupFrom = index;
    while (index < end && isDigit(text.charCodeAt(index))) {
      index++;
    }
    const single = index + 1 < end && isDigit(text.charCodeAt(index + 1));
    GROUPS[3 * count] = groupFrom;
    GROUPS[3 * count + 1] = index;
    GROUPS[3 * count + 2] = single ? text.charCodeAt(index) : 0;
    count++;
  }
  return count;
}

/** The last group of a card number that starts at group `first`, or -1 when there is none. */
function cardEndingAt(text: string, count: number, first: number): number {
  const headLength = groupLength(first);
  if (headLength >= 13 && headLength <= 19) {
    return isCardNumberIn(text, first, first) ? first : -1;
  }
  if (headLength !== 4) {
    return -1;
  }

  // The longest grouping that is a card wins: a 19-digit number may start with 16 valid ones.
  let found = -1;
  const separator = separatorAfter(first);
  for (let last = first + 1; last < count && last <= first + 4; last++) {
    if (separatorAfter(last - 1) !== separator || separator === 0) {
      break;
    }
    if (isLayout(first, last) && isCardNumberIn(text, first, last)) {
      found = last;
    }
  }
  return found;
}

// 4-4-4-4 with an optional short tail (4-4-4-4-3, or 4-4-4-1 for 13 digits), or 4-6-5 and 4-6-4.
function isLayout(first: number, last: number): boolean {
  let total = 0;
  for (let group = first; group <= last; group++) {
    total += groupLength(group);
  }
  if (total < 13 || total > 19) {
    return false;
  }
  if (last - first === 2 && groupLength(first + 1) === 6) {
    return groupLength(last) === 4 || groupLength(last) === 5;
  }
  for (let group = first; group < last; group++) {
    if (groupLength(group) !== 4) {
      return false;
    }
  }
  return groupLength(last) <= 4;
}

/** `isCardNumber` of the digits of groups `first` to `last`, read in place. */
function isCardNumberIn(text: string, first: number, last: number): boolean {
  let length = 0;
  for (let group = first; group <= last; group++) {
    length += groupLength(group);
  }
  if (length < 13 || length > 19) {
    return false;
  }

  // The prefix: the head group has at least four digits.
  if (!isIssuerPrefixAt(text, groupStart(first))) {
    return false;
  }

  // The Luhn check, from the last digit back.
  let sum = 0;
  let double = false;
  for (let group = last; group >= first; group--) {
    for (let index = groupEnd(group) - 1; index >= groupStart(group); index--) {
      sum += luhnDigit(text.charCodeAt(index) - 48, double);
      double = !double;
    }
  }
  return sum % 10 === 0;
}

/** Whether a string of 13 to 19 digits is a card number: an issued prefix and the Luhn check. */
export function isCardNumber(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) {
    return false;
  }
  return isIssuerPrefixAt(digits, 0) && passesLuhn(digits);
}

/** `isIssuerPrefix` of the four digits at `at`. */
function isIssuerPrefixAt(text: string, at: number): boolean {
  return isIssuerPrefix(
    text.charCodeAt(at) - 48,
    text.charCodeAt(at + 1) - 48,
    text.charCodeAt(at + 2) - 48,
    text.charCodeAt(at + 3) - 48,
  );
}

// Prefixes from the card networks' published ranges: Visa 4; Mastercard 51-55 and
// 2221-2720; Amex 34 and 37; Diners 30, 36, 38, 39; JCB 35; Discover and UnionPay 6;
// Maestro 50 and 56-69. Everything else (timestamps start with 1) is no card.
function isIssuerPrefix(first: number, second: number, third: number, fourth: number): boolean {
  switch (first) {
    case 4:
    case 5:
    case 6:
      return true;
    case 3:
      return second !== 1 && second !== 2 && second !== 3;
    case 2: {
      const four = first * 1000 + second * 100 + third * 10 + fourth;
      return four >= 2221 && four <= 2720;
    }
    default:
      return false;
  }
}

/** The Luhn (mod 10) check digit test, ISO/IEC 7812-1 annex B. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    sum += luhnDigit(digits.charCodeAt(index) - 48, double);
    double = !double;
  }
  return sum % 10 === 0;
}

function luhnDigit(digit: number, double: boolean): number {
  if (!double) {
    return digit;
  }
  const doubled = digit * 2;
  return doubled > 9 ? doubled - 9 : doubled;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isRunCharacter(code: number): boolean {
  return isDigit(code) || code === 32 || code === 45;
}
