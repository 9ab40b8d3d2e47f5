import { findIpv6 } from './ip-address.ts';
import { findPair } from './key-value.ts';
import type { StemTest } from './stem-test.ts';
import type { DetectContext, Detector, Findings } from './types.ts';

/**
 * Builds the detector that runs at each `=`, `:` or percent-encoded `=`: an IPv6 address
 * around a colon first, then a `name=value` pair.
 */
export function createSeparatorDetector(hasStem: StemTest): Detector {
  return function detectSeparator(
    text: string,
    at: number,
    context: DetectContext,
    findings: Findings,
  ): number {
    if (context.enabled.ipAddress && text.charCodeAt(at) === 58) {
      const end = findIpv6(text, at, findings, context.state);
      if (end !== undefined) {
        return end;
      }
    }
    if (!context.enabled.keyValuePairs && !context.enabled.urlParameters) {
      return at + 1;
    }
    const width = text.charCodeAt(at) === 37 ? 3 : 1;
    return findPair(text, at, width, context, hasStem, findings);
  };
}
