import pg from 'pg';
import type { Period } from './query.section.js';

/**
 * What the offices query parses of the engagement view over a period, in bytes of the docs' text as
 * PostgreSQL sends it: the compared months it reads (engagement v4), and the month rows of the same
 * months and offices it read before them (v3). The month rows are the same in both versions, so one
 * database gives both.
 */
export async function officesEngagementBytes(url: string, { from, to }: Period): Promise<{ comparedMonths: number; monthRows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ kind: string; bytes: string }>(
      `SELECT left(key, 1) AS kind, sum(octet_length(doc::text)) AS bytes FROM projection_engagement
       WHERE left(key, 2) IN ('c|', 'm|') AND split_part(key, '|', 2) BETWEEN $1 AND $2 GROUP BY 1`,
      [from, to],
    );
    const bytesOf = (kind: string) => Number(rows.find((row) => row.kind === kind)?.bytes ?? 0);
    return { comparedMonths: bytesOf('c'), monthRows: bytesOf('m') };
  } finally {
    await client.end();
  }
}
