import type { TextScanner } from '../../detect/text-scanner.ts';
import type { MetaLeaf } from '../../meta/meta.ts';
import { replacedMeta } from '../../walk/remarks.ts';
import { metaAt, type Patched, type Path, valueAt, withMetaAt, withValueAt } from '../patch.ts';
import type { JudgedParameter, ParameterJudge } from './judge.ts';
import { parseTemplate, renderTemplate, type Syntax, type Template } from './template.ts';

/** What scrubbing message parameters needs; built once per scrubber. */
export interface ParameterContext {
  readonly judge: ParameterJudge;
  /** A scanner that reports nothing, for texts that are rebuilt. */
  readonly probe: TextScanner;
  readonly replacement: string;
  readonly removed: (rule: string) => void;
}

/** A message template and its parameters, somewhere in an item. */
export interface ParameterSite {
  /** Where the template is. */
  readonly template: Path;
  readonly syntax: Syntax;
  readonly parameters: readonly SiteParameter[];
  /** Where copies of the message, filled in, may be: rebuilt when a parameter is replaced. */
  readonly copies: readonly Path[];
}

/** One parameter of a site. */
export interface SiteParameter {
  /** How the template refers to it: its position, or its name. */
  readonly slot: number | string;
  /** Where its value is (for attributes as `{ value, type }`, the path of `value`). */
  readonly path: Path;
  /** For attributes as `{ value, type }`: the path of `type`, which becomes `string`. */
  readonly typePath?: Path;
}

// A parameter's text is looked for in a copy that cannot be rebuilt only when it is at least
// this long: shorter texts stand for too many other things.
const MIN_SEARCHED = 4;

/**
 * Replaces the parameters of a site that are sensitive where they stand (see `judge.ts`), in
 * an item already walked: `original` is the item as given, `scrubbed` the walk's result. Each
 * replaced parameter is recorded in `_meta` and counted. A copy of the message still holding
 * one is rebuilt from the template when it was made from it, and otherwise loses each
 * occurrence of the parameter's text.
 */
export function scrubParameters(
  context: ParameterContext,
  original: unknown,
  scrubbed: Patched,
  site: ParameterSite,
): Patched {
  const source = stringOf(valueAt(original, site.template));
  if (source === undefined || site.parameters.length === 0) {
    return scrubbed;
  }

  const named = site.parameters.some((parameter) => typeof parameter.slot === 'string');
  const template = parseTemplate(source, site.syntax, site.parameters.length, named);
  const judged: JudgedParameter[] = site.parameters.map((parameter) => ({
    slot: parameter.slot,
    text: textOf(valueAt(scrubbed.value, parameter.path)),
    changed: metaAt(scrubbed.meta, parameter.path) !== undefined,
  }));
  const rules = context.judge.judge(`${site.syntax}\u0000${source}`, template, judged);

  let { value, meta } = scrubbed;
  const replaced: { readonly index: number; readonly rule: string }[] = [];
  site.parameters.forEach((parameter, index) => {
    const rule = rules[index];
    const current = valueAt(value, parameter.path);
    if (rule === undefined || !isReplaceable(current, context.replacement)) {
      return;
    }
    const length = originalLength(metaAt(meta, parameter.path), current);
    value = withValueAt(value, parameter.path, context.replacement);
    if (parameter.typePath !== undefined && valueAt(value, parameter.typePath) !== undefined) {
      value = withValueAt(value, parameter.typePath, 'string');
    }
    meta = withMetaAt(meta, parameter.path, replacedMeta(rule, context.replacement.length, length));
    context.removed(rule);
    replaced.push({ index, rule });
  });
  if (replaced.length === 0) {
    return scrubbed;
  }

  const message: Message = { source, template, site, judged, replaced };
  let patched: Patched = { value, meta };
  for (const path of site.copies) {
    patched = rebuildCopy(context, original, patched, message, path);
  }
  return patched;
}

interface Message {
  readonly source: string;
  readonly template: Template;
  readonly site: ParameterSite;
  readonly judged: readonly JudgedParameter[];
  readonly replaced: readonly { readonly index: number; readonly rule: string }[];
}

