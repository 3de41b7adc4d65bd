import type { DataSource } from 'typeorm';
import { CHECKPOINTS } from './projection-tables.js';
import { queryRows, toNumber } from './sql.js';

interface Waiter {
  name: string;
  minPosition: number;
  settle(reached: boolean): void;
}

/**
 * Read-your-writes across instances: polls the checkpoint table (one query per round for all
 * waiters) until each view reached its position, failed, or the waiter's time ran out.
 */
export class PositionWaiter {
  private readonly waiters = new Set<Waiter>();
  private polling = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly pollIntervalMs: number,
  ) {}

  wait(name: string, minPosition: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        name,
        minPosition,
        settle: (reached) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => waiter.settle(false), timeoutMs);
      this.waiters.add(waiter);
      void this.poll();
    });
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      while (this.waiters.size > 0) {
        const names = [...new Set([...this.waiters].map((w) => w.name))];
        const rows = await queryRows<{ name: string; position: string; status: string }>(
          this.dataSource,
          `SELECT name, position, status FROM ${CHECKPOINTS} WHERE name = ANY($1::text[])`,
          [names],
        ).catch(() => []);
        const byName = new Map(rows.map((row) => [row.name, row]));
        for (const waiter of [...this.waiters]) {
          const row = byName.get(waiter.name);
          if (row && toNumber(row.position) >= waiter.minPosition) waiter.settle(true);
          // A failed view will not get there by itself: answer now rather than at the timeout.
          else if (row?.status === 'failed') waiter.settle(false);
        }
        if (this.waiters.size > 0) await new Promise((resolve) => setTimeout(resolve, this.pollIntervalMs));
      }
    } finally {
      this.polling = false;
    }
  }
}
