import { HEX, isIn } from './chars.ts';

/** A parameter value decoded for the detectors, and where its characters came from. */
export interface DecodedValue {
  readonly text: string;
  /** Where the encoded value starts. */
  readonly start: number;
  /** The positions in `text` of the characters that were `%XX`, in order. */
  readonly escapes: readonly number[];
}

/**
 * Decodes a URL or form parameter value (`application/x-www-form-urlencoded`, WHATWG URL
 * standard): `+` is a space and `%XX` the character it encodes, so that detectors read
 * `Bearer+abc`, `-----BEGIN+PRIVATE+KEY-----%0A...` or `hooks.slack.com%2Fservices%2F...` as
 * the application wrote them. Only ASCII is decoded; other bytes stay encoded, as no secret the
 * detectors know is made of them. Returns `undefined` when nothing is encoded.
 */
export function decodeParameter(
  text: string,
  start: number,
  end: number,
): DecodedValue | undefined {
  // Written code unit by code unit and read back once: building the string by concatenation
  // or `replace` costs far more for a long run of `+`.
  const units = new Uint16Array(end - start);
  const escapes: number[] = [];
  let length = 0;
  let changed = false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    const byte = code === 37 && index + 2 < end ? asciiAt(text, index + 1) : -1;
    if (byte !== -1) {
      escapes.push(length);
      units[length++] = byte;
      index += 2;
      changed = true;
    } else if (code === 43) {
      units[length++] = 32;
      changed = true;
    } else {
      units[length++] = code;
    }
  }
  if (!changed) {
    return undefined;
  }
  return { text: fromUnits(units, length), start, escapes };
}

// Code units are turned back into a string a chunk at a time, within the argument limits.
const CHUNK = 8192;

function fromUnits(units: Uint16Array, length: number): string {
  let text = '';
  for (let from = 0; from < length; from += CHUNK) {
    const chunk = units.subarray(from, Math.min(length, from + CHUNK));
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return text;
}

/**
 * Maps positions of the decoded value to positions in the encoded text. Positions must be
 * asked in order, as findings are: the map reads each escape once.
 */
export function positionMap(value: DecodedValue): (at: number) => number {
  const { escapes, start } = value;
  let before = 0;
  return (at) => {
    // Each `%XX` before `at` is two characters longer than what it decoded to.
    while (before < escapes.length && (escapes[before] as number) < at) {
      before++;
    }
    return start + at + 2 * before;
  };
}

// The ASCII character encoded by the two hexadecimal digits at `at`, or -1.
function asciiAt(text: string, at: number): number {
  if (!isIn(text, at, HEX) || !isIn(text, at + 1, HEX)) {
    return -1;
  }
  const high = hexValue(text.charCodeAt(at));
  return high < 8 ? high * 16 + hexValue(text.charCodeAt(at + 1)) : -1;
}

function hexValue(code: number): number {
  return code <= 57 ? code - 48 : (code | 32) - 87;
}
