import { KeyVerdict } from '../keys/classify.ts';
import {
  ANY,
  FILTER_CUSTOM,
  FILTER_IP,
  FILTER_SECRET,
  keyedShape,
  type Shape,
  SKIP,
  VERSION,
} from '../walk/shape.ts';
import { BREADCRUMBS, LOGENTRY, REQUEST, SPANS, TEMPLATE } from './event.ts';
import { metaShapeOf } from './meta.ts';
import { EXCEPTION, STACKTRACE, THREADS } from './stack.ts';

// Events exported from Sentry's web API (`GET /api/0/projects/{org}/{project}/events/{id}/`)
// keep their parts in `entries: [{ type, data }]`, after `sentry/interfaces/*.py`
// (`get_api_context`) and `sentry/api/serializers/models/event.py`. Each `data` is the native
// part under another name, and is scrubbed like it.

function entry(name: string, data: Shape): Shape {
  return keyedShape(`${name} entry`, { fields: { type: SKIP, data } });
}

const ENTRY_DATA: Readonly<Record<string, Shape>> = {
  exception: EXCEPTION,
  threads: THREADS,
  stacktrace: STACKTRACE,
  breadcrumbs: BREADCRUMBS,
  request: REQUEST,
  message: LOGENTRY,
  template: TEMPLATE,
  spans: SPANS,
  // Loaded images: addresses, file names and debug ids.
  debugmeta: SKIP,
};

const ENTRIES = new Map(
  Object.entries(ENTRY_DATA).map(([type, data]) => [type, entry(type, data)]),
);

// Security reports (`csp`, `hpkp`, `expectct`, `expectstaple`) and types added later: their
// URIs and samples are scanned, their keys judged.
const OTHER_ENTRY = entry('other', ANY);

/** The shape of an entry of `type`. */
export function entryShape(type: unknown): Shape {
  return (typeof type === 'string' ? ENTRIES.get(type) : undefined) ?? OTHER_ENTRY;
}

const ENTRY_META = new Map<Shape, Shape>();

/** The shape of the `_meta` of an entry of `type` (`_meta.entries[index]`). */
export function entryMetaShape(type: unknown): Shape {
  const data = entryShape(type);
  let meta = ENTRY_META.get(data);
  if (meta === undefined) {
    meta = metaShapeOf(data);
    ENTRY_META.set(data, meta);
  }
  return meta;
}

// A tag in the web API's form, `{ key, value, query, _meta }`: the value, and the search query
// that repeats it (`user.ip:203.0.113.1`), are judged by the tag's key like any map value.
function tagShape(value: Shape): Shape {
  const tag = keyedShape(`tag ${value.name}`, {
    fields: { key: SKIP, value, query: value },
  });
  return keyedShape(tag.name, {
    fields: { key: SKIP, value, query: value, _meta: metaShapeOf(tag) },
  });
}

const TAGS: Readonly<Record<KeyVerdict, Shape>> = {
  [KeyVerdict.Plain]: tagShape(ANY),
  [KeyVerdict.Secret]: tagShape(FILTER_SECRET),
  [KeyVerdict.Custom]: tagShape(FILTER_CUSTOM),
  [KeyVerdict.Ip]: tagShape(FILTER_IP),
  [KeyVerdict.Version]: tagShape(VERSION),
};

/** The shape of a `{ key, value }` tag whose key was judged `verdict`. */
export function tagObjectShape(verdict: KeyVerdict): Shape {
  return TAGS[verdict];
}

/**
 * The shape of a value under a key judged `verdict`, as a map walks it: a `[key, value]` tag,
 * a context.
 */
export function valueShapeFor(verdict: KeyVerdict): Shape {
  switch (verdict) {
    case KeyVerdict.Secret:
      return FILTER_SECRET;
    case KeyVerdict.Custom:
      return FILTER_CUSTOM;
    case KeyVerdict.Ip:
      return FILTER_IP;
    case KeyVerdict.Version:
      return VERSION;
    default:
      return ANY;
  }
}
