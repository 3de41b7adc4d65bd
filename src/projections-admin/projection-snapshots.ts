import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { ProjectionEngine } from '@app/projections';
import type { ProjectionStatus } from '@app/projections';
import { EVENT_STORE } from '@app/event-store';

export interface ProjectionSnapshot extends ProjectionStatus {
  /** Seconds since the oldest event the live view has not processed was recorded; 0 when none. */
  lagSeconds: number;
}

/** A scrape and a readiness probe that come together share one read. */
const FRESH_MS = 1000;

/** Every view's status with its lag in seconds, as `/metrics` and `/health/ready` report it. */
@Injectable()
export class ProjectionSnapshots {
  private last?: { at: number; value: Promise<ProjectionSnapshot[]> };

  constructor(
    private readonly engine: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  read(): Promise<ProjectionSnapshot[]> {
    const now = Date.now();
    if (!this.last || now - this.last.at > FRESH_MS) {
      const value = this.take(now);
      value.catch(() => undefined);
      this.last = { at: now, value };
    }
    return this.last.value;
  }

  private async take(now: number): Promise<ProjectionSnapshot[]> {
    const statuses = await this.engine.status();
    return Promise.all(
      statuses.map(async (status) => {
        if (status.lag === 0) return { ...status, lagSeconds: 0 };
        const [oldest] = await this.store.readAll({ after: status.position, limit: 1 });
        return { ...status, lagSeconds: oldest ? Math.max(0, (now - Date.parse(oldest.recordedAt)) / 1000) : 0 };
      }),
    );
  }
}
