/**
 * Direction, start and limit over events already in ascending order, the way every read takes
 * them: forwards from `from` (inclusive) up, or backwards from `from` (inclusive) down.
 */
export function readWindow<T>(
  ascending: readonly T[],
  keyOf: (item: T) => number,
  from: number | undefined,
  direction: 'forwards' | 'backwards' = 'forwards',
  limit = Number.POSITIVE_INFINITY,
): T[] {
  if (direction === 'backwards') {
    const upTo = ascending.filter((item) => from === undefined || keyOf(item) <= from);
    return upTo.reverse().slice(0, limit);
  }
  return ascending.filter((item) => from === undefined || keyOf(item) >= from).slice(0, limit);
}
