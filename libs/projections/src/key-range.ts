import { compareKeys } from './stored-json.js';

/**
 * Which docs of a view to load, in key order (`COLLATE "C"`, i.e. by code point):
 * - `{ prefix: 'engagement|0314|' }`: every key that starts with it;
 * - `{ from: 'engagement|0314|2024-01', to: 'engagement|0314|2024-06' }`: both ends inclusive, and
 *   `to` also takes every key that starts with it (`…|2024-06|x`); either end may be left out;
 * - `{ keys: ['case|a', 'case|b'] }`: exactly these.
 */
export type KeyRange = { prefix: string } | { from?: string; to?: string } | { keys: readonly string[] };

/** A range as `lower <= key < upper` (no upper: to the end), or a list of keys. */
export type KeyBounds = { lower: string; upper?: string } | { keys: readonly string[] };

export function keyBounds(range: KeyRange = {}): KeyBounds {
  if ('keys' in range) return { keys: range.keys };
  if ('prefix' in range) return { lower: range.prefix, upper: keysAfterPrefix(range.prefix) };
  return { lower: range.from ?? '', upper: range.to === undefined ? undefined : keysAfterPrefix(range.to) };
}

export function inKeyRange(key: string, range?: KeyRange): boolean {
  const bounds = keyBounds(range);
  if ('keys' in bounds) return bounds.keys.includes(key);
  return compareKeys(key, bounds.lower) >= 0 && (bounds.upper === undefined || compareKeys(key, bounds.upper) < 0);
}

/** The docs of a fold that fall in a range: what `loadDocs` answers for the same range. */
export function selectDocs<Doc>(docs: ReadonlyMap<string, Doc>, range?: KeyRange): Map<string, Doc> {
  const selected = new Map<string, Doc>();
  for (const [key, doc] of docs) if (inKeyRange(key, range)) selected.set(key, doc);
  return selected;
}

/**
 * The least string above every string that starts with `prefix`: its last code point plus one
 * (none when the prefix is empty or all U+10FFFF). In code point order nothing else lies between.
 */
function keysAfterPrefix(prefix: string): string | undefined {
  const codePoints = [...prefix].map((c) => c.codePointAt(0)!);
  while (codePoints.length > 0 && codePoints[codePoints.length - 1] === 0x10ffff) codePoints.pop();
  if (codePoints.length === 0) return undefined;
  const last = codePoints.pop()! + 1;
  codePoints.push(last === 0xd800 ? 0xe000 : last);
  return String.fromCodePoint(...codePoints);
}
