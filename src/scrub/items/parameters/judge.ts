import { AnswerCache } from '../../../answer-cache.ts';
import type { TextScanner } from '../../detect/text-scanner.ts';
import { findHits, type Hit } from './hits.ts';
import {
  parseTemplate,
  type Rendered,
  renderTemplate,
  type Syntax,
  type Template,
} from './template.ts';

/** One parameter of a message, as the judge sees it. */
export interface JudgedParameter {
  /** How the template refers to it: its position, or its name. */
  readonly slot: number | string;
  /** Its text, or `undefined` for an object or list. */
  readonly text: string | undefined;
  /** Whether the value detectors already changed something inside it. */
  readonly changed: boolean;
}

/** What the judge found: the template as read, and per parameter the rule or `undefined`. */
export interface Judgement {
  readonly template: Template;
  readonly rules: readonly (string | undefined)[];
}

/** Finds the parameters of a message that are sensitive because of where they stand. */
export interface ParameterJudge {
  /** Reads `source` in `syntax` and judges each parameter where its placeholder stands. */
  judge(source: string, syntax: Syntax, parameters: readonly JudgedParameter[]): Judgement;
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
  const cache = new AnswerCache<Judgement>(CACHE_LIMIT, MAX_CACHED_KEY);

  // The template read, and what its own text says about each slot; remembered per template.
  const byTemplate = (
    source: string,
    syntax: Syntax,
    slots: readonly (number | string)[],
  ): Judgement => {
    const key = `${syntax}\u0000${source}\u0000${slots.join('\u0000')}`;
    const known = cache.get(key);
    if (known !== undefined) {
      return known;
    }
    const named = slots.some((slot) => typeof slot === 'string');
    const template = parseTemplate(source, syntax, slots.length, named);
    const rendered = renderTemplate(template, () => STAND_IN, EDGE);
    const hits = findHits(probe, rendered.text);
    const judgement = { template, rules: slots.map((slot) => firstOverlap(hits, rendered, slot)) };
    cache.remember(key, judgement);
    return judgement;
  };

  return {
    judge(source, syntax, parameters) {
      const slots = parameters.map((parameter) => parameter.slot);
      const { template, rules: byText } = byTemplate(source, syntax, slots);
      const rules = [...byText];
      // Objects and lists stand for themselves only: without text there is nothing to run into.
      if (parameters.every((parameter) => parameter.text === undefined)) {
        return { template, rules };
      }

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
      parameters.forEach((parameter, index) => {
        rules[index] ??= acrossOrUnseen(hits, rendered, parameter);
      });
      return { template, rules };
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
