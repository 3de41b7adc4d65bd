import type { DataSource } from 'typeorm';
import { isOrdered, keyBounds, orderBounds, type KeyRange } from './key-range.js';
import { CHECKPOINTS, projectionTables, sortKeySql } from './projection-tables.js';
import { queryRows, toNumber } from './sql.js';

/** Docs of a view in key order (in sort key order for an ordered range), and the position the view had processed when they were read. */
export interface LoadedDocs<Doc> {
  position: number;
  /** The projection version the docs were written by (null before the first start): older than the code while a new version rebuilds. */
  version: number | null;
  docs: Map<string, Doc>;
}

/**
 * One statement, so docs and position come from the same snapshot: the answer is exactly the
 * view as of `position`. A key range is an index range scan, so the cost follows the answer's
 * size, not the length of the history; so is an ordered range with a limit, on the sort key's index.
 */
export async function loadDocs<Doc>(dataSource: DataSource, name: string, range?: KeyRange): Promise<LoadedDocs<Doc>> {
  const { where, orderBy, limit, params } = selection(name, range);
  const rows = await queryRows<{ position: string | null; version: number | null; key: string | null; doc: Doc }>(
    dataSource,
    `SELECT c.position, c.version, d.key, d.doc
     FROM (SELECT 1) AS one
     LEFT JOIN ${CHECKPOINTS} AS c ON c.name = $1
     LEFT JOIN LATERAL (SELECT key, doc FROM ${projectionTables(name).live} WHERE ${where} ORDER BY ${orderBy}${limit}) AS d ON true`,
    params,
  );
  const docs = new Map<string, Doc>();
  for (const row of rows) if (row.key !== null) docs.set(row.key, row.doc);
  return { position: toNumber(rows[0]?.position ?? 0), version: rows[0]?.version ?? null, docs };
}

/** A range's docs as one JSON text, an array of `[key, doc]` pairs in the range's order, and the position and version they were read at. */
export interface DocsAsJson {
  position: number;
  version: number | null;
  json: string;
}

/**
 * The same docs as `loadDocs`, as one JSON text the database puts together: for an answer that
 * hands them to another thread, which parses them there (`JSON.parse` gives the pairs for a Map).
 * Read row by row and parsed here, a large range held the reading thread for tens of ms, and its
 * thousands of small strings were garbage this thread's collector had to copy; one text is one
 * string (bench/README.md, "National answers parsed off the commands' thread").
 */
export async function loadDocsAsJson(dataSource: DataSource, name: string, range?: KeyRange): Promise<DocsAsJson> {
  const { where, orderBy, limit, params } = selection(name, range);
  const [row] = await queryRows<{ position: string | null; version: number | null; json: string }>(
    dataSource,
    `SELECT c.position, c.version,
       (SELECT '[' || coalesce(string_agg('[' || to_json(d.key)::text || ',' || d.doc::text || ']', ',' ORDER BY d.n), '') || ']'
        FROM (SELECT key, doc, row_number() OVER (ORDER BY ${orderBy}) AS n
              FROM ${projectionTables(name).live} WHERE ${where} ORDER BY ${orderBy}${limit}) AS d) AS json
     FROM (SELECT 1) AS one
     LEFT JOIN ${CHECKPOINTS} AS c ON c.name = $1`,
    params,
  );
  return { position: toNumber(row?.position ?? 0), version: row?.version ?? null, json: row!.json };
}

function selection(name: string, range: KeyRange | undefined): { where: string; orderBy: string; limit: string; params: unknown[] } {
  const params: unknown[] = [name];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (isOrdered(range)) {
    const bounds = orderBounds(range);
    const sortKey = sortKeySql(bounds.field);
    const where = [`${sortKey} >= ${param(bounds.lower)}`];
    if (bounds.upper !== undefined) where.push(`${sortKey} < ${param(bounds.upper)}`);
    if (bounds.after !== undefined) where.push(`${sortKey} > ${param(bounds.after)}`);
    return {
      where: where.join(' AND '),
      orderBy: `${sortKey}, key`,
      limit: bounds.limit === undefined ? '' : ` LIMIT ${param(bounds.limit)}`,
      params,
    };
  }
  const bounds = keyBounds(range);
  if ('keys' in bounds) return { where: `key = ANY(${param([...bounds.keys])}::text[])`, orderBy: 'key', limit: '', params };
  let where = `key >= ${param(bounds.lower)}`;
  if (bounds.upper !== undefined) where += ` AND key < ${param(bounds.upper)}`;
  return { where, orderBy: 'key', limit: '', params };
}
