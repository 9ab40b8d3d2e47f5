import { type CheckedRun, findIpv6 } from './ip-address.ts';
import { findPair } from './key-value.ts';
import type { DetectContext, Detector, Findings } from './types.ts';

/**
 * Builds the detector that runs at each `=`, `:` or percent-encoded `=`: an IPv6 address
 * around a colon first, then a `name=value` pair.
 */
export function createSeparatorDetector(
  hasStem: (text: string, start: number, end: number) => boolean,
): Detector {
  const checked: CheckedRun = { text: undefined, end: 0 };
  return function detectSeparator(
    text: string,
    match: RegExpExecArray,
    context: DetectContext,
    findings: Findings,
  ): number {
    const at = match.index;
    if (context.enabled.ipAddress && text.charCodeAt(at) === 58) {
      const end = findIpv6(text, at, findings, checked);
      if (end !== undefined) {
        return end;
      }
    }
    if (!context.enabled.keyValuePairs && !context.enabled.urlParameters) {
      return at + 1;
    }
    return findPair(text, at, (match[0] as string).length, context, hasStem, findings);
  };
}
