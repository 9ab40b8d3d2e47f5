import { endsWithVersionWord } from '../keys/words.ts';
import { DETECTOR_RULES } from '../rules.ts';
import { DIGIT, DOMAIN, HEX, isIn, isWordAt, skipBackward } from './chars.ts';
import type { Findings, ScanState } from './types.ts';

const DOTTED_RUN = /[0-9.]*/y;
// An IPv6 address in text is at most 45 characters (8 groups, or 6 and an IPv4 address).
const MAX_IPV6 = 45;

/**
 * Looks for an IPv4 address, a dotted quad with every part at most 255, at `start` (the
 * candidate pattern found `end - start` characters of digits and dots there). Version
 * numbers are left alone: `Chrome/124.0.0.0` (after a product name and `/`, unless that is a
 * path), `v1.2.3.4`, `version 1.2.3.4`, `app_version: 1.2.3.4`, `1.2.3.4.5`. So are loopback
 * (`127.x.x.x`), the unspecified address and netmasks, which never identify a person.
 * Returns where scanning resumes.
 */
export function findIpv4(text: string, start: number, end: number, findings: Findings): number {
  if (!isIpv4Boundary(text, start, end) || !isPersonalIpv4(text, start, end)) {
    return dottedRunEnd(text, end);
  }
  findings.add(start, end, DETECTOR_RULES.ipAddress);
  return end;
}

function isIpv4Boundary(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  if (isWordAt(text, start - 1) || before === 46) {
    return false;
  }
  // `Chrome/124.0.0.0`, but not `http://10.0.0.1` nor a path segment.
  if (before === 47 && isWordAt(text, start - 2) && !isPathSegment(text, start, end)) {
    return false;
  }
  if (followsVersionName(text, start)) {
    return false;
  }
  if (isWordAt(text, end)) {
    return false;
  }
  return !(text.charCodeAt(end) === 46 && isIn(text, end + 1, DIGIT));
}

// A product's name before its version is a word after a space or `(`, at most this long.
const MAX_PRODUCT = 64;

/**
 * Whether the quad after `name/` is a segment of a path rather than a product's version: a
 * `/` follows it (`hosts/10.1.2.3/status`), or one comes before the name (`/hosts/10.1.2.3`,
 * `https://api.example.com/10.1.2.3`).
 */
function isPathSegment(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end) === 47) {
    return true;
  }
  const nameStart = skipBackward(text, start - 1, DOMAIN, MAX_PRODUCT);
  return text.charCodeAt(nameStart - 1) === 47;
}

// At most this many spaces, colons, equals signs and quotes between a name and its value.
const MAX_VERSION_GAP = 4;

/**
 * Whether the quad at `start` is the value of a version: the word `version`, in any case, or a
 * name that ends in it (`app_version`, `os.version`, `appVersion`), then a space, `:` or `=`,
 * quoted or not (`version 1.2.3.4`, `"app_version":"10.2.0.1"`). A quad alone under such a
 * key (`extra.version: '1.2.3.4'`) is kept by the walker, which sees the key.
 */
function followsVersionName(text: string, start: number): boolean {
  let end = start;
  while (end > start - MAX_VERSION_GAP && isVersionGap(text.charCodeAt(end - 1))) {
    end--;
  }
  return end !== start && endsWithVersionWord(text, end);
}

// A space, `:`, `=` or a quote.
function isVersionGap(code: number): boolean {
  return code === 32 || code === 58 || code === 61 || code === 34 || code === 39;
}

// Reads the four parts in place: the candidate pattern guarantees digits and three dots.
function isPersonalIpv4(text: string, start: number, end: number): boolean {
  let first = -1;
  let part = 0;
  let sum = 0;
  for (let index = start; index <= end; index++) {
    const code = index < end ? text.charCodeAt(index) : 46;
    if (code !== 46) {
      part = part * 10 + code - 48;
      continue;
    }
    if (part > 255) {
      return false;
    }
    if (first === -1) {
      first = part;
    }
    sum += part;
    part = 0;
  }
  return first !== 127 && first !== 255 && sum !== 0;
}

function dottedRunEnd(text: string, from: number): number {
  DOTTED_RUN.lastIndex = from;
  DOTTED_RUN.test(text);
  return DOTTED_RUN.lastIndex;
}

