import { streamNameFilter, type KurrentDBClient, type Position } from '@kurrent/kurrentdb-client';
import { categoryOfStream } from '../stream-names.js';
import { ID_CLAIM_PREFIX } from './kurrentdb-id-claims.js';
import { fromResolved } from './kurrentdb-mapping.js';
import { rawPosition, readAllPage } from './kurrentdb-pages.js';

/**
 * `streamCategories` without an index of stream names: one filtered read per category. Each asks
 * the server for the next event of a stream outside the categories found so far (a regex on the
 * stream name), from the last one found on: the first event of a category not yet seen can only
 * come after it. So the server goes over `$all` up to `toPosition` once, and hands one event per
 * category (and per record it never hands a reader, stepped over).
 */
export async function streamCategoriesUpTo(client: KurrentDBClient, toPosition: number): Promise<string[]> {
  const found: string[] = [];
  let from: Position | 'start' = 'start';
  let handled: bigint | undefined;
  for (;;) {
    // Two: the first may be the record the read starts at (a start is inclusive), already handled.
    const page = await readAllPage(client, { from, direction: 'forwards', filter: streamNameFilter({ regex: outside(found) }), count: 2 });
    const next = page.find((resolved) => {
      const raw = rawPosition(resolved);
      return raw !== undefined && (handled === undefined || raw.commit > handled);
    });
    const raw = next && rawPosition(next);
    if (!next || !raw || raw.commit > BigInt(toPosition)) return found.sort();
    from = raw;
    handled = raw.commit;
    const event = fromResolved(next);
    if (event) found.push(categoryOfStream(event.streamId));
  }
}

/** A server-side regex (.NET flavour) for stream names outside these categories, system streams and id claims. */
function outside(categories: readonly string[]): string {
  const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const known = categories.length > 0 ? `|(?:${categories.map(escape).join('|')})(?:\\.|$)` : '';
  return `^(?!\\$|${escape(ID_CLAIM_PREFIX)}${known})`;
}
