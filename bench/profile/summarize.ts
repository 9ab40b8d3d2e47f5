/** A CPU profile as written by `node --cpu-prof` or the inspector's `Profiler.stop`. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self and total time of one function, summed over every place it was called from. */
export interface HotFunction {
  readonly name: string;
  readonly location: string;
  readonly selfPercent: number;
  readonly totalPercent: number;
}

/**
 * Sums a profile's samples per function: self time where the function was on top of the
 * stack, total time where it was anywhere on it (each function counted once per sample).
 */
export function hotFunctions(profile: CpuProfile, root: string, limit = 15): HotFunction[] {
  const parents = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parents.set(child, node.id);
    }
  }

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const locations = new Map<string, string>();
  let sampled = 0;
  profile.samples.forEach((id, index) => {
    const duration = profile.timeDeltas[index] ?? 0;
    const top = byId.get(id);
    if (top === undefined || isIdle(top.callFrame.functionName)) {
      return;
    }
    sampled += duration;
    const seen = new Set<string>();
    for (
      let current: number | undefined = id;
      current !== undefined;
      current = parents.get(current)
    ) {
      const frame = byId.get(current)?.callFrame;
      if (frame === undefined) {
        break;
      }
      const key = functionKey(frame);
      locations.set(key, shortLocation(frame.url, frame.lineNumber, root));
      if (current === id) {
        self.set(key, (self.get(key) ?? 0) + duration);
      }
      if (!seen.has(key)) {
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + duration);
      }
    }
  });

  return [...self.entries()]
    .sort((left, right) => right[1] - left[1])
    .slice(0, limit)
    .map(([key, time]) => ({
      name: key.split('@')[0] ?? key,
      location: locations.get(key) ?? '',
      selfPercent: (100 * time) / sampled,
      totalPercent: (100 * (total.get(key) ?? 0)) / sampled,
    }));
}

function functionKey(frame: CpuProfile['nodes'][number]['callFrame']): string {
  return `${frame.functionName || '(anonymous)'}@${frame.url}:${frame.lineNumber}`;
}

function isIdle(name: string): boolean {
  return name === '(idle)' || name === '(program)';
}

/**
 * A profile location relative to the repository. TypeScript files carry no line: tsx
 * compiles them on the fly and the profiler's line numbers do not map back to the source.
 */
export function shortLocation(url: string, line: number, root: string): string {
  if (url === '') {
    return '(native)';
  }
  const path = url.replace('file://', '').replace(`${root}/`, '');
  return path.endsWith('.ts') ? path : `${path}:${line + 1}`;
}
