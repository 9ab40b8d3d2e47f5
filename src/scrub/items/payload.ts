/** How an envelope item's payload was given, so it is written back the same way. */
export type PayloadForm = 'object' | 'string' | 'bytes';

/** A payload read for scrubbing. */
export interface ReadPayload {
  readonly form: PayloadForm;
  readonly value: unknown;
}

/**
 * Reads a JSON item's payload: an object from the SDK, or a string or bytes from a parsed
 * envelope (`parseEnvelope` keeps payloads with an explicit `length` as bytes). Returns
 * `undefined` when it is not JSON.
 */
export function readJsonPayload(payload: unknown): ReadPayload | undefined {
  if (payload instanceof Uint8Array) {
    const parsed = parseJson(new TextDecoder().decode(payload));
    return parsed === undefined ? undefined : { form: 'bytes', value: parsed.value };
  }
  if (typeof payload === 'string') {
    const parsed = parseJson(payload);
    return parsed === undefined ? undefined : { form: 'string', value: parsed.value };
  }
  if (typeof payload === 'object' && payload !== null) {
    return { form: 'object', value: payload };
  }
  return undefined;
}

/** Writes a scrubbed value back in the payload's form. */
export function writePayload(form: PayloadForm, value: unknown): unknown {
  if (form === 'object') {
    return value;
  }
  const json = JSON.stringify(value);
  return form === 'string' ? json : new TextEncoder().encode(json);
}

/**
 * The item header after its payload changed: a `length` that no longer fits is corrected for
 * bytes and strings, and dropped for objects (their length is only known once serialized).
 */
export function headerFor(header: Record<string, unknown>, payload: unknown): unknown {
  if (!('length' in header)) {
    return header;
  }
  if (payload instanceof Uint8Array) {
    return { ...header, length: payload.length };
  }
  if (typeof payload === 'string') {
    return { ...header, length: new TextEncoder().encode(payload).length };
  }
  const { length: _length, ...rest } = header;
  return rest;
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}
