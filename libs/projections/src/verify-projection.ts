import type { DataSource } from 'typeorm';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { storedDocs } from './in-memory-fold.js';
import { selectDocs, type KeyRange } from './key-range.js';
import { loadDocs } from './load-docs.js';
import type { AnyProjection } from './projection.js';
import { RowState } from './row-state.js';
import { compareKeys, sameJson } from './stored-json.js';

export interface VerifyOptions {
  /** The docs to compare; default all of them. */
  range?: KeyRange;
  /** Which events to replay (e.g. one office's: `{ streamPrefix: 'office-0314.' }`); default all. */
  events?: { streamPrefix?: string; filter?: (event: RecordedEvent) => boolean };
  /** How many differences to list (all are counted); default 100. */
  maxDifferences?: number;
}

export interface VerifyResult {
  equal: boolean;
  /** The live view's position; the replay used the events up to it. */
  position: number;
  compared: number;
  differenceCount: number;
  differences: { key: string; live: unknown; replayed: unknown }[];
}

const PAGE = 5000;

/** A fresh replay of the events up to the live position, in memory, compared with the live table. */
export async function verifyProjection(
  dataSource: DataSource,
  eventStore: EventStore,
  projection: AnyProjection,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const live = await loadDocs<unknown>(dataSource, projection.name, options.range);
  const state = new RowState(projection);
  const filter = options.events?.filter ?? (() => true);
  for (let after = 0; ; ) {
    const page = await eventStore.readAll({
      after,
      toPosition: live.position,
      limit: PAGE,
      types: projection.eventTypes,
      streamPrefix: options.events?.streamPrefix,
    });
    // Parks as the runner does, so a view with parked events still verifies equal.
    for (const event of page) if (filter(event)) state.applyOrPark(event, () => undefined);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.position;
  }
  const replayed = selectDocs(storedDocs<unknown>(state), options.range);
  const keys = [...new Set([...live.docs.keys(), ...replayed.keys()])].sort(compareKeys);
  const differences = keys
    .filter((key) => !sameJson(live.docs.get(key) ?? null, replayed.get(key) ?? null))
    .map((key) => ({ key, live: live.docs.get(key) ?? null, replayed: replayed.get(key) ?? null }));
  return {
    equal: differences.length === 0,
    position: live.position,
    compared: keys.length,
    differenceCount: differences.length,
    differences: differences.slice(0, options.maxDifferences ?? 100),
  };
}
