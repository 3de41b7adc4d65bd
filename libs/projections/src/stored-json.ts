/**
 * Docs as PostgreSQL stores them, so that a fold in memory gives exactly what a round trip
 * through a `jsonb` column gives: undefined fields dropped, Dates as strings, and object keys in
 * jsonb's order (shorter keys first, then by bytes).
 */
export function toStoredJson<T>(doc: T): T {
  const text = JSON.stringify(doc);
  if (text === undefined) throw new TypeError('A doc must be a JSON value, not undefined');
  return JSON.parse(text, (_key, value: unknown) => (isPlainObject(value) ? sortedObject(value) : value)) as T;
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

const SURROGATE = /[\uD800-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- the whole ASCII range is the point, control characters included
const ASCII = /^[\x00-\x7f]*$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function compareJsonbKeys(a: string, b: string): number {
  if (ASCII.test(a) && ASCII.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length - y.length || Buffer.compare(x, y);
}

function sortedObject(value: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareJsonbKeys)) sorted[key] = value[key];
  return sorted;
}

function canonical(value: unknown): string {
  return JSON.stringify(value === undefined ? null : toStoredJson(value));
}
