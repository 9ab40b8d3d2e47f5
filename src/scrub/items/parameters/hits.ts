import type { TextScanner } from '../../detect/text-scanner.ts';

/** Where a detector found something in a text, and which. */
export interface Hit {
  readonly start: number;
  readonly end: number;
  readonly rule: string;
}

/**
 * Scans `text` and tells where in it the findings were. The scanner reports positions in the
 * text it returns; the text between two replacements is copied unchanged, so each copied piece
 * is found again in `text`, in order, with a removed span of at least one character before it.
 * When a piece could sit in more than one place, a hit covers every place its span could have
 * had, so it is never reported smaller than it was. When the positions are not known at all
 * (a text with very many findings), each hit covers the whole text.
 */
export function findHits(scanner: TextScanner, text: string): Hit[] {
  const scanned = scanner.scan(text, text.length);
  if (scanned === text) {
    return [];
  }

  const remarks = scanner.remarks;
  const ranges: [number, number][] = [];
  for (const [, , start, end] of remarks) {
    if (start === undefined || end === undefined) {
      return remarks.map(([rule]) => ({ start: 0, end: text.length, rule }));
    }
    ranges.push([start, end]);
  }

  const pieces = piecesBetween(scanned, ranges);
  const earliest = placeEarliest(text, pieces);
  const latest = placeLatest(text, pieces);
  if (earliest === undefined || latest === undefined) {
    return remarks.map(([rule]) => ({ start: 0, end: text.length, rule }));
  }
  return remarks.map(([rule], index) => ({
    start: (earliest[index] as number) + (pieces[index] as string).length,
    end: latest[index + 1] as number,
    rule,
  }));
}

// The copied text before the first replacement, between each two, and after the last.
function piecesBetween(scanned: string, ranges: readonly [number, number][]): string[] {
  const pieces: string[] = [];
  let copied = 0;
  for (const [start, end] of ranges) {
    pieces.push(scanned.slice(copied, start));
    copied = end;
  }
  pieces.push(scanned.slice(copied));
  return pieces;
}

// Where each piece starts in `text` when every piece is placed as early as it can be.
function placeEarliest(text: string, pieces: readonly string[]): number[] | undefined {
  const first = pieces[0] as string;
  const last = pieces.at(-1) as string;
  if (!text.startsWith(first) || !text.endsWith(last)) {
    return undefined;
  }
  const starts = [0];
  let free = first.length + 1;
  for (let index = 1; index < pieces.length - 1; index++) {
    const piece = pieces[index] as string;
    const start = text.indexOf(piece, free);
    if (start === -1) {
      return undefined;
    }
    starts.push(start);
    free = start + piece.length + 1;
  }
  const lastStart = text.length - last.length;
  if (lastStart < free) {
    return undefined;
  }
  starts.push(lastStart);
  return starts;
}

// Where each piece starts in `text` when every piece is placed as late as it can be.
function placeLatest(text: string, pieces: readonly string[]): number[] | undefined {
  const first = pieces[0] as string;
  const last = pieces.at(-1) as string;
  const starts: number[] = new Array(pieces.length).fill(0);
  starts[pieces.length - 1] = text.length - last.length;
  let limit = text.length - last.length - 1;
  for (let index = pieces.length - 2; index >= 1; index--) {
    const piece = pieces[index] as string;
    const start = text.lastIndexOf(piece, limit - piece.length);
    if (limit - piece.length < 0 || start === -1) {
      return undefined;
    }
    starts[index] = start;
    limit = start - 1;
  }
  return limit >= first.length ? starts : undefined;
}
