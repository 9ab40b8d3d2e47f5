import type { Step } from './parse.ts';

// Step kinds as numbers, for the flat tables the machine runs on.
const CHAR = 0;
const ONE = 1;
const SET = 2;
const RUN = 3;
const GLOBSTAR = 4;
const ACCEPT = 5;

const MAX_GENERATION = 0x7fff_ffff;
const SLASH = 0x2f;
const DOT = 0x2e;

/**
 * Every alternative's steps laid end to end, each alternative closed by an accepting step.
 * A run reads the name once, keeping the list of steps reached so far: time is linear in the
 * name's length times the number of steps, whatever the glob.
 */
export class Machine {
  readonly #kinds: Uint8Array;
  readonly #codes: Int32Array;
  readonly #sets: (readonly [boolean, Int32Array])[];
  readonly #starts: Int32Array;
  #current: Int32Array;
  #next: Int32Array;
  // Generation stamps: a step is on the next list when its stamp is the current generation.
  readonly #stamps: Int32Array;
  #generation = 0;

  constructor(alternatives: readonly (readonly Step[])[]) {
    const kinds: number[] = [];
    const codes: number[] = [];
    this.#sets = [];
    const starts: number[] = [];
    for (const steps of alternatives) {
      starts.push(kinds.length);
      for (const step of steps) {
        const [kind, code] = this.#encode(step);
        kinds.push(kind);
        codes.push(code);
      }
      kinds.push(ACCEPT);
      codes.push(0);
    }
    this.#kinds = Uint8Array.from(kinds);
    this.#codes = Int32Array.from(codes);
    this.#starts = Int32Array.from(starts);
    this.#current = new Int32Array(kinds.length);
    this.#next = new Int32Array(kinds.length);
    this.#stamps = new Int32Array(kinds.length);
  }

  run(name: string, ancestors: boolean): boolean {
    let count = this.#start();
    for (let index = 0; index < name.length; index++) {
      const code = name.charCodeAt(index);
      if (ancestors && code === DOT && index > 0 && this.#accepts(count)) {
        return true;
      }
      count = this.#step(count, code);
      if (count === 0) {
        return false;
      }
    }
    return this.#accepts(count);
  }

  #encode(step: Step): [number, number] {
    switch (step.kind) {
      case 'char':
        return [CHAR, step.char.charCodeAt(0)];
      case 'one':
        return [ONE, 0];
      case 'set': {
        const ranges = Int32Array.from(step.ranges, (char) => char.charCodeAt(0));
        this.#sets.push([step.negated, ranges]);
        return [SET, this.#sets.length - 1];
      }
      default:
        return [step.crossesSlash ? GLOBSTAR : RUN, 0];
    }
  }

  #start(): number {
    const generation = this.#nextGeneration();
    let count = 0;
    for (const start of this.#starts) {
      count = this.#add(this.#current, count, start, generation);
    }
    return count;
  }

  #step(count: number, code: number): number {
    const current = this.#current;
    const next = this.#next;
    const kinds = this.#kinds;
    const generation = this.#nextGeneration();
    let added = 0;
    for (let index = 0; index < count; index++) {
      const position = current[index] as number;
      const kind = kinds[position] as number;
      if (kind === RUN || kind === GLOBSTAR) {
        if (kind === GLOBSTAR || code !== SLASH) {
          added = this.#add(next, added, position, generation);
        }
      } else if (kind !== ACCEPT && this.#matches(kind, position, code)) {
        added = this.#add(next, added, position + 1, generation);
      }
    }
    this.#current = next;
    this.#next = current;
    return added;
  }

  /** A stamp no step carries yet; the stamps start over before they would overflow. */
  #nextGeneration(): number {
    if (this.#generation === MAX_GENERATION) {
      this.#stamps.fill(0);
      this.#generation = 0;
    }
    return ++this.#generation;
  }

  /** Puts a step on a list, once, with the steps after it when it is a run (which may be empty). */
  #add(list: Int32Array, count: number, position: number, generation: number): number {
    const stamps = this.#stamps;
    const kinds = this.#kinds;
    let added = count;
    let at = position;
    while (stamps[at] !== generation) {
      stamps[at] = generation;
      list[added++] = at;
      const kind = kinds[at];
      if (kind !== RUN && kind !== GLOBSTAR) {
        break;
      }
      at++;
    }
    return added;
  }

  #matches(kind: number, position: number, code: number): boolean {
    if (kind === CHAR) {
      return this.#codes[position] === code;
    }
    if (kind === ONE) {
      return code !== SLASH;
    }
    const [negated, ranges] = this.#sets[this.#codes[position] as number] as [boolean, Int32Array];
    let found = false;
    for (let index = 0; index < ranges.length && !found; index += 2) {
      found = code >= (ranges[index] as number) && code <= (ranges[index + 1] as number);
    }
    return found !== negated;
  }

  #accepts(count: number): boolean {
    for (let index = 0; index < count; index++) {
      if (this.#kinds[this.#current[index] as number] === ACCEPT) {
        return true;
      }
    }
    return false;
  }
}
