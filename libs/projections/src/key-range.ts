import { compareKeys } from './stored-json.js';

/**
 * Which docs of a view to load, in key order (`COLLATE "C"`, i.e. by code point):
 * - `{ prefix: 'engagement|0314|' }`: every key that starts with it;
 * - `{ from: 'engagement|0314|2024-01', to: 'engagement|0314|2024-06' }`: both ends inclusive, and
 *   `to` also takes every key that starts with it (`…|2024-06|x`); either end may be left out;
 * - `{ keys: ['case|a', 'case|b'] }`: exactly these;
 * - `{ orderBy: 'byContacts', prefix: '0314|', after, limit }`: an ordered read (`OrderedRange`).
 */
export type KeyRange = { prefix: string } | { from?: string; to?: string } | { keys: readonly string[] } | OrderedRange;

/**
 * The docs whose sort key lies in the range, in the order of that key, at most `limit`: a page
 * read whose cost follows the page, not the view. The sort key is a string the projection keeps
 * in a top-level doc field (`orderBy`), compared by code point; docs without one (or with one that
 * is not a string) are left out. `prefix`/`from`/`to` bound the sort key as they bound row keys
 * above, and `after` starts past a sort key (the last of the previous page). Sort keys should be
 * unique (end them with the row's identity), so that pages neither repeat nor skip; ties follow
 * the row key. In PostgreSQL the table needs `projectionOrderIndexMigration` for the field.
 */
export type OrderedRange = { orderBy: string; after?: string; limit?: number } & ({ prefix: string } | { from?: string; to?: string });

/** A range as `lower <= key < upper` (no upper: to the end), or a list of keys. */
export type KeyBounds = { lower: string; upper?: string } | { keys: readonly string[] };

/** An ordered read's bounds on the sort key; `after` is exclusive. */
export interface OrderBounds {
  field: string;
  lower: string;
  upper?: string;
  after?: string;
  limit?: number;
}

export const isOrdered = (range: KeyRange | undefined): range is OrderedRange => range !== undefined && 'orderBy' in range;

export function keyBounds(range: Exclude<KeyRange, OrderedRange> = {}): KeyBounds {
  if ('keys' in range) return { keys: range.keys };
  return prefixOrSpan(range);
}

const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

export function orderBounds(range: OrderedRange): OrderBounds {
  // The field is spliced into SQL (a parameter would not match the index's expression).
  if (!FIELD.test(range.orderBy)) throw new Error(`orderBy "${range.orderBy}" must match ${FIELD.source}`);
  if (range.limit !== undefined && !(Number.isInteger(range.limit) && range.limit >= 0))
    throw new Error(`limit ${range.limit} must be a whole number ≥ 0`);
  return { field: range.orderBy, ...prefixOrSpan(range), after: range.after, limit: range.limit };
}

function prefixOrSpan(range: { prefix: string } | { from?: string; to?: string }): { lower: string; upper?: string } {
  if ('prefix' in range) return { lower: range.prefix, upper: keysAfterPrefix(range.prefix) };
  return { lower: range.from ?? '', upper: range.to === undefined ? undefined : keysAfterPrefix(range.to) };
}

const within = (value: string, bounds: { lower: string; upper?: string }) =>
  compareKeys(value, bounds.lower) >= 0 && (bounds.upper === undefined || compareKeys(value, bounds.upper) < 0);

/** Whether a row key falls in a range of row keys (an ordered range bounds sort keys: see `selectDocs`). */
export function inKeyRange(key: string, range?: Exclude<KeyRange, OrderedRange>): boolean {
  const bounds = keyBounds(range);
  if ('keys' in bounds) return bounds.keys.includes(key);
  return within(key, bounds);
}

/** The docs of a fold that fall in a range: what `loadDocs` answers for the same range, in the same order. */
export function selectDocs<Doc>(docs: ReadonlyMap<string, Doc>, range?: KeyRange): Map<string, Doc> {
  if (isOrdered(range)) return selectOrdered(docs, orderBounds(range));
  const selected = new Map<string, Doc>();
  for (const [key, doc] of docs) if (inKeyRange(key, range)) selected.set(key, doc);
  return selected;
}

function selectOrdered<Doc>(docs: ReadonlyMap<string, Doc>, bounds: OrderBounds): Map<string, Doc> {
  const found: { sortKey: string; key: string; doc: Doc }[] = [];
  for (const [key, doc] of docs) {
    const sortKey = (doc as Record<string, unknown> | null)?.[bounds.field];
    if (typeof sortKey !== 'string' || !within(sortKey, bounds)) continue;
    if (bounds.after !== undefined && compareKeys(sortKey, bounds.after) <= 0) continue;
    found.push({ sortKey, key, doc });
  }
  found.sort((a, b) => compareKeys(a.sortKey, b.sortKey) || compareKeys(a.key, b.key));
  return new Map(found.slice(0, bounds.limit ?? found.length).map((f) => [f.key, f.doc]));
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
