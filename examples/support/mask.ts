import { spellings } from './checks.ts';
import type { Secret } from './scenario.ts';

/**
 * A secret reduced to a hint of its shape, safe to print: long values keep their first four
 * characters (`eyJh••••` reads as a JWT), shorter ones two, short ones none.
 */
export function maskSecret(value: string): string {
  const shown = value.length >= 16 ? 4 : value.length >= 8 ? 2 : 0;
  return `${value.slice(0, shown)}••••`;
}

/** Replaces every spelling of every secret in a text by its mask, longest spelling first. */
export function maskSecrets(text: string, secrets: readonly Secret[]): string {
  const all = secrets.flatMap(spellings).sort((left, right) => right.length - left.length);
  let masked = text;
  for (const spelling of all) {
    if (spelling !== '' && masked.includes(spelling)) {
      masked = masked.split(spelling).join(maskSecret(spelling));
    }
  }
  return masked;
}
