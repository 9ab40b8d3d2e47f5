import type { Event, EventHint, Exception } from '@sentry/core';
import { describeKind } from '../describe-kind.ts';
import { type CallbackAnswer, guardCallback } from '../guard-callback.ts';

/** A class, built-in or user-defined, whose instances (and subclass instances) match. */
// biome-ignore lint/suspicious/noExplicitAny: a class constructor may take any arguments
export type ExceptionClass = abstract new (...args: any[]) => unknown;

/** Decides for itself: `error` is the thrown value, or a `{ name, message }` stand-in. */
export type ExceptionPredicate = (error: unknown, event: Event) => boolean;

/** One entry of `filteredOutExceptions` or `userCausedExceptions`. */
export type ExceptionMatcher = ExceptionClass | string | ExceptionPredicate;

/** Which entry of which option matched, for counters and drop notices. */
export interface ExceptionRuleMatch {
  readonly option: 'filteredOutExceptions' | 'userCausedExceptions';
  readonly index: number;
  /** The class or name as the user wrote it, or `predicate <name>`. */
  readonly label: string;
}

/**
 * A thrown value to classify. Live candidates come from `hint.originalException` and its
 * causes; serialized ones from `event.exception.values`, where only the type name is known.
 */
export type Candidate =
  | { readonly live: true; readonly value: unknown }
  | {
      readonly live: false;
      readonly type: string | undefined;
      readonly message: string | undefined;
    };

interface CompiledEntry {
  /** What a match on this entry reports; the same object every time. */
  readonly match: ExceptionRuleMatch;
  matches(candidate: Candidate, event: Event): boolean;
  /** `matches` for a live candidate, without building one. */
  matchesLive(value: object, event: Event): boolean;
}

/** A compiled exception list. */
export interface ExceptionRule {
  readonly isEmpty: boolean;
  match(candidates: readonly Candidate[], event: Event): ExceptionRuleMatch | undefined;
  /** `match` for the one live candidate `{ live: true, value }`, without building a list. */
  matchLive(value: object, event: Event): ExceptionRuleMatch | undefined;
}

/** What a predicate answered instead of a boolean; its message says what, never the value. */
export class PredicateAnswerError extends TypeError {
  override readonly name = 'PredicateAnswerError';
}

/** Called once per failing predicate, so a broken predicate is reported without flooding. */
export type PredicateFailureHandler = (match: ExceptionRuleMatch, error: unknown) => void;

const MAX_PROTOTYPE_DEPTH = 32;
const MAX_CAUSES = 32;

/**
 * Tells whether a function is meant as a class: written with `class`, or a constructor
 * function whose prototype derives from `Error` (what ES5 compilers emit for subclasses).
 */
export function isExceptionClass(value: unknown): value is ExceptionClass {
  if (typeof value !== 'function') {
    return false;
  }

  if (Function.prototype.toString.call(value).startsWith('class')) {
    return true;
  }

  const prototype: unknown = (value as { prototype?: unknown }).prototype;
  return (
    typeof prototype === 'object' &&
    prototype !== null &&
    prototypeNames(prototype).includes('Error')
  );
}

// Minifiers (terser, esbuild) draw names from 54 first and 64 following characters: one and
// two characters give about 3,500 names, so a large bundle's classes get three (esbuild
// names them `Aat`, `B9t`, `Cat`), and four would take some 220,000 names in one scope.
const MIN_DISTINCTIVE_LENGTH = 4;

/**
 * Tells whether a class name can identify a class on its own. Minified names (up to three
 * characters, whatever their case) and empty ones must never match by name: two unrelated
 * classes of two bundles are easily given the same one.
 */
export function isDistinctiveName(name: string): boolean {
  return name.length >= MIN_DISTINCTIVE_LENGTH;
}

/** Compiles one option's list; the entries were validated by the options schema. */
export function compileExceptionRule(
  option: ExceptionRuleMatch['option'],
  entries: readonly ExceptionMatcher[],
  onPredicateFailure: PredicateFailureHandler,
): ExceptionRule {
  const compiled = entries.map((entry, index) =>
    compileEntry(
      entry,
      index,
      (label) => Object.freeze({ option, index, label }),
      onPredicateFailure,
    ),
  );

  return {
    isEmpty: compiled.length === 0,
    match(candidates, event) {
      for (const entry of compiled) {
        for (const candidate of candidates) {
          if (entry.matches(candidate, event)) {
            return entry.match;
          }
        }
      }
      return undefined;
    },
    matchLive(value, event) {
      for (const entry of compiled) {
        if (entry.matchesLive(value, event)) {
          return entry.match;
        }
      }
      return undefined;
    },
  };
}

type MatchFor = (label: string) => ExceptionRuleMatch;

