/**
 * What each part of an `es_events` row costs PostgreSQL, for the batch-append ceiling (issue 16):
 *
 *   npm run build && node dist/bench/append-row-cost.js [--preload 100] [--rounds 5] [--groups 40]
 *
 * On a throwaway embedded PostgreSQL, the event store's own schema, and beside it copies of
 * `es_events` (`LIKE … INCLUDING ALL`, so they follow the migrations): one with every index, one
 * without each index in turn, one with none, and a bare table of the rows' six columns with no key,
 * default or generated column (the bench's "bare INSERT"). Each takes the same 1,000-row INSERTs of
 * time-ordered ids over 250 offices, from one connection, the variants in turn; the figure is that
 * connection's backend's CPU (`/proc`) per row, the median of the rounds. Only the backend's: the
 * server's autovacuum and checkpoints would fall on whichever variant ran at the time. The full
 * table and the bare one also take the same rows by `COPY` from a file the server reads (it runs on
 * this machine): PostgreSQL's cheapest way in, to tell what any way of sending the rows could save.
 * Prints a table and writes `bench/results/<date>-append-row-cost.json`.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { startEmbeddedPostgres, withDatabase } from '@app/database';
import { createPostgresEventStore } from '@app/event-store';
import { numberArgument } from './report/arguments.js';
import { processCpuSeconds } from './report/cpu-seconds.js';
import { percentile, round } from './report/percentiles.js';
import { resultFile } from './report/result-file.js';
import { runScript } from './report/run-script.js';

const ROWS_PER_INSERT = 1_000;

type Rows = [streams: string[], ids: string[], types: string[], data: string[], metadata: string[]];

/** A table the rows go into, and how they are sent. */
interface Variant {
  table: string;
  what: string;
  by: 'insert' | 'copy';
}

async function main(): Promise<void> {
  const preload = numberArgument('--preload', 100);
  const rounds = numberArgument('--rounds', 5);
  const groups = numberArgument('--groups', 40);
  const server = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'bench-pg-')), persistent: false });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const client = new pg.Client({ connectionString: withDatabase(server.url, 'row_cost') });
  const files = new CopyFiles();
  try {
    await admin.query('CREATE DATABASE row_cost');
    const url = withDatabase(server.url, 'row_cost');
    await (await createPostgresEventStore({ connectionString: url, poolSize: 1 })).close();
    await client.connect();
    const variants = await makeVariants(client);
    const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    if (processCpuSeconds(backend) === undefined) throw new Error('the server runs elsewhere: its CPU cannot be read');
    const rows = new RowMaker();
    const tables = new Set(variants.map((v) => v.table));
    for (const table of tables) for (let i = 0; i < preload; i++) await insert(client, table, rows.next());
    await client.query('CHECKPOINT');
    await client.query('VACUUM ANALYZE');
    const samples = variants.map((): number[] => []);
    for (let r = 0; r < rounds; r++) {
      for (const [v, { table, by }] of variants.entries()) {
        // Every file is whole before the server is asked to read the first.
        const groupsOfRows = Array.from({ length: groups }, () => rows.next());
        const copyFiles = by === 'copy' ? groupsOfRows.map((values) => files.write(values)) : [];
        const before = processCpuSeconds(backend)!;
        for (const [g, values] of groupsOfRows.entries()) {
          await (by === 'copy' ? copy(client, table, copyFiles[g]!) : insert(client, table, values));
        }
        samples[v]!.push(((processCpuSeconds(backend)! - before) * 1e6) / (groups * ROWS_PER_INSERT));
        for (const file of copyFiles) rmSync(file);
      }
    }
    const figures = variants.map(({ table, what, by }, v) => ({
      table,
      what,
      by,
      postgresCpuUsPerRow: round(percentile(samples[v]!, 50)),
      rounds: samples[v]!.map((us) => round(us)),
    }));
    console.table(
      figures.map(({ what, postgresCpuUsPerRow, rounds }) => ({
        what,
        'µs a row (median)': postgresCpuUsPerRow,
        rounds: rounds.join(' '),
      })),
    );
    const file = resultFile(`${new Date().toISOString().slice(0, 10)}-append-row-cost`);
    writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), preloadRows: preload * ROWS_PER_INSERT, rounds, groups, figures }, null, 2)}\n`,
    );
    console.log(`written ${file}`);
  } finally {
    files.remove();
    await client.end().catch(() => undefined);
    await admin.end();
    await server.stop();
  }
}

/** The tables to insert into, with what each is; the full table and the bare one also by COPY. */
async function makeVariants(client: pg.Client): Promise<Variant[]> {
  const indexes = (
    await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'es_events' ORDER BY indexname`,
    )
  ).rows;
  const variants: Record<string, string> = {};
  await client.query('CREATE TABLE cost_bare (id uuid, stream_id text, revision bigint, type text, data jsonb, metadata jsonb)');
  variants.cost_bare = 'bare: six columns, no key, index, default or generated column';
  await client.query('CREATE TABLE cost_all (LIKE es_events INCLUDING ALL)');
  variants.cost_all = `es_events as it is (${indexes.length} indexes)`;
  for (const [i, { indexname, indexdef }] of indexes.entries()) {
    const table = `cost_without_${i}`;
    await client.query(`CREATE TABLE ${table} (LIKE es_events INCLUDING DEFAULTS INCLUDING GENERATED)`);
    for (const other of indexes) {
      if (other.indexname !== indexname) await client.query(other.indexdef.replace(/INDEX \S+ ON \S+/, `INDEX ON ${table}`));
    }
    variants[table] = `without ${indexname} (${indexdef.slice(indexdef.indexOf('('))})`;
  }
  await client.query('CREATE TABLE cost_no_index (LIKE es_events INCLUDING DEFAULTS INCLUDING GENERATED)');
  variants.cost_no_index = "es_events's columns, defaults and generated column, no index";
  return [
    ...Object.entries(variants).map(([table, what]): Variant => ({ table, what, by: 'insert' })),
    { table: 'cost_all', what: `${variants.cost_all}, by COPY`, by: 'copy' },
    { table: 'cost_bare', what: `${variants.cost_bare}, by COPY`, by: 'copy' },
  ];
}

