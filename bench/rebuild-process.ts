/**
 * The rebuild figure in a process of its own, so its peak RSS is the rebuild's and not that of an
 * app that has just caught up the log and replayed an office:
 *
 *   node dist/bench/rebuild-process.js <database url> [--batch n] [--window n] [--window-mb n] [--cache-mb n]
 *
 * Opens the event store as the app does (upcasting included) and a DataSource, rebuilds every
 * view on an engine that may run them all, prints the figures as one line of JSON, and exits.
 * `measureRebuildInFreshProcess` runs it while the app keeps the live views.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { UpcastingEventStore } from '@app/event-store';
import { createPostgresEventStore } from '@app/event-store';
import { eventUpcasters } from '../src/infrastructure/event-upcasters.js';
import { APP_PROJECTIONS } from '../src/views/app-views.js';
import { rebuildEngineOptions } from './report/arguments.js';
import { measureRebuild } from './sections/rebuild.section.js';
import { runScript } from './report/run-script.js';

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: rebuild-process.js <database url> [--batch n] [--window n] [--window-mb n] [--cache-mb n]');
  const store = new UpcastingEventStore(await createPostgresEventStore({ connectionString: url, poolSize: 8 }), eventUpcasters());
  const dataSource = await new DataSource({ type: 'postgres', url, synchronize: false, extra: { max: 12 } }).initialize();
  try {
    const figures = await measureRebuild(dataSource, store, APP_PROJECTIONS, rebuildEngineOptions());
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await dataSource.destroy();
    await store.close();
  }
}

runScript(main);
