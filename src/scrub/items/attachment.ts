import type { Attachment } from '@sentry/core';
import { collectRemovals } from '../meta/removals.ts';
import { LIMIT_RULE } from '../rules.ts';
import { ANY } from '../walk/shape.ts';
import { type AttachmentKind, attachmentKind, attachmentText } from './attachment-kind.ts';
import type { ItemContext } from './context.ts';
import type { ItemPlace } from './event.ts';

// Attachments are scrubbed up to this size; a larger text attachment is replaced by a note
// rather than sent unscanned.
const MAX_ATTACHMENT = 1_048_576;
const TOO_LARGE = '[Filtered: attachment too large to scrub]';

/**
 * Scrubs an attachment (see `AttachmentKind`): JSON is parsed, walked like `extra` and written
 * back; text is scanned by the detectors; binary data (images, minidumps, archives, bytes that
 * are not UTF-8 or hold NULs) is left as it is, as it cannot be scanned reliably. A payload
 * given as a string is text. Returns the new payload, in the payload's form, or `undefined`
 * when nothing changed.
 */
export function scrubAttachment(
  context: ItemContext,
  header: Record<string, unknown>,
  payload: unknown,
  place: ItemPlace,
): string | Uint8Array | undefined {
  const kind = attachmentKind(header);
  if (kind === 'binary' && typeof payload !== 'string') {
    return undefined;
  }
  const text = attachmentText(payload);
  if (text === undefined) {
    return undefined;
  }

  if (text.length > MAX_ATTACHMENT) {
    context.onLimit();
    place.removals?.push({ path: '', rule: LIMIT_RULE, preview: TOO_LARGE, ...itemOf(place) });
    return encodeLike(payload, TOO_LARGE);
  }

  const result = scrubText(context, kind, text, place);
  return result === text ? undefined : encodeLike(payload, result);
}

/**
 * Scrubs an attachment as the SDK holds it (`hint.attachments`, `scope.addAttachment`):
 * returns a copy with the scrubbed data, or the attachment itself when nothing changed. The
 * data may be the application's buffer: it is never written to.
 */
export function scrubAttachmentObject(
  context: ItemContext,
  attachment: Attachment,
  place: ItemPlace,
): Attachment {
  const header = {
    filename: attachment.filename,
    content_type: attachment.contentType,
    attachment_type: attachment.attachmentType,
  };
  const data = scrubAttachment(context, header, attachment.data, place);
  return data === undefined ? attachment : { ...attachment, data };
}

function scrubText(
  context: ItemContext,
  kind: AttachmentKind,
  text: string,
  place: ItemPlace,
): string {
  switch (kind) {
    case 'json':
      return scrubJson(context, text, place) ?? scanText(context, text, place);
    case 'json-lines':
      return scrubJsonLines(context, text, place);
    case 'sniff':
      return (
        (looksLikeJson(text) ? scrubJson(context, text, place) : undefined) ??
        scanText(context, text, place)
      );
    default:
      return scanText(context, text, place);
  }
}

function scrubJson(context: ItemContext, text: string, place: ItemPlace): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { value, meta } = context.runner.run(parsed, ANY);
  if (meta === undefined && value === parsed) {
    return text;
  }
  if (place.removals !== undefined) {
    collectRemovals(meta, value, place.removals, place);
  }
  return JSON.stringify(value);
}

// One JSON document per line (`.jsonl`, `.ndjson`); a line that is not JSON is scanned.
function scrubJsonLines(context: ItemContext, text: string, place: ItemPlace): string {
  const lines = text.split('\n');
  let changed = false;
  const scrubbed = lines.map((line, index) => {
    const linePlace = { ...place, prefix: `[${index}]` };
    const result = looksLikeJson(line)
      ? (scrubJson(context, line, linePlace) ?? scanText(context, line, linePlace))
      : scanText(context, line, linePlace);
    changed ||= result !== line;
    return result;
  });
  return changed ? scrubbed.join('\n') : text;
}

function scanText(context: ItemContext, text: string, place: ItemPlace): string {
  const { scanner } = context;
  const scanned = scanner.scan(text, MAX_ATTACHMENT);
  if (scanned !== text && place.removals !== undefined) {
    const meta = { '': { rem: scanner.remarks.slice() } };
    collectRemovals(meta, scanned, place.removals, place);
  }
  return scanned;
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart().charCodeAt(0);
  return first === 123 || first === 91;
}

function encodeLike(original: unknown, text: string): string | Uint8Array {
  return typeof original === 'string' ? text : new TextEncoder().encode(text);
}

function itemOf(place: ItemPlace): { item?: number } {
  return place.item === undefined ? {} : { item: place.item };
}
