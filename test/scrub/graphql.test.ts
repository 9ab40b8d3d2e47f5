/* biome-ignore-all lint/suspicious/noExplicitAny: tests read free-form event parts */
import { describe, expect, it } from 'vitest';
import { variableArguments } from '../../src/scrub/walk/graphql.ts';
import { scrubEvent, sent } from './helpers.ts';

// A GraphQL variable is judged by the arguments the query passes it to, as well as by its
// own name.

const F = '[Filtered]';
const LOGIN =
  'mutation Login($p: String!, $e: String!) { login(email: $e, password: $p) { token } }';

function login(variables: Record<string, unknown> = { p: 'hunter2', e: 'jane' }) {
  return { query: LOGIN, variables };
}

describe('GraphQL variables', () => {
  it('replaces a variable passed to a sensitive argument, in a body held as a string', () => {
    const { event, removed } = scrubEvent({ request: { data: JSON.stringify(login()) } });
    const data = (event.request as any).data;

    expect(JSON.parse(data).variables).toEqual({ p: F, e: 'jane' });
    expect(data).not.toContain('hunter2');
    expect(removed).toContain('@password:filter');
    expect((event as any)._meta.request.data[''].rem).toContainEqual(['@password:filter', 's']);
  });

  it('replaces it in a body already parsed, with its remark in _meta', () => {
    const { event } = scrubEvent({ request: { data: login() } });

    expect((event.request as any).data.variables).toEqual({ p: F, e: 'jane' });
    expect((event as any)._meta.request.data.variables).toEqual({
      p: { '': { rem: [['@password:filter', 's', 0, F.length]], len: 7 } },
    });
  });

  it('reads each request of a batched body', () => {
    const other = { query: 'query Me($t: ID!) { me(id: $t) { name } }', variables: { t: 't-1' } };
    const { event } = scrubEvent({ request: { data: JSON.stringify([login(), other]) } });
    const [first, second] = JSON.parse((event.request as any).data);

    expect(first.variables).toEqual({ p: F, e: 'jane' });
    expect(second.variables).toEqual({ t: 't-1' });
  });

  it('reads the fields of an input object', () => {
    const query =
      'mutation ($v: String!, $x: String!) { login(input: { user: $x, password: $v }) { ok } }';
    const { event } = scrubEvent({
      request: { data: { query, variables: { v: 'hunter2', x: 'jane' } } },
    });

    expect((event.request as any).data.variables).toEqual({ v: F, x: 'jane' });
  });

  it('replaces a whole input object passed to a sensitive argument', () => {
    const query = 'mutation ($c: Credentials!) { login(credentials: $c) { ok } }';
    const { event } = scrubEvent({
      request: { data: { query, variables: { c: { user: 'jane', secret: 'hunter2' } } } },
    });

    expect((event.request as any).data.variables.c).toEqual({ user: F, secret: F });
  });

  it('treats a variable passed to a sensitive and to a plain argument as sensitive', () => {
    const both = 'mutation ($p: String!) { a: check(value: $p) b: login(password: $p) { ok } }';
    const reversed = 'mutation ($p: String!) { login(password: $p) { ok } check(value: $p) }';
    for (const query of [both, reversed]) {
      const { event } = scrubEvent({ request: { data: { query, variables: { p: 'hunter2' } } } });
      expect((event.request as any).data.variables).toEqual({ p: F });
    }
  });

  it('keeps variables passed only to plain arguments, and the body as it was', () => {
    const query = 'query ($id: ID!, $n: Int) { user(id: $id) { posts(first: $n) { title } } }';
    const body = { query, variables: { id: 'u-1', n: 5 } };
    const { event, removed } = scrubEvent({ request: { data: body } });

    expect((event.request as any).data).toBe(body);
    expect(removed).toEqual([]);
  });

  it('still judges a variable by its own name', () => {
    const query = 'mutation ($password: String!) { login(pin: $password) { ok } }';
    const { event } = scrubEvent({
      request: { data: { query, variables: { password: 'hunter2' } } },
    });

    expect((event.request as any).data.variables).toEqual({ password: F });
  });

  it('judges arguments named in `keys` like keys, with their rule', () => {
    const query = 'mutation ($a: String!) { enrol(badgeCode: $a) { ok } }';
    const { event, removed } = scrubEvent(
      { request: { data: { query, variables: { a: 'B-77' } } } },
      { keys: ['badgeCode'] },
    );

    expect((event.request as any).data.variables).toEqual({ a: F });
    expect(removed).toContain('@key:filter');
  });

  it('leaves a query without variables alone', () => {
    const body = { query: 'query { me { name } }' };
    const { event } = scrubEvent({ request: { data: body } });

    expect((event.request as any).data).toBe(body);
  });

  it('judges variables by name only when `query` is not a string or is a getter', () => {
    const notText = { query: 42, variables: { p: 'hunter2' } };
    const { event } = scrubEvent({ extra: { request: notText } });
    expect((event.extra as any).request).toBe(notText);

    let reads = 0;
    const getter = {
      get query() {
        reads++;
        return LOGIN;
      },
      variables: { p: 'hunter2' },
    };
    const fromGetter = scrubEvent({ extra: { request: getter } });
    expect((fromGetter.event.extra as any).request.variables).toEqual({ p: 'hunter2' });
    // The walk reads `query` as a field of its own, once; the variables' look-up does not.
    expect(reads).toBe(1);
  });

  it('reads only the `variables` of the object that holds the query', () => {
    const pairs = [
      ['query', LOGIN],
      ['variables', { p: 'hunter2' }],
    ];
    const named = { query: LOGIN, name: 'variables', value: { p: 'hunter2' } };
    const { event } = scrubEvent({ request: { data: pairs }, extra: { named } });

    expect((event.request as any).data[1]).toEqual(['variables', { p: 'hunter2' }]);
    expect((event.extra as any).named.value).toEqual({ p: 'hunter2' });
  });

  it('reads GraphQL requests in `extra` and contexts, not only in the request body', () => {
    const { event } = scrubEvent({ extra: { graphql: login() }, contexts: { api: login() } });

    expect((event.extra as any).graphql.variables).toEqual({ p: F, e: 'jane' });
    expect((event.contexts as any).api.variables).toEqual({ p: F, e: 'jane' });
  });

  it('reads only the first 64 KiB of a hostile 1 MB query', () => {
    const noise = 'a :  $'.repeat(200_000);
    const early = { query: `mutation { login(password: $p) } ${noise}`, variables: { p: 'x1' } };
    const late = { query: `${'a'.repeat(1 << 20)} login(password: $p)`, variables: { p: 'x2' } };
    const { event } = scrubEvent({ extra: { early, late } });
    const extra = event.extra as any;

    expect(extra.early.variables).toEqual({ p: F });
    expect(extra.late.variables).toEqual({ p: 'x2' });
    expect(sent(extra.early)).not.toContain('x1');
  });
});

describe('variableArguments', () => {
  it('lists arguments given variables, and not the variables’ definitions', () => {
    expect(variableArguments(LOGIN)).toEqual([
      ['email', 'e'],
      ['password', 'p'],
    ]);
    expect(variableArguments('query ($id: ID = 1) { a(id :\n $id) @include(if: $f) }')).toEqual([
      ['id', 'id'],
      ['if', 'f'],
    ]);
  });

  it('finds nothing in a query without variables', () => {
    expect(variableArguments('{ me { name } }')).toEqual([]);
  });
});
