import { DETECTOR_RULES } from '../rules.ts';
import { isWordAt } from './chars.ts';
import type { Findings } from './types.ts';

/**
 * US social security numbers written `AAA-GG-SSSS` (or with spaces). The Social Security
 * Administration never issues area 000, 666 or 900-999, group 00 or serial 0000
 * (https://www.ssa.gov/employer/randomization.html), so those are left alone. Nine digits
 * without separators are too ambiguous to remove.
 */
export function findSsn(text: string, start: number, end: number, findings: Findings): number {
  if (isWordAt(text, start - 1) || isWordAt(text, end) || isNumberJoint(text, start, end)) {
    return end;
  }

  const digits = text.slice(start, end).replace(/[ -]/g, '');
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0) {
    return end;
  }
  findings.add(start, end, DETECTOR_RULES.usSocialSecurityNumber);
  return end;
}

// Part of a longer dash-separated number, such as a phone number or a part number.
function isNumberJoint(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  return (before === 45 && isWordAt(text, start - 2)) || (after === 45 && isWordAt(text, end + 1));
}
