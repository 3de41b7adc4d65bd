/**
 * What parking costs a fold: the largest office's events through every view, folded plainly and
 * folded parking (each row an event reads is copied first, so a failure can be taken back). The
 * app's replay (`replayViews`) folds plainly and parks only in a second pass when an event failed;
 * this is the price of that pass. In memory, so the figures are the fold's alone.
 *
 *   npm run build && node dist/bench/parking-cost.js [--events 200000]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { InMemoryEventStore, officeOfStream, type RecordedEvent } from '@app/event-store';
import { foldInMemory } from '@app/projections';
import { APP_PROJECTIONS } from '../src/views/app-views.js';
import { nationalHistory } from './national/national-history.js';
import { runScript } from './report/run-script.js';

async function main(): Promise<void> {
  const events = Number(process.argv[process.argv.indexOf('--events') + 1] || 200_000);
  const store = new InMemoryEventStore();
  let appended = 0;
  for (const { streamId, events: batch } of nationalHistory({ offices: 10, years: 5, seed: 42, events })) {
    await store.append(streamId, batch);
    appended += batch.length;
    if (appended >= events) break;
  }
  const log = await store.readAll({});
  const byOffice = new Map<string, RecordedEvent[]>();
  for (const event of log) {
    const office = officeOfStream(event.streamId)!;
    byOffice.set(office, [...(byOffice.get(office) ?? []), event]);
  }
  const [office, officeEvents] = [...byOffice].sort((a, b) => b[1].length - a[1].length)[0]!;
  const projections = APP_PROJECTIONS;
  const time = async (work: () => unknown) => {
    const started = performance.now();
    await work();
    return Math.round(performance.now() - started);
  };
  const runs = { plain: [] as number[], parking: [] as number[] };
  for (let run = 0; run < 3; run++) {
    runs.plain.push(await time(() => projections.forEach((p) => foldInMemory(p, officeEvents))));
    runs.parking.push(await time(() => projections.forEach((p) => foldInMemory(p, officeEvents, { onParked: () => undefined }))));
  }
  const best = (ms: number[]) => Math.min(...ms);
  const figures = {
    office, events: officeEvents.length, logEvents: log.length, plainMs: best(runs.plain), parkingMs: best(runs.parking), runs,
  };
  console.log(`office ${office}: ${figures.events} events through ${projections.length} views (best of 3): ` +
    `plain fold ${figures.plainMs} ms, parking fold ${figures.parkingMs} ms`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/parking-cost-${new Date().toISOString().slice(0, 10)}.json`, `${JSON.stringify(figures, null, 2)}\n`);
}

runScript(main);
