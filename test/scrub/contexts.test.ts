/* biome-ignore-all lint/suspicious/noExplicitAny: tests read free-form event parts */
import { createEnvelope, type Envelope } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { makeScrubber, scrubEvent, sent } from './helpers.ts';

// Subtrees that used to be skipped whole: `type`, `version` and `build` of custom contexts,
// the dynamic sampling context of the trace context, `did` in session aggregates, and the
// `_meta` an item already carries.

const F = '[Filtered]';

describe('contexts', () => {
  it('walks type, version and build of custom contexts', () => {
    const { event } = scrubEvent({
      contexts: {
        deploy: {
          build: 'https://ci:ghp_EXAMPLEexampleEXAMPLEexample0123456789@github.com/acme/app',
          type: 'jane@example.com',
          version: 'token=TV-EXAMPLE-1',
        },
      },
    });
    expect((event.contexts as any).deploy).toEqual({
      build: `https://ci:${F}@github.com/acme/app`,
      type: F,
      version: `token=${F}`,
    });
  });

  it.each([
    ['os', { type: 'os', name: 'Linux', version: '5.5.5.5', kernel_version: '10.1.1.1' }],
    ['client_os', { type: 'os', name: 'Windows', version: '10.0.0.1', build: '19045' }],
    ['runtime', { type: 'runtime', name: 'node', version: 'v20.20.2', build: '1.2.3.4' }],
    ['app', { type: 'app', app_version: '2.14.0.1', app_build: '1.1.1.1', build_type: 'x' }],
    ['browser', { type: 'browser', name: 'Chrome', version: '124.0.0.0' }],
    ['device', { type: 'device', model: 'Pixel', version: '4.4.4.4' }],
    ['culture', { type: 'culture', locale: 'de-DE', version: '1.2.3.4' }],
    ['cloud_resource', { type: 'cloud_resource', version: '8.8.8.8' }],
  ])('leaves what describes the machine in the %s context', (name, context) => {
    const input = { contexts: { [name]: context } };
    expect(scrubEvent(input).event).toBe(input);
  });

  it('knows the contexts an SDK names otherwise by their type', () => {
    const input = {
      contexts: {
        chrome: { type: 'runtime', name: 'Chrome', version: '120.0.0.1' },
        'server-os': { type: 'os', name: 'Linux', kernel_version: '5.5.5.5', note: 'token=T-2' },
        deploy: { type: 'jane@example.com', build: '10.1.1.1' },
        secret: { type: 'os', value: 'S-EXAMPLE-3' },
      },
    };
    const { event, removals } = scrubEvent(input);
    expect(event.contexts).toEqual({
      chrome: { type: 'runtime', name: 'Chrome', version: '120.0.0.1' },
      'server-os': { type: 'os', name: 'Linux', kernel_version: '5.5.5.5', note: `token=${F}` },
      deploy: { type: F, build: F },
      secret: { type: F, value: F },
    });
    expect(removals.map((removal) => removal.path)).toEqual([
      'contexts["server-os"].note',
      'contexts.deploy.type',
      'contexts.deploy.build',
      'contexts.secret.type',
      'contexts.secret.value',
    ]);
    expect(input.contexts.deploy.build).toBe('10.1.1.1');
  });

  it('still scans the other fields of the known contexts', () => {
    const { event } = scrubEvent({
      contexts: { app: { app_version: '1.0', app_start_url: 'https://x.example.com/?token=T-1' } },
    });
    expect((event.contexts as any).app).toEqual({
      app_version: '1.0',
      app_start_url: `https://x.example.com/?token=${F}`,
    });
  });

  it("walks the trace context's dynamic sampling context and keeps its ids", () => {
    const { event } = scrubEvent({
      contexts: {
        trace: {
          trace_id: '0123456789abcdef0123456789abcdef',
          span_id: '0123456789abcdef',
          dynamic_sampling_context: {
            trace_id: '0123456789abcdef0123456789abcdef',
            public_key: 'abc',
            transaction: 'GET /reset?token=DSC-EXAMPLE-2',
            user_segment: 'jane@example.com',
            sample_rate: '1',
          },
        },
      },
    });
    expect((event.contexts as any).trace).toEqual({
      trace_id: '0123456789abcdef0123456789abcdef',
      span_id: '0123456789abcdef',
      dynamic_sampling_context: {
        trace_id: '0123456789abcdef0123456789abcdef',
        public_key: 'abc',
        transaction: `GET /reset?token=${F}`,
        sample_rate: '1',
      },
    });
  });
});

describe('session aggregates', () => {
  it('scans the distinct id of each bucket and keeps the counts', () => {
    const { scrubber } = makeScrubber();
    const envelope = createEnvelope({}, [
      [
        { type: 'sessions' },
        {
          aggregates: [
            { started: '2024-05-01T12:00:00Z', did: 'jane@example.com', exited: 3, errored: 1 },
            { started: '2024-05-01T12:01:00Z', did: 'user-42', exited: 1 },
          ],
          attrs: { release: 'app@1.0', environment: 'production' },
        },
      ] as any,
    ]);
    const [, [[, payload]]] = scrubber.envelope(envelope) as any;
    expect(payload.aggregates).toEqual([
      { started: '2024-05-01T12:00:00Z', did: F, exited: 3, errored: 1 },
      { started: '2024-05-01T12:01:00Z', did: 'user-42', exited: 1 },
    ]);
  });
});

describe('an existing _meta', () => {
  it('treats the original values Relay kept like the values they were', () => {
    const input = {
      request: { headers: { Authorization: F } },
      user: { id: 'u-1' },
      extra: { note: 'short' },
      _meta: {
        request: {
          headers: { Authorization: { '': { rem: [['@password', 's']], val: 'Bearer HV-1' } } },
        },
        user: { ip_address: { '': { rem: [['@ip', 'x']], val: '203.0.113.9' } } },
        extra: {
          note: { '': { rem: [['!limit', 's', 5, 8]], len: 900, val: 'jane@example.com' } },
        },
      },
    };
    const { event, removed } = scrubEvent(input);
    expect((event as any)._meta).toEqual({
      request: { headers: { Authorization: { '': { rem: [['@password', 's']], val: F } } } },
      user: { ip_address: { '': { rem: [['@ip', 'x']] } } },
      extra: { note: { '': { rem: [['!limit', 's', 5, 8]], len: 900, val: F } } },
    });
    expect(sent(event)).not.toMatch(/HV-1|203\.0\.113\.9|jane@example\.com/);
    expect(removed).toHaveLength(3);
    // What changed inside the old _meta is not described in _meta itself.
    expect((event as any)._meta._meta).toBeUndefined();
    expect(input._meta.extra.note[''].val).toBe('jane@example.com');
  });

  it('keeps the remarks of a log record scrubbed twice', () => {
    const { scrubber } = makeScrubber();
    const envelope: Envelope = createEnvelope({}, [
      [
        { type: 'log' },
        {
          items: [
            {
              timestamp: 1,
              level: 'info',
              body: 'login password=PW-EXAMPLE-3',
              attributes: { password: { value: 'PW-EXAMPLE-3', type: 'string' } },
            },
          ],
        },
      ] as any,
    ]);
    const once = scrubber.envelope(envelope);
    const twice = scrubber.envelope(once);
    expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
    const [, [[, container]]] = twice as any;
    expect(container.items[0]._meta.attributes.password.value['']).toEqual({
      rem: [['@password:filter', 's', 0, F.length]],
      len: 12,
    });
  });
});
