import type { DataSource } from 'typeorm';
import { keyBounds, type KeyRange } from './key-range.js';
import { CHECKPOINTS, projectionTables } from './projection-tables.js';
import { queryRows, toNumber } from './sql.js';

/** Docs of a view in key order, and the position the view had processed when they were read. */
export interface LoadedDocs<Doc> {
  position: number;
  docs: Map<string, Doc>;
}

/**
 * One statement, so docs and position come from the same snapshot: the answer is exactly the
 * view as of `position`. A key range is an index range scan, so the cost follows the answer's
 * size, not the length of the history.
 */
export async function loadDocs<Doc>(dataSource: DataSource, name: string, range?: KeyRange): Promise<LoadedDocs<Doc>> {
  const bounds = keyBounds(range);
  const params: unknown[] = [name];
  let where: string;
  if ('keys' in bounds) {
    params.push([...bounds.keys]);
    where = 'key = ANY($2::text[])';
  } else {
    params.push(bounds.lower);
    where = 'key >= $2';
    if (bounds.upper !== undefined) {
      params.push(bounds.upper);
      where += ' AND key < $3';
    }
  }
  const rows = await queryRows<{ position: string | null; key: string | null; doc: Doc }>(
    dataSource,
    `SELECT (SELECT position FROM ${CHECKPOINTS} WHERE name = $1) AS position, d.key, d.doc
     FROM (SELECT 1) AS one
     LEFT JOIN LATERAL (SELECT key, doc FROM ${projectionTables(name).live} WHERE ${where} ORDER BY key) AS d ON true`,
    params,
  );
  const docs = new Map<string, Doc>();
  for (const row of rows) if (row.key !== null) docs.set(row.key, row.doc);
  return { position: toNumber(rows[0]?.position ?? 0), docs };
}
