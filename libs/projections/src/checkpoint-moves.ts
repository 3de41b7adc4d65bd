import type { QueryRunner } from 'typeorm';
import { sqlInteger } from '@app/database';
import { ASYNCHRONOUS_COMMIT, type Connection } from './batch-transaction.js';
import { checkProjectionName } from './projection.js';
import { CHECKPOINTS } from './projection-tables.js';
import { toProgress, type Progress, type ProgressRow } from './progress.js';

/** A live checkpoint to move past a batch that gave its view nothing to fold. */
export interface CheckpointMove {
  name: string;
  /** Where its runner left it: the fence. */
  expected: Progress;
  position: number;
  status: 'running' | 'catching_up';
  eventsPerSecond: number;
}

interface Waiting {
  move: CheckpointMove;
  runner: QueryRunner;
  settle(moved: Progress | undefined, error?: unknown): void;
}

/**
 * Gathers the checkpoint moves the live views of an instance ask for in one turn of the event loop
 * and sends them as one message (`moveCheckpointsAlone`). The views share one read of the head
 * (`LiveLogReader`), so the views that a slice gives nothing to fold ask together: one round trip
 * for all of them instead of one each. The statement runs on the connection of the first view that
 * asked, which is idle while its job waits for the answer.
 */
export class CheckpointMoves {
  private waiting: Waiting[] = [];

  /** Undefined when the checkpoint is not where the move expects it. */
  move(runner: QueryRunner, move: CheckpointMove): Promise<Progress | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ move, runner, settle: (moved, error) => (error === undefined ? resolve(moved) : reject(error)) });
      if (this.waiting.length === 1) setImmediate(() => void this.send());
    });
  }

  private async send(): Promise<void> {
    // A view's job waits for its move before it asks for another, but two engines of one process
    // (tests, a rolling deploy in one process) may each move a view of the same name: one a group.
    const group: Waiting[] = [];
    const later: Waiting[] = [];
    for (const w of this.waiting) (group.some((g) => g.move.name === w.move.name) ? later : group).push(w);
    this.waiting = later;
    if (this.waiting.length > 0) setImmediate(() => void this.send());
    const [first, ...others] = group;
    try {
      const moved = await moveCheckpointsAlone(
        first!.runner,
        group.map((w) => w.move),
      );
      for (const w of group) w.settle(moved.get(w.move.name));
    } catch (error) {
      first!.settle(undefined, error ?? new Error('checkpoint move failed'));
      // The statement ran on the first view's connection; the others' own may be fine, and a view
      // must not lose its job for another's. Each tries alone: a move the group did commit after all
      // is then fenced, and its view reads its checkpoint again.
      for (const w of others) {
        moveCheckpointsAlone(w.runner, [w.move]).then(
          (moved) => w.settle(moved.get(w.move.name)),
          (alone: unknown) => w.settle(undefined, alone ?? new Error('checkpoint move failed')),
        );
      }
    }
  }
}

/**
 * Moves live checkpoints past batches with nothing to fold (none of their events of the view's
 * types, or all parked): one message, one transaction, each fence in the UPDATE's condition instead
 * of a locked read. Answers the moved ones by name; a checkpoint that is not where its move expects
 * it is left as it is and missing from the answer. The rows are locked in name order first, so two
 * groups never wait on each other in a cycle. Such batches are most of a view's batches when
 * commands of other kinds arrive.
 */
export async function moveCheckpointsAlone(runner: QueryRunner, moves: readonly CheckpointMove[]): Promise<Map<string, Progress>> {
  // The simple protocol takes no parameters: every value is a checked name, an integer or one of two words.
  const rows = moves.map(
    (m) =>
      `('${checkProjectionName(m.name)}', ${sqlInteger(m.position)}::bigint, ${sqlInteger(m.expected.position)}::bigint, ` +
      `${sqlInteger(m.expected.version)}, ${sqlInteger(Math.round(m.eventsPerSecond))}::real, ` +
      `'${m.status === 'running' ? 'running' : 'catching_up'}')`,
  );
  const names = moves.map((m) => `'${checkProjectionName(m.name)}'`).join(', ');
  const connection = (await runner.connect()) as Connection;
  try {
    const [, , , moved] = (await connection.query(
      `START TRANSACTION; ${ASYNCHRONOUS_COMMIT};
       SELECT 1 FROM ${CHECKPOINTS} WHERE name IN (${names}) ORDER BY name FOR UPDATE;
       UPDATE ${CHECKPOINTS} AS c SET position = m.position, events_per_second = m.events_per_second, status = m.status,
         error_position = NULL, error_message = NULL, updated_at = now()
       FROM (VALUES ${rows.join(', ')}) AS m(name, position, expected_position, expected_version, events_per_second, status)
       WHERE c.name = m.name AND c.position = m.expected_position AND c.version = m.expected_version
       RETURNING c.name, c.version, c.position, c.status, c.error_position;
       COMMIT`,
    )) as { rows: (ProgressRow & { name: string })[] }[];
    return new Map(moved!.rows.map((row) => [row.name, toProgress(row)]));
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
