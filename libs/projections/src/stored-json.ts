/**
 * Docs as PostgreSQL stores them, so that a fold in memory gives exactly what a round trip
 * through a `jsonb` column gives: undefined fields dropped, Dates as strings, and object keys in
 * jsonb's order (shorter keys first, then by bytes).
 */
export function toStoredJson<T>(doc: T): T {
  const stored = storedValue(doc, '', new Set());
  if (stored === undefined) throw new TypeError('A doc must be a JSON value, not undefined');
  return stored as T;
}

/**
 * What `JSON.parse(JSON.stringify(value))` gives, with objects' keys in jsonb's order, built in one
 * walk: a round trip through text costs a replay that hands over many documents several times as
 * much. It follows `JSON.stringify` step by step (`toJSON`, boxed primitives, non-finite numbers,
 * what objects leave out and arrays turn into null); `stored-json.spec.ts` holds it to the round trip.
 */
function storedValue(value: unknown, key: string, ancestors: Set<object>): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
  } else if (typeof value === 'bigint' && typeof (value as unknown as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as unknown as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  if (value instanceof Number) value = Number(value);
  else if (value instanceof String) value = String(value);
  else if (value instanceof Boolean) value = value.valueOf();
  else if (value instanceof BigInt) throw new TypeError('Do not know how to serialize a BigInt');
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // -0 is written "0".
      return Number.isFinite(value) ? value + 0 : null;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      return value === null ? null : storedObject(value, ancestors);
    default:
      return undefined;
  }
}

function storedObject(value: object, ancestors: Set<object>): unknown {
  if (ancestors.has(value)) throw new TypeError('Converting circular structure to JSON');
  ancestors.add(value);
  try {
    // Holes too are written null, which `map` would skip.
    if (Array.isArray(value)) return Array.from(value, (item, i) => storedValue(item, String(i), ancestors) ?? null);
    const stored: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const key of jsonbKeyOrder(Object.keys(record))) {
      const item = storedValue(record[key], key, ancestors);
      if (item === undefined) continue;
      if (key === '__proto__') Object.defineProperty(stored, key, { value: item, enumerable: true, writable: true, configurable: true });
      else stored[key] = item;
    }
    return stored;
  } finally {
    ancestors.delete(value);
  }
}

/** Equal as JSON documents: key order does not matter, as in jsonb. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** PostgreSQL's `COLLATE "C"` order: UTF-8 bytes, which is code point order. */
export function compareKeys(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const diff = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return x.length - y.length;
}

/**
 * Entries sorted in place by key, in `compareKeys` order. Keys without surrogates (nearly all)
 * order alike by UTF-16 code units: they are checked once, not at each of the n log n comparisons.
 */
export function sortByKey<Entry extends readonly [string, unknown]>(entries: Entry[]): Entry[] {
  if (entries.some(([key]) => SURROGATE.test(key))) return entries.sort(([a], [b]) => compareKeys(a, b));
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const SURROGATE = /[\uD800-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- the whole ASCII range is the point, control characters included
const ASCII = /^[\x00-\x7f]*$/;

function compareJsonbKeys(a: string, b: string): number {
  if (ASCII.test(a) && ASCII.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length - y.length || Buffer.compare(x, y);
}

/**
 * A view's docs share a few shapes of record: each one's key order is worked out once. Maps keyed
 * by data (counts by org number) are seldom the same twice and are sorted as they come.
 */
const keyOrders = new Map<string, readonly string[]>();
const KEY_ORDERS_KEPT = 1_000;
const KEYS_OF_A_SHAPE = 16;

function jsonbKeyOrder(keys: string[]): readonly string[] {
  if (keys.length < 2) return keys;
  if (keys.length > KEYS_OF_A_SHAPE) return keys.sort(compareJsonbKeys);
  // JSON, not a join: field names may hold any character, and two shapes must never share a text.
  const shape = JSON.stringify(keys);
  let order = keyOrders.get(shape);
  if (!order) {
    if (keyOrders.size >= KEY_ORDERS_KEPT) keyOrders.clear();
    order = keys.sort(compareJsonbKeys);
    keyOrders.set(shape, order);
  }
  return order;
}

function canonical(value: unknown): string {
  return JSON.stringify(value === undefined ? null : toStoredJson(value));
}