/**
 * Looks for an IPv6 address (RFC 4291 section 2.2 text forms, with `::` compression and an
 * IPv4 tail) around the colon at `colon`. Times of day, MAC addresses and namespaces such as
 * `std::vector` or `Foo::Bar` do not validate; loopback `::1` and `::` stay. Returns the end
 * of the address when one was recorded.
 */
export function findIpv6(
  text: string,
  colon: number,
  findings: Findings,
  state: ScanState,
): number | undefined {
  if (!isIpv6Character(text, colon - 1, false) && !isIpv6Character(text, colon + 1, false)) {
    return undefined;
  }
  // Every colon of a run of hex digits, colons and dots gives the same candidate: the run is
  // read and checked once, so a long run (`::::...`) costs one pass, not one per colon.
  if (colon < state.ipv6RunEnd) {
    return undefined;
  }
  const start = withoutLeadingSeparator(text, ipv6Start(text, colon));
  const runEnd = ipv6RunEnd(text, colon);
  state.ipv6RunEnd = runEnd;
  const end = withoutTrailingSeparators(text, colon, runEnd);
  if (end - start > MAX_IPV6 || isWordAt(text, start - 1) || isWordAt(text, end)) {
    return undefined;
  }
  if (!hasIpv6Shape(text, start, end) || !isPersonalIpv6(text.slice(start, end))) {
    return undefined;
  }
  findings.add(start, end, DETECTOR_RULES.ipAddress);
  return end;
}

function ipv6Start(text: string, from: number): number {
  let index = from;
  const stop = Math.max(0, from - MAX_IPV6);
  while (index > stop && isIpv6Character(text, index - 1, false)) {
    index--;
  }
  return index;
}

function ipv6RunEnd(text: string, from: number): number {
  let index = from;
  while (index < text.length && isIpv6Character(text, index, true)) {
    index++;
  }
  return index;
}

// A single colon before the address separates it from a name (`ip:2001:db8::1`), also one
// that ends in hex letters (`via:fe80::1`); `::` starts a compressed address.
function withoutLeadingSeparator(text: string, start: number): number {
  const colon = isWordAt(text, start - 1) ? text.indexOf(':', start) : start;
  return text.charCodeAt(colon) === 58 && text.charCodeAt(colon + 1) !== 58 ? colon + 1 : start;
}

// A trailing dot or colon ends a sentence or starts a port.
function withoutTrailingSeparators(text: string, from: number, end: number): number {
  let index = end;
  while (index > from && !isIn(text, index - 1, HEX)) {
    index--;
  }
  return index;
}

function isIpv6Character(text: string, index: number, withDots: boolean): boolean {
  const code = text.charCodeAt(index);
  return code === 58 || (withDots && code === 46) || isIn(text, index, HEX);
}

// A quick test before any allocation: eight groups, or a `::` and fewer.
function hasIpv6Shape(text: string, start: number, end: number): boolean {
  let colons = 0;
  let compressed = false;
  for (let index = start; index < end; index++) {
    if (text.charCodeAt(index) === 58) {
      colons++;
      compressed ||= text.charCodeAt(index + 1) === 58;
    }
  }
  return compressed ? colons <= 8 : colons === 7;
}

function isPersonalIpv6(address: string): boolean {
  const halves = address.split('::');
  if (halves.length > 2) {
    return false;
  }

  let groups = 0;
  let nonZero = false;
  const parts = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  for (const [index, part] of parts.entries()) {
    if (part.includes('.')) {
      if (index !== parts.length - 1 || !/^\d{1,3}(\.\d{1,3}){3}$/.test(part)) {
        return false;
      }
      groups += 2;
      nonZero = true;
      continue;
    }
    if (!/^[0-9A-Fa-f]{1,4}$/.test(part)) {
      return false;
    }
    groups += 1;
    nonZero ||= /[1-9A-Fa-f]/.test(part);
  }

  const compressed = halves.length === 2;
  if (compressed ? groups > 7 : groups !== 8) {
    return false;
  }
  // `::1` and `::` are not anyone's address, nor are words made of hex letters (`add::bed`).
  // Node.js writes a port after an IPv6 address without brackets: `ECONNREFUSED ::1:6379`.
  const loopback = compressed && halves[0] === '' && /^0*1(?::\d{1,5})?$/.test(halves[1] ?? '');
  return nonZero && !loopback && parts.length >= 2 && /\d/.test(address);
}
