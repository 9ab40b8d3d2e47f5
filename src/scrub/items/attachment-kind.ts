/**
 * How an attachment is read:
 * - `json`: parsed, walked like `extra`, written back;
 * - `json-lines`: each line that is JSON is, the others are scanned;
 * - `text`: scanned by the detectors;
 * - `sniff`: no type says what it is: text if it reads as text (JSON when it parses);
 * - `binary`: left as it is.
 */
export type AttachmentKind = 'json' | 'json-lines' | 'text' | 'sniff' | 'binary';

// Types and names of text files applications attach: logs, configuration, HTTP archives,
// exports. Media types from IANA's registry and RFC 6839 (`+json`, `+xml` suffixes); Sentry's
// own attachment types from `AttachmentType` in `@sentry/core` and
// https://develop.sentry.dev/sdk/data-model/envelope-items/#attachment.
const JSON_TYPES = ['application/json', 'application/har+json'];
const JSON_LINES_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines'];
const TEXT_TYPES = [
  'application/xml',
  'application/x-www-form-urlencoded',
  'application/yaml',
  'application/x-yaml',
  'application/toml',
  'application/javascript',
];
const JSON_EXTENSIONS = /\.(?:json|har)$/;
const JSON_LINES_EXTENSIONS = /\.(?:jsonl|ndjson)$/;
const TEXT_EXTENSIONS = /\.(?:txt|log|csv|tsv|yaml|yml|xml|env|ini|properties|conf|cfg|toml)$/;
// `.env.local`, `.env.production`: dotenv files are named by their environment.
const DOTENV = /(?:^|[/\\])\.env(?:\.[\w-]+)?$/;
// Media that is never text, whatever its bytes look like; a minidump is a memory image.
const BINARY_TYPES = /^(?:image|audio|video|font|model)\/|^application\/(?:zip|gzip|x-tar|pdf)/;
const BINARY_ATTACHMENT_TYPES = new Set(['event.minidump']);
const TEXT_ATTACHMENT_TYPES = new Set(['event.applecrashreport', 'unreal.context', 'unreal.logs']);

/** Tells how an attachment is read from its envelope item header. */
export function attachmentKind(header: Record<string, unknown>): AttachmentKind {
  const contentType = String(header.content_type ?? '')
    .toLowerCase()
    .split(';')[0]
    ?.trim() as string;
  const filename = String(header.filename ?? '').toLowerCase();
  const attachmentType = header.attachment_type;

  if (
    attachmentType === 'event.view_hierarchy' ||
    JSON_TYPES.includes(contentType) ||
    contentType.endsWith('+json') ||
    JSON_EXTENSIONS.test(filename)
  ) {
    return 'json';
  }
  if (JSON_LINES_TYPES.includes(contentType) || JSON_LINES_EXTENSIONS.test(filename)) {
    return 'json-lines';
  }
  if (
    contentType.startsWith('text/') ||
    contentType.endsWith('+xml') ||
    TEXT_TYPES.includes(contentType) ||
    TEXT_ATTACHMENT_TYPES.has(String(attachmentType)) ||
    TEXT_EXTENSIONS.test(filename) ||
    DOTENV.test(filename)
  ) {
    return 'text';
  }
  if (BINARY_TYPES.test(contentType) || BINARY_ATTACHMENT_TYPES.has(String(attachmentType))) {
    return 'binary';
  }
  return 'sniff';
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * An attachment's payload as text: a string as it is, bytes when they are UTF-8 without NUL
 * characters. Anything else (not UTF-8, or with NULs: an image, an archive, a core dump) is
 * binary and `undefined`.
 */
export function attachmentText(payload: unknown): string | undefined {
  if (typeof payload === 'string') {
    return payload;
  }
  if (!(payload instanceof Uint8Array) || payload.includes(0)) {
    return undefined;
  }
  try {
    return STRICT_UTF8.decode(payload);
  } catch {
    return undefined;
  }
}

/**
 * Whether the scrubber reads an attachment: a payload given as a string always, bytes unless
 * they are binary by their type or by what they hold. For reports on what passed through
 * unread.
 */
export function isReadAttachment(header: Record<string, unknown>, payload: unknown): boolean {
  if (typeof payload === 'string') {
    return true;
  }
  return attachmentKind(header) !== 'binary' && attachmentText(payload) !== undefined;
}
