import type { ErrorEvent, Event } from '@sentry/core';

/** A hostile string on its own: the exception message of an otherwise empty error event. */
export function eventWithMessage(text: string): ErrorEvent {
  const event: Event = {
    event_id: '0d9f8e7c6b5a49382716051423324150',
    timestamp: 1_733_235_668.512,
    platform: 'node',
    level: 'error',
    exception: { values: [{ type: 'Error', value: text }] },
  };
  return event as ErrorEvent;
}

/** A hostile string inside a full event, as an `extra` value next to everything else. */
export function eventWithExtra(event: ErrorEvent, text: string): ErrorEvent {
  return { ...event, extra: { ...event.extra, payload: text } };
}
