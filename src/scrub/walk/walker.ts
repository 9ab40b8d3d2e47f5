import { isCardNumber } from '../detect/card.ts';
import { MIN_SCANNED, type TextScanner } from '../detect/text-scanner.ts';
import { type KeyScrubber, type ScrubbedKey, uniqueKey } from '../keys/addresses.ts';
import type { KeyClassifier } from '../keys/classify.ts';
import type { MetaNode } from '../meta/meta.ts';
import type { DetectorName } from '../options.ts';
import { DETECTOR_RULES, FAILURE_RULE } from '../rules.ts';
import { isMetaShape } from '../shapes/meta.ts';
import { type MultipartField, multipartFields, parseBody, serializeBody } from './body.ts';
import { variableArguments } from './graphql.ts';
import { keyRemarksMeta, limitMeta, removedMeta, replacedMeta, rulesOf } from './remarks.ts';
import { ScanMemo, UNCHANGED } from './scan-memo.ts';
import { ANY, type Shape, VARIABLES } from './shape.ts';
import { ShapeResolver } from './shape-resolver.ts';
import {
  convertInstance,
  hasEnumerableKeys,
  isCardSized,
  isPair,
  isPlainPrototype,
} from './values.ts';

/** What the walker needs; built once per scrubber. */
export interface WalkerConfig {
  readonly replacement: string;
  readonly classifier: KeyClassifier;
  /** Replaces email and IP addresses used as keys; `undefined` when both detectors are off. */
  readonly keys: KeyScrubber | undefined;
  readonly scanner: TextScanner;
  readonly detectors: Readonly<Record<DetectorName, boolean>>;
  readonly removed: (rule: string) => void;
  readonly failed: (error: unknown) => void;
}

/** Returned for a field that is deleted (`user.ip_address`). */
export const REMOVED: unique symbol = Symbol('removed');

// Sentry's own serializer stops at depth 3 for `extra` and Relay at depth 64; events from
// the SDK are far shallower. Deeper values are cut, so a hostile nesting cannot overflow
// the stack.
export const MAX_DEPTH = 48;
// Values walked per item, so a huge payload cannot stall the application.
export const MAX_NODES = 200_000;
// A value the SDK already replaced stays as it is.
const SDK_REPLACEMENT = '[Filtered]';
// In the per-depth value stacks: a field left alone, not read (see `#walkProperties`).
const UNREAD: unique symbol = Symbol('unread');
// Fields that name the `value` beside them (see `#namedValueShape`).
const VALUE_NAMES = ['name', 'key', 'path', 'field'];
// The markers of Sentry's own serializer for values it cuts.
const CIRCULAR = '[Circular ~]';

// A version in four parts of at most three digits, which the IP detector would take for an
// address.
const FOUR_PART_VERSION = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Whether `text` is a four-part version and nothing else (`1.2.3.4`). Under a key that names a
 * version it is kept; text with more in it (`built on 10.1.2.3`) is scanned like any other.
 */
function isFourPartVersion(text: string): boolean {
  return text.length <= 15 && FOUR_PART_VERSION.test(text);
}

/**
 * Sets a key on a copy the walker made. `__proto__`, an own key like any other after
 * `JSON.parse`, is defined so that it stays a key and does not become the copy's prototype;
 * every other key is assigned, which is cheaper than `setOwn`'s look-up of `Object.prototype`.
 */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/**
 * Walks one item by its shape and returns it with every sensitive value replaced. Objects are
 * copied only along the paths where something changed; everything else is shared, and the
 * input is never written to. Nothing is allocated while nothing changes: no paths, no
 * closures. `_meta` is built bottom-up, on the way back, only where something changed: after
 * `walk()`, `meta` holds the meta of the returned value.
 */
export class Walker {
  /** The `_meta` of the value `walk()` last returned, or `undefined` if it is unchanged. */
  meta: MetaNode | undefined;
  /** Whether a walk is in progress (a getter may call back into the filter). */
  busy = false;

