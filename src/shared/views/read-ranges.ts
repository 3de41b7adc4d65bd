import { selectDocs, type AnyProjection, type KeyRange } from '@app/projections';

/**
 * The ranges of each view an answer reads, by view name: a replay told them hands back only these
 * documents. A national replay folds hundreds of thousands of documents and the offices answer reads
 * a few thousand of them; handed back across threads, merged and sorted, the rest cost more than the
 * fold (bench/README.md, "The national as-of on every core").
 */
export type ReadRanges = ReadonlyMap<string, readonly KeyRange[]>;

/**
 * The documents (in key order) that lie in any of `ranges`, in key order; all of them when no ranges
 * are given. Taken office by office, an ordered range's first `limit` of every office hold the first
 * `limit` of all, so selecting again from the merged offices gives what selecting from one fold does.
 */
export function inRanges<Doc>(docs: Map<string, Doc>, ranges: readonly KeyRange[] | undefined): Map<string, Doc> {
  if (!ranges) return docs;
  const read = new Set<string>();
  for (const range of ranges) for (const key of selectDocs(docs, range).keys()) read.add(key);
  return new Map([...docs].filter(([key]) => read.has(key)));
}

/** A range of a view a query reads. */
export interface ViewRange {
  projection: AnyProjection;
  range: KeyRange;
}

export function rangesByView(reads: readonly ViewRange[]): ReadRanges {
  const byView = new Map<string, KeyRange[]>();
  for (const { projection, range } of reads) byView.set(projection.name, [...(byView.get(projection.name) ?? []), range]);
  return byView;
}
