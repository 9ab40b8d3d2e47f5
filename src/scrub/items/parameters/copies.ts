import type { MetaLeaf } from '../../meta/meta.ts';
import { metaAt, type Patched, type Path, valueAt, withMetaAt, withValueAt } from '../patch.ts';
import type { ParameterContext, ParameterSite } from './apply.ts';
import type { JudgedParameter } from './judge.ts';
import { renderTemplate, type Template } from './template.ts';
import { stringOf, textOf } from './texts.ts';

// A parameter's text is looked for in a copy that cannot be rebuilt only when it is at least
// this long: shorter texts stand for too many other things.
const MIN_SEARCHED = 4;

/** A message whose parameters were judged, and the ones replaced. */
export interface Message {
  readonly source: string;
  readonly template: Template;
  readonly site: ParameterSite;
  readonly judged: readonly JudgedParameter[];
  /** The parameters replaced, by position in the site, with the rule that replaced them. */
  readonly replaced: readonly { readonly index: number; readonly rule: string }[];
}

/**
 * Takes the replaced parameters out of one copy of the message (`path`): rebuilds it from the
 * template when it was made from it, else removes each occurrence of their text. A copy the
 * detectors already cleared stays as it is.
 */
export function rebuildCopy(
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

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
