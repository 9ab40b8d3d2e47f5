// Request bodies longer than this are scanned as text (and cut) rather than parsed.
const MAX_PARSED_BODY = 65_536;

/**
 * Parses a request body held as a string when it is JSON (starts with `{` or `[`). Returns
 * `undefined` for anything else; form bodies (`a=1&password=x`) are scanned as text, pair by
 * pair, which keeps their encoding as it was, and multipart bodies field by field
 * (`multipartFields`).
 */
export function parseBody(text: string): unknown {
  if (text.length > MAX_PARSED_BODY) {
    return undefined;
  }
  const first = text.trimStart().charCodeAt(0);
  if (first !== 123 && first !== 91) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Writes a scrubbed body back as JSON. Parsed JSON, scrubbed, is still plain data. */
export function serializeBody(value: unknown): string {
  return JSON.stringify(value);
}

/** One field of a multipart body: its name and where its value is in the body. */
export interface MultipartField {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

// The name a part's headers give it: `Content-Disposition: form-data; name="password"`. Part
// headers are a few short lines; only their start is searched.
const MAX_PART_HEADERS = 1024;
const PART_NAME = /content-disposition:[^\n]*?\bname="([^"\n]*)"/i;

/**
 * The named fields of a `multipart/form-data` body held as a string: a `--boundary` line, then
 * parts of headers, a blank line and the value, each ended by the boundary. Returns
 * `undefined` when the text is not such a body, or too long to read.
 */
export function multipartFields(text: string): MultipartField[] | undefined {
  if (text.length > MAX_PARSED_BODY || !text.startsWith('--')) {
    return undefined;
  }
  const firstLineEnd = text.indexOf('\n');
  const boundary = text.slice(0, firstLineEnd).replace(/\r$/, '');
  if (firstLineEnd === -1 || boundary.length < 3 || /\s/.test(boundary)) {
    return undefined;
  }

  const fields: MultipartField[] = [];
  let at = firstLineEnd + 1;
  while (at < text.length) {
    const blank = /\r?\n\r?\n/g;
    blank.lastIndex = at;
    const headersEnd = blank.exec(text);
    if (headersEnd === null) {
      break;
    }
    const start = headersEnd.index + headersEnd[0].length;
    const next = text.indexOf(`\n${boundary}`, start - 1);
    if (next === -1) {
      break;
    }
    const end = text.charCodeAt(next - 1) === 13 ? next - 1 : next;
    const headers = text.slice(at, Math.min(headersEnd.index, at + MAX_PART_HEADERS));
    const name = PART_NAME.exec(headers)?.[1];
    if (name !== undefined && end >= start) {
      fields.push({ name, start, end });
    }
    at = next + 1 + boundary.length;
    if (text.startsWith('--', at)) {
      break;
    }
  }
  return fields.length === 0 ? undefined : fields;
}
