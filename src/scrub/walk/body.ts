// Request bodies longer than this are scanned as text (and cut) rather than parsed.
const MAX_PARSED_BODY = 65_536;

/**
 * Parses a request body held as a string when it is JSON (starts with `{` or `[`). Returns
 * `undefined` for anything else; form bodies (`a=1&password=x`) are scanned as text, pair by
 * pair, which keeps their encoding as it was.
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
