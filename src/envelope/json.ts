import { parse as parseJsonTree } from '@humanwhocodes/momoa';

/** Where a JSON text stopped being valid, and why, without quoting the text itself. */
export interface JsonSyntaxError {
  /** Index of the offending character in the text (UTF-16 code units). */
  readonly index: number;
  /** What the parser found, in its own words, with any quoted text left out. */
  readonly reason: string;
  /** Whether the text ended while a value was still open: the sign of a truncated input. */
  readonly atEnd: boolean;
}

/** The outcome of {@link parseJson}. */
export type JsonParseResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: JsonSyntaxError };

// V8 ends most messages with the position (Node 22 adds line and column); a few messages
// ("Unexpected token 'x', "<text>" is not valid JSON") name no position but quote the text,
// which may be the very secret being checked, so those are never shown.
const POSITION_SUFFIX = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/;
const END_OF_INPUT = /^Unexpected end of JSON input/;

/**
 * Parses JSON with the platform's fast parser and, when it fails, finds where: from the
 * error message when it says, otherwise by running a locating parser over the text.
 */
export function parseJson(text: string): JsonParseResult {
  // TODO(duplicate-keys): report a key given twice in one object, because the last one is
  // kept without a word and the check may then describe another event than a server reading
  // the first; finding them needs a second, slower parser over every input.
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: locateSyntaxError(text, error) };
  }
}

function locateSyntaxError(text: string, error: unknown): JsonSyntaxError {
  const message = error instanceof Error ? error.message : '';

  const position = POSITION_SUFFIX.exec(message);
  if (position?.[1] !== undefined) {
    const index = Number(position[1]);
    return {
      index,
      reason: message.slice(0, position.index),
      atEnd: index >= trimmedEnd(text),
    };
  }

  if (END_OF_INPUT.test(message)) {
    return { index: text.length, reason: 'Unexpected end of input', atEnd: true };
  }

  return locateWithTree(text);
}

function locateWithTree(text: string): JsonSyntaxError {
  try {
    parseJsonTree(text, { mode: 'json' });
  } catch (error) {
    const offset = (error as { offset?: unknown }).offset;
    if (typeof offset === 'number') {
      const character = text.charAt(offset);
      return {
        index: offset,
        reason: character === '' ? 'Unexpected end of input' : `Unexpected ${name(character)}`,
        atEnd: offset >= trimmedEnd(text),
      };
    }
  }
  // Both parsers disagree (the locating one is more lenient about control characters).
  return { index: 0, reason: 'Invalid JSON', atEnd: false };
}

/** Names one character for a message: printable ASCII as itself, anything else by code. */
function name(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (code > 0x20 && code < 0x7f) {
    return `character '${character}'`;
  }
  return `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) {
    end--;
  }
  return end;
}
