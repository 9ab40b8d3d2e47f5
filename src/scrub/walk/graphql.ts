// Only the start of a query is read for arguments: a query longer than this (64 KiB, the
// longest JSON body the filter parses) keeps its later arguments unread.
const MAX_READ_QUERY = 65_536;

// An argument given a variable: `password: $p`, also a field of an input object
// (`input: { password: $p }`). One branch at a time:
// - `(?<![\w$])`: the name starts a word, so a position inside a word fails at once and each
//   word is tried from its start only; the `$` keeps out a variable's own definition
//   (`($p: String!)`);
// - `([A-Za-z_]\w*)`: the argument's name, as GraphQL spells names;
// - `\s*:\s*\$`: the colon and the variable's sign, with any spacing;
// - `([A-Za-z_]\w*)`: the variable's name.
// Nothing is repeated inside a repetition, so a failed try costs the length of one word and
// the spacing after it: the scan is linear in the text read.
const ARGUMENT = /(?<![\w$])([A-Za-z_]\w*)\s*:\s*\$([A-Za-z_]\w*)/g;

/**
 * Each argument of a GraphQL `query` that is given a variable, as `[argument, variable]`, in
 * the order written: `login(email: $e, password: $p)` gives `['email', 'e']` and
 * `['password', 'p']`. Reads the first 64 KiB.
 */
export function variableArguments(query: string): [argument: string, variable: string][] {
  const text = query.length > MAX_READ_QUERY ? query.slice(0, MAX_READ_QUERY) : query;
  const found: [string, string][] = [];
  if (!text.includes('$')) {
    return found;
  }
  for (const match of text.matchAll(ARGUMENT)) {
    found.push([match[1] as string, match[2] as string]);
  }
  return found;
}
