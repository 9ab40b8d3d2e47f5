import type { TextScanner } from '../../detect/text-scanner.ts';
import type { MetaLeaf } from '../../meta/meta.ts';
import { FAILURE_RULE } from '../../rules.ts';
import { replacedMeta } from '../../walk/remarks.ts';
import { metaAt, type Patched, type Path, valueAt, withMetaAt, withValueAt } from '../patch.ts';
import { type Message, rebuildCopy } from './copies.ts';
import type { JudgedParameter, ParameterJudge } from './judge.ts';
import type { Syntax } from './template.ts';
import { stringOf, textOf } from './texts.ts';

/** What scrubbing message parameters needs; built once per scrubber. */
export interface ParameterContext {
  readonly judge: ParameterJudge;
  /** A scanner that reports nothing, for texts that are rebuilt. */
  readonly probe: TextScanner;
  readonly replacement: string;
  readonly removed: (rule: string) => void;
  readonly failed: (error: unknown) => void;
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

/**
 * Replaces the parameters of a site that are sensitive where they stand (see `judge.ts`), in
 * an item already walked: `original` is the item as given, `scrubbed` the walk's result. Each
 * replaced parameter is recorded in `_meta` and counted, and taken out of the copies of the
 * message (see `copies.ts`). When the site cannot be read (a getter that throws the second time
 * it is read), its parameters and copies are replaced whole: never sent unjudged.
 */
export function scrubParameters(
  context: ParameterContext,
  original: unknown,
  scrubbed: Patched,
  site: ParameterSite,
): Patched {
  try {
    return judgeSite(context, original, scrubbed, site);
  } catch (error) {
    context.failed(error);
    return replaceWhole(context, scrubbed, [
      ...site.parameters.map((parameter) => parameter.path),
      ...site.copies,
    ]);
  }
}

function judgeSite(
  context: ParameterContext,
  original: unknown,
  scrubbed: Patched,
  site: ParameterSite,
): Patched {
  const source = stringOf(valueAt(original, site.template));
  if (source === undefined || site.parameters.length === 0) {
    return scrubbed;
  }

  const judged: JudgedParameter[] = site.parameters.map((parameter) => ({
    slot: parameter.slot,
    text: textOf(valueAt(scrubbed.value, parameter.path)),
    changed: metaAt(scrubbed.meta, parameter.path) !== undefined,
  }));
  const { template, rules } = context.judge.judge(source, site.syntax, judged);

  let patched = scrubbed;
  const replaced: Message['replaced'][number][] = [];
  site.parameters.forEach((parameter, index) => {
    const rule = rules[index];
    if (rule !== undefined) {
      const next = replaceParameter(context, patched, parameter, rule);
      replaced.push(...(next === patched ? [] : [{ index, rule }]));
      patched = next;
    }
  });
  if (replaced.length === 0) {
    return scrubbed;
  }

  const message: Message = { source, template, site, judged, replaced };
  for (const path of site.copies) {
    patched = rebuildCopy(context, original, patched, message, path);
  }
  return patched;
}

function replaceParameter(
  context: ParameterContext,
  patched: Patched,
  parameter: SiteParameter,
  rule: string,
): Patched {
  const { replacement } = context;
  const current = valueAt(patched.value, parameter.path);
  if (!isReplaceable(current, replacement)) {
    return patched;
  }
  const length = originalLength(metaAt(patched.meta, parameter.path), current);
  let value = withValueAt(patched.value, parameter.path, replacement);
  if (parameter.typePath !== undefined && valueAt(value, parameter.typePath) !== undefined) {
    value = withValueAt(value, parameter.typePath, 'string');
  }
  context.removed(rule);
  const meta = withMetaAt(
    patched.meta,
    parameter.path,
    replacedMeta(rule, replacement.length, length),
  );
  return { value, meta };
}

// The fallback when a site cannot be read: every value it names is replaced.
function replaceWhole(context: ParameterContext, scrubbed: Patched, paths: readonly Path[]) {
  let patched = scrubbed;
  for (const path of paths) {
    patched = replaceParameter(context, patched, { slot: 0, path }, FAILURE_RULE);
  }
  return patched;
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

function originalLength(meta: Record<string, unknown> | undefined, value: unknown) {
  const leaf = meta?.[''] as MetaLeaf | undefined;
  if (typeof leaf?.len === 'number') {
    return leaf.len;
  }
  return typeof value === 'string' ? value.length : undefined;
}
