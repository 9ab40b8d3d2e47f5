import type { TextScanner } from '../../detect/text-scanner.ts';
import { findHits, type Hit } from './hits.ts';
import { type Rendered, renderTemplate, type Template } from './template.ts';

/** One parameter of a message, as the judge sees it. */
export interface JudgedParameter {
  /** How the template refers to it: its position, or its name. */
  readonly slot: number | string;
  /** Its text, or `undefined` for an object or list. */
  readonly text: string | undefined;
  /** Whether the value detectors already changed something inside it. */
  readonly changed: boolean;
}

/** Finds the parameters of a message that are sensitive because of where they stand. */
export interface ParameterJudge {
  /**
   * For each parameter, the rule that makes it sensitive, or `undefined`. `key` identifies the
   * template for the cache of what its own text says.
   */
  judge(
    key: string,
    template: Template,
    parameters: readonly JudgedParameter[],
  ): (string | undefined)[];
}

// What a parameter is replaced by to ask what the template says about it: long enough and with
// a digit, so every detector that reads a value after a key or scheme takes it
// (`password=...`, `Bearer ...`, `?token=...`, `user:...@`), and matching none by itself.
const STAND_IN = 'q0q0q0q0q0q0q0q0q0q0q0q0';
// An object or list: its own keys and values are judged where it is.
const OBJECT_STAND_IN = '[object]';
// Around each placeholder, this much of the template and of each parameter is read.
const EDGE = 4096;
// Templates remembered; a stream of generated templates stops being remembered here, and a
// template longer than a log line is not kept at all.
const CACHE_LIMIT = 256;
const MAX_CACHED_KEY = 2048;

/**
 * Builds the judge on a scanner that reports nothing: its findings are questions, not
 * removals. A parameter is sensitive when
 * - the template's own text says so: with a stand-in in every placeholder, a detector finds
 *   the stand-in, as in `password=%s` or `https://user:{}@host` (remembered per template); or
 * - a detector's finding in the message, filled with the real parameters, runs across the
 *   parameter's edge (a card number split over `{} {} {} {}`, `{}@example.com`), or lies
 *   inside it although the detectors found nothing in the parameter alone.
 */
export function createParameterJudge(probe: TextScanner): ParameterJudge {
  const cache = new Map<string, readonly (string | undefined)[]>();

  const byTemplate = (key: string, template: Template, slots: readonly (number | string)[]) => {
    const cacheKey = `${key}\u0000${slots.join('\u0000')}`;
    const known = cache.get(cacheKey);
    if (known !== undefined) {
      return known;
    }
    const rendered = renderTemplate(template, () => STAND_IN, EDGE);
    const hits = findHits(probe, rendered.text);
    const rules = slots.map((slot) => firstOverlap(hits, rendered, slot));
    if (cacheKey.length <= MAX_CACHED_KEY) {
      if (cache.size >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.set(cacheKey, rules);
    }
    return rules;
  };

  return {
    judge(key, template, parameters) {
      const slots = parameters.map((parameter) => parameter.slot);
      const rules = [...byTemplate(key, template, slots)];

      const bySlot = new Map(parameters.map((parameter) => [parameter.slot, parameter]));
      const rendered = renderTemplate(
        template,
        (slot) => {
          const parameter = bySlot.get(slot);
          return parameter === undefined ? '' : (parameter.text ?? OBJECT_STAND_IN);
        },
        EDGE,
      );
      const hits = findHits(probe, rendered.text);
      if (hits.length === 0) {
        return rules;
      }
      parameters.forEach((parameter, index) => {
        rules[index] ??= acrossOrUnseen(hits, rendered, parameter);
      });
      return rules;
    },
  };
}

function firstOverlap(hits: readonly Hit[], rendered: Rendered, slot: number | string) {
  for (const span of rendered.spans) {
    if (span.slot !== slot) {
      continue;
    }
    const hit = hits.find((candidate) => candidate.start < span.end && candidate.end > span.start);
    if (hit !== undefined) {
      return hit.rule;
    }
  }
  return undefined;
}

function acrossOrUnseen(hits: readonly Hit[], rendered: Rendered, parameter: JudgedParameter) {
  for (const span of rendered.spans) {
    if (span.slot !== parameter.slot) {
      continue;
    }
    for (const hit of hits) {
      if (hit.start >= span.end || hit.end <= span.start) {
        continue;
      }
      const inside = hit.start >= span.start && hit.end <= span.end;
      if (!inside || !parameter.changed) {
        return hit.rule;
      }
    }
  }
  return undefined;
}