  readonly #config: WalkerConfig;
  #nodes = 0;
  readonly #shapes: ShapeResolver;
  readonly #memo = new ScanMemo();
  // Whether something added enumerable properties to `Object.prototype` (prototype pollution):
  // then `for...in` sees them on every object.
  #inheritedKeys = false;
  // The objects on the path from the root: cycles are found by looking up this stack, so a
  // value shared by two siblings is walked twice, not reported as circular.
  readonly #ancestors: object[] = new Array(MAX_DEPTH + 1).fill(undefined);
  // Per depth, the keys and values read so far from the object at that depth, so that the
  // copy made at the first change never reads a property twice (getters, proxies).
  readonly #keys: string[][] = Array.from({ length: MAX_DEPTH + 1 }, () => []);
  readonly #values: unknown[][] = Array.from({ length: MAX_DEPTH + 1 }, () => []);
  // How much of the stacks above this walk wrote, so `end()` can let go of it without
  // reallocating them.
  readonly #written: number[] = new Array(MAX_DEPTH + 1).fill(0);

  constructor(config: WalkerConfig) {
    this.#config = config;
    this.#shapes = new ShapeResolver(config.classifier, config.keys);
  }

  /** Starts a walk over one item: resets the node budget. */
  begin(): void {
    this.#inheritedKeys = hasEnumerableKeys(Object.prototype);
    this.#nodes = 0;
    this.meta = undefined;
    this.busy = true;
  }

  /** Ends a walk: lets go of the application's objects. */
  end(): void {
    this.#memo.clear();
    this.#ancestors.fill(undefined as unknown as object);
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      const written = this.#written[depth] as number;
      if (written > 0) {
        (this.#values[depth] as unknown[]).fill(undefined, 0, written);
        this.#written[depth] = 0;
      }
    }
    this.busy = false;
  }

  walk(value: unknown, shape: Shape, depth: number): unknown {
    this.meta = undefined;
    switch (typeof value) {
      case 'string':
        if (++this.#nodes > MAX_NODES) {
          return this.#limit('[Truncated]');
        }
        return this.#walkString(value, shape, depth);
      case 'number':
        return this.#walkNumber(value, shape);
      case 'bigint':
        // JSON cannot hold a BigInt: it is sent as its digits.
        return this.#walkNumber(value, shape);
      case 'object':
        return value === null ? value : this.#walkObject(value, shape, depth);
      case 'symbol':
        return this.#walkString(String(value), shape, depth);
      case 'function':
        return '[Function]';
      default:
        return value;
    }
  }

