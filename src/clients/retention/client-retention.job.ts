import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClientRetention } from '../../cases/cases.figures.js';
import { clientRetentionView } from '../../cases/cases.views.js';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/index.js';
import { SubjectDirectory } from '../../shared/clients/subject-directory.js';
import { ViewReader } from '../../shared/views/view-reader.js';
import { ErasureMetrics } from '../erasure-metrics.js';

/** One key for the advisory lock every instance tries: the job runs on one of them at a time. */
const LOCK_KEY = 7_014_001;
const EVERY_MS = 60 * 60 * 1000;
const FIRST_AFTER_MS = 60 * 1000;
const PAGE = 500;

export interface RetentionRun {
  /** false: another instance held the lock, nothing was done here. */
  ran: boolean;
  erased: number;
  cutoff: string;
}

/**
 * Erases clients all of whose cases closed longer ago than CLIENT_DATA_RETENTION_DAYS, hourly, on
 * one instance at a time (a PostgreSQL advisory lock on a connection of its own). Reports counts
 * only: in the app log and as `client_erasures_total{by="retention"}`.
 */
@Injectable()
export class ClientRetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ClientRetention');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: ViewReader,
    private readonly subjects: SubjectDirectory,
    private readonly metrics: ErasureMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.timer = setTimeout(
        () => {
          this.runOnce(new Date().toISOString())
            .catch((error: unknown) => {
              this.metrics.ran('failed');
              this.logger.warn(`retention run failed (${error instanceof Error ? error.message : String(error)}); next run in an hour`);
            })
            .finally(tick);
        },
        this.timer ? EVERY_MS : FIRST_AFTER_MS,
      );
      this.timer.unref();
    };
    tick();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }

  /** One run as of `now` (the clock is the caller's: a test gives a fixed one). */
  async runOnce(now: string): Promise<RetentionRun> {
    const cutoff = new Date(Date.parse(now) - this.config.clientDataRetentionDays * 86_400_000).toISOString();
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = (await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [LOCK_KEY])) as [{ locked: boolean }];
      if (!locked) {
        this.metrics.ran('skipped');
        return { ran: false, erased: 0, cutoff };
      }
      try {
        const erased = await this.eraseClosedBefore(cutoff, now);
        this.metrics.erased('retention', erased);
        this.metrics.ran('done');
        this.logger.log(`retention: erased ${erased} clients whose cases all closed before ${cutoff}`);
        return { ran: true, erased, cutoff };
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
      }
    } finally {
      await lock.release();
    }
  }

  private async eraseClosedBefore(cutoff: string, now: string): Promise<number> {
    const view = await this.views.at({}, [clientRetentionView.projection]);
    let erased = 0;
    let after: string | undefined;
    for (;;) {
      const { docs } = await view.read<ClientRetention>(
        clientRetentionView.projection,
        clientRetentionView.ranges.closedBefore(cutoff, after, PAGE),
      );
      const page = [...docs.values()];
      for (const client of page) if (await this.subjects.eraseSubject(client.subjectId, 'retention', now, true)) erased += 1;
      if (page.length < PAGE) return erased;
      after = page[page.length - 1]!.closedSince;
    }
  }
}
