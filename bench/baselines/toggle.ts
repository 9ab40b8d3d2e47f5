import type { Client, Integration } from '@sentry/core';

/** An integration that can be switched off and on again while the client runs. */
export interface Toggle {
  readonly integration: Integration;
  enabled: boolean;
}

type Callback = (...parameters: unknown[]) => unknown;

/**
 * Wraps an integration so it can be switched off after it was added: a Sentry client cannot
 * remove an integration, and the benchmark wants the SDK alone and the SDK with the filter
 * in the same rounds. Every way the integration reaches the client goes through a switch:
 * its `processEvent`, the hooks it registers with `client.on`, and the `beforeSend`-style
 * options it wraps during `setup`. Switched off, each passes its input through unchanged.
 */
export function toggleable(inner: Integration): Toggle {
  const toggle: Toggle = { integration: inner, enabled: true };
  const gate =
    (callback: Callback, passThrough: (parameters: unknown[]) => unknown) =>
    (...parameters: unknown[]) =>
      toggle.enabled ? callback(...parameters) : passThrough(parameters);

  const integration: Integration = {
    name: inner.name,
    setup(client: Client) {
      const options = client.getOptions() as unknown as Record<string, unknown>;
      const before = { ...options };
      const gatedClient = new Proxy(client, {
        get(target, property, receiver) {
          if (property === 'on') {
            return (hook: string, callback: Callback) =>
              target.on(hook as 'beforeEnvelope', gate(callback, () => undefined) as never);
          }
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      inner.setup?.(gatedClient);

      // Options the integration replaced (`beforeSend`...) fall back to what was there.
      for (const [key, value] of Object.entries(options)) {
        if (typeof value === 'function' && value !== before[key]) {
          const previous = before[key] as Callback | undefined;
          options[key] = gate(value as Callback, (parameters) =>
            previous === undefined ? parameters[0] : previous(...parameters),
          );
        }
      }
    },
  };
  if (inner.processEvent !== undefined) {
    const processEvent = inner.processEvent.bind(inner);
    integration.processEvent = (event, hint, client) =>
      toggle.enabled ? processEvent(event, hint, client) : event;
  }
  return Object.assign(toggle, { integration });
}
