// Reading a glob into steps: braces multiply the alternatives, everything else appends a
// step to each of them. What is not supported is refused here, when the filter is built.

/** One step of a glob: a character, any one character, a set, or a run of characters. */
export type Step =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'one' }
  | { readonly kind: 'set'; readonly negated: boolean; readonly ranges: readonly string[] }
  | { readonly kind: 'run'; readonly crossesSlash: boolean };

/** The most names one glob's braces may stand for. */
export const MAX_ALTERNATIVES = 256;

class GlobSyntaxError extends Error {}

/** Says what is wrong with a glob, or `undefined` when it compiles. */
export function globProblem(pattern: string): string | undefined {
  try {
    parseAlternatives(pattern);
    return undefined;
  } catch (error) {
    if (error instanceof GlobSyntaxError) {
      return error.message;
    }
    throw error;
  }
}

interface Parsed {
  readonly alternatives: Step[][];
  readonly end: number;
}

/** The glob as a list of alternatives, each a list of steps; throws a `GlobSyntaxError`. */
export function parseAlternatives(pattern: string): Step[][] {
  // Code units, as names are read: a character outside the BMP is two steps.
  const chars = pattern.split('');
  const parsed = parseSequence(chars, 0, 0);
  return parsed.alternatives;
}

const EXTGLOB_MARKS = new Set(['*', '?', '+', '@', '!']);

function parseSequence(chars: readonly string[], start: number, depth: number): Parsed {
  const branches: Step[][] = [];
  let current: Step[][] = [[]];
  let index = start;

  while (index < chars.length) {
    const char = chars[index] as string;

    if (EXTGLOB_MARKS.has(char) && chars[index + 1] === '(') {
      throw new GlobSyntaxError(
        `extended globs such as \`${char}(a|b)\` are not supported; braces are: \`{a,b}\``,
      );
    }

    if (char === '\\') {
      const escaped = chars[index + 1];
      if (escaped === undefined) {
        throw new GlobSyntaxError('it ends with a `\\` that escapes nothing');
      }
      current = append(current, { kind: 'char', char: escaped });
      index += 2;
    } else if (char === '[') {
      const set = parseSet(chars, index);
      current = append(current, set.step);
      index = set.end;
    } else if (char === ']') {
      throw new GlobSyntaxError('a `]` without its `[` (write `\\]` for the character)');
    } else if (char === '{') {
      const inner = parseSequence(chars, index + 1, depth + 1);
      current = product(current, inner.alternatives);
      index = inner.end;
    } else if (char === ',' && depth > 0) {
      branches.push(...current);
      current = [[]];
      index++;
    } else if (char === '}') {
      if (depth === 0) {
        throw new GlobSyntaxError('a `}` without its `{` (write `\\}` for the character)');
      }
      if (branches.length === 0) {
        throw new GlobSyntaxError('braces need two alternatives or more, as in `{cron,queue}`');
      }
      return { alternatives: limit([...branches, ...current]), end: index + 1 };
    } else if (char === '*') {
      let end = index + 1;
      while (chars[end] === '*') {
        end++;
      }
      current = append(current, { kind: 'run', crossesSlash: end - index > 1 });
      index = end;
    } else if (char === '?') {
      current = append(current, { kind: 'one' });
      index++;
    } else {
      current = append(current, { kind: 'char', char });
      index++;
    }
  }

  if (depth > 0) {
    throw new GlobSyntaxError('a `{` without its `}` (write `\\{` for the character)');
  }
  return { alternatives: current, end: index };
}

function parseSet(chars: readonly string[], start: number): { step: Step; end: number } {
  let index = start + 1;
  const negated = chars[index] === '!' || chars[index] === '^';
  if (negated) {
    index++;
  }

  const ranges: string[] = [];
  // A `]` right after the opening stands for itself, as in every glob dialect.
  let first = true;
  while (index < chars.length && (chars[index] !== ']' || first)) {
    first = false;
    let low = chars[index] as string;
    if (low === '[' && chars[index + 1] === ':') {
      throw new GlobSyntaxError('character classes such as `[[:alpha:]]` are not supported');
    }
    if (low === '\\' && index + 1 < chars.length) {
      index++;
      low = chars[index] as string;
    }
    index++;

    let high = low;
    if (chars[index] === '-' && index + 1 < chars.length && chars[index + 1] !== ']') {
      high = chars[index + 1] as string;
      if (high === '\\' && index + 2 < chars.length) {
        index++;
        high = chars[index + 1] as string;
      }
      index += 2;
      if (high < low) {
        throw new GlobSyntaxError(`the range \`${low}-${high}\` runs backwards`);
      }
    }
    ranges.push(low, high);
  }

  if (index >= chars.length) {
    throw new GlobSyntaxError('a `[` without its `]` (write `\\[` for the character)');
  }
  return { step: { kind: 'set', negated, ranges }, end: index + 1 };
}

function append(alternatives: Step[][], step: Step): Step[][] {
  for (const steps of alternatives) {
    steps.push(step);
  }
  return alternatives;
}

function product(prefixes: Step[][], suffixes: Step[][]): Step[][] {
  const combined: Step[][] = [];
  for (const prefix of prefixes) {
    for (const suffix of suffixes) {
      combined.push([...prefix, ...suffix]);
    }
  }
  return limit(combined);
}

function limit(alternatives: Step[][]): Step[][] {
  if (alternatives.length > MAX_ALTERNATIVES) {
    throw new GlobSyntaxError(`its braces stand for more than ${MAX_ALTERNATIVES} names`);
  }
  return alternatives;
}
