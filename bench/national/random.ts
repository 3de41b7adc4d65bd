/** Deterministic pseudo-random numbers (mulberry32): the same seed makes the same history. */
export type Random = () => number;

export function random(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const intBetween = (rnd: Random, min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));

export const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

/** An index into a list ordered largest first, skewed towards the front (`power` > 1: more skew). */
export const skewedIndex = (rnd: Random, length: number, power: number): number => Math.floor(rnd() ** power * length);

const cumulative = new WeakMap<object, { keys: string[]; sums: number[]; total: number }>();

/** One of `weights`' keys, each as likely as its weight (the tables are made once per weights object). */
export function weighted<K extends string>(rnd: Random, weights: Readonly<Record<K, number>>): K {
  let table = cumulative.get(weights);
  if (!table) {
    const keys = Object.keys(weights);
    let total = 0;
    const sums = keys.map((k) => (total += (weights as Record<string, number>)[k]!));
    table = { keys, sums, total };
    cumulative.set(weights, table);
  }
  const r = rnd() * table.total;
  const { sums } = table;
  for (let i = 0; i < sums.length; i++) if (r < sums[i]!) return table.keys[i] as K;
  return table.keys[table.keys.length - 1] as K;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const bytes = (n: number, count: number) => {
  let out = '';
  for (let i = count - 1; i >= 0; i--) out += HEX[Math.floor(n / 256 ** i) % 256];
  return out;
};

/**
 * A UUIDv7-shaped id from the seeded numbers: 48 bits of `atMs`, version 7, variant 10 and 74
 * seeded bits. Deterministic, so a re-run appends the same ids and the store's retry rule
 * (an id already stored is not stored again) makes seeding idempotent.
 */
export function uuidV7At(rnd: Random, atMs: number): string {
  const time = bytes(Math.max(0, Math.floor(atMs)), 6);
  const a = Math.floor(rnd() * 0x1_0000_0000);
  const b = Math.floor(rnd() * 0x1_0000_0000);
  const c = Math.floor(rnd() * 0x1_0000_0000);
  const version = 0x7000 | (a & 0x0fff);
  const variant = 0x8000 | (b & 0x3fff);
  return `${time.slice(0, 8)}-${time.slice(8)}-${bytes(version, 2)}-${bytes(variant, 2)}-${bytes(b >>> 16, 2)}${bytes(c, 4)}`;
}

const ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** A valid organisation number: 8 digits plus the mod-11 check digit (never remainder 10). */
export function orgNumber(rnd: Random): string {
  for (;;) {
    const base = String(800_000_00 + Math.floor(rnd() * 199_999_99));
    const remainder = ORG_WEIGHTS.reduce((s, w, i) => s + w * Number(base[i]), 0) % 11;
    const check = remainder === 0 ? 0 : 11 - remainder;
    if (check !== 10) return base + check;
  }
}
