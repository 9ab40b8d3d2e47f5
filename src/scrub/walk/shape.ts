import { CUSTOM_KEY_RULE, IP_RULE, KEY_RULE } from '../rules.ts';

/**
 * What the walker does with a string (or number) at a place in an item:
 * - `skip`: leave it (ids, timestamps, file names, module names, sdk info);
 * - `text`: scan it with the value detectors;
 * - `version`: as `text`, but a four-part version alone (`1.2.3.4`) is kept: the key names a
 *   version (`app_version`), so it is not an IP address;
 * - `body`: a request body: parse JSON, scrub it, write it back; otherwise `text`;
 * - `filter`: replace it whole (the key says it is a secret);
 * - `remove`: delete the field (`user.ip_address`).
 */
export type TextMode = 'skip' | 'text' | 'version' | 'body' | 'filter' | 'remove';

/** The shapes a key name leads to, by what the key says (see `KeyVerdict`). */
export interface KeyedShapes {
  readonly plain: Shape;
  readonly secret: Shape;
  readonly custom: Shape;
  readonly ip: Shape;
  readonly version: Shape;
}

/** How the walker treats a value at one place in an item, and the values under it. */
export interface Shape {
  /** For messages and tests. */
  readonly name: string;
  /** A small number, unique per shape, for per-shape tables. */
  readonly id: number;
  readonly text: TextMode;
  /** The rule recorded when `text` is `filter` or `remove`. */
  readonly rule: string;
  /** Only in effect while this detector is on (for IP fields); otherwise `text`. */
  readonly gate: 'ipAddress' | undefined;
  /** Known fields. */
  readonly fields: ReadonlyMap<string, Shape> | undefined;
  /** Other fields: by what their key name says. */
  readonly keyed: KeyedShapes | undefined;
  /** Other fields when not `keyed`, and list elements when not `items`. */
  readonly other: Shape | undefined;
  /** List elements. */
  readonly items: Shape | undefined;
  /** Lists of `[name, value]` pairs are maps (headers, cookies, tags in stored events). */
  readonly pairs: boolean;
  /**
   * A span or log attribute: either the raw value, or `{ value, type, unit }` whose `value` is
   * walked with `typed` and whose `type` becomes `string` when the value is replaced.
   */
  readonly typed: Shape | undefined;
  /**
   * Set only on the copies `renamingCopy()` makes: the key that led here is an email or IP
   * address and is replaced (see `ShapeResolver`). A flag on the shape the walker already has,
   * so that keys that stay, nearly all, cost nothing more.
   */
  readonly renames: boolean;
}

interface ShapeInit {
  readonly text?: TextMode;
  readonly rule?: string;
  readonly gate?: 'ipAddress';
  readonly fields?: Record<string, Shape>;
  readonly keyed?: KeyedShapes;
  readonly other?: Shape;
  readonly items?: Shape;
  readonly pairs?: boolean;
  readonly typed?: Shape;
}

/** Declares a shape. Fields are kept in a `Map`, so `constructor` or `__proto__` are plain. */
let shapes = 0;

export function shape(name: string, init: ShapeInit): Shape {
  return {
    name,
    id: shapes++,
    text: init.text ?? 'text',
    rule: init.rule ?? KEY_RULE,
    gate: init.gate,
    fields: init.fields === undefined ? undefined : new Map(Object.entries(init.fields)),
    keyed: init.keyed,
    other: init.other,
    items: init.items,
    pairs: init.pairs ?? false,
    typed: init.typed,
    renames: false,
  };
}

/**
 * `target` with `renames` set, under the same id, so that the resolver's tables serve both.
 * Built like `shape()` builds, with the same fields in the same order, so that every shape
 * keeps one layout and the walker's reads of shapes stay monomorphic. `other` is never empty:
 * where a shape stands for its own fields (`other ?? shape`), the fields are reached through
 * `target`, so the flag of one key never passes to the keys under it.
 */
export function renamingCopy(target: Shape): Shape {
  return {
    name: target.name,
    id: target.id,
    text: target.text,
    rule: target.rule,
    gate: target.gate,
    fields: target.fields,
    keyed: target.keyed,
    other: target.other ?? target,
    items: target.items,
    pairs: target.pairs,
    typed: target.typed,
    renames: true,
  };
}

/** Fields with the same shape, as an object for `shape()`. */
export function same(names: readonly string[], target: Shape): Record<string, Shape> {
  return Object.fromEntries(names.map((name) => [name, target]));
}

// Self-referencing shapes are completed after creation; shapes are never changed afterwards.
function complete(target: Shape, init: Partial<Record<keyof Shape, unknown>>): void {
  Object.assign(target as object, init);
}

/** Structure: left as it is, with everything under it. */
export const SKIP: Shape = shape('skip', { text: 'skip' });
complete(SKIP, { other: SKIP });

function filterShape(name: string, rule: string): Shape {
  const filter = shape(name, { text: 'filter', rule });
  complete(filter, { other: filter });
  return filter;
}

/** Under a sensitive key: every string and number is replaced, whatever its depth. */
export const FILTER_SECRET = filterShape('filter-secret', KEY_RULE);
export const FILTER_CUSTOM = filterShape('filter-custom', CUSTOM_KEY_RULE);
export const FILTER_IP = filterShape('filter-ip', IP_RULE);

/** A field removed as a whole when the IP detector is on: `user.ip_address`. */
export const REMOVE_IP = shape('remove-ip', { text: 'remove', rule: IP_RULE, gate: 'ipAddress' });

/** Anything else: keys are judged, strings are scanned. */
export const ANY: Shape = shape('any', {});
/** Under a key that names a version: like `ANY`, but a four-part version alone is kept. */
export const VERSION: Shape = shape('version', { text: 'version' });
export const ANY_KEYED: KeyedShapes = {
  plain: ANY,
  secret: FILTER_SECRET,
  custom: FILTER_CUSTOM,
  ip: FILTER_IP,
  version: VERSION,
};
/**
 * The `variables` of what may be a GraphQL request (`{ query, variables }`): like `ANY`, but
 * the walker also judges each variable by the arguments the `query` beside it passes it to.
 * Told apart by identity, once per object, so that other keys pay nothing.
 */
export const VARIABLES: Shape = shape('variables', {});
complete(ANY, { keyed: ANY_KEYED });
complete(VERSION, { keyed: ANY_KEYED });
complete(VARIABLES, { keyed: ANY_KEYED });

/** A map whose keys are judged, given as an object or as `[name, value]` pairs. */
export const MAP = shape('map', { keyed: ANY_KEYED, pairs: true });

/** Keys are judged like in `ANY`, with `fields` known. */
export function keyedShape(name: string, init: Omit<ShapeInit, 'keyed'>): Shape {
  return shape(name, { ...init, keyed: ANY_KEYED });
}
