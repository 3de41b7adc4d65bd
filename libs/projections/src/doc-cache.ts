/** A row as the shadow table holds it after the last commit; `json` undefined: the table has no such row. */
export interface CachedRow {
  /** The doc as JSON text: a string costs the collector nothing to trace, and parsing it is what a SELECT would cost anyway. */
  json: string | undefined;
  lastPosition: number;
}

/** A row the table does not hold. */
export const ABSENT_ROW: CachedRow = { json: undefined, lastPosition: -1 };

/** What a row costs beyond its JSON: its key, the entry, about a hundred bytes. */
const ROW_BYTES = 100;

/**
 * The shadow table's rows as this rebuild last committed them, so that later windows need not
 * SELECT them again. Sound because a rebuild is its shadow table's only writer and every commit
 * is fenced: the cache lives for one `follow` of the rebuild, and is dropped with it when a
 * window does not commit. It holds text, never the docs a window folds, so nothing evolve does
 * to a doc can reach it before the commit. A live job keeps one too, for the same reason
 * (`live-rows.ts`).
 *
 * Bounded by the size of what it holds, whatever the length of the log: the rows least recently
 * part of a committed window go first.
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

  /** The row as committed (`json` undefined when the table has none), or undefined when only the table knows. */
  get(key: string): CachedRow | undefined {
    return this.rows.get(key) ?? (this.complete ? ABSENT_ROW : undefined);
  }

  /** Remembers a row as just committed (`json` undefined: the table has none), as the most recently used. */
  set(key: string, json: string | undefined, lastPosition: number): void {
    this.forget(key);
    this.rows.set(key, { json, lastPosition });
    this.size += bytesOf(key, json);
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
    this.size -= bytesOf(key, row.json);
  }
}

const bytesOf = (key: string, json: string | undefined) => ROW_BYTES + key.length + (json?.length ?? 0);
