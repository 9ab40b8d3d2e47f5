import type { Removal } from '../../scrub/index.ts';
import type { InputFault, Location } from '../input/records.ts';

const MAX_PREVIEW = 80;

// C0 and C1 control characters, DEL included: a terminal acts on them (colours, titles,
// cursor moves), and input from outside can hold them in item types and file names.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** The text with every control character written as a `\u001b`-style escape, for a terminal. */
export function printable(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * `file`, `file[3]` (an array entry), `file:17` (a JSON line, or the header line of an
 * envelope item), `file:4#2` (envelope item 2, whose header is on line 4).
 */
export function formatLocation(location: Location): string {
  let text = location.file;
  if (location.index !== undefined) {
    text += `[${location.index}]`;
  }
  if (location.line !== undefined) {
    text += `:${location.line}`;
  }
  if (location.item !== undefined) {
    text += `#${location.item}`;
  }
  return text;
}

/** `file:line:column: message [byte N]`, the way compilers point at a place. */
export function formatFault(fault: InputFault): string {
  let place = fault.file;
  if (fault.line !== undefined) {
    place += `:${fault.line}`;
    if (fault.column !== undefined) {
      place += `:${fault.column}`;
    }
  }
  const byte = fault.offset === undefined ? '' : ` [byte ${fault.offset}]`;
  return `${place}: ${fault.message}${byte}`;
}

/**
 * A removal's preview, quoted and shortened. The preview is the filter's masked form of the
 * value; the removed value itself is never at hand here.
 */
export function formatPreview(removal: Removal): string {
  const preview =
    removal.preview.length > MAX_PREVIEW
      ? `${removal.preview.slice(0, MAX_PREVIEW - 1)}…`
      : removal.preview;
  return JSON.stringify(preview);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