function compileEntry(
  entry: ExceptionMatcher,
  index: number,
  matchFor: MatchFor,
  onPredicateFailure: PredicateFailureHandler,
): CompiledEntry {
  if (typeof entry === 'string') {
    return compileNameEntry(entry, matchFor);
  }

  if (isExceptionClass(entry)) {
    return compileClassEntry(entry, matchFor);
  }

  const predicate = entry as ExceptionPredicate;
  const label = `predicate ${predicate.name || `#${index}`}`;
  return compilePredicateEntry(predicate, matchFor(label), onPredicateFailure);
}

function compileNameEntry(name: string, matchFor: MatchFor): CompiledEntry {
  const matchesLive = (value: object): boolean => {
    // The names of the prototype chain are read before the error's own `name`, and all of
    // them, as when they were listed.
    const inChain = hasNameInChain(safePrototypeOf(value), name);
    return readName(value) === name || inChain;
  };
  return {
    match: matchFor(name),
    matches(candidate) {
      if (!candidate.live) {
        return candidate.type === name;
      }
      const { value } = candidate;
      return typeof value === 'object' && value !== null && matchesLive(value);
    },
    matchesLive,
  };
}

function compileClassEntry(exceptionClass: ExceptionClass, matchFor: MatchFor): CompiledEntry {
  const chain = prototypeNames(exceptionClass.prototype);
  const ownName = chain[0] ?? '';
  // Matching by names is only safe when every name in the chain says something.
  const canMatchByName = chain.length > 0 && chain.every(isDistinctiveName);

  const matchesLive = (value: object): boolean => {
    if (isInstance(value, exceptionClass)) {
      return true;
    }
    // Another realm (node:vm, an iframe) or a second copy of the same package: the class
    // objects differ, but the chain of class names from this class down to the root agrees.
    return canMatchByName && chainEndsWith(safePrototypeOf(value), chain);
  };

  return {
    match: matchFor(ownName || '<anonymous class>'),
    matches(candidate) {
      if (!candidate.live) {
        return canMatchByName && candidate.type === ownName;
      }
      const { value } = candidate;
      return typeof value === 'object' && value !== null && matchesLive(value);
    },
    matchesLive,
  };
}

// What a predicate answers: a boolean, or nothing for no match.
const BOOLEAN_ANSWER: CallbackAnswer<boolean> = {
  fallback: false,
  promised: () => new PredicateAnswerError('returned a promise, not a boolean'),
  read(answer) {
    // A predicate that returns nothing where it does not match is common and harmless.
    if (typeof answer === 'boolean' || answer === undefined || answer === null) {
      return answer === true;
    }
    // Such as the array of `message.match(...)`: taking it for a match would be a guess.
    throw new PredicateAnswerError(`returned ${describeKind(answer)}, not a boolean`);
  },
};

function compilePredicateEntry(
  predicate: ExceptionPredicate,
  match: ExceptionRuleMatch,
  onPredicateFailure: PredicateFailureHandler,
): CompiledEntry {
  // An event the predicate captures through Sentry reaches it again before it returned; that
  // one counts as no match, as does an answer that is not a boolean.
  const test = guardCallback(predicate, BOOLEAN_ANSWER, (failure) =>
    onPredicateFailure(match, failure),
  );

  return {
    match,
    matches(candidate, event) {
      const error = candidate.live
        ? candidate.value
        : { name: candidate.type, message: candidate.message };
      return test(error, event);
    },
    matchesLive: test,
  };
}

/**
 * Lists what to classify for an event: the captured exception only, or with `matchCauses`
 * the whole chain.
 */
export function collectCandidates(
  event: Event,
  hint: EventHint | undefined,
  matchCauses: boolean,
): Candidate[] {
  const original = hint?.originalException;
  if (typeof original === 'object' && original !== null) {
    const primary: Candidate = { live: true, value: original };
    return matchCauses ? [primary, ...liveCauses(original)] : [primary];
  }
  if (original !== undefined) {
    // A thrown string, number or symbol has no class to match, but predicates may want it.
    return [{ live: true, value: original }];
  }

  const values = exceptionValues(event);
  if (values.length === 0) {
    return [];
  }

  // Sentry lists causes first and the captured exception last.
  const ordered = matchCauses ? [...values].reverse() : values.slice(-1);
  return ordered.map(serializedCandidate);
}

function serializedCandidate(exception: Exception): Candidate {
  return {
    live: false,
    type: typeof exception?.type === 'string' ? exception.type : undefined,
    message: typeof exception?.value === 'string' ? exception.value : undefined,
  };
}

/**
 * The exceptions of an event, causes first. Old SDKs (and Sentry's stored form of their
 * events) send `exception` as the list itself rather than `{ values: [...] }`; events read
 * back from Sentry's API keep it as an `entries` item of type `exception`.
 */
export function exceptionValues(event: Event): Exception[] {
  const exception: unknown = event.exception ?? apiEntry(event, 'exception');
  if (Array.isArray(exception)) {
    return exception as Exception[];
  }
  const values: unknown = (exception as { values?: unknown } | undefined)?.values;
  return Array.isArray(values) ? (values as Exception[]) : [];
}

