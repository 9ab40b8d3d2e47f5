/* biome-ignore-all lint/suspicious/noExplicitAny: case files are free-form JSON */
import util from 'node:util';
import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import {
  assertExpectation,
  type CaseInput,
  caseInputs,
  caseOptions,
  expectationFor,
  type FieldCase,
  loadCase,
  readPath,
  runSnippet,
} from './field-cases.ts';

// Field cases about removing sensitive information. Each input goes through the entry point
// the case names; `should` expectations are checked as well, except timings (`max_ms`), which
// belong in `npm run bench`.

function runInput(filter: SentryEventFilter, input: CaseInput): unknown {
  const event = structuredClone(input.event);
  switch (input.entrypoint) {
    case 'beforeSendLog':
      return filter.beforeSendLog(event);
    case 'beforeSendTransaction':
      return filter.beforeSendTransaction(event, {});
    default:
      return filter.beforeSend(event, {});
  }
}

function filterFor(fieldCase: FieldCase, input?: CaseInput): SentryEventFilter {
  return new SentryEventFilter(caseOptions({ ...fieldCase.config, ...input?.configOverride }));
}

/** The case's expectations, then its softer `should` ones, without timings. */
function assertAll(expectation: Record<string, any>, input: unknown, output: unknown): void {
  assertExpectation(expectation, input, output);
  const { max_ms: _maxMs, note: _note, ...should } = expectation.should ?? {};
  assertExpectation(should, input, output);
}

function describeCase(id: string, title: string): void {
  describe(`case ${id}: ${title}`, () => {
    const fieldCase = loadCase(id);
    it.each(caseInputs(fieldCase).map((input) => [input.label, input] as const))(
      '%s',
      (label, input) => {
        const output = runInput(filterFor(fieldCase, input), input);
        assertAll(expectationFor(fieldCase, label), input.event, output);
      },
    );
  });
}

describe('case 09: circular references, shared objects, no mutation', () => {
  const fieldCase = loadCase('09');
  const filter = filterFor(fieldCase);
  const bindings = runSnippet(
    fieldCase,
    ['result', 'pool', 'before', 'first', 'second', 'err', 'event'],
    { filter },
  ) as Record<string, any>;
  const { result, pool, before, first, second, err, event } = bindings;

  it('scrubs the pool wherever it is reachable and keeps the rest', () => {
    assertAll(fieldCase.expect, event, result);
  });

  it('leaves the application objects exactly as they were', () => {
    expect(util.isDeepStrictEqual(pool, before)).toBe(true);
    expect(pool.credentials.password).toBe('Pa55-w0rd-EXAMPLE');
    expect(first.next === second && second.prev === first && pool.head === first).toBe(true);
    expect(err.pool).toBe(pool);
    expect(event.extra.pool).toBe(pool);
    expect(event.extra.self).toBe(event.extra);
  });

  it('expands a shared object under both paths and marks only the true cycles', () => {
    expect(readPath(result, 'contexts.db.pool.name')).toBe('db-pool');
    expect(readPath(result, 'extra.self')).toEqual(expect.stringContaining('Circular'));
    expect(readPath(result, 'extra.pool.head.next.prev')).toEqual(
      expect.stringContaining('Circular'),
    );
  });
});

describe('case 10: pathological inputs (backtracking, depth, size)', () => {
  const fieldCase = loadCase('10');
  const filter = filterFor(fieldCase);
  const { result, event } = runSnippet(fieldCase, ['result', 'event'], { filter }) as Record<
    string,
    any
  >;

  it('returns an event that serializes, without the deep secret', () => {
    assertAll(fieldCase.expect, event, result);
  });

  it('bounds the output: long strings are cut and marked in _meta', () => {
    expect(JSON.stringify(result).length).toBeLessThan(1_000_000);
    expect(result.extra.big).toMatch(/\.\.\.$/);
    expect(result._meta.extra.big[''].rem).toContainEqual(['!limit', 's', 16_384, 16_387]);
    expect(result._meta.extra.big[''].len).toBe(5 * 1024 * 1024);
  });

  it('keeps the wide object whole', () => {
    expect(Object.keys(result.extra.wide)).toHaveLength(50_000);
    expect(result.extra.wide).toBe(event.extra.wide);
  });
});

describeCase('11', 'key spellings and look-alikes');
describeCase('13', 'tokens in URLs of the request and of breadcrumbs');

describe('case 13: URLs keep parsing', () => {
  const fieldCase = loadCase('13');
  const [main] = caseInputs(fieldCase);

  it('every scrubbed URL still parses with new URL()', () => {
    const output = runInput(filterFor(fieldCase), main as CaseInput) as any;
    for (const url of [
      output.request.url,
      output.breadcrumbs[0].data.url,
      output.breadcrumbs[3].data.url,
    ]) {
      expect(() => new URL(url)).not.toThrow();
    }
    expect(new URL(output.breadcrumbs[3].data.url).username).toBe('deploy');
  });
});

describeCase('14', 'frame local variables, also under threads');
describeCase('15', 'SQL and HTTP span descriptions');
describeCase('16', 'secrets in free text');
describeCase('18', 'the user IP address');

describe('case 18: the IP address is absent, null or filtered', () => {
  const fieldCase = loadCase('18');

  it.each(caseInputs(fieldCase).map((input) => [input.label, input] as const))(
    '%s',
    (_label, input) => {
      const output = runInput(filterFor(fieldCase, input), input) as any;
      expect([undefined, null, '[Filtered]']).toContain(output.user.ip_address);
    },
  );
});