function insert(client: pg.Client, table: string, values: Rows) {
  const columns =
    table === 'cost_bare' ? 'id, stream_id, revision, type, data, metadata' : 'position, id, stream_id, revision, type, data, metadata';
  const position = table === 'cost_bare' ? '' : "nextval('es_events_position_seq'), ";
  return client.query({
    name: `insert into ${table}`,
    text: `INSERT INTO ${table} (${columns})
      SELECT ${position}e.id, e.stream_id, e.n, e.type, e.data, e.metadata
      FROM unnest($1::text[], $2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[])
        WITH ORDINALITY AS e(stream_id, id, type, data, metadata, n)`,
    values,
  });
}

/** The same columns as `insert` gives, position and the rest left to the table's defaults. */
function copy(client: pg.Client, table: string, file: string) {
  return client.query(`COPY ${table} (id, stream_id, revision, type, data, metadata) FROM '${file}'`);
}

/** Rows as COPY's text format, in files of a directory the server's own user may read. */
class CopyFiles {
  private readonly dir = mkdtempSync(join(tmpdir(), 'row-cost-'));
  private written = 0;

  constructor() {
    chmodSync(this.dir, 0o755);
  }

  write([streams, ids, types, data, metadata]: Rows): string {
    const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    // Revisions as `insert` numbers them: from 1 across the thousand rows.
    const lines = ids.map((id, i) => [id, streams[i], i + 1, types[i], text(data[i]!), text(metadata[i]!)].join('\t'));
    const file = join(this.dir, `${this.written++}.tsv`);
    writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o644 });
    return file;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Ten appends of 100 events each per insert, each append an employer's stream of one of 250 offices. */
class RowMaker {
  private appends = 0;

  next(): Rows {
    const rows: Rows = [[], [], [], [], []];
    for (let a = 0; a < ROWS_PER_INSERT / 100; a++) {
      const n = this.appends++;
      const office = String(1000 + (n % 250));
      for (let i = 0; i < 100; i++) {
        const at = Date.parse('2026-10-01T08:00:00Z') + n * 1000 + i;
        rows[0].push(`office-${office}.employer-${900_000_000 + n}`);
        rows[1].push(uuidv7({ msecs: at }));
        rows[2].push(['EmployerContacted', 'ClientEnrolled', 'ClientFollowedUp', 'ClientPlaced'][i % 4]!);
        rows[3].push(
          JSON.stringify({
            contactId: `${n}-${i}`,
            orgNumber: String(900_000_000 + n),
            channel: 'PHONE',
            theme: 'RECRUITMENT',
            occurredAt: new Date(at).toISOString(),
            navIdent: 'Z999999',
          }),
        );
        rows[4].push(
          JSON.stringify({
            actor: 'Z999999',
            officeNumber: office,
            commandId: uuidv7(),
            correlationId: uuidv7(),
            causationId: uuidv7(),
            schemaVersion: 1,
          }),
        );
      }
    }
    return rows;
  }
}

runScript(main);
