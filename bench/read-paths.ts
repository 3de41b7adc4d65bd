/**
 * Each read path of the event store, EXPLAIN ANALYZEd on a seeded database: which index it uses
 * and how long it takes (the median of five runs). Run it before and after an index change:
 *
 *   DATABASE_URL=postgres://…/db npm run build && node dist/bench/read-paths.js [--label before]
 *
 * Writes bench/results/read-paths-<date>-<label>.json. The queries are the store's own
 * (`readAllQuery`, `readStreamQuery`); times of `recorded_at` are taken from the data (they are
 * when the seeding ran, not the history's `occurredAt`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { readAllQuery, readStreamQuery } from '@app/event-store';
import { stringArgument } from './report/arguments.js';
import { round } from './report/percentiles.js';
import { runScript } from './report/run-script.js';
import { resultFile } from './report/result-file.js';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL names the seeded database');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await client.query<R>(text, values)).rows[0]!;
    const { category } = await one<{ category: string }>(
      `SELECT stream_category AS category FROM es_events WHERE stream_category LIKE 'office-%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const prefix = `${category}.`;
    const { type: rareType } = await one<{ type: string }>(
      `SELECT type FROM es_events WHERE stream_category = $1 GROUP BY 1 ORDER BY count(*) LIMIT 1`,
      [category],
    );
    const { stream } = await one<{ stream: string }>(
      `SELECT stream_id AS stream FROM es_events WHERE stream_category = $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      [category],
    );
    const span = await one<{ first: Date; last: Date; head: string; events: string }>(
      'SELECT min(recorded_at) AS first, max(recorded_at) AS last, max(position) AS head, count(*) AS events FROM es_events',
    );
    const at = (share: number) => new Date(span.first.getTime() + share * (span.last.getTime() - span.first.getTime()));
    const window = (share: number, seconds: number) => ({
      recordedFrom: at(share).toISOString(),
      recordedBefore: new Date(at(share).getTime() + seconds * 1000).toISOString(),
    });
    const ids = (await client.query<{ id: string }>(`SELECT id FROM es_events WHERE stream_id = $1 LIMIT 100`, [stream])).rows.map(
      (r) => r.id,
    );
    const head = Number(span.head);
    const paths: Record<string, { text: string; values: unknown[] }> = {
      'a stream (command decisions)': readStreamQuery(stream),
      'office history, first page of 1,000': readAllQuery({ streamPrefix: prefix, after: 0, limit: 1000 }),
      'office history, whole (as-of replay)': readAllQuery({ streamPrefix: prefix }),
      [`office history, one rare type (${rareType})`]: readAllQuery({ streamPrefix: prefix, types: [rareType], limit: 100 }),
      [`national, one type (${rareType}), page of 1,000`]: readAllQuery({ types: [rareType], after: 0, limit: 1000 }),
      'office by time: 10 s a third in, page of 100': readAllQuery({ streamPrefix: prefix, ...window(1 / 3, 10), limit: 100 }),
      'office by time: 10 s near the end, page of 100': readAllQuery({ streamPrefix: prefix, ...window(0.9, 10), limit: 100 }),
      'office by time: the second half, page of 100': readAllQuery({ streamPrefix: prefix, ...window(0.5, 86_400), limit: 100 }),
      'office by time: 10 s a third in, whole': readAllQuery({ streamPrefix: prefix, ...window(1 / 3, 10) }),
      'subscription page after the middle of the log': readAllQuery({ after: Math.floor(head / 2), limit: 1000 }),
      'retry: events by id (100)': { text: 'SELECT position FROM es_events WHERE id = ANY($1::uuid[]) ORDER BY position', values: [ids] },
    };
    const figures: Record<string, { ms: number; rows: number; indexes: string[] }> = {};
    for (const [name, query] of Object.entries(paths)) {
      const runs: { ms: number; rows: number; plan: PlanNode }[] = [];
      for (let i = 0; i < 5; i++) {
        const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode & { 'Actual Rows': number }; 'Execution Time': number }] }>(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`,
          query.values,
        );
        const [explained] = rows[0]!['QUERY PLAN'];
        runs.push({ ms: explained['Execution Time'], rows: explained.Plan['Actual Rows'], plan: explained.Plan });
      }
      runs.sort((a, b) => a.ms - b.ms);
      const median = runs[2]!;
      figures[name] = { ms: round(median.ms), rows: median.rows, indexes: [...new Set(indexesOf(median.plan))] };
    }
    const indexes = (
      await client.query<{ name: string; mb: string }>(
        `SELECT indexrelname AS name, round(pg_relation_size(indexrelid) / 1048576.0, 1) AS mb FROM pg_stat_user_indexes
        WHERE relname = 'es_events' ORDER BY 1`,
      )
    ).rows;
    console.log(`${span.events} events; office ${category}; stream ${stream}\n`);
    console.log('| read path | ms | rows | index |\n|---|---|---|---|');
    for (const [name, f] of Object.entries(figures)) console.log(`| ${name} | ${f.ms} | ${f.rows} | ${f.indexes.join(', ') || 'none'} |`);
    console.log(`\nindexes: ${indexes.map((i) => `${i.name} ${i.mb} MB`).join(', ')}`);
    const label = stringArgument('--label') ?? 'run';
    mkdirSync('bench/results', { recursive: true });
    const file = resultFile(`read-paths-${new Date().toISOString().slice(0, 10)}-${label}`);
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), events: Number(span.events), figures, indexes }, null, 2)}\n`);
    console.log(`written ${file}`);
  } finally {
    await client.end();
  }
}

const indexesOf = (node: PlanNode): string[] => [
  ...(node['Index Name'] ? [node['Index Name']] : node['Node Type'] === 'Seq Scan' ? ['SEQ SCAN'] : []),
  ...(node.Plans ?? []).flatMap(indexesOf),
];

runScript(main);
