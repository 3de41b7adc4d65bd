/**
 * How long each view's answer holds the app's event loop, the thread that also takes commands:
 *
 *   npm run build && node dist/bench/view-holds.js --events 1000000 [--requests 25] [--data-dir /tmp/open-loop-pg-1000000]
 *
 * On a copy of the open loop's seeded, caught-up database (`onSeededCopy`, the same seed as
 * `open-loop.js`), the auditor asks each view of the largest office for the open loop's twelve-month
 * period, one request at a time, in two rounds. Meanwhile a 2 ms interval timer in the app's process
 * records how late it fired: the longest lateness during an answer is the longest the loop was held,
 * the wait a command arriving then would have had on top of its own time. The process's CPU per
 * answer counts every thread of it (the answers' worker threads too). Writes
 * `bench/results/<date>-view-holds.json`.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { onSeededCopy } from './national/seeded-copy.js';
import { numberArgument, stringArgument } from './report/arguments.js';
import { percentile, round } from './report/percentiles.js';
import { resultFile } from './report/result-file.js';
import { runScript } from './report/run-script.js';
import { catchUpSeed, startBenchApp } from './sections/bench-app.js';
import { largestOffices } from './sections/open-loop.section.js';
import { viewPaths } from './sections/query.section.js';
import { twelveMonthsToNow } from './sections/upgrade.section.js';

const TICK_MS = 2;

interface ViewHolds {
  round: number;
  view: string;
  answerP50Ms: number;
  cpuP50Ms: number;
  heldP50Ms: number;
  heldMaxMs: number;
}

async function main(): Promise<void> {
  const events = numberArgument('--events', 1_000_000);
  const requests = numberArgument('--requests', 25);
  const dataDir = stringArgument('--data-dir') ?? `/tmp/open-loop-pg-${events}`;
  const rows = await onSeededCopy({ events, dataDir, name: 'open_loop', prepare: catchUpSeed }, async (url) => {
    const app = await startBenchApp(url);
    await app.caughtUp();
    const [office] = await largestOffices(async (sql) => (await app.dataSource.query(sql)) as never, 1);
    const token = await app.token('auditor', []);
    const paths = viewPaths(office!, twelveMonthsToNow());
    const loop = lateness();
    const measured: ViewHolds[] = [];
    try {
      for (const pass of [1, 2]) {
        for (const [view, path] of Object.entries(paths)) {
          const answers: number[] = [];
          const cpu: number[] = [];
          const held: number[] = [];
          for (let i = 0; i < requests; i++) {
            await new Promise((resolve) => setTimeout(resolve, 30));
            loop.reset();
            const cpuBefore = process.cpuUsage();
            const started = performance.now();
            const response = await fetch(`${app.apiBase}/${path}`, { headers: { authorization: `Bearer ${token}` } });
            await response.arrayBuffer();
            if (response.status !== 200) throw new Error(`${view}: HTTP ${response.status}`);
            answers.push(performance.now() - started);
            const used = process.cpuUsage(cpuBefore);
            cpu.push((used.user + used.system) / 1000);
            held.push(loop.longest());
          }
          const row = {
            round: pass,
            view,
            answerP50Ms: round(percentile(answers, 50)),
            cpuP50Ms: round(percentile(cpu, 50)),
            heldP50Ms: round(percentile(held, 50)),
            heldMaxMs: round(Math.max(...held)),
          };
          console.log(JSON.stringify(row));
          measured.push(row);
        }
      }
    } finally {
      loop.stop();
      await app.close();
    }
    return measured;
  });
  const date = new Date().toISOString();
  const file = resultFile(`${date.slice(0, 10)}-view-holds`);
  writeFileSync(file, `${JSON.stringify({ date, events, requests, period: twelveMonthsToNow(), views: rows }, null, 2)}\n`);
  console.log(`written ${file}`);
}

/** The longest a `TICK_MS` timer fired late since the last `reset`. */
function lateness() {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  return {
    reset: () => {
      longest = 0;
      last = performance.now();
    },
    longest: () => longest,
    stop: () => clearInterval(timer),
  };
}

runScript(main);
