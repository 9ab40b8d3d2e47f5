import { shortLocation } from './summarize.ts';

/** What `HeapProfiler.stopSampling` returns: a call tree with sampled bytes per node. */
export interface SamplingHeapProfile {
  readonly head: HeapNode;
}

interface HeapNode {
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly selfSize: number;
  readonly children: readonly HeapNode[];
}

/** Bytes allocated by one function, per call of the profiled loop. */
export interface AllocationSite {
  readonly name: string;
  readonly location: string;
  readonly bytesPerCall: number;
}

/** Sums sampled allocation per function over the whole tree, biggest first. */
export function allocationSites(
  profile: SamplingHeapProfile,
  root: string,
  calls: number,
  limit = 15,
): AllocationSite[] {
  const totals = new Map<string, { name: string; location: string; bytes: number }>();
  const visit = (node: HeapNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    const location = shortLocation(url, lineNumber, root);
    const key = `${name}@${location}`;
    const entry = totals.get(key) ?? { name, location, bytes: 0 };
    entry.bytes += node.selfSize;
    totals.set(key, entry);
    for (const child of node.children) {
      visit(child);
    }
  };
  visit(profile.head);

  return [...totals.values()]
    .filter((entry) => entry.bytes > 0)
    .sort((left, right) => right.bytes - left.bytes)
    .slice(0, limit)
    .map((entry) => ({
      name: entry.name,
      location: entry.location,
      bytesPerCall: entry.bytes / Math.max(calls, 1),
    }));
}
