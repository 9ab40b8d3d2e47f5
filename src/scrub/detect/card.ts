import { DETECTOR_RULES } from '../rules.ts';
import { isWordAt } from './chars.ts';
import type { Detector } from './types.ts';

// Runs of digits, spaces and dashes: a card number is at most 19 digits and 4 separators.
// Longer runs (tables of numbers, hostile input) are skipped whole.
const MAX_RUN = 64;
const DIGIT_RUN = /[0-9 -]*/y;

interface Group {
  readonly start: number;
  readonly end: number;
  /** The separator before the next group (space or dash), or 0 at a gap. */
  readonly separator: number;
}

/**
 * Payment card numbers (ISO/IEC 7812): 13 to 19 digits, written in one piece or in the groups
 * cards print (4-4-4-4, 4-4-4-4-3, Amex 4-6-5, Diners 4-6-4), starting with a prefix a card
 * network issues, and passing the Luhn check. Order numbers and timestamps fail one of those.
 */
export const detectCard: Detector = (text, start, _context, findings) => {
  const runStart = digitRunStart(text, start);
  const runEnd = digitRunEnd(text, start);
  if (runEnd - runStart > MAX_RUN || isWordAt(text, runStart - 1) || isWordAt(text, runEnd)) {
    return runEnd;
  }

  const groups = splitGroups(text, runStart, runEnd);
  let first = 0;
  while (first < groups.length) {
    const last = cardEndingAt(text, groups, first);
    if (last === undefined) {
      first++;
      continue;
    }
    findings.add(
      (groups[first] as Group).start,
      (groups[last] as Group).end,
      DETECTOR_RULES.creditCard,
    );
    first = last + 1;
  }
  return runEnd;
};

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

function splitGroups(text: string, start: number, end: number): Group[] {
  const groups: Group[] = [];
  let index = start;
  while (index < end) {
    while (index < end && !isDigit(text.charCodeAt(index))) {
      index++;
    }
    const groupStart = index;
    while (index < end && isDigit(text.charCodeAt(index))) {
      index++;
    }
    const single = index + 1 < end && isDigit(text.charCodeAt(index + 1));
    groups.push({ start: groupStart, end: index, separator: single ? text.charCodeAt(index) : 0 });
  }
  return groups;
}

/** The last group of a card number that starts at group `first`, if there is one. */
function cardEndingAt(text: string, groups: readonly Group[], first: number): number | undefined {
  const head = groups[first] as Group;
  const headLength = head.end - head.start;
  if (headLength >= 13 && headLength <= 19) {
    return isCardNumber(text.slice(head.start, head.end)) ? first : undefined;
  }
  if (headLength !== 4) {
    return undefined;
  }

  // The longest grouping that is a card wins: a 19-digit number may start with 16 valid ones.
  let digits = text.slice(head.start, head.end);
  let found: number | undefined;
  const separator = head.separator;
  for (let last = first + 1; last < groups.length && last <= first + 4; last++) {
    const previous = groups[last - 1] as Group;
    const group = groups[last] as Group;
    if (previous.separator !== separator || separator === 0) {
      break;
    }
    digits += text.slice(group.start, group.end);
    if (isLayout(groups, first, last) && isCardNumber(digits)) {
      found = last;
    }
  }
  return found;
}

// 4-4-4-4 with an optional short tail (4-4-4-4-3, or 4-4-4-1 for 13 digits), or 4-6-5 and 4-6-4.
function isLayout(groups: readonly Group[], first: number, last: number): boolean {
  const lengths = groups.slice(first, last + 1).map((group) => group.end - group.start);
  const total = lengths.reduce((sum, length) => sum + length, 0);
  if (total < 13 || total > 19) {
    return false;
  }
  if (lengths.length === 3 && lengths[1] === 6) {
    return lengths[2] === 4 || lengths[2] === 5;
  }
  return lengths.slice(0, -1).every((length) => length === 4) && (lengths.at(-1) as number) <= 4;
}

/** Whether a string of 13 to 19 digits is a card number: an issued prefix and the Luhn check. */
export function isCardNumber(digits: string): boolean {
  return (
    digits.length >= 13 && digits.length <= 19 && hasIssuerPrefix(digits) && passesLuhn(digits)
  );
}

// Prefixes from the card networks' published ranges: Visa 4; Mastercard 51-55 and
// 2221-2720; Amex 34 and 37; Diners 30, 36, 38, 39; JCB 35; Discover and UnionPay 6;
// Maestro 50 and 56-69. Everything else (timestamps start with 1) is no card.
function hasIssuerPrefix(digits: string): boolean {
  const two = Number(digits.slice(0, 2));
  switch (digits.charCodeAt(0)) {
    case 52: // 4
    case 53: // 5
    case 54: // 6
      return true;
    case 51: // 3
      return two !== 31 && two !== 32 && two !== 33;
    case 50: {
      // 2
      const four = Number(digits.slice(0, 4));
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
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isRunCharacter(code: number): boolean {
  return isDigit(code) || code === 32 || code === 45;
}
