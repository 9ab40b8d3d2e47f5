import { describe, expect, it } from 'vitest';
import { SentryEventFilter } from '../../src/index.ts';
import {
  assertExpectation,
  type CaseInput,
  caseInputs,
  caseOptions,
  evaluateHint,
  expectationFor,
  type FieldCase,
  loadCase,
  runSnippet,
} from './field-cases.ts';

// Field cases about deciding: which exception or logger drops an event, which tags it.

/** Runs one case input through the filter entry point the case names. */
async function runInput(
  filter: SentryEventFilter,
  input: CaseInput,
  hint: unknown,
): Promise<unknown> {
  const event = structuredClone(input.event);
  switch (input.entrypoint) {
    case 'beforeSendLog':
      return filter.beforeSendLog(event);
    case 'beforeSendTransaction':
      return filter.beforeSendTransaction(event, hint as never);
    default:
      return filter.beforeSend(event, hint as never);
  }
}

function filterFor(fieldCase: FieldCase, input: CaseInput, classes: Record<string, unknown> = {}) {
  return new SentryEventFilter(
    caseOptions({ ...fieldCase.config, ...input.configOverride }, classes),
  );
}

describe('case 02: errors that fail instanceof (ES5 subclasses, other realms)', () => {
  const fieldCase = loadCase('02');
  const bindings = runSnippet(fieldCase, [
    'es5Err',
    'vmDenied',
    'vmRange',
    'vmLeaky',
    'ValidationError',
    'filter',
  ]);

  it.each(caseInputs(fieldCase).map((input) => [input.label, input] as const))(
    '%s',
    async (label, input) => {
      const filter = filterFor(fieldCase, input, { ValidationError: bindings.ValidationError });
      const output = await runInput(filter, input, evaluateHint(input.hint, bindings));
      assertExpectation(expectationFor(fieldCase, label), input.event, output);
    },
  );

  it('behaves the same with the filter built in the case snippet', async () => {
    const filter = bindings.filter as SentryEventFilter;
    for (const input of caseInputs(fieldCase)) {
      const output = await runInput(filter, input, evaluateHint(input.hint, bindings));
      assertExpectation(expectationFor(fieldCase, input.label), input.event, output);
    }
  });
});

describe('case 04: thrown values that are not errors', () => {
  const fieldCase = loadCase('04');
  const { originals } = runSnippet(fieldCase, ['originals']) as {
    originals: Record<string, unknown>;
  };

  it.each(caseInputs(fieldCase).map((input) => [input.label, input] as const))(
    '%s',
    async (label, input) => {
      const filter = filterFor(fieldCase, input);
      const expectation = expectationFor(fieldCase, label);
      const output = await runInput(filter, input, { originalException: originals[label] });
      assertExpectation(expectation, input.event, output);
    },
  );

  it('leaves no promise rejection unhandled, the thrown promise included', async () => {
    expect(fieldCase.expect.no_unhandled_rejection).toBe(true);
    const unhandled: unknown[] = [];
    const listener = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', listener);
    try {
      for (const input of caseInputs(fieldCase)) {
        const filter = filterFor(fieldCase, input);
        await runInput(filter, input, { originalException: originals[input.label] });
      }
      // Node reports an unhandled rejection once the microtasks of the turn have run.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', listener);
    }

    expect(unhandled).toEqual([]);
  });

  it.each(caseInputs(fieldCase).map((input) => [input.label, input] as const))(
    '%s never throws with an undefined or empty hint',
    async (_label, input) => {
      const filter = filterFor(fieldCase, input);
      await expect(runInput(filter, input, undefined)).resolves.not.toBeUndefined();
      await expect(runInput(filter, input, {})).resolves.not.toBeUndefined();
    },
  );
});

describe('case 05: linked errors list the captured exception last', () => {
  const fieldCase = loadCase('05');

  it.each(caseInputs(fieldCase).map((input) => [input.label, input] as const))(
    '%s',
    async (label, input) => {
      const filter = filterFor(fieldCase, input);
      const output = await runInput(filter, input, input.hint);
      assertExpectation(expectationFor(fieldCase, label), input.event, output);
    },
  );

  it('keeps the wrapper when the live error only has a deny-listed cause', async () => {
    class SomeErrorName extends Error {}
    class InvoiceSyncError extends Error {}
    const input = caseInputs(fieldCase).find((entry) => entry.label === 'causeIsDenied');
    if (input === undefined) {
      throw new Error('case 05 has no causeIsDenied input');
    }
    const filter = filterFor(fieldCase, input);
    const error = new InvoiceSyncError('could not sync invoices', {
      cause: new SomeErrorName('socket hang up'),
    });

    const output = await runInput(filter, input, { originalException: error });

    expect(output).not.toBeNull();
  });
});

describe('case 06: logger hierarchies, console and pino', () => {
  const fieldCase = loadCase('06');

  it.each(caseInputs(fieldCase).map((input) => [input.label, input] as const))(
    '%s',
    async (label, input) => {
      const filter = filterFor(fieldCase, input);
      const output = await runInput(filter, input, {});
      assertExpectation(expectationFor(fieldCase, label), input.event, output);
    },
  );
});
