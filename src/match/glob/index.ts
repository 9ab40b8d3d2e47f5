/**
 * Globs for `ignoredLoggers`, matched in time linear in the name's length.
 *
 * Logger names come from events, and on the serialized path (the command line, a tunnel) from
 * outside. A glob turned into a backtracking regular expression can take seconds on a long
 * name (`*.*.*.x` against a 4,000-character name took five with picomatch's), so a glob is
 * compiled into steps and run as a set of states over the name, each character read once.
 *
 * - `*` matches a run of characters without `/`; it crosses dots.
 * - `**` matches any run of characters.
 * - `?` matches one character other than `/`.
 * - `[abc]`, `[a-z]`, `[!abc]` or `[^abc]` match one character of (or not of) a set.
 * - `{a,b}` matches either alternative; braces nest.
 * - `\` makes the next character stand for itself.
 */

import { Machine } from './machine.ts';
import { parseAlternatives } from './parse.ts';

export { globProblem, MAX_ALTERNATIVES } from './parse.ts';

/** A compiled glob. */
export interface Glob {
  /** Whether the name matches. */
  matches(name: string): boolean;
  /** Whether the name or one of its ancestors (`a.b` for `a.b.c`) matches. */
  matchesSelfOrAncestor(name: string): boolean;
}

/** Compiles a glob; throws on a pattern `globProblem` finds fault with. */
export function compileGlob(pattern: string): Glob {
  const machine = new Machine(parseAlternatives(pattern));
  return {
    matches: (name) => machine.run(name, false),
    matchesSelfOrAncestor: (name) => machine.run(name, true),
  };
}
