import type { ChaosClient, CommandRecord } from './chaos-client.js';
import { checkStore, headPosition, verifyViews, viewsReach, type StoreFindings } from './checks.js';
import type { Stage } from './faults.js';
import { Writers } from './writers.js';

export interface RoundResult extends StoreFindings {
  fault: string;
  round: number;
  note: string;
  commands: number;
  /** Every answer the writers got, by HTTP status ('dropped': no answer). */
  answers: Record<string, number>;
  unexpectedExits: number;
  /** From the fault until what the fault took was back (the app or PostgreSQL started again, connections cut). */
  downSeconds: number;
  /** From the fault until the first command sent after it was acknowledged. */
  commandsBackSeconds: number | null;
  /** …the same, from the moment what the fault took was back. */
  commandsBackAfterRestartSeconds: number | null;
  /** From the fault until every live view had processed what was acknowledged before it. */
  viewsCaughtUpSeconds: number | null;
  viewsAtHead: boolean;
  viewsVerified: number;
  viewsUnequal: string[];
}

export interface RoundOptions {
  writers: number;
  loadMs: number;
  seed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const RECOVERY_MS = 120_000;

/** Load from `writers` writers, the fault at a random moment of it, then every check. */
export async function runRound(
  fault: string,
  round: number,
  stage: Stage,
  client: ChaosClient,
  options: RoundOptions,
): Promise<RoundResult> {
  const bases = () => stage.apps.map((app) => app.base).filter((base): base is string => base !== undefined);
  const exitsBefore = stage.apps.reduce((n, app) => n + app.unexpectedExits, 0);
  const writers = new Writers(client, options.seed + round);
  const started = Date.now();
  writers.start(options.writers);
  await sleep(options.loadMs * (0.25 + 0.35 * Math.random()));
  const before = Math.max(0, ...acked(writers.records).map((r) => r.ack!.position));
  const faultAt = Date.now();
  const caughtUp = viewsReach(client, bases, before, faultAt, RECOVERY_MS);
  const note = await stage.inject();
  const backAt = Date.now();
  // Load goes on after the fault for at least a few seconds, whatever the fault's own duration.
  await sleep(Math.max(options.loadMs - (Date.now() - started), 3000));
  await writers.stop();
  const viewsCaughtUpSeconds = await caughtUp;
  const base = await until(() => bases()[0]);
  const head = await headPosition(client, base);
  const viewsAtHead = (await viewsReach(client, bases, head, Date.now(), RECOVERY_MS)) !== null;
  const store = await checkStore(stage.databaseUrl(), writers.records);
  const verified = await verifyViews(client, base);
  const after = acked(writers.records)
    .filter((r) => r.startedAt >= faultAt)
    .map((r) => (r.ackedAt! - faultAt) / 1000);
  const commandsBackSeconds = after.length ? Math.min(...after) : null;
  const downSeconds = (backAt - faultAt) / 1000;
  return {
    fault,
    round,
    note,
    commands: writers.records.length,
    answers: tally(writers.records),
    ...store,
    unexpectedExits: stage.apps.reduce((n, app) => n + app.unexpectedExits, 0) - exitsBefore,
    downSeconds,
    commandsBackSeconds,
    commandsBackAfterRestartSeconds: commandsBackSeconds === null ? null : Math.max(0, commandsBackSeconds - downSeconds),
    viewsCaughtUpSeconds,
    viewsAtHead,
    viewsVerified: verified.compared,
    viewsUnequal: verified.unequal,
  };
}

const acked = (records: readonly CommandRecord[]) => records.filter((r) => r.ack);

function tally(records: readonly CommandRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of records.flatMap((r) => r.answers)) counts[String(answer)] = (counts[String(answer)] ?? 0) + 1;
  return counts;
}

/** A live instance's base URL, waiting up to the recovery bound for one. */
async function until(probe: () => string | undefined): Promise<string> {
  const deadline = Date.now() + RECOVERY_MS;
  for (let value = probe(); Date.now() < deadline; value = probe()) {
    if (value) return value;
    await sleep(250);
  }
  throw new Error('no app instance came back within the recovery bound');
}