/** The `data` of an event's `entries` item of this type, as Sentry's API returns events. */
function apiEntry(event: Event, type: string): unknown {
  const entries: unknown = (event as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) {
    return undefined;
  }
  const entry: unknown = entries.find(
    (candidate: unknown) => (candidate as { type?: unknown } | null)?.type === type,
  );
  return (entry as { data?: unknown } | undefined)?.data;
}

function liveCauses(root: object): Candidate[] {
  const seen = new Set<unknown>([root]);
  const queue: unknown[] = [root];
  const causes: Candidate[] = [];

  while (queue.length > 0 && causes.length < MAX_CAUSES) {
    const current = queue.shift();
    for (const next of linkedErrors(current)) {
      if (typeof next === 'object' && next !== null && !seen.has(next)) {
        seen.add(next);
        causes.push({ live: true, value: next });
        queue.push(next);
      }
    }
  }

  return causes;
}

/** `cause`, GraphQL's `originalError` and `AggregateError.errors`, read defensively. */
function linkedErrors(value: unknown): unknown[] {
  const linked: unknown[] = [];
  try {
    const record = value as { cause?: unknown; originalError?: unknown; errors?: unknown };
    linked.push(record.cause, record.originalError);
    if (Array.isArray(record.errors)) {
      linked.push(...record.errors.slice(0, MAX_CAUSES));
    }
  } catch {
    // A throwing getter or a hostile proxy ends the chain here.
  }
  return linked;
}

function readName(value: object): string | undefined {
  try {
    const name: unknown = (value as { name?: unknown }).name;
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}

function isInstance(value: object, exceptionClass: ExceptionClass): boolean {
  try {
    return value instanceof exceptionClass;
  } catch {
    return false;
  }
}

function safePrototypeOf(value: object): object | null {
  try {
    return Object.getPrototypeOf(value) as object | null;
  } catch {
    return null;
  }
}

// Deciding runs on every event, and errors of one class share one prototype: the names along
// a prototype chain are read once per prototype and kept for as long as the prototype lives.
// A chain that is changed after it was first read (`Object.setPrototypeOf` on a prototype,
// a reassigned `constructor`) keeps its first names; the `instanceof` test still sees it.
const CHAIN_NAMES = new WeakMap<object, readonly string[]>();
const NO_NAMES: readonly string[] = [];

/** Constructor names along a prototype chain, nearest first: `[ValidationError, Error, Object]`. */
function prototypeNames(prototype: unknown): readonly string[] {
  if (!isLevel(prototype)) {
    return NO_NAMES;
  }
  let names = CHAIN_NAMES.get(prototype);
  if (names === undefined) {
    names = readPrototypeNames(prototype);
    CHAIN_NAMES.set(prototype, names);
  }
  return names;
}

function readPrototypeNames(prototype: object): string[] {
  const names: string[] = [];
  let current: unknown = prototype;
  try {
    for (let depth = 0; depth < MAX_PROTOTYPE_DEPTH && isLevel(current); depth++) {
      names.push(levelName(current));
      current = Object.getPrototypeOf(current);
    }
  } catch {
    // Proxies may throw from their traps; what was read so far still counts.
  }
  return names;
}

/** Whether `name` is one of the constructor names along a prototype chain. */
function hasNameInChain(prototype: unknown, name: string): boolean {
  return prototypeNames(prototype).includes(name);
}

/** Whether the constructor names along a prototype chain end with `suffix`. */
function chainEndsWith(prototype: unknown, suffix: readonly string[]): boolean {
  const names = prototypeNames(prototype);
  const skipped = names.length - suffix.length;
  if (skipped < 0) {
    return false;
  }
  for (let index = 0; index < suffix.length; index++) {
    if (names[skipped + index] !== suffix[index]) {
      return false;
    }
  }
  return true;
}

function isLevel(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** The name of a level's own constructor, or `''`. May throw from a proxy's trap. */
function levelName(level: object): string {
  const owner = ownDataConstructor(level);
  const name: unknown =
    typeof owner === 'function' ? (owner as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : '';
}

// Annex B's accessor lookups: they tell an accessor from a data property without making a
// descriptor object.
const lookupGetter = (Object.prototype as unknown as LegacyAccessors).__lookupGetter__;
const lookupSetter = (Object.prototype as unknown as LegacyAccessors).__lookupSetter__;

interface LegacyAccessors {
  __lookupGetter__(this: object, key: string): unknown;
  __lookupSetter__(this: object, key: string): unknown;
}

/** The value of an own `constructor` data property; `undefined` for an accessor or none. */
function ownDataConstructor(level: object): unknown {
  if (!Object.hasOwn(level, 'constructor')) {
    return undefined;
  }
  if (
    lookupGetter.call(level, 'constructor') !== undefined ||
    lookupSetter.call(level, 'constructor') !== undefined
  ) {
    return undefined;
  }
  return (level as { constructor?: unknown }).constructor;
}
