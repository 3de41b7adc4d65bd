/** A row as the shadow table holds it after the last commit; `doc` undefined: the table has no such row. */
export interface CachedRow {
  doc: unknown;
  lastPosition: number;
  /** Length of the doc's JSON: what the cache's bound counts. */
  bytes: number;
}

/** What an absent row costs to remember: its key, the entry, about a hundred bytes. */
const ABSENT_BYTES = 100;

/**
 * The shadow table's rows as this rebuild last committed them, so that later windows neither
 * SELECT nor parse them again. Sound because a rebuild is its shadow table's only writer and
 * every commit is fenced: the cache lives for one `follow` of the rebuild, and is dropped with it
 * whenever a window does not commit (evolve may have changed its docs in place by then).
 *
 * Bounded by the JSON size of what it holds, whatever the length of the log: the rows least
 * recently part of a committed window go first.
 */
export class DocCache {
  private readonly rows = new Map<string, CachedRow>();
  private size = 0;
  /** Every row of the table is here, so a miss is a row the table lacks: from an empty table until the first eviction. */
  private complete: boolean;

  constructor(
    private readonly maxBytes: number,
    tableEmpty: boolean,
  ) {
    this.complete = tableEmpty;
  }

  get bytes(): number {
    return this.size;
  }

  get entries(): number {
    return this.rows.size;
  }

  /** The row as committed (its doc undefined when the table has none), or undefined when only the table knows. */
  get(key: string): CachedRow | undefined {
    return this.rows.get(key) ?? (this.complete ? { doc: undefined, lastPosition: -1, bytes: ABSENT_BYTES } : undefined);
  }

  /** Remembers a row as just committed (doc undefined: the table has none), as the most recently used. */
  set(key: string, doc: unknown, lastPosition: number, bytes: number): void {
    this.forget(key);
    const row = { doc, lastPosition, bytes: doc === undefined ? ABSENT_BYTES : bytes };
    this.rows.set(key, row);
    this.size += row.bytes;
  }

  /** Lets the least recently used rows go until the cache fits its bound again. */
  evict(): void {
    for (const key of this.rows.keys()) {
      if (this.size <= this.maxBytes) return;
      this.forget(key);
      this.complete = false;
    }
  }

  private forget(key: string): void {
    const row = this.rows.get(key);
    if (!row) return;
    this.rows.delete(key);
    this.size -= row.bytes;
  }
}
