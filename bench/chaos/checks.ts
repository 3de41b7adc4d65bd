import pg from 'pg';
import type { ChaosClient, CommandRecord } from './chaos-client.js';
import { OFFICES } from './chaos-client.js';

/** The event each command stores exactly once: the same command stored twice shows as two of these. */
const PRIMARY: Record<string, string> = {
  contact: 'EmployerContacted',
  enrolment: 'ClientEnrolled',
  'follow-up': 'ClientFollowUpRecorded',
  placement: 'ClientPlaced',
  exit: 'ClientExited',
  transfer: 'ClientTransferredOut',
};

export interface StoreFindings {
  acknowledged: number;
  /** Acknowledged, but not at its stream and revision (or at another position). */
  lost: number;
  /** Commands with an Idempotency-Key stored more than once. */
  duplicated: number;
  /** Commands without a key stored more than once after a client retry (nothing lets the server tell these apart). */
  duplicatedWithoutKey: number;
  halfDoneTransfers: number;
}

interface Row {
  position: string;
  stream_id: string;
  revision: string;
  type: string;
  correlation: string;
}

/** The store, read straight from its table, against every answer the writers got in one round. */
export async function checkStore(databaseUrl: string, records: readonly CommandRecord[]): Promise<StoreFindings> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Row>(
      `SELECT position, stream_id, revision, type, metadata->>'correlationId' AS correlation FROM es_events
       WHERE metadata->>'correlationId' = ANY($1)`,
      [records.map((r) => r.correlationId)],
    );
    // The app keeps a caller's correlation id only if it is a plain UUID or ULID: had it replaced
    // them, every acknowledged command would count as lost and no duplicate could be seen.
    if (rows.length === 0 && records.some((r) => r.ack)) {
      throw new Error("none of the round's correlation ids is in the store: did the app replace them (X-Correlation-Id-Source)?");
    }
    const at = new Map(rows.map((row) => [`${row.stream_id}@${row.revision}`, Number(row.position)]));
    const byCorrelation = new Map<string, Row[]>();
    for (const row of rows) byCorrelation.set(row.correlation, [...(byCorrelation.get(row.correlation) ?? []), row]);
    const findings: StoreFindings = { acknowledged: 0, lost: 0, duplicated: 0, duplicatedWithoutKey: 0, halfDoneTransfers: 0 };
    for (const record of records) {
      if (record.ack) {
        findings.acknowledged++;
        if (at.get(`${record.ack.streamId}@${record.ack.revision}`) !== record.ack.position) findings.lost++;
      }
      const stored = byCorrelation.get(record.correlationId) ?? [];
      const count = (type: string) => stored.filter((row) => row.type === type).length;
      if (count(PRIMARY[record.kind]!) > 1) findings[record.keyed ? 'duplicated' : 'duplicatedWithoutKey']++;
      // Both halves carry the command's correlation id: as many arrivals as departures, or the case is lost.
      if (record.kind === 'transfer' && count('ClientTransferredOut') !== count('ClientTransferredIn')) findings.halfDoneTransfers++;
    }
    return findings;
  } finally {
    await client.end();
  }
}

interface Status {
  name: string;
  position: number;
  headPosition: number;
  status: string;
}

/** Seconds from `since` until every live view has processed `position` (null if not within `timeoutMs`). */
export async function viewsReach(
  client: ChaosClient,
  bases: () => string[],
  position: number,
  since: number,
  timeoutMs: number,
): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const base = bases()[0];
    try {
      if (base) {
        const { projections } = await client.get<{ projections: Status[] }>(base, '/api/v1/admin/projections');
        if (projections.every((p) => p.position >= position)) return (Date.now() - since) / 1000;
      }
    } catch {
      // The instance asked is down or restarting: ask again.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

/** Every view's verify (a fresh replay against the live table), per office: the names of those that differ. */
export async function verifyViews(client: ChaosClient, base: string): Promise<{ compared: number; unequal: string[] }> {
  const { projections } = await client.get<{ projections: Status[] }>(base, '/api/v1/admin/projections');
  const unequal: string[] = [];
  for (const { name } of projections) {
    for (const office of OFFICES) {
      const result = await client.get<{ equal: boolean }>(base, `/api/v1/admin/projections/${name}/verify?office=${office}`);
      if (!result.equal) unequal.push(`${name}@${office}`);
    }
  }
  return { compared: projections.length * OFFICES.length, unequal };
}

/** The head of the log as the views see it (events of finished transactions). */
export async function headPosition(client: ChaosClient, base: string): Promise<number> {
  const { projections } = await client.get<{ projections: Status[] }>(base, '/api/v1/admin/projections');
  return Math.max(0, ...projections.map((p) => p.headPosition));
}
