import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ChaosClient } from './chaos/chaos-client.js';
import { printTable, summarise } from './chaos/chaos-report.js';
import { runRound, type RoundResult } from './chaos/chaos-round.js';
import { FAULTS, setUp, type FaultName, type Stage } from './chaos/faults.js';
import { OwnCluster } from './chaos/own-cluster.js';
import { flag, numberArgument, stringArgument } from './report/arguments.js';
import { machineInfo } from './report/machine.js';
import { runScript } from './report/run-script.js';
import { resultFile } from './report/result-file.js';

/**
 * `npm run chaos [-- --rounds 3] [--quick] [--faults app-kill,postgres-kill] [--writers 25] [--seed n]`:
 * writers of mixed commands against the built app while faults strike at random moments, then
 * every acknowledged command is looked for in the store and every view is verified. Loopback only.
 */
async function main(): Promise<void> {
  const quick = flag('--quick');
  const rounds = numberArgument('--rounds', quick ? 1 : 3);
  const options = {
    writers: numberArgument('--writers', 25),
    loadMs: quick ? 6000 : 10_000,
    seed: numberArgument('--seed', Date.now() % 100_000),
  };
  const faults = (stringArgument('--faults')?.split(',') ?? FAULTS) as FaultName[];
  const logDir = mkdtempSync(join(tmpdir(), 'ect-chaos-logs-'));
  const load = loadavg()[0]!;
  const cluster = await OwnCluster.create();
  console.log(`chaos: ${rounds} round(s) of ${faults.join(', ')}; ${options.writers} writers; app logs in ${logDir}`);
  const results: RoundResult[] = [];
  const client = new ChaosClient({ bases: () => current?.apps.map((a) => a.base).filter((b): b is string => !!b) ?? [] });
  let current: Stage | undefined;
  try {
    for (const fault of faults) {
      current = await setUp(fault, { cluster, main: 'dist/src/main.js', logDir, client });
      try {
        for (let round = 1; round <= rounds; round++) {
          const result = await runRound(fault, round, current, client, options);
          console.log(JSON.stringify(result));
          results.push(result);
        }
      } finally {
        await current.tearDown();
      }
    }
  } finally {
    const machine = await machineInfo((sql) => query(cluster.url(), sql), load);
    await cluster.remove();
    const summary = summarise(results);
    printTable(summary);
    mkdirSync('bench/results', { recursive: true });
    const file = resultFile(`chaos-${new Date().toISOString().slice(0, 10)}${quick ? '-quick' : ''}`);
    const report = { date: new Date().toISOString(), machine, options: { ...options, rounds, faults }, summary, rounds: results };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`written to ${file}`);
  }
}

async function query(url: string, sql: string): Promise<{ version: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ version: string }>(sql)).rows;
  } finally {
    await client.end();
  }
}

runScript(main);
