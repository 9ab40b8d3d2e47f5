/* biome-ignore-all lint/suspicious/noExplicitAny: tests read free-form event parts */
import { describe, expect, it } from 'vitest';
import { scrubEvent, sent } from './helpers.ts';

// Events exported from Sentry's web API keep their parts in `entries: [{ type, data }]`, tags
// as `{ key, value }`, extra as `context`, and name fields in camelCase. Each part gets the
// treatment of its native counterpart.

const F = '[Filtered]';

/** An error event as `GET /api/0/projects/{org}/{project}/events/{id}/` returns it. */
function apiEvent(): Record<string, unknown> {
  return {
    id: '41',
    eventID: '75c941b27a9c4819a374a2f2052279bc',
    groupID: '12',
    projectID: '1',
    dateCreated: '2024-05-01T12:00:00.000Z',
    platform: 'node',
    message: 'login failed for jane@example.com',
    title: 'Error: login failed',
    tags: [
      { key: 'level', value: 'error', _meta: null },
      { key: 'api_key', value: 'AK-EXAMPLE-1', _meta: null },
      { key: 'user', value: 'ip:203.0.113.7', query: 'user.ip:203.0.113.7', _meta: null },
      ['session_token', 'ST-EXAMPLE-2'],
    ],
    user: { id: 'u-1', email: 'jane@example.com', ip_address: '203.0.113.7', data: {} },
    context: { note: 'password=PW-EXAMPLE-3', deploy: { secret: 'DS-EXAMPLE-4' } },
    contexts: { os: { name: 'Linux', version: '5.5.5.5' }, app: { token: 'AT-EXAMPLE-5' } },
    entries: [
      {
        type: 'exception',
        data: {
          values: [
            {
              type: 'Error',
              value: 'bad token=TV-EXAMPLE-6',
              threadId: null,
              mechanism: { type: 'generic', handled: true },
              stacktrace: {
                frames: [
                  {
                    filename: 'app.js',
                    absPath: '/srv/app/192.168.10.20/app.js',
                    function: 'login',
                    lineNo: 42,
                    colNo: 7,
                    inApp: true,
                    context: [[42, 'const password = input;']],
                    vars: { password: 'VP-EXAMPLE-7', attempts: 3 },
                  },
                ],
                framesOmitted: null,
                hasSystemFrames: false,
              },
              rawStacktrace: null,
            },
          ],
          excOmitted: null,
          hasSystemFrames: false,
        },
      },
      {
        type: 'message',
        data: {
          formatted: 'password=:MP-EXAMPLE-8',
          message: 'password=%s',
          params: [':MP-EXAMPLE-8'],
        },
      },
      {
        type: 'request',
        data: {
          url: 'https://app.example.com/login?token=RT-EXAMPLE-9',
          method: 'POST',
          query: [
            ['token', 'RT-EXAMPLE-9'],
            ['page', '2'],
          ],
          fragment: 'access_token=FT-EXAMPLE-10',
          headers: [
            ['Authorization', 'Bearer HA-EXAMPLE-11'],
            ['Accept', 'text/html'],
          ],
          cookies: [['sid', 'CK-EXAMPLE-12']],
          data: '{"password":"BD-EXAMPLE-13","user":"jane"}',
          env: { REMOTE_ADDR: '203.0.113.7' },
          inferredContentType: 'application/json',
          apiTarget: null,
        },
      },
      {
        type: 'breadcrumbs',
        data: {
          values: [
            {
              type: 'http',
              category: 'fetch',
              message: null,
              data: { url: 'https://api.example.com/?api_key=BC-EXAMPLE-14' },
            },
          ],
        },
      },
      {
        type: 'threads',
        data: {
          values: [
            {
              id: 1,
              name: 'main',
              stacktrace: { frames: [{ function: 'run', vars: { secret: 'TH-EXAMPLE-15' } }] },
            },
          ],
        },
      },
      {
        type: 'csp',
        data: {
          blocked_uri: 'https://cdn.example.com/x.js?token=CS-EXAMPLE-16',
          effective_directive: 'script-src',
        },
      },
      { type: 'debugmeta', data: { images: [{ code_file: '/usr/lib/10.1.1.1/libc.so' }] } },
    ],
    _meta: {
      entries: {
        '2': { data: { headers: { '0': { '1': { '': { val: 'Bearer HM-EXAMPLE-17' } } } } } },
      },
    },
  };
}

