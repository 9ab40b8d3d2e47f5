import { DETECTOR_RULES } from '../rules.ts';
import { isIn, KEY } from './chars.ts';
import { isPlaceholder, isSensitive, MAX_KEY } from './key-value.ts';
import type { StemTest } from './stem-test.ts';
import type { DetectContext, Detector, Findings } from './types.ts';

// A start tag is short: a SOAP `<wsse:Password Type="...#PasswordText">` takes about a hundred
// characters. The start of a longer one is not looked for.
const MAX_START_TAG = 512;
// Spaces or tabs a closing tag may hold before its `>`.
const MAX_TAG_GAP = 16;
const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

/**
 * Builds the detector that runs at each closing tag (`</password>`, `</wsse:Password>`). An
 * XML element has no separator to start at, so it is judged at its end, once everything
 * inside it has been read: when the element's name, without its namespace prefix, is
 * sensitive by the same rules as the name of a `name=value` pair, its text is replaced and
 * its tags stay, so a SOAP body keeps its shape. `hasStem` is the cheap first test on the
 * name. Only an element that holds text (or one CDATA section) is replaced: around other
 * elements (`<credentials><user>bob</user><password>x</password></credentials>`) each inner
 * element is judged by its own name, as the keys of a nested object are.
 *
 * Every walk is bounded: back from the closing tag to the nearest `<` or `>` (which never
 * passes an earlier closing tag), back over a start tag at most `MAX_START_TAG` characters,
 * and back to a CDATA section's start no further than the previous CDATA section's end. So a
 * text full of tags stays linear.
 */
export function createXmlElementDetector(hasStem: StemTest): Detector {
  return function detectXmlElement(
    text: string,
    at: number,
    context: DetectContext,
    findings: Findings,
  ): number {
    if (!context.enabled.keyValuePairs || at < context.state.pairValueEnd) {
      return at + 1;
    }
    const nameFrom = at + 2;
    const nameEnd = skipName(text, nameFrom);
    const tagEnd = skipBlanks(text, nameEnd);
    if (nameEnd - nameFrom > MAX_KEY || text.charCodeAt(tagEnd) !== 62) {
      return at + 1;
    }

    const localFrom = localNameStart(text, nameFrom, nameEnd);
    if (!hasStem(text, localFrom, nameEnd)) {
      return at + 1;
    }
    if (!isSensitive(context.classify(text.slice(localFrom, nameEnd)))) {
      return at + 1;
    }

    const contentFrom = contentStart(text, at, text.slice(nameFrom, nameEnd), context);
    if (contentFrom === -1) {
      return at + 1;
    }
    const [start, end] = trimSpaces(text, contentFrom, at);
    if (
      start === end ||
      text.startsWith(context.replacement, start) ||
      isPlaceholder(text, start, end)
    ) {
      return tagEnd + 1;
    }
    findings.addCovering(start, end, DETECTOR_RULES.keyValuePairs);
    return tagEnd + 1;
  };
}

/**
 * Where the text of the element closed at `closeAt` starts, or -1 when it holds other
 * elements, is not opened by a start tag named `name`, or is not well formed.
 */
function contentStart(text: string, closeAt: number, name: string, context: DetectContext): number {
  let index = closeAt - 1;
  while (index >= 0 && !isAngleBracket(text.charCodeAt(index))) {
    index--;
  }
  if (index < 0 || text.charCodeAt(index) === 60) {
    return -1;
  }

  let startTagEnd = index;
  if (text.startsWith(CDATA_CLOSE, index - 2)) {
    // One CDATA section, which may hold `<` and `>`: its start lies after the end of the
    // previous one, since a section cannot hold `]]>`.
    const floor = context.state.cdataEnd;
    const sectionEnd = index - 2;
    context.state.cdataEnd = index + 1;
    if (sectionEnd < floor) {
      return -1;
    }
    const open = text.slice(floor, sectionEnd).lastIndexOf(CDATA_OPEN);
    if (open === -1) {
      return -1;
    }
    startTagEnd = skipSpacesBackward(text, floor + open) - 1;
  }
  if (text.charCodeAt(startTagEnd) !== 62 || text.charCodeAt(startTagEnd - 1) === 47) {
    return -1;
  }

  const tagStart = startTagStart(text, startTagEnd);
  if (tagStart === -1 || !text.startsWith(name, tagStart + 1)) {
    return -1;
  }
  const afterName = text.charCodeAt(tagStart + 1 + name.length);
  return afterName === 62 || isSpace(afterName) ? startTagEnd + 1 : -1;
}

// The `<` of the start tag that ends with the `>` at `end`, or -1.
function startTagStart(text: string, end: number): number {
  const stop = Math.max(0, end - MAX_START_TAG);
  for (let index = end - 1; index >= stop; index--) {
    const code = text.charCodeAt(index);
    if (code === 60) {
      return index;
    }
    if (code === 62) {
      return -1;
    }
  }
  return -1;
}

// An XML name: key characters and the `:` of a namespace prefix (`wsse:Password`).
function skipName(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_KEY + 1);
  let index = from;
  while (index < limit && (isIn(text, index, KEY) || text.charCodeAt(index) === 58)) {
    index++;
  }
  return index;
}

function localNameStart(text: string, nameFrom: number, nameEnd: number): number {
  for (let index = nameEnd - 1; index >= nameFrom; index--) {
    if (text.charCodeAt(index) === 58) {
      return index + 1;
    }
  }
  return nameFrom;
}

function skipBlanks(text: string, from: number): number {
  let index = from;
  while (index < from + MAX_TAG_GAP && isSpace(text.charCodeAt(index))) {
    index++;
  }
  return index;
}

// The text of an element without the line breaks and indentation around it.
function trimSpaces(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && isSpace(text.charCodeAt(from))) {
    from++;
  }
  while (to > from && isSpace(text.charCodeAt(to - 1))) {
    to--;
  }
  return [from, to];
}

function skipSpacesBackward(text: string, from: number): number {
  let index = from;
  while (index > 0 && isSpace(text.charCodeAt(index - 1))) {
    index--;
  }
  return index;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function isAngleBracket(code: number): boolean {
  return code === 60 || code === 62;
}