function rebuildCopy(
  context: ParameterContext,
  original: unknown,
  patched: Patched,
  message: Message,
  path: Path,
): Patched {
  const before = stringOf(valueAt(original, path));
  const current = valueAt(patched.value, path);
  if (before === undefined || typeof current !== 'string') {
    return patched;
  }

  const { site, judged, replaced } = message;
  const originals = site.parameters.map((parameter) => textOf(valueAt(original, parameter.path)));
  // A copy the detectors already cleared of every replaced parameter stays as it is.
  const holdsParameter = replaced.some(({ index }) => {
    const text = originals[index];
    return text === undefined || (text !== '' && current.includes(text));
  });
  if (!holdsParameter) {
    return patched;
  }
  const finals = judged.map((parameter) => parameter.text);
  for (const { index } of replaced) {
    finals[index] = context.replacement;
  }

  const rebuilt = rebuild(message, originals, finals, before);
  const rules = replaced.map(({ rule }) => rule);
  if (rebuilt !== undefined) {
    const scanned = context.probe.scan(rebuilt);
    if (scanned === current) {
      return patched;
    }
    const found = scanned === rebuilt ? [] : context.probe.remarks.slice();
    return withCopy(context, patched, { path, text: scanned, before, rules }, [
      ...found,
      ...unranged(rules),
    ]);
  }

  // A copy made some other way (objects formatted by `util.inspect`): each replaced
  // parameter's text goes wherever it still is.
  let text = current;
  for (const { index } of replaced) {
    const parameter = originals[index];
    if (parameter !== undefined && parameter.length >= MIN_SEARCHED) {
      text = text.split(parameter).join(context.replacement);
    }
  }
  if (text === current) {
    return patched;
  }
  const leaf = metaAt(patched.meta, path)?.[''] as MetaLeaf | undefined;
  const earlier = (leaf?.rem ?? []).map((remark) => String(remark[0]));
  return withCopy(
    context,
    patched,
    { path, text, before, rules },
    unranged([...earlier, ...rules]),
  );
}

/**
 * The copy rebuilt with the final parameters, when the original copy is the template filled
 * with the original parameters (Sentry's `parameterize`, `util.format`), or the template and
 * the parameters joined by spaces (`captureConsoleIntegration`).
 */
function rebuild(
  message: Message,
  originals: readonly (string | undefined)[],
  finals: readonly (string | undefined)[],
  before: string,
): string | undefined {
  if (!originals.every(isDefined) || !finals.every(isDefined)) {
    return undefined;
  }
  const { template, site } = message;
  const slots = new Map(site.parameters.map((parameter, index) => [parameter.slot, index]));
  const fill = (texts: readonly string[]) =>
    renderTemplate(template, (slot) => texts[slots.get(slot) ?? -1] ?? '').text;
  if (fill(originals) === before) {
    return fill(finals);
  }
  if ([message.source, ...originals].join(' ') === before) {
    return [message.source, ...finals].join(' ');
  }
  return undefined;
}

/** A copy's new text, what it was, and the rules of the parameters taken out of it. */
interface CopyChange {
  readonly path: Path;
  readonly text: string;
  readonly before: string;
  readonly rules: readonly string[];
}

function withCopy(
  context: ParameterContext,
  patched: Patched,
  { path, text, before, rules }: CopyChange,
  rem: unknown[][],
): Patched {
  for (const rule of rules) {
    context.removed(rule);
  }
  return {
    value: withValueAt(patched.value, path, text),
    meta: withMetaAt(patched.meta, path, { '': { rem, len: before.length } }),
  };
}

function unranged(rules: readonly string[]): unknown[][] {
  return [...new Set(rules)].map((rule) => [rule, 's']);
}

/** A parameter's text as it is written into a message; `undefined` for objects and lists. */
function textOf(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'object':
      return value === null ? 'null' : stringOf(value);
    default:
      return undefined;
  }
}

// A message may be a `String` object: Sentry's `parameterize` returns one.
function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return value instanceof String ? value.valueOf() : undefined;
}

function isReplaceable(value: unknown, replacement: string): boolean {
  switch (typeof value) {
    case 'string':
      return value !== '' && value !== replacement;
    case 'number':
    case 'bigint':
      return true;
    case 'object':
      return value !== null;
    default:
      return false;
  }
}

function originalLength(
  meta: Record<string, unknown> | undefined,
  value: unknown,
): number | undefined {
  const leaf = meta?.[''] as MetaLeaf | undefined;
  if (typeof leaf?.len === 'number') {
    return leaf.len;
  }
  return typeof value === 'string' ? value.length : undefined;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