describe('events from Sentry web API', () => {
  const { event, removals } = scrubEvent(apiEvent());
  const api = event as any;
  const entry = (type: string) => api.entries.find((part: any) => part.type === type).data;

  it('sends none of the secrets', () => {
    expect(sent(event)).not.toMatch(/EXAMPLE|203\.0\.113\.7|jane@example\.com/);
  });

  it('scrubs exception entries like exceptions: values, frame variables, not names', () => {
    const [value] = entry('exception').values;
    expect(value.value).toBe(`bad token=${F}`);
    const [frame] = value.stacktrace.frames;
    expect(frame.vars).toEqual({ password: F, attempts: 3 });
    expect(frame.absPath).toBe('/srv/app/192.168.10.20/app.js');
    expect(frame.context).toEqual([[42, 'const password = input;']]);
    expect(frame.lineNo).toBe(42);
  });

  it('scrubs message entries like logentry, with their params', () => {
    expect(entry('message')).toEqual({
      formatted: `password=${F}`,
      message: 'password=%s',
      params: [F],
    });
  });

  it('scrubs request entries like requests: pairs judged by name, cookies, body, env', () => {
    const request = entry('request');
    expect(request.url).toBe(`https://app.example.com/login?token=${F}`);
    expect(request.query).toEqual([
      ['token', F],
      ['page', '2'],
    ]);
    expect(request.fragment).toBe(`access_token=${F}`);
    expect(request.headers).toEqual([
      ['Authorization', F],
      ['Accept', 'text/html'],
    ]);
    expect(request.cookies).toEqual([['sid', F]]);
    expect(JSON.parse(request.data)).toEqual({ password: F, user: 'jane' });
    expect(request.env).toEqual({ REMOTE_ADDR: F });
    expect(request.inferredContentType).toBe('application/json');
  });

  it('scrubs breadcrumb, thread and security report entries', () => {
    expect(entry('breadcrumbs').values[0].data.url).toBe(`https://api.example.com/?api_key=${F}`);
    expect(entry('threads').values[0].stacktrace.frames[0].vars).toEqual({ secret: F });
    expect(entry('csp').blocked_uri).toBe(`https://cdn.example.com/x.js?token=${F}`);
    expect(entry('csp').effective_directive).toBe('script-src');
  });

  it('leaves debug images alone', () => {
    expect(entry('debugmeta')).toEqual({ images: [{ code_file: '/usr/lib/10.1.1.1/libc.so' }] });
  });

  it('judges tag values by the tag key, in both forms, with the query that repeats them', () => {
    expect(api.tags).toEqual([
      { key: 'level', value: 'error', _meta: null },
      { key: 'api_key', value: F, _meta: null },
      { key: 'user', value: `ip:${F}`, query: `user.ip:${F}`, _meta: null },
      ['session_token', F],
    ]);
  });

  it('scrubs context like extra, user like user, and keeps ids', () => {
    expect(api.context).toEqual({ note: `password=${F}`, deploy: { secret: F } });
    expect(api.contexts).toEqual({ os: { name: 'Linux', version: '5.5.5.5' }, app: { token: F } });
    expect(api.user).toEqual({ id: 'u-1', email: F, data: {} });
    expect(api.eventID).toBe('75c941b27a9c4819a374a2f2052279bc');
    expect(api.dateCreated).toBe('2024-05-01T12:00:00.000Z');
  });

  it('scrubs the original values Relay kept in the _meta of entries', () => {
    // Listed as pairs, the value is scanned; Relay's remark and ours are merged beside it.
    expect(api._meta.entries['2'].data.headers['0']['1']['']).toEqual({
      val: `Bearer ${F}`,
      rem: [['@password:filter', 's', 0, F.length]],
      len: 20,
    });
  });

  it('records removals at the entry and tag they were in', () => {
    const paths = removals.map((removal) => removal.path);
    expect(paths).toContain('entries[0].data.values[0].stacktrace.frames[0].vars.password');
    expect(paths).toContain('entries[1].data.params[0]');
    expect(paths).toContain('tags[1].value');
    expect(paths).toContain('tags[3][1]');
    expect(api._meta.entries['0'].data.values['0'].value['']).toMatchObject({ len: 22 });
  });

  it('leaves an event without entries or tag objects to the walk alone', () => {
    const native = { tags: { release_channel: 'beta' }, message: 'fine' };
    expect(scrubEvent(native).event).toBe(native);
  });
});
