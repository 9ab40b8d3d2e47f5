import type { KeyScrubber } from '../keys/addresses.ts';
import { type KeyClassifier, KeyVerdict } from '../keys/classify.ts';
import { ANY, ANY_KEYED, renamingCopy, type Shape, VARIABLES } from './shape.ts';

// Key names remembered per shape; generated names (ids as keys) stop being remembered here.
const MEMO_LIMIT = 1024;
// Recent answers kept per shape; a power of two.
const SLOTS = 128;

/**
 * Finds the shape a key leads to: a known field of the parent shape, or what the key name
 * says (a secret, an IP address, nothing). Remembers the answer per shape and key, so a key
 * seen before costs one lookup.
 *
 * It also says whether the key itself is to be replaced: an entry of a map the application
 * fills (a shape whose keys are judged, or one under a sensitive key) whose name holds an
 * email or IP address; known fields of the protocol never are. Such a key leads to a copy of
 * its shape with `renames` set, remembered like any answer: the few keys that are replaced
 * are flagged, and the others, nearly all, cost nothing more than before keys were read.
 */
export class ShapeResolver {
  readonly #classifier: KeyClassifier;
  readonly #keys: KeyScrubber | undefined;
  // Indexed by shape id.
  readonly #memo: (Map<string, Shape> | undefined)[] = [];
  // Per shape id: its copy with `renames` set, and the shape itself; made on first use.
  readonly #renaming: (Shape | undefined)[] = [];
  readonly #plain: (Shape | undefined)[] = [];
  // The last answers per shape, in a few slots picked by the key's length and end letters:
  // the same keys recur object after object (every breadcrumb has `timestamp`, `category`...),
  // and comparing the key with the one in its slot is cheaper than a map lookup. The weights
  // keep the fields of one object apart (a frame's `lineno` and `in_app` shared a slot
  // before): on the shared corpus one lookup in six missed, now one in fifteen. Indexed by
  // shape id times SLOTS, plus the slot. An empty slot holds `''`, so that the comparison is
  // always of two strings (the compiler then compares them by reference); the empty key is
  // never looked up in the slots.
  readonly #recentKeys: string[] = [];
  readonly #recentShapes: (Shape | undefined)[] = [];

  constructor(classifier: KeyClassifier, keys: KeyScrubber | undefined = undefined) {
    this.#classifier = classifier;
    this.#keys = keys;
  }

  /** The shape of the value under `key`; its `renames` says whether the key is replaced. */
  shapeOf(shape: Shape, key: string): Shape {
    if (shape.fields === undefined && shape.keyed === undefined) {
      if (shape.text === 'filter' && this.#keys !== undefined) {
        return this.#underSecret(shape, key);
      }
      return shape.other ?? shape;
    }
    const length = key.length;
    if (length === 0) {
      return this.#lookUp(shape, key);
    }
    const mix = 11 * length + key.charCodeAt(0) + 5 * key.charCodeAt(length - 1);
    const slot = shape.id * SLOTS + (mix & (SLOTS - 1));
    if (slot >= this.#recentKeys.length) {
      this.#grow(slot);
    } else if (this.#recentKeys[slot] === key) {
      return this.#recentShapes[slot] as Shape;
    }
    const resolved = this.#lookUp(shape, key);
    this.#recentKeys[slot] = key;
    this.#recentShapes[slot] = resolved;
    return resolved;
  }

  /**
   * The shape a name given as a value leads to (`{ name: 'Authorization', value }`, a
   * multipart field): as `shapeOf`, but never a renaming copy, since no key is replaced there.
   */
  nameShapeOf(shape: Shape, key: string): Shape {
    const found = this.shapeOf(shape, key);
    if (found === VARIABLES) {
      return ANY;
    }
    return found.renames ? (this.#plain[found.id] as Shape) : found;
  }

  // Under a sensitive key every value is replaced, but the keys of a map there are still names.
  // Not remembered here: the key scrubber remembers its answers, and such maps are rare.
  #underSecret(shape: Shape, key: string): Shape {
    const next = shape.other ?? shape;
    return this.#keys?.scrub(key) === undefined ? next : this.#renamingOf(next);
  }

  /** `target` flagged as reached by a replaced key, made once per shape. */
  #renamingOf(target: Shape): Shape {
    let copy = this.#renaming[target.id];
    if (copy === undefined) {
      copy = renamingCopy(target);
      this.#renaming[target.id] = copy;
      this.#plain[target.id] = target;
    }
    return copy;
  }

  /**
   * Extends the tables past `slot` with empty entries. Writing far past the end would turn
   * them into slow dictionaries; filling them keeps them plain arrays.
   */
  #grow(slot: number): void {
    const length = (Math.floor(slot / SLOTS) + 32) * SLOTS;
    for (let index = this.#recentKeys.length; index < length; index++) {
      this.#recentKeys.push('');
      this.#recentShapes.push(undefined);
    }
  }

  #lookUp(shape: Shape, key: string): Shape {
    let memo = this.#memo[shape.id];
    if (memo === undefined) {
      memo = new Map();
      this.#memo[shape.id] = memo;
    }
    const known = memo.get(key);
    if (known !== undefined) {
      return known;
    }
    let resolved = this.#resolve(shape, key);
    if (this.#keys !== undefined && this.#isRenamed(shape, key)) {
      resolved = this.#renamingOf(resolved);
    }
    if (memo.size < MEMO_LIMIT) {
      memo.set(key, resolved);
    }
    return resolved;
  }

  // Only the names of a map's entries are replaced, never a known field; scanned once per shape
  // and key, when the key is first resolved.
  #isRenamed(shape: Shape, key: string): boolean {
    if (shape.keyed === undefined && shape.text !== 'filter') {
      return false;
    }
    return shape.fields?.has(key) !== true && this.#keys?.scrub(key) !== undefined;
  }

  #resolve(shape: Shape, key: string): Shape {
    const field = shape.fields?.get(key);
    if (field !== undefined) {
      return field;
    }
    const keyed = shape.keyed;
    if (keyed === undefined) {
      return shape.other ?? shape;
    }
    switch (this.#classifier.classify(key)) {
      case KeyVerdict.Secret:
        return keyed.secret;
      case KeyVerdict.Custom:
        return keyed.custom;
      case KeyVerdict.Ip:
        return keyed.ip;
      case KeyVerdict.Version:
        return keyed.version;
      default:
        return key === 'variables' && keyed === ANY_KEYED ? VARIABLES : keyed.plain;
    }
  }
}
