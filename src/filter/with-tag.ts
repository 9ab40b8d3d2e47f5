import type { Event } from '@sentry/core';
import { copyRecord, setOwn } from '../copy-record.ts';
import { withTagInList } from '../tag-list.ts';

/**
 * The event with one more tag, as `{ ...event, tags: { ...event.tags, [key]: value } }` makes
 * it, built from copies that take the new keys without new shapes.
 */
export function withTag(event: Event, key: string, value: string): Event {
  const current: unknown = event.tags;
  if (Array.isArray(current)) {
    // Tags as a list, as stored and exported events hold them, stay a list.
    return withField(event, 'tags', withTagInList(current, key, value));
  }
  const tags =
    current === undefined || current === null ? {} : copyRecord(current as Record<string, unknown>);
  setOwn(tags, key, value);
  return withField(event, 'tags', tags);
}

/** A copy of the event with `key` set: a spread when the key is there, else key by key. */
export function withField(event: Event, key: string, value: unknown): Event {
  if (Object.hasOwn(event, key)) {
    const copy: Record<string, unknown> = { ...event };
    copy[key] = value;
    return copy as Event;
  }
  const copy = copyRecord(event as Record<string, unknown>);
  setOwn(copy, key, value);
  return copy as Event;
}
