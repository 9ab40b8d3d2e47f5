import type { TextScanner } from '../detect/text-scanner.ts';
import { collectRemovals } from '../meta/removals.ts';
import { LIMIT_RULE } from '../rules.ts';
import { ANY } from '../walk/shape.ts';
import type { ItemPlace } from './event.ts';
import type { WalkRunner } from './run.ts';

// Attachments are scrubbed up to this size; a larger JSON or text attachment is replaced by
// a note rather than sent unscanned.
const MAX_ATTACHMENT = 1_048_576;
const TOO_LARGE = '[Filtered: attachment too large to scrub]';

/**
 * Scrubs an attachment whose content is text: JSON (`application/json`, `*.json`, view
 * hierarchies) is parsed, walked like `extra` and written back; plain text (`text/*`,
 * `*.txt`, `*.log`) is scanned by the detectors. Other attachments (images, minidumps,
 * archives) are left as they are: binary data cannot be scanned reliably. Returns the new
 * payload, or `undefined` when nothing changed.
 */
export function scrubAttachment(
  runner: WalkRunner,
  scanner: TextScanner,
  header: Record<string, unknown>,
  payload: unknown,
  place: ItemPlace,
  onLimit: () => void,
): unknown {
  const kind = attachmentKind(header);
  if (kind === undefined || !(typeof payload === 'string' || payload instanceof Uint8Array)) {
    return undefined;
  }

  const text = typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
  if (text.length > MAX_ATTACHMENT) {
    onLimit();
    place.removals?.push({ path: '', rule: LIMIT_RULE, preview: TOO_LARGE, ...itemOf(place) });
    return encodeLike(payload, TOO_LARGE);
  }

  const scrubbed = kind === 'json' ? scrubJson(runner, text, place) : undefined;
  const result = scrubbed ?? scrubText(scanner, text, place);
  return result === text ? undefined : encodeLike(payload, result);
}

function scrubJson(runner: WalkRunner, text: string, place: ItemPlace): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { value, meta } = runner.run(parsed, ANY);
  if (meta === undefined && value === parsed) {
    return text;
  }
  if (place.removals !== undefined) {
    collectRemovals(meta, value, place.removals, place);
  }
  return JSON.stringify(value);
}

function scrubText(scanner: TextScanner, text: string, place: ItemPlace): string {
  const scanned = scanner.scan(text, MAX_ATTACHMENT);
  if (scanned !== text && place.removals !== undefined) {
    const meta = { '': { rem: scanner.remarks.slice() } };
    collectRemovals(meta, scanned, place.removals, place);
  }
  return scanned;
}

function attachmentKind(header: Record<string, unknown>): 'json' | 'text' | undefined {
  const contentType = String(header.content_type ?? '').toLowerCase();
  const filename = String(header.filename ?? '').toLowerCase();
  if (
    contentType.startsWith('application/json') ||
    filename.endsWith('.json') ||
    header.attachment_type === 'event.view_hierarchy'
  ) {
    return 'json';
  }
  if (contentType.startsWith('text/') || /\.(txt|log|csv)$/.test(filename)) {
    return 'text';
  }
  return undefined;
}

function encodeLike(original: string | Uint8Array, text: string): string | Uint8Array {
  return typeof original === 'string' ? text : new TextEncoder().encode(text);
}

function itemOf(place: ItemPlace): { item?: number } {
  return place.item === undefined ? {} : { item: place.item };
}
