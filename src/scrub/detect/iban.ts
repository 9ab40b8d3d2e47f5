import { DETECTOR_RULES } from '../rules.ts';
import { isWordAt } from './chars.ts';
import type { Detector } from './types.ts';

// IBAN length per country, from the SWIFT IBAN registry (ISO 13616), release 99.
const IBAN_LENGTHS = new Map(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 ' +
    'DO28 EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 ' +
    'IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 ' +
    'MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 ' +
    'SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20'
  )
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))] as const),
);

/**
 * International bank account numbers (ISO 13616): a country code, two check digits and the
 * account, in one piece or in groups of four, with the country's length and a valid mod-97
 * checksum. Upper-case words and hashes that merely look like one fail the checksum.
 */
export const detectIban: Detector = (text, start, _context, findings) => {
  const resume = start + 1;
  const length = IBAN_LENGTHS.get(text.slice(start, start + 2));
  if (length === undefined || isWordAt(text, start - 1)) {
    return resume;
  }

  const read = readIban(text, start, length);
  if (read === undefined || isWordAt(text, read.end) || !passesMod97(read.characters)) {
    return resume;
  }
  findings.add(start, read.end, DETECTOR_RULES.iban);
  return read.end;
};

/** Reads `length` letters and digits from `start`, allowing single spaces between them. */
function readIban(
  text: string,
  start: number,
  length: number,
): { characters: string; end: number } | undefined {
  let characters = '';
  let index = start;
  while (characters.length < length) {
    const code = text.charCodeAt(index);
    if (code === 32 && characters.length > 0 && isIbanCharacter(text.charCodeAt(index + 1))) {
      index++;
      continue;
    }
    if (!isIbanCharacter(code)) {
      return undefined;
    }
    characters += text[index];
    index++;
  }
  return { characters, end: index };
}

function isIbanCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

/** ISO 7064 MOD 97-10, as ISO 13616 applies it: the rearranged number mod 97 is 1. */
export function passesMod97(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let index = 0; index < rearranged.length; index++) {
    const code = rearranged.charCodeAt(index);
    // Letters count as two digits: A = 10 ... Z = 35.
    remainder = code >= 65 ? (remainder * 100 + code - 55) % 97 : (remainder * 10 + code - 48) % 97;
  }
  return remainder === 1;
}
