import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import util from 'node:util';
import { expect } from 'vitest';
import { SentryEventFilter, type SentryEventFilterOptions } from '../../src/index.ts';
import { CASES_DIR, requireShared } from '../helpers/shared.ts';

// Reads the field cases in ../shared/cases and checks a result against their `expect` blocks.
// The format is described in ../shared/cases/README.md.

export interface FieldCase {
  id: string;
  config: Record<string, unknown>;
  snippet?: string[];
  event: any;
  entrypoint?: string;
  expect: Record<string, any>;
}

export interface CaseInput {
  label: string;
  entrypoint: string;
  /** The hint as written: an object, or JavaScript to evaluate in the snippet's scope. */
  hint: unknown;
  configOverride: Record<string, unknown> | undefined;
  event: any;
}

/** Loads a case by its id prefix, such as `"06"`. */
export function loadCase(prefix: string): FieldCase {
  requireShared();
  const names = readdirCases().filter((name) => name.startsWith(`${prefix}-`));
  if (names.length !== 1) {
    throw new Error(`expected one case file starting with ${prefix}-, found ${names.length}`);
  }
  return JSON.parse(readFileSync(join(CASES_DIR, names[0] as string), 'utf8')) as FieldCase;
}

function readdirCases(): string[] {
  return readdirSync(CASES_DIR).filter((name) => name.endsWith('.json'));
}

/** The inputs of a case: one for a single event, or one per labelled entry. */
export function caseInputs(fieldCase: FieldCase): CaseInput[] {
  const defaultEntry = fieldCase.entrypoint ?? 'beforeSend';
  if (!Array.isArray(fieldCase.event)) {
    return [
      {
        label: 'event',
        entrypoint: defaultEntry,
        hint: undefined,
        configOverride: undefined,
        event: fieldCase.event,
      },
    ];
  }
  return fieldCase.event.map((input: any) => ({
    label: input.label,
    entrypoint: input.entrypoint ?? defaultEntry,
    hint: input.hint,
    configOverride: input.config_override,
    event: input.event,
  }));
}

/** The expectations for one input: top level, then `default_per_input`, then `per_input`. */
export function expectationFor(fieldCase: FieldCase, label: string): Record<string, any> {
  const { per_input: perInput, default_per_input: defaults, ...top } = fieldCase.expect;
  const specific = perInput?.[label];
  return { ...top, ...(specific ? {} : defaults), ...specific };
}

/**
 * Builds filter options from a case's `config`. `{"$class": "Name ..."}` entries are looked up
 * in `classes` by their first word.
 */
export function caseOptions(
  config: Record<string, unknown>,
  classes: Record<string, unknown> = {},
): SentryEventFilterOptions {
  const resolveEntry = (entry: unknown): unknown => {
    if (typeof entry === 'object' && entry !== null && '$class' in entry) {
      const name = String((entry as { $class: string }).$class).split(' ')[0] as string;
      const found = classes[name] ?? (globalThis as Record<string, unknown>)[name];
      if (typeof found !== 'function') {
        throw new Error(`case class ${name} is not provided`);
      }
      return found;
    }
    return entry;
  };

  const options: Record<string, unknown> = { ...config };
  for (const key of ['filteredOutExceptions', 'userCausedExceptions']) {
    if (Array.isArray(options[key])) {
      options[key] = (options[key] as unknown[]).map(resolveEntry);
    }
  }
  return options as SentryEventFilterOptions;
}

/**
 * Runs a case's snippet and returns the bindings it declares, so hints written as
 * JavaScript can be evaluated in its scope. Only test code evaluates case snippets.
 */
export function runSnippet(
  fieldCase: FieldCase,
  names: readonly string[],
  scope: Record<string, unknown> = {},
): Record<string, unknown> {
  const body = [
    ...(fieldCase.snippet ?? []),
    `return { ${names.map((name) => `${name}: typeof ${name} === 'undefined' ? undefined : ${name}`).join(', ')} };`,
  ].join('\n');
  const parameters = ['require', 'SentryEventFilter', 'util', ...Object.keys(scope)];
  const run = new Function(...parameters, body) as (...args: unknown[]) => Record<string, unknown>;
  return run(createRequire(import.meta.url), SentryEventFilter, util, ...Object.values(scope));
}

/** Evaluates a hint written as JavaScript in the given bindings. */
export function evaluateHint(hint: unknown, bindings: Record<string, unknown>): unknown {
  if (typeof hint !== 'string') {
    return hint;
  }
  const run = new Function(...Object.keys(bindings), `return (${hint});`);
  return run(...Object.values(bindings));
}

/** Reads a case path such as `request.headers["X-Api-Key"]` or `spans[0].data.url`. */
export function readPath(root: unknown, path: string): unknown {
  let current: any = root;
  for (const key of parsePath(path)) {
    if (current === null || current === undefined) {
      return undefined;
    }
    current = current[key];
  }
  return current;
}

export function parsePath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) {
      keys.push(match[1]);
    } else if (match[2] !== undefined) {
      keys.push(Number(match[2]));
    } else if (match[3] !== undefined) {
      keys.push(JSON.parse(`"${match[3]}"`) as string);
    }
  }
  return keys;
}

/**
 * Checks one result against an expectation block. `input` is the event as given, `output`
 * what the filter returned (`null` when dropped).
 */
export function assertExpectation(
  expectation: Record<string, any>,
  input: unknown,
  output: unknown,
  replacement = '[Filtered]',
): void {
  const outcome = String(expectation.outcome ?? '');
  if (outcome.startsWith('dropped')) {
    expect(output, 'outcome: dropped').toBeNull();
    return;
  }
  if (outcome.startsWith('kept')) {
    expect(output, 'outcome: kept').not.toBeNull();
  }
  if (output === null) {
    return;
  }

  for (const [tag, value] of Object.entries(expectation.tags ?? {})) {
    expect(readPath(output, `tags["${tag}"]`), `tag ${tag}`).toBe(String(value));
  }
  for (const tag of expectation.tags_absent ?? []) {
    expect(readPath(output, `tags["${tag}"]`), `tag ${tag} absent`).toBeUndefined();
  }

  for (const path of expectation.filtered ?? []) {
    const value = readPath(output, path);
    if (value === replacement) {
      continue;
    }
    // A longer string may keep its shape with only the secret part replaced.
    const original = readPath(input, path);
    expect(typeof value, `filtered ${path}`).toBe('string');
    expect(value, `filtered ${path}`).not.toBe(original);
    expect(String(value), `filtered ${path}`).toContain(replacement);
  }

  const serialized = JSON.stringify(output);
  for (const secret of expectation.absent_substrings ?? []) {
    expect(serialized.includes(secret), `"${secret}" must not be sent`).toBe(false);
  }

  for (const [path, value] of Object.entries(expectation.preserved ?? {})) {
    expect(readPath(output, path), `preserved ${path}`).toEqual(value);
  }

  for (const [path, parts] of Object.entries(expectation.contains ?? {})) {
    const value = readPath(output, path);
    for (const part of parts as string[]) {
      expect(String(value), `${path} keeps "${part}"`).toContain(part);
    }
  }

  if (expectation.json_stringify_must_succeed) {
    expect(() => JSON.stringify(output)).not.toThrow();
  }
}