  /**
   * `walk()` for a property or list element, with the common leaves handled here rather than
   * through `walk()`: data under a field that is left alone, and strings to scan, or too short
   * for any detector. The same results; strings count against the node budget as in `walk()`,
   * and over budget `walk()` cuts them.
   */
  #walkChild(value: unknown, shape: Shape, depth: number): unknown {
    const mode = shape.text;
    if (shape.gate === undefined) {
      switch (typeof value) {
        case 'string':
          if ((mode === 'skip' || mode === 'text') && this.#nodes < MAX_NODES) {
            this.#nodes++;
            this.meta = undefined;
            return mode === 'text' && value.length >= MIN_SCANNED
              ? this.#scanText(value, depth)
              : value;
          }
          break;
        case 'number':
          if (mode === 'skip' || (mode === 'text' && !isCardSized(value))) {
            this.meta = undefined;
            return value;
          }
          break;
        case 'object':
          if (value === null || mode === 'skip') {
            this.meta = undefined;
            return value;
          }
          break;
        case 'boolean':
        case 'undefined':
          this.meta = undefined;
          return value;
        default:
          break;
      }
    }
    return this.walk(value, shape, depth);
  }

  #walkString(text: string, shape: Shape, depth: number): unknown {
    const mode = this.#modeOf(shape);
    switch (mode) {
      case 'skip':
        return text;
      case 'text':
        return this.#scanText(text, depth);
      case 'version':
        return isFourPartVersion(text) ? text : this.#scanText(text, depth);
      case 'body':
        return this.#walkBody(text, depth);
      case 'filter':
        return this.#replaceWhole(text, shape.rule, text.length);
      case 'remove':
        return this.#remove(text, shape.rule);
    }
  }

  #walkNumber(value: number | bigint, shape: Shape): unknown {
    const mode = this.#modeOf(shape);
    if (mode === 'filter') {
      return this.#replaceWhole(value, shape.rule, undefined);
    }
    if (mode === 'remove') {
      return this.#remove(value, shape.rule);
    }
    const scanned = mode === 'text' || mode === 'version';
    if (scanned && this.#config.detectors.creditCard && isCardSized(value)) {
      const digits = String(value);
      if (isCardNumber(digits)) {
        return this.#replaceWhole(value, DETECTOR_RULES.creditCard, digits.length);
      }
    }
    return typeof value === 'bigint' ? String(value) : value;
  }

  #modeOf(shape: Shape): Shape['text'] {
    if (shape.gate !== undefined && !this.#config.detectors[shape.gate]) {
      return 'text';
    }
    return shape.text;
  }

  /** Scans text; a multipart form body, wherever it is held, is read field by field. */
  #scanText(text: string, depth: number): unknown {
    if (text.charCodeAt(0) === 45 && text.charCodeAt(1) === 45) {
      const fields = multipartFields(text);
      if (fields !== undefined) {
        return this.#walkMultipart(text, fields, depth);
      }
    }
    return this.#scan(text);
  }

  #scan(text: string): string {
    if (!ScanMemo.fits(text)) {
      return this.#scanFresh(text, undefined);
    }
    const known = this.#memo.get(text);
    if (known === undefined) {
      return this.#scanFresh(text, this.#memo);
    }

    if (known === UNCHANGED) {
      return text;
    }
    // Counted again: every replaced value counts, wherever it repeats.
    for (const rule of known.rules) {
      this.#config.removed(rule);
    }
    this.meta = { '': { rem: known.remarks.slice(), len: text.length } };
    return known.scanned;
  }

  #scanFresh(text: string, memo: ScanMemo | undefined): string {
    const { scanner } = this.#config;
    const scanned = scanner.scan(text);
    if (scanned === text) {
      memo?.set(text, UNCHANGED);
      return scanned;
    }
    const remarks = scanner.remarks;
    memo?.set(text, { scanned, remarks, rules: scanner.rules });
    // The memo is only read during this walk, and gives later finds copies of its remarks:
    // the first find can have them as they are.
    this.meta = { '': { rem: remarks, len: text.length } };
    return scanned;
  }

  #walkBody(text: string, depth: number): unknown {
    const parsed = parseBody(text);
    if (parsed === undefined) {
      return this.#scanText(text, depth);
    }

    const scrubbed = this.walk(parsed, ANY, depth + 1);
    const inner = this.meta;
    // Parsed JSON is plain data: it changes only where something was replaced and recorded.
    if (inner === undefined) {
      return text;
    }

    // Positions inside a re-serialised body cannot be given; the rules are.
    const rem = rulesOf(inner).map((rule) => [rule, 's']);
    this.meta = { '': { rem, len: text.length } };
    return serializeBody(scrubbed);
  }

  /**
   * A multipart form body: a field whose name is sensitive is replaced whole, as under such a
   * key; then the whole body is scanned like any text. The body keeps its boundaries and part
   * headers; `_meta` names the rules, as for a JSON body.
   */
  #walkMultipart(text: string, fields: readonly MultipartField[], depth: number): unknown {
    let replaced = '';
    let last = 0;
    const rules: string[] = [];
    for (const field of fields) {
      const shape = this.#shapes.nameShapeOf(ANY, field.name);
      if (shape === ANY) {
        continue;
      }
      const next = this.walk(text.slice(field.start, field.end), shape, depth + 1);
      if (this.meta === undefined || typeof next !== 'string') {
        continue;
      }
      rulesOf(this.meta, rules);
      replaced += text.slice(last, field.start) + next;
      last = field.end;
    }
    const named = last === 0 ? text : replaced + text.slice(last);
    this.meta = undefined;
    const scanned = this.#scan(named);
    if (this.meta !== undefined) {
      rulesOf(this.meta, rules);
    }
    this.meta =
      rules.length === 0
        ? undefined
        : { '': { rem: rules.map((rule) => [rule, 's']), len: text.length } };
    return scanned;
  }

  #replaceWhole(value: unknown, rule: string, length: number | undefined): unknown {
    const { replacement } = this.#config;
    if (value === '' || value === replacement || value === SDK_REPLACEMENT) {
      return value;
    }
    this.#config.removed(rule);
    this.meta = replacedMeta(rule, replacement.length, length);
    return replacement;
  }

  #remove(value: unknown, rule: string): unknown {
    // `{{auto}}` asks the server to fill in the address; removing it is no data removed.
    if (value === '{{auto}}') {
      return REMOVED;
    }
    this.#config.removed(rule);
    this.meta = removedMeta(rule, typeof value === 'string' ? value.length : undefined);
    return REMOVED;
  }

  #limit(marker: string): string {
    this.meta = limitMeta();
    return marker;
  }

  #walkObject(value: object, shape: Shape, depth: number): unknown {
    if (shape.text === 'skip') {
      return value;
    }
    if (depth >= MAX_DEPTH || ++this.#nodes > MAX_NODES) {
      return this.#limit(Array.isArray(value) ? '[Array]' : '[Object]');
    }
    for (let index = 0; index < depth; index++) {
      if (this.#ancestors[index] === value) {
        return CIRCULAR;
      }
    }

    try {
      this.#ancestors[depth] = value;
      if (Array.isArray(value)) {
        return this.#walkArray(value, shape, depth);
      }
      if (isPlainPrototype(value)) {
        const own = !this.#inheritedKeys;
        const arguments_ = shape === VARIABLES ? this.#variableArguments(value, depth) : undefined;
        return this.#walkProperties(
          value as Record<string, unknown>,
          shape,
          depth,
          own,
          arguments_,
        );
      }
      const converted = convertInstance(value);
      if (converted.walk) {
        return this.#walkProperties(
          converted.value as Record<string, unknown>,
          shape,
          depth,
          false,
        );
      }
      return this.walk(converted.value, shape, depth + 1);
    } catch (error) {
      // An object that cannot even be enumerated (a hostile proxy) is replaced whole.
      return this.#fail(error);
    }
  }

  #fail(error: unknown): string {
    this.#config.failed(error);
    this.#config.removed(FAILURE_RULE);
    const { replacement } = this.#config;
    this.meta = replacedMeta(FAILURE_RULE, replacement.length);
    return replacement;
  }

  /**
   * Walks an object's own enumerable properties. `ownOnly` says `for...in` can only see own
   * properties (a plain object while `Object.prototype` has no enumerable properties), so
   * the per-key `hasOwn` test can be skipped.
   *
   * A key that holds an email or IP address (its shape has `renames` set) is replaced in the
   * copy, where it keeps its place; its value is walked as usual and shared when unchanged.
   * Two keys never become one: a replaced key that would meet another key of the object, in
   * the source or already in the copy, is numbered (`[Filtered] (2)`), so no value is lost.
   */
  #walkProperties(
    source: Record<string, unknown>,
    shape: Shape,
    depth: number,
    ownOnly: boolean,
    arguments_?: ReadonlyMap<string, Shape>,
  ): unknown {
    const typed = shape.typed !== undefined && Object.hasOwn(source, 'value');
    const own = typed ? (shape.typed as Shape) : shape;
    const keys = this.#keys[depth] as string[];
    const values = this.#values[depth] as unknown[];
    let copy: Record<string, unknown> | undefined;
    let meta: Record<string, MetaNode> | undefined;
    let count = 0;
    // The next number for each replaced key that met another key; made at the first replaced
    // key.
    let numbers: Map<string, number> | undefined;

    for (const key in source) {
      if (!ownOnly && !Object.hasOwn(source, key)) {
        continue;
      }
      let child: unknown;
      let next: unknown;
      let childMeta: MetaNode | undefined;
      // Set when the key is replaced, as its shape says (see `ShapeResolver`); before its value
      // is walked, so that a value that fails does not keep the key.
      let renamed: ScrubbedKey | undefined;
      try {
        let childShape = this.#shapes.shapeOf(own, key);
        if (key === 'value' && own.keyed !== undefined && childShape.text !== 'skip') {
          childShape = this.#namedValueShape(source, childShape);
        }
        if (childShape.text === 'skip' && childShape.gate === undefined && !childShape.renames) {
          // A field left alone is not read unless a copy needs it: most fields of frames and
          // breadcrumbs are left alone, and reading a number that is not a small integer
          // allocates.
          if (copy === undefined) {
            keys[count] = key;
            values[count] = UNREAD;
            count++;
          } else {
            setKey(copy, key, source[key]);
          }
          continue;
        }
        if (childShape.renames && isMetaShape(own)) {
          // The `_meta` an entry came with, under a key that is replaced: the entry's own key
          // may be numbered (`[Filtered] (2)`) by keys this object of `_meta` does not list,
          // so renamed here it could describe another entry. It goes; the entry gets its
          // remark from the walk of the data.
          next = REMOVED;
        } else {
          if (childShape.renames) {
            renamed = this.#renamedKey(key);
          }
          if (arguments_ !== undefined) {
            // The variables of a GraphQL request: never a known field left alone.
            childShape = this.#variableShape(arguments_, key, childShape);
          }
          child = source[key];
          next = this.#walkChild(child, childShape, depth + 1);
          childMeta = this.meta;
        }
      } catch (error) {
        next = this.#fail(error);
        childMeta = this.meta;
      }
      if (renamed !== undefined) {
        // The remarks make the copy below.
        childMeta = keyRemarksMeta(childMeta, renamed.distinctRules);
      }

      if (copy === undefined && (next !== child || childMeta !== undefined)) {
        copy = {};
        for (let index = 0; index < count; index++) {
          const earlier = keys[index] as string;
          const value = values[index];
          setKey(copy, earlier, value === UNREAD ? source[earlier] : value);
        }
      }
      let name = key;
      if (renamed !== undefined) {
        numbers ??= new Map();
        name = this.#renameKey(renamed, source, copy as Record<string, unknown>, numbers);
      }
      if (copy === undefined) {
        keys[count] = key;
        values[count] = child;
        count++;
      } else if (next !== REMOVED) {
        setKey(copy, name, next);
      }
      if (childMeta !== undefined) {
        meta ??= {};
        setKey(meta, name, childMeta);
      }
    }

    this.#noteWritten(depth, count);
    if (copy !== undefined && typed && typeof copy.value === 'string') {
      // A replaced number or list is now a string attribute.
      if (typeof copy.type === 'string' && copy.type !== 'string') {
        copy.type = 'string';
      }
    }
    this.meta = meta;
    return copy ?? source;
  }

  /** What a key whose shape has `renames` set becomes: the key scrubber's remembered answer. */
  #renamedKey(key: string): ScrubbedKey {
    return this.#config.keys?.scrub(key) as ScrubbedKey;
  }

  /**
   * The name a replaced key takes in the copy (see `uniqueKey`). A hostile proxy that throws
   * when asked for its keys is replaced whole, like one that cannot be enumerated. Counts the
   * replacements, as for values.
   */
  #renameKey(
    renamed: ScrubbedKey,
    source: Record<string, unknown>,
    copy: Record<string, unknown>,
    numbers: Map<string, number>,
  ): string {
    for (const rule of renamed.rules) {
      this.#config.removed(rule);
    }
    return uniqueKey(renamed.key, source, copy, numbers);
  }

  /**
   * The shape of the `value` of an object that names it beside it: HAR headers and parameters
   * and environment lists (`{ name: 'Authorization', value }`), validation errors
   * (`{ path: 'password', value }`, Joi's `{ key, value }`). The name is judged like a key:
   * it makes the value more guarded, or keeps a version named as one (`APP_VERSION`). Read
   * through descriptors, so no getter runs.
   */
  #namedValueShape(source: object, shape: Shape): Shape {
    for (const field of VALUE_NAMES) {
      const name: unknown = Object.getOwnPropertyDescriptor(source, field)?.value;
      if (typeof name === 'string') {
        const named = this.#shapes.nameShapeOf(ANY, name);
        return named === ANY ? shape : named;
      }
    }
    return shape;
  }

  /**
   * For the `variables` of a GraphQL request (`{ query, variables }`), the shape of each
   * variable the `query` beside them passes to a sensitive argument, like the `value` beside
   * a name: `login(password: $p)` makes `p` as sensitive as a key named `password`, also where
   * `$p` fills a plain argument too. `undefined` when there is none. The request is the
   * walk's ancestor one level up, when it holds these variables as its `variables` (not so
   * for a `['variables', {...}]` pair); it is read through descriptors, so no getter runs.
   */
  #variableArguments(variables: object, depth: number): Map<string, Shape> | undefined {
    const parent = depth > 0 ? this.#ancestors[depth - 1] : undefined;
    if (parent === undefined || Array.isArray(parent)) {
      return undefined;
    }
    const query: unknown = Object.getOwnPropertyDescriptor(parent, 'query')?.value;
    const own: unknown = Object.getOwnPropertyDescriptor(parent, 'variables')?.value;
    if (typeof query !== 'string' || own !== variables) {
      return undefined;
    }

    let arguments_: Map<string, Shape> | undefined;
    for (const [argument, variable] of variableArguments(query)) {
      const named = this.#shapes.nameShapeOf(ANY, argument);
      if (named.text === 'filter' && arguments_?.has(variable) !== true) {
        arguments_ ??= new Map();
        arguments_.set(variable, named);
      }
    }
    return arguments_;
  }

  /** The shape of a GraphQL variable: by its name, or by a sensitive argument it fills. */
  #variableShape(arguments_: ReadonlyMap<string, Shape>, key: string, shape: Shape): Shape {
    if (shape.text === 'filter' || shape.text === 'remove') {
      return shape;
    }
    return arguments_.get(key) ?? shape;
  }

  #walkArray(source: readonly unknown[], shape: Shape, depth: number): unknown {
    const elementShape = shape.items ?? shape.keyed?.plain ?? shape.other ?? shape;
    const values = this.#values[depth] as unknown[];
    const length = source.length;
    let copy: unknown[] | undefined;
    let meta: Record<number, MetaNode> | undefined;

    for (let index = 0; index < length; index++) {
      if (this.#nodes >= MAX_NODES) {
        // The budget is spent: the rest of the list is cut, not walked, however long the list
        // says it is (a sparse one can claim billions of elements).
        if (copy === undefined) {
          copy = values.slice(0, index);
          this.#noteWritten(depth, index);
        }
        copy.push(this.#limit('[Truncated]'));
        meta ??= {};
        meta[index] = this.meta as MetaNode;
        break;
      }
      let child: unknown;
      let next: unknown;
      let childMeta: MetaNode | undefined;
      try {
        child = source[index];
        // Strings and objects count themselves as they are walked; the other elements, holes
        // included, count here.
        if (typeof child !== 'string' && (typeof child !== 'object' || child === null)) {
          this.#nodes++;
        }
        next =
          shape.pairs && isPair(child)
            ? this.#walkPair(child, shape, depth + 1)
            : this.#walkChild(child, elementShape, depth + 1);
        childMeta = this.meta;
      } catch (error) {
        next = this.#fail(error);
        childMeta = this.meta;
      }

      if (copy === undefined && (next !== child || childMeta !== undefined)) {
        copy = values.slice(0, index);
        this.#noteWritten(depth, index);
      }
      if (copy === undefined) {
        values[index] = child;
      } else {
        copy.push(next === REMOVED ? null : next);
      }
      if (childMeta !== undefined) {
        meta ??= {};
        // An index is a key like any other: `meta[3]` is `meta['3']`.
        meta[index] = childMeta;
      }
    }

    if (copy === undefined) {
      this.#noteWritten(depth, length);
    }
    this.meta = meta;
    return copy ?? source;
  }

  #noteWritten(depth: number, count: number): void {
    if (count > (this.#written[depth] as number)) {
      this.#written[depth] = count;
    }
  }

  /**
   * A `[name, value]` pair of a map given as a list: the value is judged by the name, and a
   * name that holds an email or IP address is replaced like a key. In a list the name is a
   * value of its own, so its remarks go at its position (`"0"`), and two names that become the
   * same lose nothing.
   */
  #walkPair(pair: readonly [string, unknown], shape: Shape, depth: number): unknown {
    const [name, value] = pair;
    const valueShape = this.#shapes.shapeOf(shape, name);
    const renamed = valueShape.renames ? this.#renamedKey(name) : undefined;
    const next = this.walk(value, valueShape, depth + 1);
    const valueMeta = this.meta;
    if (next === value && valueMeta === undefined && renamed === undefined) {
      return pair;
    }

    let newName = name;
    let meta: MetaNode | undefined = valueMeta === undefined ? undefined : { '1': valueMeta };
    if (renamed !== undefined) {
      for (const rule of renamed.rules) {
        this.#config.removed(rule);
      }
      newName = renamed.key;
      meta = { ...meta, '0': keyRemarksMeta(undefined, renamed.distinctRules) };
    }
    this.meta = meta;
    return next === REMOVED ? [newName, null] : [newName, next];
  }
}
