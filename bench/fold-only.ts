/**
 * What a rebuild costs when it writes nothing until the end: every view folded in memory, on one
 * thread, over one read of the log, and each final document serialised once, as a rebuild that
 * held all of its rows would send them to the shadow table (but not sent). No row is read back and
 * none is written twice, so no write path can make a one-thread rebuild faster than this:
 *
 *   node dist/bench/fold-only.js <database url> [--batch 2500]
 *
 * Prints one line of JSON: the read alone and the fold, in events a second, CPU seconds and peak
 * RSS; what serialising the final documents took, and what the folds held (rows, MB of JSON); and
 * the ratio of the read's time to the fold's and the serialising's together, as `rebuild.*` has it.
 */
import 'reflect-metadata';
import { createPostgresEventStore, UpcastingEventStore } from '@app/event-store';
import { InMemoryFold } from '@app/projections';
import { eventUpcasters } from '../src/infrastructure/event-upcasters.js';
import { APP_PROJECTIONS } from '../src/views/app-views.js';
import { numberArgument } from './report/arguments.js';
import { cpuSeconds } from './report/cpu-seconds.js';
import { PeakRss } from './report/peak-rss.js';
import { runScript } from './report/run-script.js';
import { readLogToHead, type FoldOnlyFigures } from './sections/rebuild.section.js';

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: fold-only.js <database url> [--batch n]');
  const batchSize = numberArgument('--batch', 2_500);
  const store = new UpcastingEventStore(await createPostgresEventStore({ connectionString: url, poolSize: 2 }), eventUpcasters());
  try {
    const head = await store.headPosition();
    const read = await timed(() => readLogToHead(store, head, batchSize));
    const folds = APP_PROJECTIONS.map((projection) => new InMemoryFold(projection));
    const fold = await timed(() => readLogToHead(store, head, batchSize, (batch) => folds.forEach((f) => f.apply(batch))));
    // An upper bound on serialising: takeDocs copies each changed doc through JSON once before this stringify.
    const serialise = await timed(async () => {
      let rows = 0;
      let bytes = 0;
      for (const f of folds) {
        for (const doc of f.takeDocs().values()) {
          rows++;
          bytes += JSON.stringify(doc).length;
        }
      }
      return { rows, bytes };
    });
    const figures: FoldOnlyFigures = {
      events: head,
      read: { eventsPerSecond: Math.round(head / read.seconds), ...read.figures },
      fold: { eventsPerSecond: Math.round(head / fold.seconds), ...fold.figures },
      serialise: { ...serialise.figures, rows: serialise.result.rows, jsonMb: mb(serialise.result.bytes) },
      ratio: Math.round((read.seconds / (fold.seconds + serialise.seconds)) * 100) / 100,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await store.close();
  }
}

async function timed<T>(work: () => Promise<T>) {
  const rss = new PeakRss();
  const cpu = cpuSeconds();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const figures = {
    seconds: Math.round(seconds * 10) / 10,
    cpuSeconds: Math.round((cpuSeconds().app - cpu.app) * 10) / 10,
    peakRssMb: rss.stop(),
  };
  return { result, seconds, figures };
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

runScript(main);
