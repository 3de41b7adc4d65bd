import type { DataSource } from 'typeorm';
import type { EventStore } from '../../libs/event-store/src/index.js';
import type { AnyProjection } from '../../libs/projections/src/index.js';
import { ProjectionEngine } from '../../libs/projections/src/projection-engine.js';
import { PeakRss } from '../report/peak-rss.js';

export interface RebuildFigures {
  /** Log events per second to rebuild every projection (all at once) from position 0. */
  ours: number;
  /** Log events per second to only read the whole log through the same subscription. */
  ceiling: number;
  seconds: number;
  ceilingSeconds: number;
  peakRssMb: number;
}

/**
 * Rebuilds every view the way an admin's `POST …/rebuild` does (shadow table, swap), on an engine
 * of its own that may run all rebuilds at once while the app's engine keeps the live views.
 */
export async function measureRebuild(dataSource: DataSource, store: EventStore, projections: readonly AnyProjection[]): Promise<RebuildFigures> {
  const head = await store.headPosition();
  const rss = new PeakRss();
  const readStarted = performance.now();
  let read = 0;
  const subscription = store.subscribe({ batchSize: 1000 });
  for await (const batch of subscription) {
    read += batch.length;
    if (batch[batch.length - 1]!.position >= head) break;
  }
  await subscription.close();
  const ceilingSeconds = (performance.now() - readStarted) / 1000;

  const engine = new ProjectionEngine({ dataSource, eventStore: store, projections, maxRebuildsPerInstance: projections.length, retryIntervalMs: 200 });
  await engine.start();
  const started = performance.now();
  rss.reset();
  for (const projection of projections) await engine.rebuild(projection.name);
  for (;;) {
    const statuses = await engine.status();
    const failed = statuses.find((s) => s.status === 'failed' || s.rebuild?.error);
    if (failed) throw new Error(`rebuild of ${failed.name} failed: ${failed.rebuild?.error?.message ?? failed.error?.message}`);
    if (statuses.every((s) => s.rebuild === null)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  await engine.stop();
  const peakRssMb = rss.stop();
  return { ours: Math.round(head / seconds), ceiling: Math.round(read / ceilingSeconds), seconds, ceilingSeconds, peakRssMb };
}
