/**
 * How the placeholders of a message template are written:
 * - `printf`: `%s`, `%d`, `%i`, `%f`, `%j`, `%o`, `%O`, `%c` (Node's `util.format`), `%r`, `%x`
 *   and the like with flags and widths (Python's `%` operator, C), `%(name)s` by name, and
 *   `%%` for a percent sign. Sentry's `parameterize` and `logger.fmt` write `%s` and `%%`.
 * - `braces`: `{}` in order, `{0}` by position, `{name}` by name (SLF4J, .NET message
 *   templates), `{{` and `}}` for braces.
 * - `auto`: `printf` when the template has a `printf` placeholder, else `braces`.
 * - `console`: the first argument of a `console` call: `printf` placeholders only, as
 *   `util.format` reads them.
 * - `console-suffix`: the template Sentry's console integrations build from a first argument
 *   without placeholders: that argument followed by ` {}` for each parameter
 *   (`createConsoleTemplateAttributes` in `@sentry/core`). Braces in the argument are text.
 */
export type Syntax = 'printf' | 'braces' | 'auto' | 'console' | 'console-suffix';

/** A parsed template: the text between placeholders, and the parameter each one takes. */
export interface Template {
  /** One more than `slots`: the text before each placeholder, then the text after the last. */
  readonly literals: readonly string[];
  /** Each placeholder's parameter: a position, or a name for named parameters. */
  readonly slots: readonly (number | string)[];
}

// `%`, an optional `(name)`, flags, width, precision and the conversion. The space flag is
// left out: `100% done` is text.
const PRINTF = /%(?:\((\w+)\))?[-+0]*\d*(?:\.\d+)?([sdifjoOcrxXeEgGu])/y;
const HAS_PRINTF = /%(?:\(\w+\))?[-+0]*\d*(?:\.\d+)?[sdifjoOcrxXeEgGu]/;
// What `util.format` reads: a conversion right after the `%`.
const CONSOLE = /%()([sdifjoOc])/y;
// `{`, an optional `@` or `$` (structure capture), a position or name, an optional alignment
// or format, `}`.
const BRACES = /\{[@$]?(\w*)(?:[,:][^{}]*)?\}/y;
const CONSOLE_SLOT = ' {}';

/**
 * Parses a template. `count` parameters are given; those no placeholder takes are appended,
 * each after a space, as `util.format` appends extra arguments. `named` says the parameters
 * are given by name, so `%(name)s` and `{name}` take them by name.
 */
export function parseTemplate(
  text: string,
  syntax: Syntax,
  count: number,
  named: boolean,
): Template {
  const parsed =
    syntax === 'console-suffix'
      ? consoleSuffix(text, count)
      : pickSyntax(text, syntax) === 'printf'
        ? parsePrintf(text, named, syntax === 'console' ? CONSOLE : PRINTF)
        : parseBraces(text, named);
  return named ? parsed : withExtraParameters(parsed, count);
}

/** Whether `text` ends with the ` {}` Sentry's console integrations add for each parameter. */
export function hasConsoleSuffix(text: string, count: number): boolean {
  return count > 0 && text.endsWith(CONSOLE_SLOT.repeat(count));
}

function pickSyntax(text: string, syntax: Syntax): 'printf' | 'braces' {
  if (syntax === 'printf' || syntax === 'console') {
    return 'printf';
  }
  if (syntax === 'braces') {
    return 'braces';
  }
  return HAS_PRINTF.test(text) ? 'printf' : 'braces';
}

function parsePrintf(text: string, named: boolean, pattern: RegExp): Template {
  const literals: string[] = [];
  const slots: (number | string)[] = [];
  let literal = '';
  let next = 0;
  let index = 0;
  while (index < text.length) {
    const percent = text.indexOf('%', index);
    if (percent === -1) {
      literal += text.slice(index);
      break;
    }
    literal += text.slice(index, percent);
    if (text.charCodeAt(percent + 1) === 37) {
      literal += '%';
      index = percent + 2;
      continue;
    }
    pattern.lastIndex = percent;
    const match = pattern.exec(text);
    if (match === null) {
      literal += '%';
      index = percent + 1;
      continue;
    }
    literals.push(literal);
    literal = '';
    const name = match[1] ?? '';
    slots.push(named && name !== '' ? name : next++);
    index = pattern.lastIndex;
  }
  literals.push(literal);
  return { literals, slots };
}

function parseBraces(text: string, named: boolean): Template {
  const literals: string[] = [];
  const slots: (number | string)[] = [];
  let literal = '';
  let next = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if ((code === 123 || code === 125) && text.charCodeAt(index + 1) === code) {
      literal += text[index];
      index += 2;
      continue;
    }
    BRACES.lastIndex = index;
    const match = code === 123 ? BRACES.exec(text) : null;
    if (match === null) {
      literal += text[index];
      index++;
      continue;
    }
    literals.push(literal);
    literal = '';
    const name = match[1] ?? '';
    if (name === '') {
      slots.push(next++);
    } else if (/^\d+$/.test(name)) {
      slots.push(Number(name));
    } else {
      slots.push(named ? name : next++);
    }
    index = BRACES.lastIndex;
  }
  literals.push(literal);
  return { literals, slots };
}

function consoleSuffix(text: string, count: number): Template {
  const prefix = text.slice(0, text.length - CONSOLE_SLOT.length * count);
  return {
    literals: [`${prefix} `, ...Array.from({ length: count - 1 }, () => ' '), ''],
    slots: Array.from({ length: count }, (_, index) => index),
  };
}

function withExtraParameters(template: Template, count: number): Template {
  const taken = new Set(template.slots);
  const extra: number[] = [];
  for (let index = 0; index < count; index++) {
    if (!taken.has(index)) {
      extra.push(index);
    }
  }
  if (extra.length === 0) {
    return template;
  }
  const literals = [...template.literals];
  const last = literals.pop() ?? '';
  literals.push(`${last} `, ...extra.slice(1).map(() => ' '), '');
  return { literals, slots: [...template.slots, ...extra] };
}

/** A template with its placeholders filled, and where each parameter went. */
export interface Rendered {
  readonly text: string;
  /** Per placeholder: the parameter's slot and its span in `text`. */
  readonly spans: readonly { readonly slot: number | string; start: number; end: number }[];
}

/**
 * Fills the placeholders with `textOf(slot)`. Literals and parameters longer than `edge` on
 * both ends keep their two ends, joined by a line break, so what is scanned stays bounded
 * while the text around each placeholder is kept.
 */
export function renderTemplate(
  template: Template,
  textOf: (slot: number | string) => string,
  edge = Number.POSITIVE_INFINITY,
): Rendered {
  let text = shorten(template.literals[0] ?? '', edge);
  const spans: Rendered['spans'][number][] = [];
  template.slots.forEach((slot, index) => {
    const value = shorten(textOf(slot), edge);
    spans.push({ slot, start: text.length, end: text.length + value.length });
    text += value + shorten(template.literals[index + 1] ?? '', edge);
  });
  return { text, spans };
}

function shorten(text: string, edge: number): string {
  return text.length <= edge * 2 + 1 ? text : `${text.slice(0, edge)}\n${text.slice(-edge)}`;
}
