import {
  type DocumentNode,
  evaluate,
  type Node as JsonNode,
  parse as parseJsonTree,
  tokenize,
} from '@humanwhocodes/momoa';
import { SentryEventFilterError } from '../../errors.ts';

/** A configuration read from JSON, with what is needed to point at one of its fields. */
export interface JsonConfig {
  readonly value: unknown;
  /**
   * Where the value at an option path (`scrub.detectors.email`) starts, `line:column`; with
   * `key`, where its key starts, for an option that is unknown.
   */
  locate(where: string, part?: 'key' | 'value'): string | undefined;
}

/**
 * Parses a JSON configuration. Comments and trailing commas are allowed (JSONC), so the same
 * reader serves `.json` and `.jsonc` files; exception classes are written as their names.
 */
export function parseJsonConfig(file: string, text: string): JsonConfig {
  let document: DocumentNode;
  try {
    document = parseJsonTree(text.replace(/^\uFEFF/, ''), {
      mode: 'jsonc',
      allowTrailingCommas: true,
    });
  } catch (error) {
    throw new SentryEventFilterError(
      'INVALID_CONFIG_FILE',
      `${file}:${describeSyntaxError(text, error)}; expected a JSON object of options.`,
      { where: file, cause: error },
    );
  }

  if (document.body.type !== 'Object') {
    throw new SentryEventFilterError(
      'INVALID_CONFIG_FILE',
      `${file}:${position(document.body)}: expected a JSON object of options, ` +
        `found ${describeNode(document.body.type)}.`,
      { where: file },
    );
  }

  const duplicates = duplicateKeys(document.body);
  if (duplicates.length > 0) {
    const lines = duplicates.map(
      ({ path, first, again }) =>
        `${file}:${position(again)}: \`${path}\` is given twice (first at ${position(first)}); ` +
        'keep one.',
    );
    throw new SentryEventFilterError('INVALID_CONFIG_FILE', lines.join('\n'), { where: file });
  }

  return {
    value: evaluate(document),
    locate: (where, part = 'value') => {
      const node = findNode(document, where, part);
      return node === undefined ? undefined : position(node);
    },
  };
}

/** momoa's token names, as the characters people type. */
const TOKENS: Readonly<Record<string, string>> = {
  LBrace: '`{`',
  RBrace: '`}`',
  LBracket: '`[`',
  RBracket: '`]`',
  Colon: '`:`',
  Comma: '`,`',
  String: 'string',
  Number: 'number',
};

const OPENING = new Set(['LBrace', 'LBracket']);
const CLOSING = new Set(['RBrace', 'RBracket']);

function describeSyntaxError(text: string, error: unknown): string {
  const { line, column, message } = error as { line?: number; column?: number; message?: string };
  const reason = (message ?? 'invalid JSON')
    .replace(/\s*\(\d+:\d+\)$/, '')
    .replace(/\.$/, '')
    .replace(/token (\w+) found/, (_match, token: string) => `${TOKENS[token] ?? token}`);
  if (/end of input/i.test(reason) || endsInsideValueAt(text, line, column)) {
    const lines = text.split('\n');
    return `${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}: the file ends inside a value`;
  }
  return `${line ?? 1}:${column ?? 1}: ${reason}`;
}

/**
 * momoa blames the last token when the text ends while an object or array is still open
 * (`{ "keys": [ "a",`): tells whether that is what happened at `line:column`.
 */
function endsInsideValueAt(text: string, line?: number, column?: number): boolean {
  let tokens: ReturnType<typeof tokenize>;
  try {
    tokens = tokenize(text, { mode: 'jsonc' });
  } catch {
    return false;
  }

  // The last token that is not a comment, and the comments after it.
  let lastValue = tokens.length - 1;
  while (lastValue > 0 && tokens[lastValue]?.type.endsWith('Comment')) {
    lastValue--;
  }
  const blamed = tokens
    .slice(lastValue)
    .some((token) => token.loc.start.line === line && token.loc.start.column === column);
  if (!blamed) {
    return false;
  }

  let depth = 0;
  for (const token of tokens) {
    depth += OPENING.has(token.type) ? 1 : CLOSING.has(token.type) ? -1 : 0;
  }
  return depth > 0;
}

interface DuplicateKey {
  readonly path: string;
  readonly first: JsonNode;
  readonly again: JsonNode;
}

/**
 * Keys given twice in one object, in the order of the file. JSON keeps the last silently, so
 * a rule written first would be lost without a word.
 */
function duplicateKeys(body: JsonNode): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  // Walked without recursion: a configuration nested very deeply must not overflow the stack.
  const pending: { node: JsonNode; path: string }[] = [{ node: body, path: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, path } = next;
    if (node.type === 'Array') {
      const elements = (node as Extract<DocumentNode['body'], { type: 'Array' }>).elements;
      elements.forEach((element, index) => {
        pending.push({ node: element.value, path: `${path}[${index}]` });
      });
    } else if (node.type === 'Object') {
      const seen = new Map<string, JsonNode>();
      for (const member of (node as Extract<DocumentNode['body'], { type: 'Object' }>).members) {
        const name = memberName(member.name) ?? '';
        const memberPath = path === '' ? name : `${path}.${name}`;
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, member);
        } else {
          duplicates.push({ path: memberPath, first, again: member });
        }
        pending.push({ node: member.value, path: memberPath });
      }
    }
  }
  return duplicates.sort((a, b) => a.again.loc.start.offset - b.again.loc.start.offset);
}

function position(node: JsonNode): string {
  return `${node.loc.start.line}:${node.loc.start.column}`;
}

/** Splits `scrub.keys[2]` into `['scrub', 'keys', 2]`. */
function pathSegments(where: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of where.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] === undefined ? (match[1] as string) : Number(match[2]));
  }
  return segments;
}

/**
 * The value at an option path, or the member holding it for `key`. A path that leads
 * further than the file goes (an entry the library reads but the JSON lacks) ends at the
 * last node found.
 */
function findNode(
  document: DocumentNode,
  where: string,
  part: 'key' | 'value',
): JsonNode | undefined {
  let node: JsonNode = document.body;
  let found: JsonNode = node;
  for (const segment of pathSegments(where)) {
    if (typeof segment === 'number' && node.type === 'Array') {
      const element = (node as Extract<DocumentNode['body'], { type: 'Array' }>).elements[segment];
      if (element === undefined) {
        return found;
      }
      node = element.value;
      found = node;
    } else if (typeof segment === 'string' && node.type === 'Object') {
      const members = (node as Extract<DocumentNode['body'], { type: 'Object' }>).members;
      const member = members.find((candidate) => memberName(candidate.name) === segment);
      if (member === undefined) {
        return found;
      }
      node = member.value;
      found = part === 'key' ? member : member.value;
    } else {
      return found;
    }
  }
  return found;
}

function memberName(name: { type: string; value?: string; name?: string }): string | undefined {
  return name.type === 'Identifier' ? name.name : name.value;
}

function describeNode(type: string): string {
  return type === 'Array' ? 'an array' : `a ${type.toLowerCase()}`;
}
